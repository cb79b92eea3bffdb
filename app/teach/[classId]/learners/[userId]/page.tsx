import Link from 'next/link'
import { forbidden, notFound, redirect } from 'next/navigation'
import { cache } from 'react'
import { getLocale, getTranslations } from 'next-intl/server'
import { learnerProgress } from '@/lib/server/class-progress'
import { quizPercents } from '@/lib/classes/progress-matrix'
import { formatDateTime } from '@/lib/text/dates'
import { currentViewer } from '@/lib/server/viewer'
import { InlineMarkdown } from '@/components/workspace/InlineMarkdown'
import '@/components/teach/teach.css'

type Params = Promise<{ classId: string; userId: string }>

const loadLearner = cache(async (classId: string, userId: string, locale: 'ko' | 'en') => {
  const viewer = await currentViewer()
  return viewer && (viewer.role === 'teacher' || viewer.role === 'admin') ? learnerProgress(viewer, classId, userId, locale) : null
})

export async function generateMetadata({ params }: { params: Params }) {
  const { classId, userId } = await params
  const found = await loadLearner(classId, userId, (await getLocale()) === 'en' ? 'en' : 'ko')
  if (!found) return { title: (await getTranslations('teach'))('detail.learner') }
  return { title: `${found.seen.learner.name ?? found.seen.learner.email} · ${found.seen.className}` }
}

/** One learner of a class, for the teacher: lesson by lesson, then what they submitted and what failed. */
export default async function LearnerPage({ params }: { params: Params }) {
  const { classId, userId } = await params
  const viewer = await currentViewer()
  if (!viewer) redirect(`/signin?next=/teach/${encodeURIComponent(classId)}/learners/${encodeURIComponent(userId)}`)
  if (viewer.role !== 'teacher' && viewer.role !== 'admin') forbidden()
  const locale = (await getLocale()) === 'en' ? 'en' : 'ko'
  const found = await loadLearner(classId, userId, locale)
  if (!found) notFound()
  const { seen, matrix } = found
  const t = await getTranslations('teach')
  const row = matrix.rows[0]!
  const lessonTitle = new Map(matrix.lessons.map((l) => [l.id, `${l.number}. ${l.title}`]))
  const name = seen.learner.name ?? seen.learner.email
  const quizText = (quiz: ReturnType<typeof quizPercents>) => (quiz === null ? '' : quiz.first === quiz.best ? `${quiz.best}%` : t('cell.quizFirstBest', quiz))
  return (
    <div className="page">
      <p>
        <Link href={`/teach/${seen.classId}`}>← {seen.className}</Link>
      </p>
      <h1>{name}</h1>
      <p className="muted">
        {seen.learner.email} · {t('learner.joined', { date: formatDateTime(seen.learner.joinedAt, locale) })} · {t('learner.done', { done: row.completed, total: matrix.lessons.length })}
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
                  <span className="cell-mark">{c.state === 'completed' ? '✓' : c.state === 'stuck' ? '!' : c.state === 'started' ? '•' : ''}</span>
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

      <h2>{t('learner.submissions')}</h2>
      {seen.submissions.length === 0 ? (
        <p className="muted">{t('learner.noSubmissions')}</p>
      ) : (
        <ol className="submission-list" data-testid="learner-submissions">
          {seen.submissions.map((s, i) => {
            const failingLines = new Set(s.failing.map((f) => f.line).filter((l): l is number => l !== null))
            return (
              <li key={s.id}>
                <details open={i === 0 && !s.passed}>
                  <summary>
                    <span className="status-dot" data-status={s.passed ? 'completed' : 'failed'}>
                      {s.passed ? '✓' : '✗'} {Math.round(s.score * 100)}%
                    </span>{' '}
                    <strong>{lessonTitle.get(s.lessonId) ?? s.lessonId}</strong> <span className="muted">· {formatDateTime(s.createdAt, locale)}</span>
                  </summary>
                  {s.failing.length > 0 && (
                    <ul className="failing-checks">
                      {s.failing.map((f, j) => (
                        <li key={`${f.id}-${j}`}>
                          <code>{f.id}</code>
                          {f.line !== null && <span className="muted"> · {t('learner.line', { line: f.line })}</span>}: <InlineMarkdown text={f.message} />
                        </li>
                      ))}
                    </ul>
                  )}
                  <pre className="submitted-source" aria-label={t('learner.source')}>
                    {s.source.split('\n').map((line, n) => (
                      <span key={n} className="source-line" data-failing={failingLines.has(n + 1) || undefined}>
                        <span className="line-number" aria-hidden="true">
                          {n + 1}
                        </span>
                        {line}
                        {'\n'}
                      </span>
                    ))}
                  </pre>
                </details>
              </li>
            )
          })}
        </ol>
      )}
    </div>
  )
}
