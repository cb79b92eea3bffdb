import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { HeaderMenu } from './HeaderMenu'
import { HeaderAccount, HeaderCommentsBadge, ViewerNavLinks } from './HeaderViewer'
import { LocaleSwitcher } from './LocaleSwitcher'
import { NavLink } from './NavLink'
import { ThemeToggle } from './ThemeToggle'

interface Props {
  /** the server actions the header's buttons call, handed down by the layout (components never import app/) */
  signOutAction: () => Promise<void>
  setLocaleAction: (locale: string) => Promise<void>
}

/** The same for everyone (it is part of prerendered pages); what depends on who is signed in is in HeaderViewer. */
export async function SiteHeader({ signOutAction, setLocaleAction }: Props) {
  const t = await getTranslations('site')
  const locale = await getLocale()
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24">
          <path fill="currentColor" d="M12 1.5 21.5 6v12L12 22.5 2.5 18V6z" opacity=".2" />
          <path
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            d="M12 1.5 21.5 6v12L12 22.5 2.5 18V6zM12 7v10M7.5 9.5l9 5M16.5 9.5l-9 5"
          />
        </svg>
        {t('name')}
      </Link>
      <HeaderCommentsBadge />
      <HeaderMenu label={t('nav.menu')}>
        <nav aria-label={t('nav.main')}>
          <NavLink href="/courses/kubernetes-basics">{t('nav.course')}</NavLink>
          <ViewerNavLinks />
        </nav>
        <div className="header-tools">
          <div className="header-settings">
            <LocaleSwitcher current={locale} label={t('language')} setLocaleAction={setLocaleAction} />
            <ThemeToggle label={t('nav.darkMode')} />
          </div>
          <HeaderAccount signOutAction={signOutAction} />
        </div>
      </HeaderMenu>
    </header>
  )
}
