import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import type { Locale } from '@/i18n/locales'
import { learnerProgress } from '@/lib/server/class-progress'
import { submissionsPageSize } from '@/lib/server/dal/classes'
import { quizPercents } from '@/lib/classes/progress-matrix'
import { formatDateTime } from '@/lib/text/dates'
import { teacherPage } from '@/lib/server/teach/teacher-page'
import { dal } from '@/lib/server/dal'
import { CommentForm } from '@/components/teach/CommentForm'
import { CommentThread } from '@/components/teach/CommentThread'
import { commentAction, deleteCommentAction } from '../../../comment-actions'
import { progressTimeline } from '@/lib/classes/progress-timeline' // issue 17 — progress over time
import { ProgressChart } from '@/components/teach/ProgressChart'
import { FailingChecks } from './FailingChecks'
import { SubmittedSource } from './SubmittedSource'
import '@/components/teach/teach.css'
import './learner-page.css'

type Params = Promise<{ classId: string; userId: string }>
type Search = Promise<{ page?: string | string[] }>

const learnerPage = teacherPage((viewer, classId: string, userId: string, locale: Locale, page: number) =>
  learnerProgress(viewer, classId, userId, locale, page),
)

/** ?page=N (the DAL clamps it to the pages there are). */
function pageOf(raw: string | string[] | undefined): number {
  const n = Number(Array.isArray(raw) ? raw[0] : raw)
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1
}

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { classId, userId } = await params
  const found = await learnerPage.find(classId, userId, await currentLang(), pageOf((await searchParams).page))
  if (!found) return { title: (await getTranslations('teach'))('detail.learner') }
  return { title: `${found.seen.learner.name ?? found.seen.learner.email} · ${found.seen.className}` }
}

/** One learner of a class, for the teacher: lesson by lesson, then what they submitted and what failed. */
export default async function LearnerPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { classId, userId } = await params
  const page = pageOf((await searchParams).page)
  const locale = await currentLang()
  const { viewer, found } = await learnerPage.open(['teach', classId, 'learners', userId], classId, userId, locale, page)
  const { seen, matrix } = found
  const t = await getTranslations('teach')
  const tl = await getTranslations('limits.submissions')
  const tc = await getTranslations('comments.teacher')
  const comments = (await dal().comments.forLearner(viewer, seen.classId, seen.learner.id)) ?? []
  const commentsOn = (submissionId: string) => comments.filter((c) => c.submissionId === submissionId).length
  const base = `/teach/${encodeURIComponent(seen.classId)}/learners/${encodeURIComponent(seen.learner.id)}`
  const pageHref = (n: number) => (n === 1 ? base : `${base}?page=${n}`)
  const from = (seen.page - 1) * submissionsPageSize + 1
  const pager = seen.pageCount > 1 && (
    <nav className="submissions-pager" aria-label={tl('pages')}>
      {seen.page > 1 && (
        <Link className="button" href={pageHref(seen.page - 1)} rel="prev">
          ← {tl('newer')}
        </Link>
      )}
      <span className="pager-position">{tl('page', { page: seen.page, pages: seen.pageCount })}</span>
      {seen.page < seen.pageCount && (
        <Link className="button" href={pageHref(seen.page + 1)} rel="next">
          {tl('older')} →
        </Link>
      )}
    </nav>
  )
  const row = matrix.rows[0]!
  const lessonTitle = new Map(matrix.lessons.map((l) => [l.id, `${l.number}. ${l.title}`]))
  const name = seen.learner.name ?? seen.learner.email
  const td = await getTranslations('deadlines')
  const timeline = progressTimeline(seen.progress, [seen.learner.id], { now: new Date() })
  const quizText = (quiz: ReturnType<typeof quizPercents>) =>
    quiz === null ? '' : quiz.first === quiz.best ? `${quiz.best}%` : t('cell.quizFirstBest', quiz)
  return (
    <div className="page">
      <p>
        <Link href={`/teach/${seen.classId}`}>← {seen.className}</Link>
      </p>
      <h1 className="learner-heading">{name}</h1>
      <p className="muted">
        {seen.learner.email} · {t('learner.joined', { date: formatDateTime(seen.learner.joinedAt, locale) })} ·{' '}
        {t('learner.done', { done: row.completed, total: matrix.lessons.length })}
      </p>
      {row.stuckOn.length > 0 && (
        <p className="notice warn" data-testid="learner-stuck">
          {t('detail.stuckOn', { lessons: row.stuckOn.map((id) => lessonTitle.get(id) ?? id).join(', ') })}
        </p>
      )}

      <h2>{t('learner.lessons')}</h2>
      <table className="learner-lessons">
        <thead>
          <tr>
            <th scope="col">{t('learner.lesson')}</th>
            <th scope="col">{t('learner.state')}</th>
            <th scope="col">{t('learner.attempts')}</th>
            <th scope="col">{t('learner.best')}</th>
            <th scope="col">{t('learner.quiz')}</th>
          </tr>
        </thead>
        <tbody>
          {row.cells.map((c) => (
            <tr key={c.lessonId} data-state={c.state}>
              <th scope="row">{lessonTitle.get(c.lessonId)}</th>
              <td>
                <span className="cell-box" aria-hidden="true">
                  <span className="cell-mark">
                    {c.state === 'completed' ? '✓' : c.state === 'stuck' ? '!' : c.state === 'started' ? '•' : ''}
                  </span>
                </span>{' '}
                {t(`cell.${c.state}`)}
              </td>
              <td>{c.attempts || ''}</td>
              <td>{c.attempts ? `${Math.round(c.bestScore * 100)}%` : ''}</td>
              <td>{quizText(quizPercents(c))}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section id="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{tc('heading')}</h2>
        <CommentThread
          deleteAction={deleteCommentAction}
          classId={seen.classId}
          comments={comments}
          empty={tc('emptyLearner')}
          lessonTitles={lessonTitle}
          submissionHref={(id) => `${base}/submissions/${encodeURIComponent(id)}`}
        />
      </section>
      {/* issue 17 — progress over time */}
      <h2>{td('chart.learnerHeading')}</h2>
      <ProgressChart
        id="learner-progress-chart"
        data={timeline.learners.get(seen.learner.id)!}
        title={td('chart.learnerTitle', { name })}
        locale={locale}
        emptyText={td('chart.learnerEmpty')}
        lastActivity={timeline.lastActivity.get(seen.learner.id) ?? null}
      />

      <h2>{t('learner.submissions')}</h2>
      {seen.submissions.length === 0 ? (
        <p className="muted">{t('learner.noSubmissions')}</p>
      ) : (
        <>
          <p className="muted" data-testid="submissions-range">
            {tl('showing', { from, to: from + seen.submissions.length - 1, total: seen.totalSubmissions })}
          </p>
          {pager}
          <ol className="submission-list" data-testid="learner-submissions" start={from}>
            {seen.submissions.map((s, i) => (
              <li key={s.id}>
                <details open={seen.page === 1 && i === 0 && !s.passed}>
                  <summary>
                    <span className="status-dot" data-status={s.passed ? 'completed' : 'failed'}>
                      {s.passed ? '✓' : '✗'} {Math.round(s.score * 100)}%
                    </span>{' '}
                    <strong>{lessonTitle.get(s.lessonId) ?? s.lessonId}</strong>{' '}
                    <span className="muted">· {formatDateTime(s.createdAt, locale)}</span>
                    {commentsOn(s.id) > 0 && <span className="muted"> · {tc('count', { count: commentsOn(s.id) })}</span>}
                  </summary>
                  <FailingChecks failing={s.failing} />
                  <SubmittedSource submission={s} label={t('learner.source')} />
                  {(s.sourceCut || s.sourceTrimmed) && (
                    <p className="source-note muted" data-testid="source-cut">
                      {s.sourceTrimmed ? tl('trimmed') : tl('cut', { shown: s.source.split('\n').length, lines: s.sourceLines })}
                      {s.sourceCut && <Link href={`${base}/submissions/${encodeURIComponent(s.id)}`}>{tl('open')}</Link>}
                    </p>
                  )}
                  <CommentForm
                    action={commentAction}
                    classId={seen.classId}
                    lessonId={s.lessonId}
                    exerciseId={s.exerciseId}
                    learnerIds={[seen.learner.id]}
                    submissionId={s.id}
                  />
                </details>
              </li>
            ))}
          </ol>
          {pager}
        </>
      )}
    </div>
  )
}
