import { describe, expect, it } from 'vitest'
import { durationParts, sourceExcerpt } from './insight-display.ts'

const minute = 60_000

describe('durations and excerpts for the page', () => {
  it('says a duration in minutes, hours and minutes, or days and hours', () => {
    expect(durationParts(0)).toEqual({ unit: 'minutes', minutes: 0 })
    expect(durationParts(59 * minute)).toEqual({ unit: 'minutes', minutes: 59 })
    expect(durationParts(61 * minute)).toEqual({ unit: 'hours', hours: 1, minutes: 1 })
    expect(durationParts(26 * 60 * minute + 40 * minute)).toEqual({ unit: 'days', days: 1, hours: 2 })
  })

  it('shows a short source whole and a long one around its first marked line', () => {
    expect(sourceExcerpt('a\nb\nc', [2])).toEqual({ firstLine: 1, lines: ['a', 'b', 'c'], cut: false })
    const long = Array.from({ length: 200 }, (_, i) => `line ${i + 1}`).join('\n')
    const around = sourceExcerpt(long, [120, 130], 60)
    expect(around).toMatchObject({ firstLine: 115, cut: true })
    expect(around.lines).toHaveLength(60)
    expect(around.lines[0]).toBe('line 115')
    // near the end: still a full window
    expect(sourceExcerpt(long, [199], 60).firstLine).toBe(141)
    expect(sourceExcerpt(long, [], 60).firstLine).toBe(1)
  })
})
