import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { roles, roleSchema } from '@/lib/server/auth/roles'
import { dal } from '@/lib/server/dal'
import { formatDate } from '@/lib/text/dates'
import { AdminFrame, adminViewer, NotAdmin, Pager, pageParam } from './AdminFrame'
import { UserActions } from './UserActions'

export async function generateMetadata() {
  const t = await getTranslations('admin')
  return { title: `${t('tabs.users')} · ${t('title')}` }
}

type Search = Promise<{ q?: string | string[]; role?: string | string[]; page?: string | string[] }>
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** Administrators: accounts by email or name, a page at a time, with their role, state and a reset link. */
export default async function AdminUsersPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams
  const query = (first(params.q) ?? '').slice(0, 100)
  const roleFilter = roleSchema.safeParse(first(params.role)).data
  const requested = pageParam(params.page)
  const here = (page: number) => {
    const search = new URLSearchParams({
      ...(query ? { q: query } : {}),
      ...(roleFilter ? { role: roleFilter } : {}),
      ...(page > 1 ? { page: String(page) } : {}),
    }).toString()
    return search ? `/admin?${search}` : '/admin'
  }
  const viewer = await adminViewer(here(requested))
  if (!viewer) return <NotAdmin />
  const t = await getTranslations('admin')
  const locale = await currentLang()
  const found = await dal().admin.users(viewer, { query, role: roleFilter, page: requested })
  return (
    <AdminFrame current="users" intro={t('users.intro')}>
      <form className="admin-form admin-search" action="/admin" method="get" role="search">
        <div className="admin-field grow">
          <label htmlFor="user-search">{t('users.search')}</label>
          <input id="user-search" type="search" name="q" defaultValue={query} maxLength={100} autoComplete="off" spellCheck={false} />
        </div>
        <div className="admin-field">
          <label htmlFor="user-role">{t('users.role')}</label>
          <select id="user-role" name="role" defaultValue={roleFilter ?? ''}>
            <option value="">{t('users.allRoles')}</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <button className="button" type="submit">
          {t('users.submit')}
        </button>
      </form>
      <p data-testid="user-count" aria-live="polite">
        {t('users.count', { count: found.total })}
      </p>
      <ul className="admin-list" data-testid="admin-users">
        {found.items.map((user) => (
          <li key={user.id} data-email={user.email} data-state={user.disabledAt ? 'disabled' : 'active'}>
            <div className="admin-who">
              <strong>{user.name ?? user.email}</strong>
              {user.id === viewer.id && <span className="tag">{t('users.you')}</span>}
              {user.name && <span className="muted admin-email">{user.email}</span>}
              <span className="muted admin-meta">
                <span className="tag" data-role={user.role}>
                  {t(`roles.${user.role}`)}
                </span>{' '}
                <span className={user.disabledAt ? 'state-disabled' : 'state-active'}>
                  {user.disabledAt ? t('users.disabledSince', { date: formatDate(user.disabledAt, locale) }) : t('users.active')}
                </span>{' '}
                · {t('users.joined', { date: formatDate(user.createdAt, locale) })}
              </span>
            </div>
            <UserActions user={{ id: user.id, email: user.email, name: user.name, role: user.role, disabled: user.disabledAt !== null }} />
          </li>
        ))}
      </ul>
      <Pager page={found.page} pageCount={found.pageCount} href={here} />
    </AdminFrame>
  )
}
