'use client'
import Editor, { type OnMount } from '@monaco-editor/react'
import { useEffect, useMemo, useRef } from 'react'
import 'monaco-editor/esm/vs/basic-languages/markdown/markdown.contribution.js'
import { kubernetesSchema, monaco, monacoYaml, setLineMarkers } from '@/components/workspace/monaco-setup'

type CodeEditor = Parameters<OnMount>[0]

// Monaco's light theme draws MDX attribute names in #ff0000, below WCAG contrast on white (axe); this module only
// loads in the browser (next/dynamic without SSR), so the theme exists before any editor mounts
monaco.editor.defineTheme('kubelab-studio-light', {
  base: 'vs',
  inherit: true,
  rules: [{ token: 'attribute.name', foreground: 'b30000' }],
  colors: {},
})

export interface StudioEditorHandle {
  getText(path: string): string | null
  /** Replaces a file's whole text as one edit the author can undo (Ctrl+Z). */
  replaceText(path: string, text: string): void
  revealPosition(line: number, column: number): void
}

export interface StudioMarker {
  line: number
  column: number
  message: string
}

interface Props {
  /** the file's address: one Monaco model (and undo history) per file */
  path: string
  language: 'yaml' | 'markdown'
  /** the text a file's model starts with, read when the model is first made */
  initialText(): string
  onEdit(path: string, text: string): void
  onReady(handle: StudioEditorHandle): void
  markers: StudioMarker[]
  label: string
  theme: 'light' | 'dark'
  /** JSON Schemas of exercise.yaml, quiz.yaml and lesson.yaml (generated from the zod schemas on the server) */
  schemas: Record<'exercise' | 'quiz' | 'lesson', Record<string, unknown>>
}

/**
 * The studio's editor: one Monaco for the lesson's five files, switching models by path so each file keeps its own
 * undo history and cursor. YAML files are checked against the authoring schemas as the author types (monaco-yaml);
 * MDX pages get the untrusted-page check's problems from the preview as markers.
 */
export default function StudioMonaco({ path, language, initialText, onEdit, onReady, markers, label, theme, schemas }: Props) {
  const editorRef = useRef<CodeEditor | null>(null)
  const onEditRef = useRef(onEdit)
  useEffect(() => {
    onEditRef.current = onEdit
  })

  useEffect(() => {
    const file = (name: string) => [`**/studio/**/${name}`]
    void monacoYaml.update({
      schemas: [
        kubernetesSchema,
        { uri: 'https://kubelab.dev/schemas/exercise.json', fileMatch: file('exercise.yaml'), schema: schemas.exercise as never },
        { uri: 'https://kubelab.dev/schemas/quiz.json', fileMatch: file('quiz.yaml'), schema: schemas.quiz as never },
        { uri: 'https://kubelab.dev/schemas/lesson.json', fileMatch: file('lesson.yaml'), schema: schemas.lesson as never },
      ],
    })
  }, [schemas])

  const options = useMemo(
    () => ({
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 2,
      insertSpaces: true,
      wordWrap: language === 'markdown' ? ('on' as const) : ('off' as const),
      scrollBeyondLastLine: false,
      automaticLayout: true,
      ariaLabel: label,
      fixedOverflowWidgets: true,
      stickyScroll: { enabled: false },
      acceptSuggestionOnEnter: 'smart' as const,
      // a dimmed number on the empty last line is below WCAG contrast (axe); the plain one reads the same
      renderFinalNewline: 'on' as const,
      // MDX is prose: closing a quote or a bracket the author typed themselves would double it
      autoClosingBrackets: language === 'markdown' ? ('never' as const) : ('languageDefined' as const),
      autoClosingQuotes: language === 'markdown' ? ('never' as const) : ('languageDefined' as const),
      quickSuggestions: language === 'yaml' ? { other: true, comments: false, strings: true } : false,
    }),
    [label, language],
  )

  const onMount: OnMount = (editor) => {
    editorRef.current = editor
    editor.onDidChangeModelContent(() => {
      const model = editor.getModel()
      if (model) onEditRef.current(model.uri.path, model.getValue())
    })
    const modelOf = (p: string) => monaco.editor.getModel(monaco.Uri.parse(`file://${p}`))
    onReady({
      getText: (p) => modelOf(p)?.getValue() ?? null,
      replaceText(p, text) {
        const model = modelOf(p)
        if (!model) return
        model.pushStackElement()
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null)
        model.pushStackElement()
      },
      revealPosition(line, column) {
        editor.revealLineInCenter(line)
        editor.setPosition({ lineNumber: line, column })
        editor.focus()
      },
    })
  }

  useEffect(() => {
    const model = editorRef.current?.getModel()
    if (!model || language !== 'markdown') return
    setLineMarkers(model, 'kubelab-studio', markers)
  }, [markers, language, path])

  return (
    <div className="studio-monaco">
      <Editor
        height="100%"
        language={language}
        path={`file://${path}`}
        defaultValue={initialText()}
        theme={theme === 'dark' ? 'vs-dark' : 'kubelab-studio-light'}
        onMount={onMount}
        options={options}
      />
    </div>
  )
}
