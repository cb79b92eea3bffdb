import { describe, expect, it } from 'vitest'
import { attemptsBeforeSolution } from '../grading/attempts.ts'
import { findExercise } from '../content/load.ts'
import { planClassScale } from './class-scale-data.ts'

describe('the class-scale data', () => {
  const full = planClassScale()
  const { rows, ids } = full

  it('is the issue’s class: 200 learners × 30 graded exercises and exactly 20,000 submissions', () => {
    expect(ids.learnerIds).toHaveLength(200)
    expect(rows.enrolments).toHaveLength(200)
    expect(new Set(ids.exerciseIds).size).toBe(30)
    expect(rows.submissions).toHaveLength(20_000)
    expect(new Set(rows.submissions.map((s) => s.exerciseId))).toEqual(new Set(ids.exerciseIds))
    expect(new Set(rows.submissions.map((s) => s.id)).size).toBe(20_000)
  })

  it('is the same for the same seed, and another class for another seed', () => {
    const a = planClassScale({ seed: 5, learners: 20, submissions: 900 })
    const b = planClassScale({ seed: 5, learners: 20, submissions: 900 })
    const c = planClassScale({ seed: 6, learners: 20, submissions: 900 })
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    expect(c.rows.submissions.map((s) => s.result)).not.toEqual(a.rows.submissions.map((s) => s.result))
  })

  it('stores results as the grader does: a failing attempt fails exactly the checks its known wrong answer fails', () => {
    const failing = rows.submissions.filter((s) => !s.passed && s.exerciseId === ids.exerciseId)
    expect(failing.length).toBeGreaterThan(50)
    const exercise = findExercise(ids.exerciseId)!.exercise
    for (const s of failing.slice(0, 50)) {
      const result = JSON.parse(s.result) as {
        passed: boolean
        score: number
        checks: { id: string; passed: boolean; message: string; hint: string | null }[]
      }
      const failed = result.checks.filter((c) => !c.passed).map((c) => c.id)
      const wrong = exercise.wrongAnswers.find((w) => w.source === s.source)
      expect(wrong, 'the source is one of the exercise’s wrong answers').toBeDefined()
      expect(failed.sort()).toEqual([...wrong!.fails].sort())
      expect(result.score).toBeLessThan(1)
      expect(result.checks.every((c) => c.message.length > 0 && (c.passed ? c.hint === null : true))).toBe(true)
    }
    const passing = rows.submissions.find((s) => s.passed && s.exerciseId === ids.exerciseId)!
    expect(passing.source).toBe(exercise.solution)
    expect(JSON.parse(passing.result)).toMatchObject({ passed: true, score: 1 })
  })

  it('has learners who share a mistake, learners who are stuck, and learners who finished', () => {
    const groupComments = rows.comments.filter((c) => c.groupKey === ids.groupKey)
    expect(groupComments.length).toBeGreaterThanOrEqual(10)
    expect(groupComments.every((c) => c.checkId === ids.checkId && c.submissionId === null)).toBe(true)
    const stuck = rows.progress.filter((p) => p.status === 'started' && p.attempts >= attemptsBeforeSolution)
    expect(stuck.length).toBeGreaterThan(5)
    const finished = ids.learnerIds.filter(
      (id) => rows.progress.filter((p) => p.userId === id && p.status === 'completed').length === ids.lessonIds.length,
    )
    expect(finished.length).toBeGreaterThan(50)
  })

  it('keeps lesson progress consistent with the submissions, and quiz attempts graded by the quiz grader', () => {
    for (const p of rows.progress.slice(0, 300)) {
      const tries = rows.submissions.filter((s) => s.userId === p.userId && s.lessonId === p.lessonId)
      expect(p.attempts).toBe(tries.length)
      expect(p.status === 'completed').toBe(tries.some((s) => s.passed))
    }
    expect(rows.quizAttempts.length).toBeGreaterThan(rows.progress.length)
    for (const q of rows.quizAttempts.slice(0, 100)) {
      expect(q.correct).toBeLessThanOrEqual(q.total)
      expect(q.score).toBeCloseTo(q.correct / q.total, 2)
      expect(Object.keys(JSON.parse(q.answers) as object)).toHaveLength(q.total)
    }
  })

  it('dates everything within the month before `now`, and keeps the whole text of only the newest attempts', () => {
    const now = new Date('2026-12-01T09:00:00Z').getTime()
    for (const s of rows.submissions) expect(s.createdAt.getTime()).toBeLessThanOrEqual(now)
    expect(Math.min(...rows.submissions.map((s) => s.createdAt.getTime()))).toBeGreaterThanOrEqual(now - 31 * 86_400_000)
    const trimmed = rows.submissions.filter((s) => s.sourceTrimmed)
    expect(trimmed.length).toBeGreaterThan(0)
    const newest = rows.submissions.filter(
      (s) => s.userId === trimmed[0]!.userId && s.exerciseId === trimmed[0]!.exerciseId && s.createdAt > trimmed[0]!.createdAt,
    )
    expect(newest.length).toBeGreaterThanOrEqual(10)
  })
})
