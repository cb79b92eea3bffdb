import { describe, expect, it } from 'vitest'
import { addDays, dailyCompletions, dayKey, progressTimeline } from './progress-timeline.ts'

const utc = (iso: string) => new Date(iso)
const now = utc('2026-11-20T03:00:00Z') // 12:00 in Seoul, still the 19th in New York

describe('days in a time zone', () => {
  it('puts a moment on the calendar day of the zone asked for', () => {
    expect(dayKey(utc('2026-11-19T16:30:00Z'), 'Asia/Seoul')).toBe('2026-11-20')
    expect(dayKey(utc('2026-11-19T16:30:00Z'), 'UTC')).toBe('2026-11-19')
    expect(dayKey(now, 'America/New_York')).toBe('2026-11-19')
  })

  it('adds calendar days across month ends and daylight-saving changes', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02') // US clocks go back that night
  })
})

describe('lessons completed per day', () => {
  const records = [
    { userId: 'a', completedAt: utc('2026-11-18T01:00:00Z'), updatedAt: utc('2026-11-18T01:00:00Z') },
    { userId: 'a', completedAt: utc('2026-11-18T09:00:00Z'), updatedAt: utc('2026-11-19T09:00:00Z') },
    { userId: 'b', completedAt: utc('2026-11-19T23:00:00Z'), updatedAt: utc('2026-11-19T23:00:00Z') }, // the 20th in Seoul
    { userId: 'b', completedAt: null, updatedAt: utc('2026-11-20T02:00:00Z') }, // started, not completed
    { userId: 'c', completedAt: null, updatedAt: null },
  ]

  it('counts completions per calendar day in the zone, every day of the window present', () => {
    const seoul = dailyCompletions(records, { now, timeZone: 'Asia/Seoul', minDays: 3 })
    expect(seoul.days).toEqual([
      { day: '2026-11-18', completed: 2 },
      { day: '2026-11-19', completed: 0 },
      { day: '2026-11-20', completed: 1 },
    ])
    expect(seoul).toMatchObject({ total: 3, earlier: 0, peak: 2 })
    // the same moments in UTC fall on other days
    expect(dailyCompletions(records, { now, timeZone: 'UTC', minDays: 3 }).days.map((d) => d.completed)).toEqual([2, 1, 0])
  })

  it('runs from the first completion to today, at least minDays and at most maxDays long, counting older ones as earlier', () => {
    const long = [{ userId: 'a', completedAt: utc('2026-08-01T12:00:00Z') }, ...records]
    const window = dailyCompletions(long, { now, timeZone: 'UTC', maxDays: 30 })
    expect(window.days).toHaveLength(30)
    expect(window.days.at(-1)!.day).toBe('2026-11-20')
    expect(window.days[0]!.day).toBe('2026-10-22')
    expect(window).toMatchObject({ total: 3, earlier: 1 })
    expect(dailyCompletions(records, { now, timeZone: 'UTC' }).days).toHaveLength(14)
  })

  it('is a window of empty days when nothing was completed', () => {
    const none = dailyCompletions([{ userId: 'a', completedAt: null }], { now, timeZone: 'UTC', minDays: 7 })
    expect(none.days).toHaveLength(7)
    expect(none).toMatchObject({ total: 0, earlier: 0, peak: 0 })
  })

  it('leaves out a completion after today rather than drawing it in the future', () => {
    const ahead = dailyCompletions([{ userId: 'a', completedAt: utc('2026-11-25T00:00:00Z') }], { now, timeZone: 'UTC', minDays: 3 })
    expect(ahead).toMatchObject({ total: 0, earlier: 0 })
  })
})

describe('a class’s progress over time', () => {
  it('gives each learner their own days on the class’s window, and their last activity', () => {
    const records = [
      { userId: 'a', completedAt: utc('2026-11-10T10:00:00Z'), updatedAt: utc('2026-11-10T10:00:00Z') },
      { userId: 'b', completedAt: utc('2026-11-19T10:00:00Z'), updatedAt: utc('2026-11-19T10:00:00Z') },
      { userId: 'b', completedAt: null, updatedAt: utc('2026-11-20T01:00:00Z') },
      { userId: 'gone', completedAt: utc('2026-11-19T10:00:00Z'), updatedAt: utc('2026-11-19T10:00:00Z') },
    ]
    const timeline = progressTimeline(records, ['a', 'b', 'c'], { now, timeZone: 'UTC', minDays: 3 })
    expect(timeline.class.days).toHaveLength(11) // the 10th to the 20th
    expect(timeline.class.total).toBe(2) // not the learner who left
    const a = timeline.learners.get('a')!
    const b = timeline.learners.get('b')!
    expect(a.days.map((d) => d.day)).toEqual(timeline.class.days.map((d) => d.day))
    expect(a.days[0]).toEqual({ day: '2026-11-10', completed: 1 })
    expect(b.total).toBe(1)
    expect(b.days.find((d) => d.day === '2026-11-19')!.completed).toBe(1)
    expect(timeline.learners.get('c')!.total).toBe(0)
    expect(timeline.learners.has('gone')).toBe(false)
    expect(timeline.lastActivity.get('a')).toEqual(utc('2026-11-10T10:00:00Z'))
    expect(timeline.lastActivity.get('b')).toEqual(utc('2026-11-20T01:00:00Z'))
    expect(timeline.lastActivity.get('c')).toBeNull()
  })
})
