'use client'
import { useCallback, useState } from 'react'
import { recordVisitorAttempt } from '@/lib/browser/visitor-work'
import type { GradeResponse } from '@/lib/api-contract/exercises'
import type { ExerciseApi, GradeRequest } from './exercise-api'
import { gradingProblemOf, type GradingProblem } from './grading-problem'
import type { Locale } from '@/i18n/locales'

interface Options {
  api: ExerciseApi
  exercise: { id: string; kind: 'manifest' | 'command'; courseId: string; lessonId: string }
  signedIn: boolean
  lang: Locale
  initialAttempts: number
  initialSolutionAvailable: boolean
}

/** Submitting for grading: the result, the attempts so far (hints unlock from them), and errors. */
export function useGrading({ api, exercise, signedIn, lang, initialAttempts, initialSolutionAvailable }: Options) {
  const [result, setResult] = useState<GradeResponse | null>(null)
  const [error, setError] = useState<GradingProblem | null>(null)
  const [pending, setPending] = useState(false)
  const [attempts, setAttempts] = useState(initialAttempts)
  const [solutionAvailable, setSolutionAvailable] = useState(initialSolutionAvailable)

  const submit = useCallback(
    async (answer: GradeRequest): Promise<GradeResponse | null> => {
      if ('commands' in answer && answer.commands.length === 0) {
        setError({ key: 'noCommands' })
        return null
      }
      setPending(true)
      setError(null)
      try {
        const graded = await api.grade(exercise.id, answer, lang)
        setResult(graded)
        setAttempts((a) => graded.attempts ?? a + 1)
        if (graded.solutionAvailable) setSolutionAvailable(true)
        // A visitor's work stays in this browser until they sign in and import it.
        if (!signedIn) {
          recordVisitorAttempt({
            courseId: exercise.courseId,
            lessonId: exercise.lessonId,
            exerciseId: exercise.id,
            kind: exercise.kind,
            answer: 'yaml' in answer ? answer.yaml : answer.commands,
            passed: graded.passed,
            score: graded.score,
            checks: graded.checks.map((c) => ({ id: c.id, passed: c.passed })),
            at: new Date().toISOString(),
          })
        }
        return graded
      } catch (e) {
        setError(gradingProblemOf(e))
        return null
      } finally {
        setPending(false)
      }
    },
    [api, exercise.id, exercise.kind, exercise.courseId, exercise.lessonId, lang, signedIn],
  )

  return { result, error, setError, pending, attempts, solutionAvailable, submit }
}

/** The reference solution, fetched once when first opened, shown as a diff against the learner's text. */
export function useSolution(api: ExerciseApi, exerciseId: string) {
  const [solution, setSolution] = useState<string | null>(null)
  const [shown, setShown] = useState(false)
  const [locked, setLocked] = useState(false)

  const open = useCallback(async (): Promise<boolean> => {
    setLocked(false)
    if (solution === null) {
      try {
        setSolution(await api.solution(exerciseId))
      } catch {
        setLocked(true)
        return false
      }
    }
    setShown(true)
    return true
  }, [api, exerciseId, solution])

  const close = useCallback(() => setShown(false), [])
  return { solution, shown: shown && solution !== null, locked, open, close }
}
