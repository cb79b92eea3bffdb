import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { currentSession } from '@/lib/server/session'
import { LocaleSwitcher } from './LocaleSwitcher'
import { ThemeToggle } from './ThemeToggle'
import { signOutAction } from '@/app/(auth)/actions'

export async function SiteHeader() {
  const t = await getTranslations('site')
  const locale = await getLocale()
  const session = await currentSession()
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24">
          <path fill="currentColor" d="M12 1.5 21.5 6v12L12 22.5 2.5 18V6z" opacity=".2" />
          <path fill="none" stroke="currentColor" strokeWidth="1.8" d="M12 1.5 21.5 6v12L12 22.5 2.5 18V6zM12 7v10M7.5 9.5l9 5M16.5 9.5l-9 5" />
        </svg>
        {t('name')}
      </Link>
      <nav aria-label="Main">
        <Link href="/courses/kubernetes-basics">{t('nav.course')}</Link>
        {session && <Link href="/progress">{t('nav.progress')}</Link>}
        {session && (session.role === 'teacher' || session.role === 'admin') && <Link href="/teach">{t('nav.classes')}</Link>}
        {session && (session.role === 'author' || session.role === 'admin') && <Link href="/studio">{t('nav.studio')}</Link>}
      </nav>
      <div className="header-tools">
        <LocaleSwitcher current={locale} label={t('language')} />
        <ThemeToggle />
        {session ? (
          <>
            <span className="role-badge" data-testid="current-role" title={t('signedInAs', { name: session.name ?? session.email ?? '', role: t(`role.${session.role}`) })}>
              {session.name ?? session.email} · {t(`role.${session.role}`)}
            </span>
            <form action={signOutAction}>
              <button className="button small" type="submit">
                {t('nav.signOut')}
              </button>
            </form>
          </>
        ) : (
          <>
            <Link className="button small" href="/signin">
              {t('nav.signIn')}
            </Link>
            <Link className="button small primary" href="/signup">
              {t('nav.signUp')}
            </Link>
          </>
        )}
      </div>
    </header>
  )
}
