// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import { readVisitorWork, recordVisitorAttempt, recordVisitorQuiz } from '@/lib/browser/visitor-work'
import { quizGradedEvent, type QuizGradedDetail } from '@/components/quiz/quiz-events'
import type { PassRecord, QuizScore } from './PassPanel'
import { usePassRecord } from './usePassRecord'

const exercise = { id: 'deployment-web', courseId: 'basics', lessonId: 'deployment', quizId: 'deployment-quiz' }
const at = '2026-11-02T10:00:00.000Z'

function visitorAttempt(passed: boolean) {
  recordVisitorAttempt({
    courseId: 'basics',
    lessonId: 'deployment',
    exerciseId: 'deployment-web',
    kind: 'manifest',
    answer: 'kind: Deployment',
    passed,
    score: passed ? 1 : 0.5,
    checks: [{ id: 'replicas', passed }],
    at,
  })
}

const visitorQuiz = (score: number) =>
  recordVisitorQuiz({ courseId: 'basics', lessonId: 'deployment', quizId: 'deployment-quiz', answers: {}, score, at })

const quizGraded = (detail: QuizGradedDetail) => act(() => void window.dispatchEvent(new CustomEvent(quizGradedEvent, { detail })))

function renderRecord({
  signedIn = false,
  initialPass = null,
  initialQuiz = null,
}: { signedIn?: boolean; initialPass?: PassRecord | null; initialQuiz?: QuizScore | null } = {}) {
  return renderHook(() => usePassRecord({ signedIn, exercise, initialPass, initialQuiz }))
}

beforeEach(() => window.localStorage.clear())

describe('usePassRecord: a visitor', () => {
  it('picks up a pass and a quiz score kept in this browser', () => {
    visitorAttempt(true)
    visitorQuiz(0.75)
    const { result } = renderRecord()
    expect(result.current.pass).toEqual({ at, score: 1, checks: [{ id: 'replicas', passed: true }], visitor: true })
    expect(result.current.quiz).toEqual({ score: 0.75 })
  })

  it('shows no pass for attempts that did not pass', () => {
    visitorAttempt(false)
    expect(renderRecord().result.current.pass).toBeNull()
  })

  it('follows a pass recorded in this browser after the page opened', () => {
    const { result } = renderRecord()
    expect(result.current.pass).toBeNull()
    act(() => visitorAttempt(true))
    expect(result.current.pass).toMatchObject({ score: 1, visitor: true })
  })

  it('marks the lesson as visited', () => {
    renderRecord()
    expect(Object.keys(readVisitorWork().lessons)).toEqual(['basics/deployment'])
  })
})

describe('usePassRecord: a signed-in learner', () => {
  it("shows the server's record, not a visitor's pass kept in this browser", () => {
    visitorAttempt(true)
    expect(renderRecord({ signedIn: true }).result.current.pass).toBeNull()
    const initialPass: PassRecord = { at, score: 0.9, checks: [], visitor: false }
    const { result } = renderRecord({ signedIn: true, initialPass, initialQuiz: { correct: 3, total: 4 } })
    expect(result.current.pass).toBe(initialPass)
    expect(result.current.quiz).toEqual({ correct: 3, total: 4 })
  })

  it('keeps nothing in this browser', () => {
    renderRecord({ signedIn: true })
    expect(readVisitorWork().lessons).toEqual({})
  })
})

describe('usePassRecord: the quiz graded on this page', () => {
  it('shows its score at once, signed in or not', () => {
    for (const signedIn of [true, false]) {
      const { result } = renderRecord({ signedIn })
      quizGraded({ quizId: 'deployment-quiz', correct: 2, total: 4, score: 0.5 })
      expect(result.current.quiz).toEqual({ correct: 2, total: 4, score: 0.5 })
    }
  })

  it('keeps a better earlier score, and ignores another quiz on the page', () => {
    const { result } = renderRecord({ signedIn: true, initialQuiz: { correct: 3, total: 4 } })
    quizGraded({ quizId: 'deployment-quiz', correct: 1, total: 4, score: 0.25 })
    quizGraded({ quizId: 'other-quiz', correct: 4, total: 4, score: 1 })
    expect(result.current.quiz).toEqual({ correct: 3, total: 4 })
    quizGraded({ quizId: 'deployment-quiz', correct: 4, total: 4, score: 1 })
    expect(result.current.quiz).toEqual({ correct: 4, total: 4, score: 1 })
  })
})

describe('usePassRecord: a pass on Submit', () => {
  it('records the score and the checks, as the visitor’s or the learner’s', () => {
    for (const signedIn of [true, false]) {
      const { result } = renderRecord({ signedIn })
      act(() => result.current.recordPass({ score: 1, checks: [{ id: 'replicas', passed: true }] }))
      expect(result.current.pass).toMatchObject({ score: 1, checks: [{ id: 'replicas', passed: true }], visitor: !signedIn })
      expect(Date.parse(result.current.pass!.at)).not.toBeNaN()
    }
  })
})
