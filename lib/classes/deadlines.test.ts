import { describe, expect, it } from 'vitest'
import { deadlineMark, deadlineState, isDueAtInBounds } from './deadlines.ts'

const due = new Date('2026-11-10T14:00:00Z')
const before = new Date('2026-11-10T13:59:59Z')
const after = new Date('2026-11-10T14:00:01Z')

describe('what a due date means for one learner’s lesson', () => {
  it('says nothing without a due date', () => {
    expect(deadlineState(null, { completed: true, completedAt: after }, after)).toBe('none')
    expect(deadlineState(undefined, { completed: false, completedAt: null }, after)).toBe('none')
  })

  it('calls work completed after the due date late, at or before it on time, whatever the time now', () => {
    expect(deadlineState(due, { completed: true, completedAt: after }, before)).toBe('late')
    expect(deadlineState(due, { completed: true, completedAt: due }, after)).toBe('onTime')
    expect(deadlineState(due, { completed: true, completedAt: before }, after)).toBe('onTime')
  })

  it('calls work not completed overdue only once now is past the due date', () => {
    expect(deadlineState(due, { completed: false, completedAt: null }, before)).toBe('upcoming')
    expect(deadlineState(due, { completed: false, completedAt: null }, due)).toBe('upcoming')
    expect(deadlineState(due, { completed: false, completedAt: null }, after)).toBe('overdue')
    // no clock given: nothing is judged overdue
    expect(deadlineState(due, { completed: false, completedAt: null }, null)).toBe('upcoming')
  })

  it('does not call completed work late when its completion time is unknown', () => {
    expect(deadlineState(due, { completed: true, completedAt: null }, after)).toBe('onTime')
  })

  it('marks only what a teacher should notice', () => {
    expect(['none', 'upcoming', 'overdue', 'onTime', 'late'].map((s) => deadlineMark(s as Parameters<typeof deadlineMark>[0]))).toEqual([
      null,
      null,
      'overdue',
      null,
      'late',
    ])
  })

  it('refuses due dates no class means (a typo in the year, an invalid date)', () => {
    expect(isDueAtInBounds(due)).toBe(true)
    expect(isDueAtInBounds(new Date('1999-12-31T23:59:59Z'))).toBe(false)
    expect(isDueAtInBounds(new Date('+020266-01-01T00:00:00Z'))).toBe(false)
    expect(isDueAtInBounds(new Date('not a date'))).toBe(false)
  })
})
