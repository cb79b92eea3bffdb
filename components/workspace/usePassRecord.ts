'use client'
import { useCallback, useEffect, useState } from 'react'
import { readVisitorWork, recordVisitorLessonVisit, visitorWorkChanged } from '@/lib/browser/visitor-work'
import { quizGradedEvent, type QuizGradedDetail } from '@/components/quiz/quiz-events'
import type { PassRecord, QuizScore } from './PassPanel'

interface Options {
  signedIn: boolean
  exercise: { id: string; courseId: string; lessonId: string; quizId: string | null }
  /** a signed-in learner's last passing submission (a visitor's comes from this browser) */
  initialPass: PassRecord | null
  /** a signed-in learner's best quiz attempt of this lesson */
  initialQuiz: QuizScore | null
}

/** What the pass panel shows: the last pass of the exercise and the lesson quiz's best score, kept up to date on this page. */
export function usePassRecord({ signedIn, exercise, initialPass, initialQuiz }: Options) {
  const [pass, setPass] = useState<PassRecord | null>(initialPass)
  const [quiz, setQuiz] = useState<QuizScore | null>(initialQuiz)

  // A passed lesson shows its result when reopened: the server's (signed in) or this browser's (visitor).
  useEffect(() => {
    if (signedIn) return
    recordVisitorLessonVisit(exercise.courseId, exercise.lessonId)
    const read = () => {
      const work = readVisitorWork()
      const best = work.exercises[exercise.id]?.best
      if (best?.passed) setPass((p) => p ?? { at: best.at, score: best.score, checks: best.checks ?? [], visitor: true })
      const q = exercise.quizId ? work.quizzes[exercise.quizId] : undefined
      setQuiz((previous) => (previous && 'correct' in previous ? previous : q ? { score: q.score } : null))
    }
    read()
    window.addEventListener(visitorWorkChanged, read)
    return () => window.removeEventListener(visitorWorkChanged, read)
  }, [signedIn, exercise.courseId, exercise.lessonId, exercise.id, exercise.quizId])

  // A quiz graded on this page (signed in or not) shows in the pass panel at once.
  useEffect(() => {
    const onGraded = (event: Event) => {
      const detail = (event as CustomEvent<QuizGradedDetail>).detail
      if (detail.quizId !== exercise.quizId) return
      setQuiz((previous) =>
        previous && 'correct' in previous && previous.correct > detail.correct
          ? previous
          : { correct: detail.correct, total: detail.total, score: detail.score },
      )
    }
    window.addEventListener(quizGradedEvent, onGraded)
    return () => window.removeEventListener(quizGradedEvent, onGraded)
  }, [exercise.quizId])

  /** A Submit passed just now. */
  const recordPass = useCallback(
    (graded: { score: number; checks: { id: string; passed: boolean }[] }) =>
      setPass({
        at: new Date().toISOString(),
        score: graded.score,
        checks: graded.checks.map((c) => ({ id: c.id, passed: c.passed })),
        visitor: !signedIn,
      }),
    [signedIn],
  )

  return { pass, quiz, recordPass }
}
