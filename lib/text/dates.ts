/**
 * Dates and times for people, in Korean or English (docs/korean-style.md): "2026. 12. 4. 오후 5:24",
 * "Dec 4, 2026, 5:24 PM". One place, so every page, table and title shows a moment the same way.
 *
 * Korean times always read 오전/오후: recent ICU data (CLDR 48, in Node 20.20 and newer browsers) abbreviates
 * the Korean day period as "AM"/"PM", so the day period is set from the hour rather than trusted to the locale.
 * Pure: used by server pages and the UI alike.
 */
import type { Locale } from '../../i18n/locales.ts'

export interface DateOptions {
  /** An IANA zone such as "Asia/Seoul"; the runtime's zone (the TZ variable on a server) when left out. */
  timeZone?: string
}

const INTL_LOCALE: Record<Locale, string> = { ko: 'ko-KR', en: 'en-US' }
const INVALID = '—'

function toDate(value: Date | string | number): Date | null {
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

function dateFields(locale: Locale): Intl.DateTimeFormatOptions {
  return locale === 'ko' ? { year: 'numeric', month: 'numeric', day: 'numeric' } : { year: 'numeric', month: 'short', day: 'numeric' }
}

/** "2026. 12. 4." / "Dec 4, 2026". */
export function formatDate(value: Date | string | number, locale: Locale, options: DateOptions = {}): string {
  const date = toDate(value)
  if (!date) return INVALID
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...dateFields(locale), timeZone: options.timeZone }).format(date)
}

/** "2026. 12. 4. 오후 5:24" / "Dec 4, 2026, 5:24 PM". */
export function formatDateTime(value: Date | string | number, locale: Locale, options: DateOptions = {}): string {
  const date = toDate(value)
  if (!date) return INVALID
  const parts = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    ...dateFields(locale),
    hour: 'numeric',
    minute: '2-digit',
    timeZone: options.timeZone,
  }).formatToParts(date)
  // ICU puts a narrow no-break space before AM/PM in some versions and a plain space in others: one form for all.
  if (locale === 'en')
    return parts
      .map((p) => p.value)
      .join('')
      .replace(/\u202f/g, ' ')
  const hour = Number(
    new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone: options.timeZone })
      .formatToParts(date)
      .find((p) => p.type === 'hour')!.value,
  )
  return parts.map((p) => (p.type === 'dayPeriod' ? (hour < 12 ? '오전' : '오후') : p.value)).join('')
}
