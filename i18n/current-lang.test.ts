import { describe, expect, it, vi } from 'vitest'

const request = vi.hoisted(() => ({ locale: 'ko' }))
vi.mock('next-intl/server', () => ({ getLocale: async () => request.locale }))
vi.mock('next-intl', () => ({ useLocale: () => request.locale }))
const { currentLang } = await import('./current-lang.ts')
const { useLang } = await import('./use-lang.ts')

describe('currentLang and useLang', () => {
  it.each([
    ['ko', 'ko'],
    ['en', 'en'],
    // next-intl answers with what the request config chose; anything else is the default, as `=== 'en' ? 'en' : 'ko'` did
    ['fr', 'ko'],
    ['EN', 'ko'],
    ['', 'ko'],
  ])('the request in %j → %s', async (locale, expected) => {
    request.locale = locale
    expect(await currentLang()).toBe(expected)
    expect(useLang()).toBe(expected)
  })
})
