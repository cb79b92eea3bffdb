import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { NextIntlClientProvider } from 'next-intl'
import { getLocale, getTranslations } from 'next-intl/server'
import { SiteHeader } from '@/components/site/SiteHeader'
import { VisitorImportOffer } from '@/components/visitor/VisitorImportOffer'
import { displayedSession } from '@/lib/server/session'
import { themeScript } from '@/lib/server/http/theme-script'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('site')
  return { title: { default: `Kubelab — ${t('tagline')}`, template: '%s · Kubelab' }, description: t('tagline') }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale()
  const t = await getTranslations('site')
  const session = await displayedSession()
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
          {/* keyed by account: another sign-in in this tab asks afresh */}
          {session && <VisitorImportOffer key={session.id} />}
          <main id="main">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  )
}
