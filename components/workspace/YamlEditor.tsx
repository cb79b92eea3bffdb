'use client'
import Editor, { type OnMount } from '@monaco-editor/react'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { monaco, setLineMarkers } from './monaco-setup'
import type { LineDiagnostic } from '@/lib/api-contract/exercises'
import { isApplePlatform } from './shortcuts'
import { useApplePlatform } from './useWorkspaceShortcuts'

type CodeEditor = Parameters<OnMount>[0]

export interface EditorHandle {
  /** The model's text now. */
  getText(): string
  /** Replaces the whole text as one edit the learner can undo (Ctrl+Z), never `setValue` (which drops the undo stack). */
  replaceAll(text: string): void
  revealLine(line: number): void
  focus(): void
}

interface Props {
  exerciseId: string
  /** The text the model starts with; read once, when the editor mounts. */
  initialText(): string
  /** Every change of the model's text (typing, undo, replaceAll). */
  onEdit(text: string): void
  onReady(handle: EditorHandle): void
  markers: LineDiagnostic[]
  label: string
  theme: 'light' | 'dark'
  /** 'yaml' for manifests (Kubernetes schema), 'shell' for kubectl commands. */
  language?: 'yaml' | 'shell'
}

declare global {
  interface Window {
    /** Read-only view of the model for automated browsers (e2e): exactly what the learner's keys produced. */
    kubelabEditorText?: () => string
  }
}

type TabMode = 'indent' | 'leaveOnce' | 'leave'

/**
 * The Monaco YAML editor with Kubernetes completions, hover docs and schema errors (monaco-yaml). Uncontrolled:
 * the model is the source of truth; React never writes a `value` back into it (that replaced the whole text with a
 * stale copy while the learner typed, see docs/decisions/0007-uncontrolled-editor.md).
 */
export default function YamlEditor({ exerciseId, initialText, onEdit, onReady, markers, label, theme, language = 'yaml' }: Props) {
  const t = useTranslations('workspace')
  const editorRef = useRef<CodeEditor | null>(null)
  // Monaco's change listener is registered once, on mount: it calls the `onEdit` of the latest commit.
  const onEditRef = useRef(onEdit)
  useLayoutEffect(() => {
    onEditRef.current = onEdit
  }, [onEdit])
  const [initial] = useState(initialText)
  const [focused, setFocused] = useState(false)
  const [tabMode, setTabMode] = useState<TabMode>('indent')
  const tabModeRef = useRef<TabMode>('indent')
  const apple = useApplePlatform()

  const setMode = (mode: TabMode) => {
    tabModeRef.current = mode
    setTabMode(mode)
    editorRef.current?.updateOptions({ tabFocusMode: mode !== 'indent' })
  }

  const ctrlM = apple ? '⌃M' : 'Ctrl+M'
  const indentHint = t('tabHint', { ctrlM })
  const options = useMemo(
    () => ({
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      automaticLayout: true,
      quickSuggestions: { other: true, comments: false, strings: true },
      // Screen readers hear how to leave the editor when they enter it.
      ariaLabel: `${label}. ${indentHint}`,
      renderWhitespace: 'boundary' as const,
      // a dimmed number on the empty last line is below WCAG contrast (axe); the plain one reads the same
      renderFinalNewline: 'on' as const,
      // Enter accepts a completion only when it changes the text: a list that pops up late (a slow machine) while the
      // learner already typed the word must not swallow the new line they meant
      acceptSuggestionOnEnter: 'smart' as const,
      // Hovers and completions are drawn above the page, so one near the editor's left edge is not cut off.
      fixedOverflowWidgets: true,
      // Its pinned lines are extra Tab stops (tabindex=0) between the text and the rest of the page, for files of a
      // few dozen lines.
      stickyScroll: { enabled: false },
    }),
    [label, indentHint],
  )

  const onMount: OnMount = (editor) => {
    editorRef.current = editor
    editor.onDidChangeModelContent(() => onEditRef.current(editor.getValue()))
    editor.onDidFocusEditorText(() => setFocused(true))
    editor.onDidBlurEditorText(() => {
      setFocused(false)
      if (tabModeRef.current === 'leaveOnce') setMode('indent')
    })
    // Esc then Tab leaves: any other key after Esc gives Tab back to indenting.
    editor.onKeyDown((e) => {
      if (tabModeRef.current !== 'leaveOnce') return
      if (e.keyCode === monaco.KeyCode.Tab || e.keyCode === monaco.KeyCode.Escape || e.keyCode === monaco.KeyCode.Shift) return
      setMode('indent')
    })
    // Ctrl+M (on every platform, as Monaco's own) switches Tab between indenting and leaving until pressed again.
    const ctrl = isApplePlatform(navigator.platform) ? monaco.KeyMod.WinCtrl : monaco.KeyMod.CtrlCmd
    editor.addCommand(ctrl | monaco.KeyCode.KeyM, () => setMode(tabModeRef.current === 'leave' ? 'indent' : 'leave'))
    if (navigator.webdriver) window.kubelabEditorText = () => editor.getValue()
    onReady({
      getText: () => editor.getValue(),
      replaceAll(text) {
        const model = editor.getModel()
        if (!model) return
        editor.pushUndoStop()
        editor.executeEdits('kubelab', [{ range: model.getFullModelRange(), text }], [new monaco.Selection(1, 1, 1, 1)])
        editor.pushUndoStop()
        editor.revealLine(1)
      },
      revealLine(line) {
        editor.revealLineInCenter(line)
        editor.setPosition({ lineNumber: line, column: 1 })
        editor.focus()
      },
      focus() {
        editor.focus()
      },
    })
  }

  useEffect(
    () => () => {
      if (window.kubelabEditorText) delete window.kubelabEditorText
    },
    [],
  )

  // The server's validation errors (and its not-simulated warnings), as markers on their lines.
  useEffect(() => {
    const model = editorRef.current?.getModel()
    if (!model) return
    setLineMarkers(
      model,
      'kubelab',
      markers.map((m) => ({
        line: m.line,
        column: m.column,
        message: `${m.field}: ${m.message}`,
        severity: m.type === 'NotSimulated' ? 'warning' : 'error',
      })),
    )
  }, [markers])

  return (
    <div
      className="yaml-editor"
      onKeyDown={(e) => {
        // Monaco stops the keys it uses (closing a completion list, hover or search box); an Escape that reaches
        // here closed nothing, so the next Tab leaves the editor.
        if (e.key === 'Escape' && tabModeRef.current === 'indent' && (e.target as HTMLElement).closest('.monaco-editor'))
          setMode('leaveOnce')
      }}
    >
      <div className="yaml-editor-host">
        <Editor
          height="100%"
          language={language}
          path={language === 'yaml' ? `file:///exercises/${exerciseId}.k8s.yaml` : `file:///exercises/${exerciseId}.sh`}
          defaultValue={initial}
          theme={theme === 'dark' ? 'vs-dark' : 'vs'}
          onMount={onMount}
          options={options}
        />
      </div>
      <p
        className="editor-tab-hint"
        data-testid="editor-tab-hint"
        data-mode={tabMode}
        aria-hidden={!focused}
        style={{ visibility: focused ? 'visible' : 'hidden' }}
      >
        {tabMode === 'indent' ? indentHint : tabMode === 'leaveOnce' ? t('tabLeavesOnce') : t('tabLeaves', { ctrlM })}
      </p>
    </div>
  )
}
