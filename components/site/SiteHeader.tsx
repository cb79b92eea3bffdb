import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { displayedSession } from '@/lib/server/session'
import { signOutAction } from '@/app/(auth)/actions'
import { AuthLinks } from './AuthLinks'
import { HeaderMenu } from './HeaderMenu'
import { LocaleSwitcher } from './LocaleSwitcher'
import { NavLink } from './NavLink'
import { ThemeToggle } from './ThemeToggle'

export async function SiteHeader() {
  const t = await getTranslations('site')
  const locale = await getLocale()
  const session = await displayedSession()
  const role = session?.role
  const who = session ? (session.name ?? session.email ?? '') : ''
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24">
          <path fill="currentColor" d="M12 1.5 21.5 6v12L12 22.5 2.5 18V6z" opacity=".2" />
          <path fill="none" stroke="currentColor" strokeWidth="1.8" d="M12 1.5 21.5 6v12L12 22.5 2.5 18V6zM12 7v10M7.5 9.5l9 5M16.5 9.5l-9 5" />
        </svg>
        {t('name')}
      </Link>
      <HeaderMenu label={t('nav.menu')}>
        <nav aria-label={t('nav.main')}>
          <NavLink href="/courses/kubernetes-basics">{t('nav.course')}</NavLink>
          {session && <NavLink href="/progress">{t('nav.progress')}</NavLink>}
          {(role === 'teacher' || role === 'admin') && <NavLink href="/teach">{t('nav.classes')}</NavLink>}
          {(role === 'author' || role === 'admin') && <NavLink href="/studio">{t('nav.studio')}</NavLink>}
          {role === 'admin' && <NavLink href="/admin">{(await getTranslations('admin'))('nav')}</NavLink>}
        </nav>
        <div className="header-tools">
          <div className="header-settings">
            <LocaleSwitcher current={locale} label={t('language')} />
            <ThemeToggle label={t('nav.darkMode')} />
          </div>
          {session ? (
            <div className="header-account">
              <span className="role-badge" data-testid="current-role" title={t('nav.signedInAs', { name: who, role: t(`role.${session.role}`) })}>
                <span className="role-name">{who}</span>
                <span className="role-kind">· {t(`role.${session.role}`)}</span>
              </span>
              <form action={signOutAction}>
                <button className="button small" type="submit">
                  {t('nav.signOut')}
                </button>
              </form>
            </div>
          ) : (
            <div className="header-account">
              <AuthLinks signIn={t('nav.signIn')} signUp={t('nav.signUp')} />
            </div>
          )}
        </div>
      </HeaderMenu>
    </header>
  )
}
