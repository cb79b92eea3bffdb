import type { ReactNode } from 'react'
import { getTranslations } from 'next-intl/server'
import type { Quiz as QuizFile } from '@/lib/content/schemas'
import { publicQuiz } from '@/lib/grading/quiz'
import { DemoPlayer } from '@/components/mdx/DemoPlayer'
import { QuizForm, type ShownOutput } from './QuizForm'
import { shownSteps } from './shown-steps'
import type { Locale } from '@/i18n/locales'

/**
 * `<Quiz id="…" />` on the server: the questions without their keys, and for a predict-what-happens question the
 * output its demo step printed (computed here, from the course's demos) and the demo itself, which the learner can
 * replay once they have answered. `courseDir` null: a studio course, which has no demos (the question says so).
 */
export async function Quiz({
  quiz,
  locale,
  courseDir,
  courseId,
  lessonId,
  anchorId,
  regionLabel,
}: {
  quiz: QuizFile
  locale: Locale
  courseDir: string | null
  courseId: string
  lessonId: string
  anchorId?: string
  regionLabel?: string
}) {
  const t = await getTranslations({ locale, namespace: 'quiz' })
  const steps = await shownSteps(quiz, courseDir)
  const shown: Record<string, ShownOutput> = {}
  const replays: Record<string, ReactNode> = {}
  for (const [id, step] of Object.entries(steps)) {
    if (!step.ok) {
      shown[id] = { missing: t('showsMissing', { scenario: step.scenario, run: step.run }) }
      continue
    }
    shown[id] = { command: step.command, output: step.output, scenario: step.scenario }
    // one player per demo: questions that show steps of the same demo share it (a recording can weigh hundreds of kB)
    replays[step.scenario] ??= (
      <DemoPlayer title={t('replayTitle')} recording={step.recording} testId={`quiz-replay-${quiz.id}-${step.scenario}`} />
    )
  }
  return (
    <QuizForm
      quiz={publicQuiz(quiz, locale)}
      courseId={courseId}
      lessonId={lessonId}
      anchorId={anchorId}
      regionLabel={regionLabel}
      shown={shown}
      replays={replays}
    />
  )
}
