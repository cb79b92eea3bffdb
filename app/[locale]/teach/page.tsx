import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { loadCourses } from '@/lib/content/load'
import { formatInviteCode } from '@/lib/classes/invite-code'
import { formatDate } from '@/lib/text/dates'
import { dal } from '@/lib/server/dal'
import { hasRole } from '@/lib/server/auth/roles'
import { currentViewer } from '@/lib/server/viewer'
import { CreateClassForm } from '@/components/teach/CreateClassForm'
import { createClassAction } from './actions'
import '@/components/teach/teach.css'
import '@/components/teach/co-teachers.css'

export async function generateMetadata() {
  const t = await getTranslations('teach')
  return { title: t('title') }
}

export default async function TeachPage() {
  const viewer = await currentViewer()
  if (!viewer) redirect('/signin?next=/teach')
  const t = await getTranslations('teach')
  if (!hasRole(viewer, ['teacher'])) {
    return (
      <div className="page narrow">
        <h1>{t('title')}</h1>
        <p data-testid="not-teacher">{t('notTeacher')}</p>
        <Link className="button primary" href="/join">
          {t('joinInstead')}
        </Link>
      </div>
    )
  }
  const locale = await currentLang()
  const courses = loadCourses()
  const titles = new Map(courses.map((c) => [c.id, c.title[locale]]))
  const classes = await dal().classes.listTaught(viewer)
  const coteach = await getTranslations('coteach')
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <section>
        <h2 id="create-class-heading">{t('create.heading')}</h2>
        <CreateClassForm action={createClassAction} courses={courses.map((c) => ({ id: c.id, title: c.title[locale] }))} />
      </section>
      <section>
        <h2>{t('list.heading')}</h2>
        {classes.length === 0 ? (
          <p className="muted" data-testid="no-classes">
            {t('list.empty')}
          </p>
        ) : (
          <ul className="class-list">
            {classes.map((c) => (
              <li key={c.id}>
                <Link href={`/teach/${c.id}`}>
                  <strong>
                    {c.name}
                    {c.coTeaching && (
                      <span className="co-teaching-mark" data-testid="co-teaching">
                        {coteach('list.coTeaching')}
                      </span>
                    )}
                  </strong>
                  <span>{t('list.learners', { count: c.learnerCount })}</span>
                  <span className="meta">
                    {titles.get(c.courseId) ?? c.courseId} · {t('list.code')} <code>{formatInviteCode(c.inviteCode)}</code> ·{' '}
                    {t('list.created', { date: formatDate(c.createdAt, locale) })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
