import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from './dates.ts'

const seoul = { timeZone: 'Asia/Seoul' }
// 2026-12-04 17:24 in Seoul (UTC+9)
const evening = new Date('2026-12-04T08:24:00Z')

describe('formatDateTime', () => {
  it('writes Korean dates with dots and times with 오전/오후, never AM/PM', () => {
    expect(formatDateTime(evening, 'ko', seoul)).toBe('2026. 12. 4. 오후 5:24')
    expect(formatDateTime('2026-12-04T00:05:00Z', 'ko', seoul)).toBe('2026. 12. 4. 오전 9:05')
    expect(formatDateTime(evening, 'ko', seoul)).not.toMatch(/AM|PM/)
  })

  it('puts midnight and noon on the right side of the day', () => {
    expect(formatDateTime('2026-12-03T15:00:00Z', 'ko', seoul)).toBe('2026. 12. 4. 오전 12:00')
    expect(formatDateTime('2026-12-04T03:00:00Z', 'ko', seoul)).toBe('2026. 12. 4. 오후 12:00')
    expect(formatDateTime('2026-12-04T14:59:00Z', 'ko', seoul)).toBe('2026. 12. 4. 오후 11:59')
  })

  it('writes English with a short month and AM/PM', () => {
    expect(formatDateTime(evening, 'en', seoul)).toBe('Dec 4, 2026, 5:24 PM')
    expect(formatDateTime('2026-12-04T00:05:00Z', 'en', seoul)).toBe('Dec 4, 2026, 9:05 AM')
  })

  it('follows the time zone it is given', () => {
    expect(formatDateTime(evening, 'ko', { timeZone: 'UTC' })).toBe('2026. 12. 4. 오전 8:24')
    expect(formatDateTime(evening, 'en', { timeZone: 'America/New_York' })).toBe('Dec 4, 2026, 3:24 AM')
  })

  it('accepts an ISO string or a timestamp, and shows a dash for what is not a date', () => {
    expect(formatDateTime(evening.toISOString(), 'ko', seoul)).toBe(formatDateTime(evening.getTime(), 'ko', seoul))
    expect(formatDateTime('not a date', 'ko')).toBe('—')
    expect(formatDateTime(Number.NaN, 'en')).toBe('—')
  })
})

describe('formatDate', () => {
  it('writes the day alone', () => {
    expect(formatDate(evening, 'ko', seoul)).toBe('2026. 12. 4.')
    expect(formatDate(evening, 'en', seoul)).toBe('Dec 4, 2026')
    expect(formatDate('2026-12-04T20:00:00Z', 'ko', seoul)).toBe('2026. 12. 5.')
    expect(formatDate('', 'en')).toBe('—')
  })
})
