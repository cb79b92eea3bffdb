'use client'
import { useEffect, useSyncExternalStore } from 'react'
import { isLocale, localeCookie, negotiateLocale, type Locale } from '@/i18n/locales'
import en from '@/messages/en/errors.json'
import ko from '@/messages/ko/errors.json'
import './globals.css'

const messages = { ko: ko.error, en: en.error }

/** The reader's language from the cookie the language switcher sets, else the browser's languages. */
function readerLocale(): Locale {
  const chosen = document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${localeCookie}=`))
    ?.slice(localeCookie.length + 1)
  return isLocale(chosen) ? chosen : negotiateLocale(navigator.languages.join(','))
}
const noSubscription = () => () => {}

/**
 * When even the root layout fails, this replaces the whole document: no site header, no translations provider,
 * no theme script. So it reads the language and theme itself. Rendered ahead of time (no cookie to read), it
 * says everything in both languages until the browser knows which one the reader uses.
 */
export default function GlobalError({ error, retry, reset }: { error: unknown; retry?: () => void; reset?: () => void }) {
  const locale = useSyncExternalStore(noSubscription, readerLocale, () => null)
  useEffect(() => {
    console.error(error)
    try {
      const theme = localStorage.getItem('kubelab-theme')
      if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme
    } catch {
      // storage blocked: the system's colour scheme applies
    }
  }, [error])
  const digest = typeof error === 'object' && error !== null && 'digest' in error && typeof error.digest === 'string' ? error.digest : null
  const shown: Locale[] = locale ? [locale] : ['ko', 'en']
  return (
    <html lang={locale ?? 'ko'}>
      <body>
        <title>{shown.map((l) => messages[l].title).join(' · ')}</title>
        <main id="main" className="page narrow" data-testid="global-error">
          {shown.map((l) => (
            <section key={l} lang={l}>
              <h1>{messages[l].title}</h1>
              <p>{messages[l].body}</p>
            </section>
          ))}
          {digest && <p className="muted">{shown.map((l) => messages[l].reference.replace('{digest}', digest)).join(' · ')}</p>}
          <p>
            <button type="button" className="button primary" onClick={() => (retry ?? reset)?.()}>
              {shown.map((l) => messages[l].retry).join(' · ')}
            </button>{' '}
            {/* a plain link: the client router may be what failed */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load, without the client router */}
            <a className="button" href="/courses/kubernetes-basics">
              {shown.map((l) => messages[l].home).join(' · ')}
            </a>
          </p>
        </main>
      </body>
    </html>
  )
}
