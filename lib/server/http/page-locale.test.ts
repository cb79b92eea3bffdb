import { describe, expect, it } from 'vitest'
import { localizedPath, pageLocale, splitLocalePrefix } from './page-locale.ts'

describe('pageLocale', () => {
  it('keeps the learner’s choice over the browser’s languages', () => {
    expect(pageLocale('en', 'ko-KR,ko;q=0.9')).toBe('en')
    expect(pageLocale('ko', 'en-US,en;q=0.9')).toBe('ko')
  })
  it('falls back to the browser’s languages when the cookie is missing or not ours', () => {
    expect(pageLocale(undefined, 'en-US,en;q=0.9')).toBe('en')
    expect(pageLocale('fr', 'fr-FR,en;q=0.5')).toBe('en')
    expect(pageLocale('../etc', null)).toBe('ko')
  })
})

describe('splitLocalePrefix', () => {
  it('finds a locale in the first segment only', () => {
    expect(splitLocalePrefix('/en/courses/kubernetes-basics')).toEqual({ locale: 'en', path: '/courses/kubernetes-basics' })
    expect(splitLocalePrefix('/ko')).toEqual({ locale: 'ko', path: '/' })
    expect(splitLocalePrefix('/ko/')).toEqual({ locale: 'ko', path: '/' })
    expect(splitLocalePrefix('/courses/en')).toBeNull()
    expect(splitLocalePrefix('/english')).toBeNull()
    expect(splitLocalePrefix('/')).toBeNull()
  })
})

describe('localizedPath', () => {
  it('puts the locale first, the home page being the locale alone', () => {
    expect(localizedPath('ko', '/')).toBe('/ko')
    expect(localizedPath('en', '/courses/kubernetes-basics/pod')).toBe('/en/courses/kubernetes-basics/pod')
  })
})
