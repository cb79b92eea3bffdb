import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import type { Locale } from '@/i18n/locales'
import { loadCourses } from '@/lib/content/load'
import { proveExercise, type ExerciseProof } from '@/lib/content/prove'
import type { Exercise } from '@/lib/grading/exercise-schema'
import { orderLessonIds } from '@/lib/content/lesson-order'
import { dal } from '@/lib/server/dal'
import { authoringCourses } from '@/lib/server/studio-lessons'
import { formatDateTime } from '@/lib/text/dates'
import { ProofTable } from '@/components/studio/ProofTable'
import { NewStudioLessonForm } from '@/components/studio/NewStudioLessonForm'
import { createStudioLessonAction, moveStudioLessonAction } from './actions'
import { studioViewer } from '@/components/studio/studio-viewer'
import './studio.css'

export async function generateMetadata() {
  const t = await getTranslations('studio')
  return { title: t('title') }
}

export const dynamic = 'force-dynamic'

/**
 * Proofs by exercise object: in production the content is loaded once, so each exercise is proved once per
 * language; in development every reload loads the files afresh (new objects), so an edit is proved again.
 */
const proofCache = new WeakMap<Exercise, Partial<Record<Locale, ExerciseProof>>>()

function proofOf(exercise: Exercise, locale: Locale): ExerciseProof {
  let byLang = proofCache.get(exercise)
  if (!byLang) proofCache.set(exercise, (byLang = {}))
  return (byLang[locale] ??= proveExercise(exercise, locale))
}

export default async function StudioPage() {
  const { viewer, refusal } = await studioViewer('/studio')
  if (!viewer) return refusal
  const t = await getTranslations('studio')
  const locale = await currentLang()
  const courses = loadCourses().map((course) => ({
    course,
    lessons: course.lessons.map((lesson) => ({ lesson, proof: lesson.exercise ? proofOf(lesson.exercise, locale) : null })),
  }))
  const studioLessons = await dal().studioLessons.list(viewer)
  // file courses, then the studio's own courses (their lessons are all studio lessons)
  const lessonOrder = (await authoringCourses(dal(), viewer)).map((course) => {
    const studio = studioLessons.filter((s) => s.courseId === course.id)
    const byId = new Map(studio.map((s) => [s.lessonId, s]))
    const files = new Map(course.fileLessons.map((l) => [l.id, l]))
    const ids = orderLessonIds(
      course.fileLessons.map((l) => l.id),
      studio,
    )
    return {
      course,
      studio: studio.length,
      rows: ids.map((id, index) => ({
        id,
        index,
        last: index === ids.length - 1,
        file: files.get(id) ?? null,
        studio: byId.get(id) ?? null,
      })),
    }
  })
  const proofs = courses.flatMap((c) => c.lessons.flatMap((l) => (l.proof ? [l.proof] : [])))
  // the grading time of the proofs themselves (a proof is kept once made, so not this request's time)
  const ms = Math.round(proofs.reduce((n, p) => n + p.cases.reduce((m, c) => m + c.durationMs, 0), 0))
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t.rich('intro', { code: (chunks) => <code>{chunks}</code> })}</p>
      <p data-testid="studio-summary">
        {t('summary', {
          proven: proofs.filter((p) => p.ok).length,
          total: proofs.length,
          cases: proofs.reduce((n, p) => n + p.cases.length, 0),
          ms,
        })}
      </p>
      <section aria-labelledby="studio-lessons">
        <h2 id="studio-lessons">{t('studioLessons')}</h2>
        <p className="muted">{t('studioLessonsIntro')}</p>
        {lessonOrder.map(({ course, studio, rows }) => (
          <div key={course.id}>
            <h3>
              {course.title[locale]}
              {course.kind === 'studio' && <span className="muted"> · {t('studioCourse')}</span>}
            </h3>
            {studio === 0 && (
              <p className="muted" data-testid="no-studio-lessons">
                {course.kind === 'studio' ? t('noStudioCourseLessons') : t('noStudioLessons')}
              </p>
            )}
            <ol className="studio-order" data-testid={`order-${course.id}`}>
              {rows.map((row) => (
                <li key={row.id} data-lesson={row.id} data-kind={row.studio ? 'studio' : 'file'}>
                  {row.file ? (
                    <span>
                      {row.file.title[locale]} <span className="muted">· {t('fileLesson')}</span>
                    </span>
                  ) : (
                    <span>
                      <Link href={`/studio/lessons/${course.id}/${row.id}`}>
                        <code>{row.id}</code>
                      </Link>{' '}
                      <span className="muted">
                        ·{' '}
                        {row.studio!.publishedNumber === null
                          ? t('draftOnly')
                          : t('publishedVersion', { number: row.studio!.publishedNumber })}{' '}
                        · {t('savedBy', { who: row.studio!.draftSavedBy, when: formatDateTime(row.studio!.draftSavedAt, locale) })}
                      </span>
                      <form action={moveStudioLessonAction} className="studio-move">
                        <input type="hidden" name="courseId" value={course.id} />
                        <input type="hidden" name="lessonId" value={row.id} />
                        <button
                          type="submit"
                          name="direction"
                          value="up"
                          className="button small"
                          disabled={row.index === 0}
                          aria-label={t('moveUp', { id: row.id })}
                        >
                          ↑
                        </button>
                        <button
                          type="submit"
                          name="direction"
                          value="down"
                          className="button small"
                          disabled={row.last}
                          aria-label={t('moveDown', { id: row.id })}
                        >
                          ↓
                        </button>
                      </form>
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </div>
        ))}
        <h3>{t('newLesson')}</h3>
        <NewStudioLessonForm
          createAction={createStudioLessonAction}
          courses={lessonOrder.map(({ course, rows }) => ({
            id: course.id,
            title: course.title[locale],
            kind: course.kind,
            lessons: rows.map((row) => ({ id: row.id, title: row.file ? row.file.title[locale] : row.id, file: row.file !== null })),
          }))}
        />
      </section>
      <h2>{t('fileLessons')}</h2>
      {courses.map(({ course, lessons }) => (
        <section key={course.id}>
          <h3>{course.title[locale]}</h3>
          {lessons.map(({ lesson, proof }) => (
            <details key={lesson.id} className="proof" data-ok={proof ? proof.ok : undefined} open={proof ? !proof.ok : false}>
              <summary>
                <span className="status-dot" data-status={proof ? (proof.ok ? 'completed' : 'failed') : undefined}>
                  {proof ? (proof.ok ? `✓ ${t('proven')}` : `✗ ${t('notProven')}`) : '—'}
                </span>{' '}
                <strong>
                  {t('lesson', { number: lesson.number })} · {lesson.title[locale]}
                </strong>
                {proof && <code className="muted"> {proof.exerciseId}</code>}
              </summary>
              <p>
                <Link href={`/courses/${course.id}/${lesson.id}`}>{t('open')}</Link>
              </p>
              {!proof ? (
                <p className="muted">{t('noExercise')}</p>
              ) : (
                <ProofTable proof={proof} label={`${t('lesson', { number: lesson.number })} · ${lesson.title[locale]}`} />
              )}
            </details>
          ))}
        </section>
      ))}
    </div>
  )
}
