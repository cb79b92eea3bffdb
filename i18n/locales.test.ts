import { describe, expect, it } from 'vitest'
import { negotiateLocale } from './locales.ts'

describe('negotiateLocale', () => {
  it.each([
    [null, 'ko'],
    ['en-US,en;q=0.9', 'en'],
    ['ko-KR,ko;q=0.9,en;q=0.8', 'ko'],
    ['fr-FR,fr;q=0.9,en;q=0.5', 'en'],
    ['fr-FR', 'ko'],
    ['ko;q=0.2,en;q=0.8', 'en'],
    ['en;q=0', 'ko'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected)
  })
})
