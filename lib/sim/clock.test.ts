import { describe, expect, it } from 'vitest'
import { goDuration, humanDuration, parseDuration } from './clock.ts'

describe('virtual clock helpers', () => {
  it.each([
    [0, '0s'],
    [59_000, '59s'],
    [119_000, '119s'],
    [120_000, '2m'],
    [150_000, '2m30s'],
    [600_000, '10m'],
    [3 * 3_600_000, '3h'],
    [3 * 3_600_000 + 5 * 60_000, '3h5m'],
    [30 * 3_600_000, '30h'],
    [3 * 86_400_000 + 3_600_000, '3d1h'],
  ])('AGE of %i ms is %s (kubectl HumanDuration)', (ms, text) => {
    expect(humanDuration(ms)).toBe(text)
  })
  it('parses scenario durations', () => {
    expect(parseDuration('90s')).toBe(90_000)
    expect(parseDuration('5m')).toBe(300_000)
    expect(parseDuration('1m30s')).toBe(90_000)
    expect(parseDuration(12)).toBe(12_000)
    expect(parseDuration('1.5s')).toBe(1500)
    expect(parseDuration('soon')).toBeUndefined()
    expect(parseDuration('5x')).toBeUndefined()
    expect(parseDuration(-1)).toBeUndefined()
  })
  it('prints Go durations like kubelet messages', () => {
    expect(goDuration(588)).toBe('588ms')
    expect(goDuration(3400)).toBe('3.4s')
    expect(goDuration(90_000)).toBe('1m30s')
  })
})
