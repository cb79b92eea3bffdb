import { describe, expect, it } from 'vitest'
import { compareStrings, sortShort } from './sort.ts'
import { seedRng as createRng, nextInt } from './rng.ts'

describe('sortShort', () => {
  it('orders like Array.prototype.sort, stably, for short and long lists', () => {
    const rng = createRng(3)
    for (const n of [0, 1, 2, 3, 7, 16, 17, 40]) {
      const items = Array.from({ length: n }, (_, i) => ({ key: nextInt(rng, 5), i }))
      const byKey = (a: { key: number }, b: { key: number }): number => a.key - b.key
      expect(sortShort([...items], byKey)).toEqual([...items].sort(byKey))
    }
  })

  it('sorts strings in code-unit order, as sort() without a comparator does', () => {
    const names = ['web', 'Web', 'api', 'kubernetes', 'a-b', 'a']
    expect(sortShort([...names], compareStrings)).toEqual([...names].sort())
  })
})
