import Link from 'next/link'
import type { ReactNode } from 'react'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import type { Viewer } from '@/lib/server/dal'
import { hasRole } from '@/lib/server/auth/roles'
import { currentViewer } from '@/lib/server/viewer'
import './admin.css'

export type AdminTab = 'users' | 'invitations' | 'audit'
const tabs: { tab: AdminTab; href: string }[] = [
  { tab: 'users', href: '/admin' },
  { tab: 'invitations', href: '/admin/invitations' },
  { tab: 'audit', href: '/admin/audit' },
]

/**
 * The signed-in admin for an admin page: a visitor is sent to sign in (and back), anyone else gets `null` and
 * the page shows <NotAdmin />. The role is the one in the database now; the DAL checks it again for every read.
 */
export async function adminViewer(path: string): Promise<Viewer | null> {
  const viewer = await currentViewer()
  if (!viewer) redirect(`/signin?next=${encodeURIComponent(path)}`)
  return hasRole(viewer, ['admin']) ? viewer : null
}

export async function NotAdmin() {
  const t = await getTranslations('admin')
  return (
    <div className="page narrow">
      <h1>{t('title')}</h1>
      <p data-testid="not-admin">{t('notAdmin')}</p>
    </div>
  )
}

/** The frame of every admin page: the title, the tabs (the current one marked) and an introduction. */
export async function AdminFrame({ current, intro, children }: { current: AdminTab; intro: string; children: ReactNode }) {
  const t = await getTranslations('admin')
  return (
    <div className="page admin-page">
      <h1>{t('title')}</h1>
      <nav className="admin-tabs" aria-label={t('tabs.label')}>
        {tabs.map(({ tab, href }) => (
          <Link key={tab} href={href} aria-current={tab === current ? 'page' : undefined}>
            {t(`tabs.${tab}`)}
          </Link>
        ))}
      </nav>
      <p className="muted admin-intro">{intro}</p>
      {children}
    </div>
  )
}

/** Previous / next links that keep the rest of the query (search, role), and where we are. */
export async function Pager({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null
  const t = await getTranslations('admin.pager')
  return (
    <nav className="pager" aria-label={t('label')}>
      {page > 1 ? (
        <Link className="button small" href={href(page - 1)} rel="prev">
          ← {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{t('page', { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link className="button small" href={href(page + 1)} rel="next">
          {t('next')} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}

/** `?page=` as a positive whole number, 1 when missing or nonsense. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value)
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1
}
