/**
 * Which language a page is served in. Kubelab's URLs carry no locale (a lesson's address is the same in both
 * languages); proxy.ts picks one per request and rewrites to app/[locale]/…, so the same lesson can be prerendered
 * once per language. No server-only imports: proxy.ts uses it.
 */
import { isLocale, negotiateLocale, type Locale } from '../../../i18n/locales.ts'

/** The learner's choice (the locale cookie) when it is one of ours, else the best match for the browser's languages. */
export function pageLocale(chosen: string | undefined, acceptLanguage: string | null): Locale {
  return isLocale(chosen) ? chosen : negotiateLocale(acceptLanguage)
}

/**
 * `/en/courses/…` typed or shared by someone: the locale it names and the address without it (the page's one
 * address), or null when the path starts with no locale.
 */
export function splitLocalePrefix(pathname: string): { locale: Locale; path: string } | null {
  const match = /^\/([^/]+)(\/.*)?$/.exec(pathname)
  if (!match || !isLocale(match[1])) return null
  return { locale: match[1], path: match[2] || '/' }
}

/** The internal path of a page in app/[locale]/: `/ko` for the home page, `/ko/courses/…` for the rest. */
export function localizedPath(locale: Locale, pathname: string): string {
  return pathname === '/' ? `/${locale}` : `/${locale}${pathname}`
}
