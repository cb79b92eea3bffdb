import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { notFound } from 'next/navigation'
import { NextIntlClientProvider } from 'next-intl'
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server'
import { isLocale, locales } from '@/i18n/locales'
import { SiteHeader } from '@/components/site/SiteHeader'
import { setLocaleAction } from '../locale-actions'
import { signOutAction } from './(auth)/actions'
import { SignedInExtras } from '@/components/site/HeaderViewer'
import { themeScript } from '@/lib/server/http/theme-script'
import '../globals.css'

type Params = Promise<{ locale: string }>

// Every page has one address in both languages; proxy.ts rewrites it here with the locale it picked (ADR 0018).
export function generateStaticParams() {
  return locales.map((locale) => ({ locale }))
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params
  if (!isLocale(locale)) return {}
  const t = await getTranslations({ locale, namespace: 'site' })
  return { title: { default: `Kubelab — ${t('tagline')}`, template: '%s · Kubelab' }, description: t('tagline') }
}

/**
 * What the browser gets of the messages on every page: all but the namespaces only teachers', authors' and
 * admins' pages use (they are a third of the whole and would ride along in every prerendered lesson); those pages
 * add them with their own provider (FullMessages). The header's admin link keeps its one message, and the course
 * page keeps the learner's part of the due dates (`deadlines.due`).
 */
function publicMessages(all: Record<string, unknown>): Record<string, unknown> {
  const { admin, teach: _teach, studio: _studio, deadlines, ...rest } = all as Record<string, Record<string, unknown>>
  return { ...rest, admin: { nav: admin?.nav }, deadlines: { due: deadlines?.due } }
}

/** The same for everyone, so lessons can be prerendered: who is signed in is asked by the header in the browser. */
export default async function RootLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  setRequestLocale(locale)
  const t = await getTranslations('site')
  const messages = publicMessages(await getMessages())
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        {/* allowed by its hash in the Content-Security-Policy, so it needs no nonce */}
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <NextIntlClientProvider messages={messages}>
          <a className="skip-link" href="#main">
            {t('skipToContent')}
          </a>
          <SiteHeader signOutAction={signOutAction} setLocaleAction={setLocaleAction} />
          <SignedInExtras />
          <main id="main">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  )
}
