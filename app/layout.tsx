import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { NextIntlClientProvider } from 'next-intl'
import { getLocale, getTranslations } from 'next-intl/server'
import { SiteHeader } from '@/components/site/SiteHeader'
import { VisitorImportOffer } from '@/components/visitor/VisitorImportOffer'
import { currentSession } from '@/lib/server/session'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('site')
  return { title: { default: `Kubelab — ${t('tagline')}`, template: '%s · Kubelab' }, description: t('tagline') }
}

// Applies the remembered theme before the first paint, so dark mode does not flash.
const themeScript = `try{var t=localStorage.getItem('kubelab-theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}`

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale()
  const t = await getTranslations('site')
  const session = await currentSession()
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
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
