'use client'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { EditorHandle } from './YamlEditor'
import type { Draft } from './useDraft'
import type { ConfirmRequest } from './ConfirmDialog'
import { replacementLosesText, shouldAskBeforeReplacing } from './replace-text'

interface Options {
  draft: Draft
  starter: string
  confirm(request: ConfirmRequest): Promise<boolean>
  /** Brings the editor on screen (its tab, not the solution diff) before it is edited or focused. */
  showEditor(): void
}

/**
 * The editor as the rest of the workspace sees it: its text, and replacing it (Reset, Load into editor) after
 * asking when the learner's own work would go, as one edit Ctrl+Z undoes.
 */
export function useEditorText({ draft, starter, confirm, showEditor }: Options) {
  const handle = useRef<EditorHandle | null>(null)
  const waiting = useRef<((editor: EditorHandle) => void)[]>([])
  const [replacedNote, setReplacedNote] = useState(false)

  const ready = useCallback((editor: EditorHandle) => {
    handle.current = editor
    for (const run of waiting.current.splice(0)) run(editor)
  }, [])

  /** Runs once the editor exists and is on screen (it may still be loading, or behind another tab). */
  const withEditor = useCallback(
    (run: (editor: EditorHandle) => void) => {
      showEditor()
      // After React has shown the editor's tab: a hidden editor cannot take focus.
      requestAnimationFrame(() => {
        if (handle.current) run(handle.current)
        else waiting.current.push(run)
      })
    },
    [showEditor],
  )

  /** The text Run and Submit use: the model's, or before the editor has mounted, the text it will open with. */
  const text = useCallback(() => handle.current?.getText() ?? draft.current(), [draft])

  const replace = useCallback(
    async (incoming: string, ask: ConfirmRequest): Promise<boolean> => {
      const current = text()
      if (shouldAskBeforeReplacing(current, { starter, incoming }) && !(await confirm(ask))) return false
      const loses = replacementLosesText(current, incoming)
      withEditor((editor) => {
        editor.replaceAll(incoming)
        editor.focus()
        setReplacedNote(loses)
      })
      return true
    },
    [text, starter, confirm, withEditor],
  )

  // Long enough to read and act on; screen readers hear it once (role=status).
  useEffect(() => {
    if (!replacedNote) return
    const timer = setTimeout(() => setReplacedNote(false), 12_000)
    return () => clearTimeout(timer)
  }, [replacedNote])

  return { ready, text, replace, withEditor, replacedNote }
}
