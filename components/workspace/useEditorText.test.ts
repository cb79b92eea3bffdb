// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import type { ConfirmRequest } from './ConfirmDialog'
import type { Draft } from './useDraft'
import type { EditorHandle } from './YamlEditor'
import { useEditorText } from './useEditorText'

const starter = 'kind: Deployment\n'
const ask: ConfirmRequest = { title: 'Reset', message: 'Replace your text?', confirmLabel: 'Replace', cancelLabel: 'Cancel' }

/** An editor whose model is a string; replaceAll and focus are recorded. */
function fakeEditor(text: string) {
  const editor = {
    text,
    focused: false,
    getText: () => editor.text,
    replaceAll: (next: string) => {
      editor.text = next
    },
    revealLine: vi.fn(),
    focus: () => {
      editor.focused = true
    },
  }
  return editor satisfies EditorHandle
}

function renderEditorText({ draftText = starter, answer = true }: { draftText?: string; answer?: boolean } = {}) {
  const draft: Draft = { current: () => draftText, edited: vi.fn(), flush: vi.fn() }
  const confirm = vi.fn(async (_request: ConfirmRequest) => answer)
  const showEditor = vi.fn()
  const hook = renderHook(() => useEditorText({ draft, starter, confirm, showEditor }))
  return { ...hook, confirm, showEditor }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('useEditorText', () => {
  it("reads the draft before the editor has mounted, then the editor's model", () => {
    const { result } = renderEditorText({ draftText: 'from the draft' })
    expect(result.current.text()).toBe('from the draft')
    act(() => result.current.ready(fakeEditor('in the model')))
    expect(result.current.text()).toBe('in the model')
  })

  it('replaces the untouched starter without asking, once the editor is on screen, and focuses it', async () => {
    const { result, confirm, showEditor } = renderEditorText()
    const editor = fakeEditor(starter)
    act(() => result.current.ready(editor))
    let replaced: boolean | undefined
    await act(async () => {
      replaced = await result.current.replace('kind: Pod\n', ask)
    })
    expect(replaced).toBe(true)
    expect(confirm).not.toHaveBeenCalled()
    expect(showEditor).toHaveBeenCalled()
    expect(editor.text).toBe(starter) // not before the editor's tab has been shown
    act(() => vi.advanceTimersToNextFrame())
    expect(editor.text).toBe('kind: Pod\n')
    expect(editor.focused).toBe(true)
  })

  it("asks before replacing the learner's own text, and leaves it when they decline", async () => {
    const { result, confirm } = renderEditorText({ answer: false })
    const editor = fakeEditor('replicas: 3 # mine')
    act(() => result.current.ready(editor))
    let replaced: boolean | undefined
    await act(async () => {
      replaced = await result.current.replace(starter, ask)
    })
    act(() => vi.advanceTimersToNextFrame())
    expect(confirm).toHaveBeenCalledWith(ask)
    expect(replaced).toBe(false)
    expect(editor.text).toBe('replicas: 3 # mine')
    expect(result.current.replacedNote).toBe(false)
  })

  it('says Ctrl+Z brings the replaced text back, for twelve seconds', async () => {
    const { result } = renderEditorText({ answer: true })
    act(() => result.current.ready(fakeEditor('replicas: 3 # mine')))
    await act(() => result.current.replace(starter, ask))
    act(() => vi.advanceTimersToNextFrame())
    expect(result.current.replacedNote).toBe(true)
    act(() => vi.advanceTimersByTime(11_999))
    expect(result.current.replacedNote).toBe(true)
    act(() => vi.advanceTimersByTime(1))
    expect(result.current.replacedNote).toBe(false)
  })

  it('waits for an editor still loading, then runs what was asked of it', () => {
    const { result } = renderEditorText()
    act(() => result.current.withEditor((e) => e.revealLine(7)))
    act(() => vi.advanceTimersToNextFrame())
    const editor = fakeEditor(starter)
    act(() => result.current.ready(editor))
    expect(editor.revealLine).toHaveBeenCalledWith(7)
  })
})
