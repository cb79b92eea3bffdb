import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { VersionedAutosave, type SaveAnswer } from './versioned-autosave'

type Other = { draftVersion: number; texts: string }

/** A server holding one draft, as the DAL does: a save names its base version or is a conflict. */
function server(start = 1) {
  const db = { version: start, text: 'v1', saves: [] as Array<{ text: string; base: number }> }
  const release: Array<() => void> = []
  let hold = false
  const save = async (text: string, base: number): Promise<SaveAnswer<Other>> => {
    db.saves.push({ text, base })
    if (hold) await new Promise<void>((resolve) => release.push(resolve))
    if (base !== db.version) return { status: 'conflict', current: { draftVersion: db.version, texts: db.text } }
    db.version += 1
    db.text = text
    return { status: 'saved', draftVersion: db.version, savedAt: `t${db.version}` }
  }
  return { db, save, holdSaves: (on: boolean) => (hold = on), releaseAll: () => release.splice(0).forEach((r) => r()) }
}

describe('VersionedAutosave', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('saves once typing pauses, with the version it started from', async () => {
    const s = server()
    const states: string[] = []
    const autosave = new VersionedAutosave<string, Other>({
      delayMs: 800,
      version: 1,
      savedAt: 't1',
      save: s.save,
      onChange: (st) => states.push(st.kind),
    })
    autosave.edit('a')
    autosave.edit('ab')
    await vi.advanceTimersByTimeAsync(799)
    expect(s.db.saves).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(s.db.saves).toEqual([{ text: 'ab', base: 1 }])
    expect(autosave.current).toEqual({ kind: 'saved', version: 2, savedAt: 't2' })
    expect(states).toEqual(['unsaved', 'unsaved', 'saving', 'saved'])
  })

  it('never overlaps two saves and saves what was typed during one, based on the new version', async () => {
    const s = server()
    const autosave = new VersionedAutosave<string, Other>({ delayMs: 100, version: 1, savedAt: 't1', save: s.save, onChange: () => {} })
    s.holdSaves(true)
    autosave.edit('first')
    await vi.advanceTimersByTimeAsync(100)
    autosave.edit('second')
    await vi.advanceTimersByTimeAsync(500)
    expect(s.db.saves).toHaveLength(1) // the second waits for the first
    s.holdSaves(false)
    s.releaseAll()
    await vi.advanceTimersByTimeAsync(0)
    expect(await autosave.flush()).toBe(true)
    expect(s.db.saves).toEqual([
      { text: 'first', base: 1 },
      { text: 'second', base: 2 },
    ])
    expect(s.db.text).toBe('second')
  })

  it('stops on a conflict, keeps the text, and saves only when the author chooses', async () => {
    const s = server()
    const autosave = new VersionedAutosave<string, Other>({ delayMs: 100, version: 1, savedAt: 't1', save: s.save, onChange: () => {} })
    // another author saves first
    await s.save('theirs', 1)
    autosave.edit('mine')
    await vi.advanceTimersByTimeAsync(100)
    expect(autosave.current).toMatchObject({ kind: 'conflict', other: { draftVersion: 2, texts: 'theirs' } })
    autosave.edit('mine, more')
    await vi.advanceTimersByTimeAsync(1000)
    expect(await autosave.flush()).toBe(false)
    expect(s.db.text).toBe('theirs') // nothing overwritten while the author has not chosen
    expect(await autosave.keepMine()).toBe(true)
    expect(s.db.text).toBe('mine, more')
    expect(autosave.version).toBe(3)
  })

  it('takes the other author’s text and continues from their version', async () => {
    const s = server()
    const autosave = new VersionedAutosave<string, Other>({ delayMs: 100, version: 1, savedAt: 't1', save: s.save, onChange: () => {} })
    await s.save('theirs', 1)
    autosave.edit('mine')
    await vi.advanceTimersByTimeAsync(100)
    autosave.takeTheirs('t2')
    expect(autosave.current).toEqual({ kind: 'saved', version: 2, savedAt: 't2' })
    autosave.edit('theirs, edited')
    expect(await autosave.flush()).toBe(true)
    expect(s.db.saves.at(-1)).toEqual({ text: 'theirs, edited', base: 2 })
  })

  it('takes a conflict found by a publish as its own: nothing is saved until the author chooses mine', async () => {
    const s = server()
    const autosave = new VersionedAutosave<string, Other>({ delayMs: 100, version: 1, savedAt: 't1', save: s.save, onChange: () => {} })
    await s.save('theirs', 1)
    autosave.conflictWith({ draftVersion: 2, texts: 'theirs' })
    autosave.edit('mine')
    await vi.advanceTimersByTimeAsync(1000)
    expect(await autosave.flush()).toBe(false)
    expect(s.db.saves).toHaveLength(1)
    expect(await autosave.keepMine()).toBe(true)
    expect(s.db.saves.at(-1)).toEqual({ text: 'mine', base: 2 })
  })

  it('keeps a failed save pending and sends it again with the next flush', async () => {
    let fail = true
    const s = server()
    const save = (text: string, base: number) => (fail ? Promise.reject(new Error('offline')) : s.save(text, base))
    const autosave = new VersionedAutosave<string, Other>({ delayMs: 100, version: 1, savedAt: 't1', save, onChange: () => {} })
    autosave.edit('text')
    await vi.advanceTimersByTimeAsync(100)
    expect(autosave.current.kind).toBe('failed')
    fail = false
    expect(await autosave.flush()).toBe(true)
    expect(s.db.text).toBe('text')
  })
})
