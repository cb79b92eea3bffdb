export const locales = ['ko', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'ko'
export const localeCookie = 'NEXT_LOCALE'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/** The best supported locale for an Accept-Language header, honouring q-values. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { lang: (tag ?? '').toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1 }
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q)
  return ranked.map((x) => x.lang).find(isLocale) ?? defaultLocale
}

/**
 * One of our locales from a string that should be one: a page's app/[locale] segment (the layout has already refused
 * any other value) or what next-intl says the request's locale is (`currentLang()`, `useLang()`); else the default.
 */
export function contentLocale(value: string): Locale {
  return isLocale(value) ? value : defaultLocale
}
