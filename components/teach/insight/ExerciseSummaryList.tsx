import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { InlineMarkdown } from '@/components/workspace/InlineMarkdown'
import type { ClassExerciseRow } from '@/lib/server/dal/class-insight'
import { medianValue, percent } from './format'
import { PassBar, PassBarLegend } from './PassBar'
import { mistakeTitle } from './mistake-title'
import type { Locale } from '@/i18n/locales'

/** The class's lessons with an exercise or a quiz, each with its exercise's summary, linking to the insight pages. */
export async function ExerciseSummaryList({ classId, rows, locale }: { classId: string; rows: ClassExerciseRow[]; locale: Locale }) {
  const t = await getTranslations('insight')
  const base = `/teach/${encodeURIComponent(classId)}`
  return (
    <>
      <PassBarLegend passed={t('list.legendPassed')} tried={t('list.legendTried')} />
      <ol className="insight-exercises" data-testid="insight-exercises">
        {rows.map(({ lesson, exercise, hasQuiz }) => {
          const s = exercise?.summary
          const title = `${lesson.number}. ${lesson.title[locale]}`
          return (
            <li key={lesson.id} className="insight-exercise" data-testid="insight-exercise" data-lesson-id={lesson.id}>
              <h2 className="insight-exercise-title">
                {exercise ? <Link href={`${base}/exercises/${encodeURIComponent(exercise.id)}`}>{title}</Link> : title}
              </h2>
              {exercise && s ? (
                <>
                  <p className="insight-exercise-id muted">
                    <code>{exercise.id}</code>
                  </p>
                  {s.tried === 0 ? (
                    <p className="muted">{t('list.notTried')}</p>
                  ) : (
                    <>
                      <div className="pass-line">
                        <PassBar passed={s.passed} tried={s.tried} learners={s.learners} />
                        <span>{t('list.passed', { passed: s.passed, learners: s.learners, percent: percent(s.passRate ?? 0) })}</span>
                      </div>
                      <p className="insight-facts">
                        {s.medianAttempts !== null && <span>{t('list.medianAttempts', { count: medianValue(s.medianAttempts) })}</span>}
                        <span data-stuck={s.stuck > 0 || undefined}>{t('list.stuck', { count: s.stuck })}</span>
                      </p>
                      {s.topMistake && (
                        <p className="top-mistake" data-testid="top-mistake" data-check-id={s.topMistake.key}>
                          <span className="top-mistake-label">{t('list.topMistake')}</span>{' '}
                          <InlineMarkdown text={mistakeTitle(s.topMistake, locale, t, `\`${s.topMistake.key}\``)} />{' '}
                          <span className="group-count">{t('list.learners', { count: s.topMistake.learners })}</span>
                        </p>
                      )}
                    </>
                  )}
                </>
              ) : (
                <p className="muted">{t('list.quizOnly')}</p>
              )}
              {hasQuiz && (
                <p className="insight-quiz-link">
                  <Link href={`${base}/quizzes/${encodeURIComponent(lesson.id)}`}>{t('list.openQuiz')}</Link>
                </p>
              )}
            </li>
          )
        })}
      </ol>
    </>
  )
}
