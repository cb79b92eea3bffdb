import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { formatDateTime } from '@/lib/text/dates'
import { courseCatalog } from '@/lib/server/course-catalog'
import { dal } from '@/lib/server/dal'
import { currentViewer } from '@/lib/server/viewer'
import { LearnerCommentList } from '@/components/comments/LearnerCommentList'
import { MarkReadWhenSeen } from '@/components/comments/MarkReadWhenSeen'

export async function generateMetadata() {
  const t = await getTranslations('progress')
  return { title: t('title') }
}

export default async function ProgressPage() {
  const viewer = await currentViewer()
  if (!viewer) redirect('/signin?next=/progress')
  const t = await getTranslations('progress')
  const tc = await getTranslations('course')
  const locale = await currentLang()
  // published studio lessons count and are listed in their place, like the course page shows them
  const { courses } = await courseCatalog()
  const [submissions, classes, comments] = await Promise.all([
    dal().progress.recentSubmissions(viewer, 20),
    dal().classes.joined(viewer),
    dal().comments.mine(viewer),
  ])
  const tm = await getTranslations('comments.learner')
  const freshComments = comments.filter((c) => c.readAt === null).map((c) => c.id)
  const tj = await getTranslations('teach.join')
  // A submission names its lesson as the course map does ("2. Pod — …"), not by the exercise's id.
  const lessonTitle = (courseId: string, lessonId: string): string => {
    const lesson = courses.find((c) => c.id === courseId)?.lessons.find((l) => l.id === lessonId)
    return lesson ? `${lesson.number}. ${lesson.title[locale]}` : lessonId
  }
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <section aria-labelledby="my-classes">
        <h2 id="my-classes">{tj('mine')}</h2>
        {classes.length > 0 && (
          <ul data-testid="my-classes">
            {classes.map((c) => (
              <li key={c.id}>
                <Link href={`/courses/${c.courseId}`}>{c.name}</Link> <span className="muted">· {tj('teacher', { name: c.teacher })}</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/join">{tj('title')}</Link>
        </p>
      </section>
      <section id="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{tm('heading')}</h2>
        {comments.length === 0 ? (
          <p className="muted" data-testid="comments-empty">
            {tm('empty')}
          </p>
        ) : (
          <MarkReadWhenSeen ids={freshComments}>
            <LearnerCommentList
              comments={comments}
              fresh={new Set(freshComments)}
              lessonOf={(c) => ({ href: `/courses/${c.courseId}/${c.lessonId}`, title: lessonTitle(c.courseId, c.lessonId) })}
            />
          </MarkReadWhenSeen>
        )}
      </section>
      {await Promise.all(
        courses.map(async (course) => {
          const progress = await dal().progress.courseProgress(viewer, course.id)
          const byLesson = new Map(progress.map((p) => [p.lessonId, p]))
          const done = progress.filter((p) => p.status === 'completed').length
          const percent = Math.round((done / course.lessons.length) * 100)
          return (
            <section key={course.id}>
              <h2>{course.title[locale]}</h2>
              <p id={`progress-${course.id}`}>{tc('progress', { done, total: course.lessons.length })}</p>
              <div
                className="progress-bar"
                role="progressbar"
                aria-labelledby={`progress-${course.id}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
              >
                <span style={{ width: `${percent}%` }} />
              </div>
              {progress.length === 0 ? (
                <p className="muted">{t('empty')}</p>
              ) : (
                <ol className="lesson-list">
                  {course.lessons
                    .filter((l) => byLesson.has(l.id))
                    .map((lesson) => {
                      const p = byLesson.get(lesson.id)!
                      return (
                        <li key={lesson.id}>
                          <Link href={`/courses/${course.id}/${lesson.id}`}>
                            <span className="lesson-number">{lesson.number}</span>
                            <strong>{lesson.title[locale]}</strong>
                            <span className="status-dot" data-status={p.status}>
                              {p.status === 'completed' ? `✓ ${tc('completed')}` : tc('started')} · {t('attempts', { count: p.attempts })} ·{' '}
                              {t('bestScore', { score: Math.round(p.bestScore * 100) })}
                            </span>
                          </Link>
                        </li>
                      )
                    })}
                </ol>
              )}
            </section>
          )
        }),
      )}
      <h2>{t('recent')}</h2>
      {submissions.length === 0 ? (
        <p className="muted">{t('noSubmissions')}</p>
      ) : (
        <table>
          <tbody>
            {submissions.map((s) => (
              <tr key={s.id}>
                <td>{formatDateTime(s.createdAt, locale)}</td>
                <td>
                  <Link href={`/courses/${s.courseId}/${s.lessonId}`}>{lessonTitle(s.courseId, s.lessonId)}</Link>
                </td>
                <td>{s.passed ? `✓ ${t('passed')}` : `✗ ${t('failed')}`}</td>
                <td>{Math.round(s.score * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
