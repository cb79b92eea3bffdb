import { getLocale } from 'next-intl/server'
import { contentLocale, type Locale } from './locales.ts'

/**
 * The interface language of the request being rendered — in a server component, a server action or a route
 * handler — as one of our locales (anything else is the default, as the request config already decides).
 */
export async function currentLang(): Promise<Locale> {
  return contentLocale(await getLocale())
}
