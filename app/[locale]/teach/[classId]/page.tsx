import Link from 'next/link'
import { headers } from 'next/headers'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import type { Locale } from '@/i18n/locales'
import { formatInviteCode } from '@/lib/classes/invite-code'
import { classProgress } from '@/lib/server/class-progress'
import { env } from '@/lib/server/env'
import { publicOrigin } from '@/lib/server/http/public-origin'
import { teacherPage } from '@/lib/server/teach/teacher-page'
import { CoTeachers } from '@/components/teach/CoTeachers'
import { CopyButton } from '@/components/teach/CopyButton'
import { ProgressMatrix } from '@/components/teach/ProgressMatrix'
import { archiveClassAction, removeLearnerAction, renameClassAction, renewInviteCodeAction } from '../actions'
// issue 17 — deadlines, progress over time, exports
import { progressTimeline } from '@/lib/classes/progress-timeline'
import { DeadlinesEditor } from '@/components/teach/DeadlinesEditor'
import { ProgressChart } from '@/components/teach/ProgressChart'
import { saveDeadlinesAction } from '../deadline-actions'
import { addCoTeacherAction, removeCoTeacherAction } from '../co-teacher-actions'
import '@/components/teach/teach.css'

type Params = Promise<{ classId: string }>

const classPage = teacherPage((viewer, classId: string, locale: Locale) => classProgress(viewer, classId, locale))

export async function generateMetadata({ params }: { params: Params }) {
  const locale = await currentLang()
  const found = await classPage.find((await params).classId, locale)
  return { title: found?.detail.name ?? (await getTranslations('teach'))('title') }
}

export default async function ClassPage({ params }: { params: Params }) {
  const { classId } = await params
  const locale = await currentLang()
  const { found } = await classPage.open(['teach', classId], classId, locale)
  const { detail, matrix, courseTitle } = found
  const t = await getTranslations('teach')
  const ti = await getTranslations('insight')
  const origin = publicOrigin(await headers(), env().PUBLIC_URL, env().PORT)
  const code = formatInviteCode(detail.inviteCode)
  const link = `${origin}/join?code=${code}`
  const lessonLabel = new Map(matrix.lessons.map((l) => [l.id, `${l.number}. ${l.title}`]))
  const stuck = matrix.rows.filter((r) => r.stuckOn.length > 0)
  // issue 17 — deadlines, progress over time
  const td = await getTranslations('deadlines')
  const timeline = progressTimeline(
    detail.progress,
    detail.learners.map((l) => l.id),
    { now: new Date() },
  )
  const dueLessons = matrix.lessons.filter((l) => l.dueAt)
  const lateCount = matrix.rows.reduce((n, r) => n + r.late.length, 0)
  const overdueCount = matrix.rows.reduce((n, r) => n + r.overdue.length, 0)
  return (
    <div className="page">
      <p>
        <Link href="/teach">← {t('detail.back')}</Link>
      </p>
      <h1>{detail.name}</h1>
      <p className="muted">{courseTitle}</p>

      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('detail.invite')}</h2>
        <div className="invite-card">
          <div className="invite-row">
            <span className="invite-code" data-testid="invite-code">
              {code}
            </span>
            <CopyButton text={code} label={t('detail.copyCode')} copiedLabel={t('detail.copied')} />
            <form action={renewInviteCodeAction}>
              <input type="hidden" name="classId" value={detail.id} />
              <button className="button small" type="submit" title={t('detail.renewHelp')}>
                {t('detail.renew')}
              </button>
            </form>
          </div>
          <div className="invite-row">
            <input type="text" readOnly value={link} aria-label={t('detail.copyLink')} data-testid="invite-link" />
            <CopyButton text={link} label={t('detail.copyLink')} copiedLabel={t('detail.copied')} />
          </div>
          <p className="muted">{t('detail.inviteHelp')}</p>
        </div>
      </section>

      <section aria-labelledby="progress-heading">
        <div className="section-head">
          <h2 id="progress-heading">{t('detail.progress')}</h2>
          {matrix.rows.length > 0 && (
            <div className="export-links">
              <a
                className="button small"
                href={`/api/classes/${detail.id}/export`}
                download
                data-testid="export-csv"
                title={td('export.progressHelp')}
              >
                {t('detail.export')}
              </a>
              {/* issue 17 — exports: every attempt */}
              <a
                className="button small"
                href={`/api/classes/${detail.id}/export/attempts`}
                download
                data-testid="export-attempts-csv"
                title={td('export.attemptsHelp')}
              >
                {td('export.attempts')}
              </a>
            </div>
          )}
        </div>
        <p data-testid="class-summary">{t('detail.summary', { learners: matrix.rows.length, stuck: matrix.stuckCount })}</p>
        {/* issue 17 — deadlines: late and overdue work in the class */}
        {dueLessons.length > 0 && matrix.rows.length > 0 && (
          <p data-testid="deadline-summary">{td('matrix.summary', { late: lateCount, overdue: overdueCount })}</p>
        )}
        {matrix.rows.length === 0 ? (
          <p className="muted" data-testid="no-learners">
            {t('detail.empty')}
          </p>
        ) : (
          <>
            <h3>{t('detail.stuckHeading')}</h3>
            <p className="muted">{t('detail.stuckHelp')}</p>
            {stuck.length === 0 ? (
              <p>{t('detail.noneStuck')}</p>
            ) : (
              <ul className="stuck-list" data-testid="stuck-list">
                {stuck.map((r) => (
                  <li key={r.learner.id}>
                    <strong>
                      <Link href={`/teach/${detail.id}/learners/${r.learner.id}`}>{r.learner.name ?? r.learner.email}</Link>
                    </strong>{' '}
                    — {t('detail.stuckOn', { lessons: r.stuckOn.map((id) => lessonLabel.get(id) ?? id).join(', ') })}
                  </li>
                ))}
              </ul>
            )}
            <ProgressMatrix matrix={matrix} locale={locale} classId={detail.id} />
          </>
        )}
      </section>

      {/* issue 17 — exercise insight: its own page (the grouped query is the heaviest of the class's views) */}
      {matrix.rows.length > 0 && (
        <section aria-labelledby="insight-heading">
          <h2 id="insight-heading">{ti('entry.heading')}</h2>
          <p className="muted">{ti('entry.help')}</p>
          <p>
            <Link className="button" href={`/teach/${detail.id}/exercises`} data-testid="open-insight">
              {ti('entry.open')} →
            </Link>
          </p>
        </section>
      )}

      {/* issue 17 — progress over time ------------------------------------------------------------------------ */}
      {matrix.rows.length > 0 && (
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{td('chart.classHeading')}</h2>
          <ProgressChart
            id="class-progress-chart"
            data={timeline.class}
            title={td('chart.classTitle')}
            locale={locale}
            emptyText={td('chart.empty')}
          />
        </section>
      )}

      {/* issue 17 — deadlines ----------------------------------------------------------------------------------- */}
      <section aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading">{td('editor.heading')}</h2>
        <details className="manage" data-testid="deadlines-section">
          <summary>{td('editor.summary', { count: dueLessons.length })}</summary>
          <p className="muted">{td('editor.help')}</p>
          <DeadlinesEditor
            action={saveDeadlinesAction}
            classId={detail.id}
            lessons={matrix.lessons.map((l) => ({ id: l.id, number: l.number, title: l.title }))}
            deadlines={dueLessons.map((l) => ({ lessonId: l.id, dueAt: l.dueAt!.toISOString() }))}
          />
        </details>
      </section>
      {/* end issue 17 ------------------------------------------------------------------------------------------- */}
      <CoTeachers classId={detail.id} addCoTeacherAction={addCoTeacherAction} removeCoTeacherAction={removeCoTeacherAction} />

      <section aria-labelledby="manage-heading">
        <h2 id="manage-heading">{t('manage.heading')}</h2>
        <form className="form inline-form" action={renameClassAction}>
          <input type="hidden" name="classId" value={detail.id} />
          <label>
            {t('create.name')}
            <input type="text" name="name" required maxLength={80} defaultValue={detail.name} />
          </label>
          <button className="button" type="submit">
            {t('manage.rename')}
          </button>
        </form>
        {detail.learners.length > 0 && (
          <details className="manage">
            <summary>{t('manage.learners', { count: detail.learners.length })}</summary>
            <p className="muted">{t('manage.removeHelp')}</p>
            <ul className="learner-admin">
              {detail.learners.map((l) => (
                <li key={l.id}>
                  <span>
                    {l.name ?? l.email} <span className="muted">{l.name ? l.email : ''}</span>
                  </span>
                  <form action={removeLearnerAction}>
                    <input type="hidden" name="classId" value={detail.id} />
                    <input type="hidden" name="userId" value={l.id} />
                    <button className="button small" type="submit" aria-label={t('manage.removeLabel', { name: l.name ?? l.email })}>
                      {t('manage.remove')}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </details>
        )}
        <details className="manage danger-zone">
          <summary>{t('manage.archiveHeading')}</summary>
          <p>{t('manage.archiveHelp')}</p>
          <form action={archiveClassAction}>
            <input type="hidden" name="classId" value={detail.id} />
            <button className="button danger" type="submit">
              {t('manage.archive')}
            </button>
          </form>
        </details>
      </section>
    </div>
  )
}
