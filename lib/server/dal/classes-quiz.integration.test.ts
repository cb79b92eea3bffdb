import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDal, type Dal } from './index.ts'
import { quizScores } from './classes.ts'
import { createPostgresTestDatabase, createSqliteTestDatabase, postgresAdminUrl, type TestDatabase } from '../testing/databases.ts'
import type { QuizResult } from '../../grading/quiz.ts'

const backends: [string, () => Promise<TestDatabase>][] = [['sqlite', createSqliteTestDatabase]]
const pgUrl = postgresAdminUrl
if (pgUrl) backends.push(['postgresql', () => createPostgresTestDatabase(pgUrl)])

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

describe.each(backends)('a class’s quiz scores on %s', (_name, create) => {
  let database: TestDatabase
  let dal: Dal
  beforeAll(async () => {
    database = await create()
    dal = createDal(database.db)
  })
  afterAll(async () => {
    await database?.drop()
  })

  it('shows the teacher each learner’s first attempt beside the best, in the class’s course only', async () => {
    const stamp = Date.now()
    const teacherUser = await dal.users.upsertWithRole(`quiz-teacher-${stamp}@example.com`, 'password-1', 'teacher', 'Ms Kim')
    const teacher = { id: teacherUser.id, role: teacherUser.role }
    const learnerUser = await dal.users.signUp({ email: `quiz-pupil-${stamp}@example.com`, password: 'password-1' })
    const learner = { id: learnerUser.id, role: learnerUser.role }
    const created = await dal.classes.create(teacher, { name: 'Quiz group', courseId: 'kubernetes-basics' })
    await dal.classes.join(learner, created.inviteCode)

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
