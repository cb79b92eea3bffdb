import { describe, expect, it } from 'vitest'
import { deadlineChanges, fromLocalInput, toLocalInput } from './deadline-input.ts'

// The runtime's zone stands for the teacher's browser; the tests hold in any zone (CI runs in UTC, a laptop in Seoul).
const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).toISOString()

describe('a due date in a datetime-local input', () => {
  it('shows a stored moment in the teacher’s zone and reads it back to the same moment', () => {
    const iso = local(2026, 11, 20, 15, 0)
    expect(toLocalInput(iso)).toBe('2026-11-20T15:00')
    expect(fromLocalInput('2026-11-20T15:00')).toBe(iso)
    expect(fromLocalInput('2026-11-20T15:00:30')).toBe(new Date(2026, 10, 20, 15, 0, 30).toISOString())
    expect(toLocalInput(null)).toBe('')
    expect(toLocalInput('not a date')).toBe('')
  })

  it('reads nothing from an empty, partial or impossible value', () => {
    for (const value of ['', '2026-11-20', '2026-11-20T', '2026-11-20 15:00', '2026-02-30T10:00', '2026-13-01T10:00', 'tomorrow'])
      expect(fromLocalInput(value), value).toBeNull()
  })
})

describe('which edits a save sends', () => {
  const lessons = ['intro', 'pod', 'service', 'deployment']
  const stored = new Map([
    ['pod', local(2026, 11, 20, 15, 0)],
    ['service', new Date(new Date(local(2026, 11, 27, 9, 0)).getTime() + 30_000).toISOString()], // set with seconds elsewhere
  ])

  it('sends a new date, a moved date and a cleared date, in course order, and nothing untouched', () => {
    expect(deadlineChanges(lessons, stored, { deployment: '2026-12-01T09:00', pod: '2026-11-21T15:00', service: '' })).toEqual([
      { lessonId: 'pod', dueAt: local(2026, 11, 21, 15, 0) },
      { lessonId: 'service', dueAt: null },
      { lessonId: 'deployment', dueAt: local(2026, 12, 1, 9, 0) },
    ])
    expect(deadlineChanges(lessons, stored, {})).toEqual([])
  })

  it('sends nothing for an edit back to the stored minute, a cleared lesson that had no date, or a half-typed value', () => {
    expect(
      deadlineChanges(lessons, stored, { pod: '2026-11-20T15:00', service: '2026-11-27T09:00', intro: '', deployment: '2026-12-0' }),
    ).toEqual([])
  })
})
