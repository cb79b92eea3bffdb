import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DraftSaver, initialDraftText } from './draft-saver'

describe('DraftSaver', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('saves once typing pauses for the delay, with the latest text', () => {
    const save = vi.fn()
    const saver = new DraftSaver({ delayMs: 1000, save })
    saver.schedule('r')
    vi.advanceTimersByTime(600)
    saver.schedule('re')
    vi.advanceTimersByTime(600)
    saver.schedule('rep')
    vi.advanceTimersByTime(999)
    expect(save).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(save).toHaveBeenCalledTimes(1)
    expect(save).toHaveBeenCalledWith('rep', { leavingPage: false })
  })

  it('flushes what is pending at once, once, and tells the save when the page is going away', () => {
    const save = vi.fn()
    const saver = new DraftSaver({ delayMs: 1000, save })
    saver.schedule('replicas: 3')
    saver.flush({ leavingPage: true })
    expect(save).toHaveBeenCalledWith('replicas: 3', { leavingPage: true })
    vi.advanceTimersByTime(5000)
    saver.flush()
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('does not send text the destination already holds', () => {
    const save = vi.fn()
    const saver = new DraftSaver({ delayMs: 100, save, alreadySaved: 'kind: Pod' })
    saver.schedule('kind: Pod')
    vi.advanceTimersByTime(100)
    expect(save).not.toHaveBeenCalled()
    saver.schedule('kind: Pod\n')
    vi.advanceTimersByTime(100)
    saver.schedule('kind: Pod\n')
    vi.advanceTimersByTime(100)
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('keeps a text whose save failed, and sends it with the next flush', async () => {
    const save = vi.fn<(text: string) => Promise<void>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue()
    const saver = new DraftSaver({ delayMs: 100, save })
    saver.schedule('a')
    vi.advanceTimersByTime(100)
    await vi.runAllTimersAsync()
    expect(saver.hasPending).toBe(true)
    saver.flush()
    expect(save.mock.calls.map((c) => c[0])).toEqual(['a', 'a'])
    expect(saver.hasPending).toBe(false)
  })

  it('a failure of an older save does not bring back text that was replaced meanwhile', async () => {
    let rejectFirst: (e: Error) => void = () => {}
    const save = vi
      .fn<(text: string) => Promise<void>>()
      .mockImplementationOnce(() => new Promise((_, reject) => (rejectFirst = reject)))
      .mockResolvedValue()
    const saver = new DraftSaver({ delayMs: 100, save })
    saver.schedule('old')
    vi.advanceTimersByTime(100)
    saver.schedule('new')
    vi.advanceTimersByTime(100)
    rejectFirst(new Error('timeout'))
    await vi.runAllTimersAsync()
    saver.flush()
    expect(save.mock.calls.map((c) => c[0])).toEqual(['old', 'new'])
  })

  it('cancel forgets the pending text', () => {
    const save = vi.fn()
    const saver = new DraftSaver({ delayMs: 100, save })
    saver.schedule('x')
    saver.cancel()
    vi.advanceTimersByTime(1000)
    saver.flush()
    expect(save).not.toHaveBeenCalled()
  })
})

describe('the text the editor opens with', () => {
  it("prefers this browser's draft, then the server's, then the starter", () => {
    expect(initialDraftText({ local: 'mine here', server: 'mine there', starter: 'start' })).toBe('mine here')
    expect(initialDraftText({ local: null, server: 'mine there', starter: 'start' })).toBe('mine there')
    expect(initialDraftText({ local: null, server: null, starter: 'start' })).toBe('start')
    // an emptied editor is a choice the learner made: it stays empty
    expect(initialDraftText({ local: '', server: 'mine there', starter: 'start' })).toBe('')
  })
})
