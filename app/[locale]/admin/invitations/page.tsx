import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { dal } from '@/lib/server/dal'
import type { Invitation } from '@/lib/server/dal/invitations'
import { formatDate, formatDateTime } from '@/lib/text/dates'
import { AdminFrame, adminViewer, NotAdmin, Pager, pageParam } from '../AdminFrame'
import { InvitationForm, RevokeInvitation } from '../InvitationForm'

export async function generateMetadata() {
  const t = await getTranslations('admin')
  return { title: `${t('tabs.invitations')} · ${t('title')}` }
}

type Search = Promise<{ page?: string | string[] }>

/** Administrators: role invitations — make one (its link is shown once), see who used which, revoke open ones. */
export default async function AdminInvitationsPage({ searchParams }: { searchParams: Search }) {
  const requested = pageParam((await searchParams).page)
  const here = (page: number) => (page > 1 ? `/admin/invitations?page=${page}` : '/admin/invitations')
  const viewer = await adminViewer(here(requested))
  if (!viewer) return <NotAdmin />
  const t = await getTranslations('admin')
  const locale = await currentLang()
  const found = await dal().admin.invitations(viewer, requested)
  const state = (i: Invitation): string => {
    if (i.status === 'used')
      return i.usedBy
        ? t('invitations.used', { email: i.usedBy, date: formatDateTime(i.usedAt!, locale) })
        : t('invitations.usedByGone', { date: formatDateTime(i.usedAt!, locale) })
    if (i.status === 'expired') return t('invitations.expired', { date: formatDate(i.expiresAt, locale) })
    if (i.status === 'revoked') return t('invitations.revoked')
    return t('invitations.pending', { date: formatDateTime(i.expiresAt, locale) })
  }
  return (
    <AdminFrame current="invitations" intro={t('invitations.intro')}>
      <section aria-labelledby="new-invitation">
        <h2 id="new-invitation">{t('invitations.create')}</h2>
        <InvitationForm />
      </section>
      <section aria-labelledby="invitation-list">
        <h2 id="invitation-list">{t('invitations.listHeading')}</h2>
        {found.total === 0 ? (
          <p className="muted">{t('invitations.empty')}</p>
        ) : (
          <ul className="admin-list" data-testid="admin-invitations">
            {found.items.map((i) => (
              <li key={i.id} data-status={i.status}>
                <div className="admin-who">
                  <strong>
                    <span className="tag" data-role={i.role}>
                      {t(`roles.${i.role}`)}
                    </span>{' '}
                    {i.note}
                  </strong>
                  <span className={`invitation-state state-${i.status}`}>{state(i)}</span>
                  <span className="muted admin-meta">
                    {i.createdBy
                      ? t('invitations.createdBy', { email: i.createdBy, date: formatDateTime(i.createdAt, locale) })
                      : t('invitations.createdOn', { date: formatDateTime(i.createdAt, locale) })}
                  </span>
                </div>
                {i.status === 'pending' && (
                  <RevokeInvitation
                    id={i.id}
                    label={t('invitations.revokeLabel', { role: `${t(`roles.${i.role}`)}${i.note ? ` (${i.note})` : ''}` })}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        <Pager page={found.page} pageCount={found.pageCount} href={here} />
      </section>
    </AdminFrame>
  )
}
