import { useLocale } from 'next-intl'
import { contentLocale, type Locale } from './locales.ts'

/** The interface language in a component that renders synchronously (a client component too): `currentLang()` for hooks. */
export function useLang(): Locale {
  return contentLocale(useLocale())
}
