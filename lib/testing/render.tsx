/** Component tests: React elements server-rendered inside next-intl's provider, with the app's own message files. */
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl'
import { expect } from 'vitest'
import type { Locale } from '../../i18n/locales.ts'

/**
 * A `render(ui, locale)` over these messages (per locale) that fails the test on any missing message or formatting
 * error. `errors` is where next-intl's errors are collected: pass the array a mocked `getTranslations` also writes to,
 * and the server components' errors fail the render too; without it each render collects its own.
 */
export function intlRenderer(
  messages: Record<Locale, AbstractIntlMessages>,
  options: { errors?: string[] } = {},
): (ui: ReactNode, locale?: Locale) => string {
  return (ui, locale = 'ko') => {
    const errors = options.errors ?? []
    const html = renderToStaticMarkup(
      <NextIntlClientProvider locale={locale} timeZone="UTC" messages={messages[locale]} onError={(e) => errors.push(e.message)}>
        {ui}
      </NextIntlClientProvider>,
    )
    expect(errors).toEqual([])
    return html
  }
}
