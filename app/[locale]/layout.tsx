import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { notFound } from 'next/navigation'
import { NextIntlClientProvider } from 'next-intl'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { isLocale, locales } from '@/i18n/locales'
import { SiteHeader } from '@/components/site/SiteHeader'
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

/** The same for everyone, so lessons can be prerendered: who is signed in is asked by the header in the browser. */
export default async function RootLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  setRequestLocale(locale)
  const t = await getTranslations('site')
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        {/* allowed by its hash in the Content-Security-Policy, so it needs no nonce */}
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <NextIntlClientProvider>
          <a className="skip-link" href="#main">
            {t('skipToContent')}
          </a>
          <SiteHeader />
          <SignedInExtras />
          <main id="main">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  )
}
