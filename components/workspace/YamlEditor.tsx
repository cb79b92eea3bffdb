'use client'
import Editor, { type OnMount } from '@monaco-editor/react'
import { useEffect, useRef } from 'react'
import { monaco } from './monaco-setup'
import type { Diagnostic } from '@/lib/k8s'

export interface EditorHandle {
  revealLine(line: number): void
  setValue(text: string): void
  focus(): void
}

interface Props {
  exerciseId: string
  value: string
  onChange(value: string): void
  onSubmitShortcut(): void
  onRunShortcut?(): void
  onReady(handle: EditorHandle): void
  markers: Diagnostic[]
  label: string
  theme: 'light' | 'dark'
  /** 'yaml' for manifests (Kubernetes schema), 'shell' for kubectl commands. */
  language?: 'yaml' | 'shell'
}

/** The Monaco YAML editor with Kubernetes completions, hover docs and schema errors (monaco-yaml). */
export default function YamlEditor({ exerciseId, value, onChange, onSubmitShortcut, onRunShortcut, onReady, markers, label, theme, language = 'yaml' }: Props) {
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null)
  const submitRef = useRef(onSubmitShortcut)
  submitRef.current = onSubmitShortcut
  const runRef = useRef(onRunShortcut)
  runRef.current = onRunShortcut

  const onMount: OnMount = (editor) => {
    editorRef.current = editor
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => submitRef.current())
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => runRef.current?.())
    onReady({
      revealLine(line) {
        editor.revealLineInCenter(line)
        editor.setPosition({ lineNumber: line, column: 1 })
        editor.focus()
      },
      setValue(text) {
        editor.setValue(text)
      },
      focus() {
        editor.focus()
      },
    })
  }

  // The server's validation errors, as markers on their lines.
  useEffect(() => {
    const model = editorRef.current?.getModel()
    if (!model) return
    monaco.editor.setModelMarkers(
      model,
      'kubelab',
      markers
        .filter((m) => m.line > 0)
        .map((m) => ({
          severity: monaco.MarkerSeverity.Error,
          message: `${m.field}: ${m.message}`,
          startLineNumber: m.line,
          startColumn: Math.max(1, m.column),
          endLineNumber: m.line,
          endColumn: model.getLineMaxColumn(Math.min(m.line, model.getLineCount())),
        })),
    )
  }, [markers])

  return (
    <Editor
      height="100%"
      language={language}
      path={language === 'yaml' ? `file:///exercises/${exerciseId}.k8s.yaml` : `file:///exercises/${exerciseId}.sh`}
      value={value}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      onChange={(v) => onChange(v ?? '')}
      onMount={onMount}
      options={{
        minimap: { enabled: false },
        fontSize: 14,
        tabSize: 2,
        insertSpaces: true,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        quickSuggestions: { other: true, comments: false, strings: true },
        ariaLabel: label,
        renderWhitespace: 'boundary',
      }}
    />
  )
}
