import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { toRole } from '@/lib/server/auth/roles'
import { dal } from '@/lib/server/dal'
import type { AuditEntry } from '@/lib/server/dal/audit'
import { formatDateTime } from '@/lib/text/dates'
import { AdminFrame, adminViewer, NotAdmin, Pager, pageParam } from '../AdminFrame'

export async function generateMetadata() {
  const t = await getTranslations('admin')
  return { title: `${t('tabs.audit')} · ${t('title')}` }
}

type Search = Promise<{ page?: string | string[] }>

/** Administrators: the audit log, newest first — when, who, what, to whom, and the change itself. */
export default async function AdminAuditPage({ searchParams }: { searchParams: Search }) {
  const requested = pageParam((await searchParams).page)
  const here = (page: number) => (page > 1 ? `/admin/audit?page=${page}` : '/admin/audit')
  const viewer = await adminViewer(here(requested))
  if (!viewer) return <NotAdmin />
  const t = await getTranslations('admin')
  const locale = await currentLang()
  const log = await dal().admin.auditLog(viewer, requested)
  const role = (value: unknown) => t(`roles.${toRole(value)}`)
  const count = (value: unknown) => (typeof value === 'number' ? value : 0)

  const whom = (e: AuditEntry): string => {
    if (e.target.type === 'class') return t('audit.class', { name: e.target.label ?? '' })
    if (e.target.type === 'invitation') return e.target.label ?? t('audit.unnamedInvitation')
    return e.target.label ?? ''
  }
  const detail = (e: AuditEntry): string | null => {
    const d = e.detail
    switch (e.action) {
      case 'user.role_changed':
      case 'invitation.accepted':
        return t('audit.change', { from: role(d.from), to: role(d.to) })
      case 'user.created':
        return role(d.role)
      case 'invitation.created':
        return t('audit.invitationFor', { role: role(d.role), days: count(d.days) })
      case 'invitation.revoked':
        return role(d.role)
      case 'class.archived':
        return t('audit.learners', { count: count(d.learners) })
      case 'class.co_teacher_added':
        return typeof d.email === 'string' ? d.email : null
      case 'class.co_teacher_removed':
        return typeof d.email === 'string'
          ? t(d.left === true ? 'audit.coTeacherLeft' : 'audit.coTeacherRemoved', { email: d.email })
          : null
      case 'demo.removed':
        return count(d.handedOver) > 0
          ? t('audit.removedHandedOver', {
              accounts: Array.isArray(d.accounts) ? d.accounts.length : 0,
              classes: count(d.classes),
              handedOver: count(d.handedOver),
            })
          : t('audit.removed', { accounts: Array.isArray(d.accounts) ? d.accounts.length : 0, classes: count(d.classes) })
      case 'studio.course_created': {
        const title = d[locale === 'ko' ? 'titleKo' : 'titleEn']
        return typeof title === 'string' ? title : null
      }
      case 'studio.lesson_published':
        return t('audit.version', { version: count(d.version) })
      case 'studio.lesson_restored':
        return t('audit.restoredAs', { from: count(d.from), version: count(d.version) })
      default:
        return null
    }
  }
  // message keys cannot hold a dot (next-intl reads it as nesting): user.role_changed → user_role_changed
  const actionLabel = (e: AuditEntry) => {
    const key = `audit.action.${e.action.replace('.', '_')}`
    return t.has(key) ? t(key) : e.action
  }

  return (
    <AdminFrame current="audit" intro={t('audit.intro')}>
      {log.total === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <ol className="audit-log" data-testid="audit-log">
          {log.items.map((e) => {
            const change = detail(e)
            return (
              <li key={e.id} data-action={e.action}>
                <p className="audit-when">
                  <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, locale)}</time> ·{' '}
                  <span className="audit-actor">{e.actor.cli ? t('audit.cli') : e.actor.label}</span>
                </p>
                <p className="audit-what">
                  <strong>{actionLabel(e)}</strong>
                  {whom(e) && <span className="audit-whom"> · {whom(e)}</span>}
                  {change && <span className="audit-change"> · {change}</span>}
                </p>
              </li>
            )
          })}
        </ol>
      )}
      <Pager page={log.page} pageCount={log.pageCount} href={here} />
    </AdminFrame>
  )
}
