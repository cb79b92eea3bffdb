import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { loadCourses } from '@/lib/content/load'
import { proveExercise, type CaseProof, type ExerciseProof } from '@/lib/content/prove'
import type { Exercise } from '@/lib/grading/exercise-schema'
import { InlineMarkdown } from '@/components/workspace/InlineMarkdown'
import { currentViewer } from '@/lib/server/viewer'
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
const proofCache = new WeakMap<Exercise, Partial<Record<'ko' | 'en', ExerciseProof>>>()

function proofOf(exercise: Exercise, locale: 'ko' | 'en'): ExerciseProof {
  let byLang = proofCache.get(exercise)
  if (!byLang) proofCache.set(exercise, (byLang = {}))
  return (byLang[locale] ??= proveExercise(exercise, locale))
}

export default async function StudioPage() {
  const viewer = await currentViewer()
  if (!viewer) redirect('/signin?next=/studio')
  const t = await getTranslations('studio')
  if (viewer.role !== 'author' && viewer.role !== 'admin') {
    return (
      <div className="page narrow">
        <h1>{t('title')}</h1>
        <p data-testid="not-author">{t('notAuthor')}</p>
      </div>
    )
  }
  const locale = (await getLocale()) === 'en' ? 'en' : 'ko'
  const courses = loadCourses().map((course) => ({
    course,
    lessons: course.lessons.map((lesson) => ({ lesson, proof: lesson.exercise ? proofOf(lesson.exercise, locale) : null })),
  }))
  const proofs = courses.flatMap((c) => c.lessons.flatMap((l) => (l.proof ? [l.proof] : [])))
  // the grading time of the proofs themselves (a proof is kept once made, so not this request's time)
  const ms = Math.round(proofs.reduce((n, p) => n + p.cases.reduce((m, c) => m + c.durationMs, 0), 0))
  const expectation = (c: CaseProof): string => (c.kind === 'wrong' ? t('expect.wrong', { checks: c.expected!.join(', ') }) : t(`expect.${c.kind}`))
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t.rich('intro', { code: (chunks) => <code>{chunks}</code> })}</p>
      <p data-testid="studio-summary">
        {t('summary', { proven: proofs.filter((p) => p.ok).length, total: proofs.length, cases: proofs.reduce((n, p) => n + p.cases.length, 0), ms })}
      </p>
      {courses.map(({ course, lessons }) => (
        <section key={course.id}>
          <h2>{course.title[locale]}</h2>
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
                // on a phone the table scrolls sideways in its own box, which keyboard users can focus and scroll
                <div className="proof-scroll" role="region" tabIndex={0} aria-label={`${t('lesson', { number: lesson.number })} · ${lesson.title[locale]}`}>
                <table className="proof-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('case')}</th>
                      <th scope="col">{t('expectation')}</th>
                      <th scope="col">{t('actual')}</th>
                      <th scope="col">{t('score')}</th>
                      <th scope="col">{t('time')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {proof.cases.map((c) => (
                      <tr key={`${c.kind}:${c.name}`} data-ok={c.ok}>
                        <th scope="row">
                          {c.ok ? '✓' : '✗'} {c.name}
                        </th>
                        <td>{expectation(c)}</td>
                        <td>
                          {c.failing.length ? c.failing.join(', ') : <span className="muted">{t('none')}</span>}
                          {!c.ok && (
                            <ul className="proof-details">
                              {c.validationErrors.map((e) => (
                                <li key={e}>
                                  {t('validation')}: {e}
                                </li>
                              ))}
                              {c.details
                                .filter((d) => !d.passed)
                                .map((d) => (
                                  <li key={d.check}>
                                    <code>{d.check}</code>: <InlineMarkdown text={d.message} />
                                  </li>
                                ))}
                            </ul>
                          )}
                        </td>
                        <td>{Math.round(c.score * 100)}%</td>
                        <td>{c.durationMs.toFixed(1)} ms</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                </div>
              )}
            </details>
          ))}
        </section>
      ))}
    </div>
  )
}
