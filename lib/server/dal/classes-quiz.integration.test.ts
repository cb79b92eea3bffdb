import { describe, expect, it } from 'vitest'
import { quizScores } from './classes.ts'
import { testDatabases, useTestDatabase, createTestAccount, createTestClass } from '../../testing/db.ts'
import type { QuizResult } from '../../grading/quiz.ts'

const scored = (quiz: string, score: number): QuizResult => ({ quiz, correct: Math.round(score * 5), total: 5, score, questions: [] })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('first and best quiz scores per learner and lesson', () => {
  it('takes the first attempt as it came and the best over all', () => {
    const records = quizScores([
      { userId: 'u', lessonId: 'pod', score: 0.4 },
      { userId: 'v', lessonId: 'pod', score: 1 },
      { userId: 'u', lessonId: 'pod', score: 1 },
      { userId: 'u', lessonId: 'pod', score: 0.6 },
      { userId: 'u', lessonId: 'service', score: 0.8 },
    ])
    expect(records).toEqual([
      { userId: 'u', lessonId: 'pod', bestScore: 1, firstScore: 0.4 },
      { userId: 'v', lessonId: 'pod', bestScore: 1, firstScore: 1 },
      { userId: 'u', lessonId: 'service', bestScore: 0.8, firstScore: 0.8 },
    ])
    expect(quizScores([])).toEqual([])
  })
})

describe.each(testDatabases())('a class’s quiz scores on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)

  it('shows the teacher each learner’s first attempt beside the best, in the class’s course only', async () => {
    const teacher = await createTestAccount(database.db, 'teacher', 'Ms Kim')
    const learner = await createTestAccount(database.db, 'learner')
    const created = await createTestClass(dal, teacher, { name: 'Quiz group', learners: [learner] })

    const attempt = (lessonId: string, score: number, courseId = 'kubernetes-basics') =>
      dal.quizzes.recordAttempt(learner, { courseId, lessonId, answers: {}, result: scored(`${lessonId}-basics`, score) })
    // a low first try (which revealed the key), then a perfect one, then a worse one
    await attempt('pod', 0.2)
    await sleep(5)
    await attempt('pod', 1)
    await sleep(5)
    await attempt('pod', 0.6)
    await attempt('service', 0.8)
    await attempt('pod', 0, 'another-course')

    const detail = await dal.classes.detail(teacher, created.id)
    const byLesson = Object.fromEntries((detail?.quizzes ?? []).map((q) => [q.lessonId, q]))
    expect(byLesson).toEqual({
      pod: { userId: learner.id, lessonId: 'pod', bestScore: 1, firstScore: 0.2 },
      service: { userId: learner.id, lessonId: 'service', bestScore: 0.8, firstScore: 0.8 },
    })
    const seen = await dal.classes.learnerSubmissions(teacher, created.id, learner.id)
    expect(seen?.quizzes.find((q) => q.lessonId === 'pod')).toMatchObject({ bestScore: 1, firstScore: 0.2 })
  })
})
