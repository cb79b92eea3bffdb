// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { renderHook } from '@testing-library/react'
import type { ConfirmRequest } from './ConfirmDialog'
import { loadIntoEditor } from './editor-events'
import { useLoadIntoEditor } from './useLoadIntoEditor'
import { EnglishMessages } from './test-builders'

function renderLoad(isManifest: boolean) {
  const replace = vi.fn(async (_yaml: string, _ask: ConfirmRequest) => true)
  const say = vi.fn()
  const hook = renderHook(() => useLoadIntoEditor({ isManifest, replace, say, commandKey: '⌘' }), { wrapper: EnglishMessages })
  return { ...hook, replace, say }
}

describe('useLoadIntoEditor', () => {
  it("puts a lesson's example into the editor, asking in the learner's language first if their text would go", () => {
    const { replace, say } = renderLoad(true)
    loadIntoEditor('kind: Pod\n')
    expect(replace).toHaveBeenCalledWith('kind: Pod\n', {
      title: 'Load into editor',
      message: 'The editor holds text of your own. Replace it with this example? Press ⌘Z afterwards to bring your text back.',
      confirmLabel: 'Replace',
      cancelLabel: 'Cancel',
    })
    expect(say).not.toHaveBeenCalled()
  })

  it('points a command exercise to the terminal instead', () => {
    const { replace, say } = renderLoad(false)
    loadIntoEditor('kind: Pod\n')
    expect(replace).not.toHaveBeenCalled()
    expect(say).toHaveBeenCalledWith('This exercise is done with kubectl commands in the Terminal.')
  })

  it('stops listening when the workspace goes away', () => {
    const { replace, unmount } = renderLoad(true)
    unmount()
    loadIntoEditor('kind: Pod\n')
    expect(replace).not.toHaveBeenCalled()
  })
})
