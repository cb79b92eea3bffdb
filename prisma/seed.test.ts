import { beforeAll, describe, expect, it } from 'vitest'
import { buildProgressMatrix } from '../lib/classes/progress-matrix.ts'
import { findCourse, findExercise } from '../lib/content/load.ts'
import { gradeExercise } from '../lib/grading/grade.ts'
import type { GradeResult } from '../lib/grading/result.ts'
import { testDatabases, useTestDatabase } from '../lib/testing/db.ts'
import { demoClassName, demoPassword, seedDemo, shouldSeedDemo } from './seed.ts'

describe('when a start creates the demo accounts', () => {
  const fresh = { isNew: true }
  const existing = { isNew: false }
  it.each([
    // the newcomer: a fresh clone, npm start (or npm run dev), no settings
    [{}, fresh, true],
    [{ NODE_ENV: 'development' }, fresh, true],
    [{ NODE_ENV: 'test' }, fresh, true],
    // a database that already existed: accounts someone removed do not come back
    [{}, existing, false],
    // production never, whatever the database (the embedded SQLite default included)
    [{ NODE_ENV: 'production' }, fresh, false],
    [{ NODE_ENV: 'production' }, existing, false],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/kubelab' }, fresh, false],
    [{ NODE_ENV: 'production', DATABASE_URL: 'file:./data/kubelab.db' }, fresh, false],
    // unless asked for
    [{ NODE_ENV: 'production', SEED_DEMO: '1' }, existing, true],
    [{ NODE_ENV: 'production', SEED_DEMO: 'true' }, fresh, true],
    [{ SEED_DEMO: '1' }, existing, true],
    // SEED_DEMO=0 always prevents them
    [{ SEED_DEMO: '0' }, fresh, false],
    [{ SEED_DEMO: 'false' }, fresh, false],
    [{ NODE_ENV: 'development', SEED_DEMO: '0' }, fresh, false],
    // an empty value is no choice
    [{ SEED_DEMO: '' }, fresh, true],
    [{ NODE_ENV: 'production', SEED_DEMO: '' }, fresh, false],
  ])('%j on a %j database: %s', (environment, database, expected) => {
    expect(shouldSeedDemo(environment, database)).toBe(expected)
  })
})

describe.each(testDatabases())('the living Demo class on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)
  const lessons = findCourse('kubernetes-basics')!.lessons
  beforeAll(async () => {
    await seedDemo(dal, database.db)
  })
  const demoClass = async () => {
    const teacher = (await dal.users.authenticate('teacher@kubelab.dev', demoPassword))!
    const viewer = { id: teacher.id, role: teacher.role }
    const [only, ...more] = await dal.classes.listTaught(viewer)
    expect(more).toEqual([])
    return { viewer, detail: (await dal.classes.detail(viewer, only!.id))! }
  }

  it('has a dozen learners besides the demo learner, at every stage: finished, stuck, trying, barely started', async () => {
    const { detail } = await demoClass()
    expect(detail.name).toBe(demoClassName)
    expect(detail.learners.length).toBeGreaterThanOrEqual(13)
    expect(detail.learners.map((l) => l.email)).toContain('learner@kubelab.dev')
    const matrix = buildProgressMatrix(
      lessons.map((l) => ({ id: l.id, number: l.number, title: l.id, graded: !!l.exercise })),
      detail.learners,
      detail.progress,
      detail.quizzes,
    )
    const demo = matrix.rows.filter((r) => r.learner.email !== 'learner@kubelab.dev')
    expect(demo.filter((r) => r.completed === lessons.length).length).toBeGreaterThanOrEqual(2)
    expect(demo.filter((r) => r.stuckOn.length > 0).length).toBeGreaterThanOrEqual(3)
    expect(demo.filter((r) => r.completed === 0 && r.cells.some((c) => c.state === 'started')).length).toBeGreaterThanOrEqual(2)
    expect(demo.filter((r) => r.completed > 0 && r.completed < lessons.length && r.stuckOn.length === 0).length).toBeGreaterThanOrEqual(2)
    // active over the last three weeks, not all at once
    const last = demo.map((r) => r.lastActivity!.getTime())
    expect(Math.max(...last) - Math.min(...last)).toBeGreaterThan(5 * 24 * 3_600_000)
    expect(Math.max(...last)).toBeLessThan(Date.now())
    // quiz scores, some of them imperfect, some first tries below the best
    expect(detail.quizzes.some((q) => q.bestScore < 1)).toBe(true)
    expect(detail.quizzes.some((q) => q.firstScore < q.bestScore)).toBe(true)
  })

  it('stores real attempts: each result is what the grader says of its source, failing checks included', async () => {
    const { viewer, detail } = await demoClass()
    const stuck = detail.progress.find((p) => p.status === 'started' && p.attempts >= 3)!
    const seen = (await dal.classes.learnerSubmissions(viewer, detail.id, stuck.userId, { pageSize: 100 }))!
    const failed = seen.submissions.find((s) => s.lessonId === stuck.lessonId && !s.passed)!
    expect(failed.failing.length).toBeGreaterThan(0)
    const rows = await database.db.submission.findMany({ where: { userId: { in: detail.learners.map((l) => l.id) } } })
    expect(rows.filter((r) => !r.passed).length).toBeGreaterThan(20)
    expect(rows.filter((r) => r.passed).length).toBeGreaterThan(50)
    // a sample graded again gives the same verdicts, with the messages in the learner's language
    const locales = new Map(
      (await database.db.user.findMany({ select: { id: true, locale: true } })).map((u) => [
        u.id,
        u.locale === 'en' ? ('en' as const) : ('ko' as const),
      ]),
    )
    for (const row of rows.filter((_, i) => i % 25 === 0)) {
      const { exercise } = findExercise(row.exerciseId)!
      const stored = JSON.parse(row.result) as GradeResult
      const again = gradeExercise(exercise, row.kind === 'command' ? { commands: row.source.split('\n') } : { yaml: row.source }, {
        lang: locales.get(row.userId),
      }).result
      expect(
        again.checks.map((c) => [c.id, c.passed, c.message]),
        row.exerciseId,
      ).toEqual(stored.checks.map((c) => [c.id, c.passed, c.message]))
      expect(row.passed).toBe(again.passed)
    }
  })

  it('keeps lesson progress consistent with the submissions', async () => {
    const { detail } = await demoClass()
    const rows = await database.db.submission.findMany({ where: { userId: { in: detail.learners.map((l) => l.id) } } })
    for (const p of detail.progress) {
      const mine = rows.filter((r) => r.userId === p.userId && r.lessonId === p.lessonId)
      expect(p.attempts).toBe(mine.length)
      expect(p.status).toBe(mine.some((r) => r.passed) ? 'completed' : 'started')
      expect(p.bestScore).toBe(Math.max(0, ...mine.map((r) => r.score)))
    }
  })

  it('has due dates, one passed and one to come, and comments on real attempts, one read and one not', async () => {
    const { detail } = await demoClass()
    const deadlines = await database.db.lessonDeadline.findMany({ where: { classroomId: detail.id } })
    expect(deadlines.some((d) => d.dueAt.getTime() < Date.now())).toBe(true)
    expect(deadlines.some((d) => d.dueAt.getTime() > Date.now())).toBe(true)
    const comments = await database.db.teacherComment.findMany({ where: { classroomId: detail.id } })
    expect(comments.map((c) => c.readAt === null).sort()).toEqual([false, true])
    for (const c of comments) {
      const submission = await database.db.submission.findUniqueOrThrow({ where: { id: c.submissionId! } })
      expect([submission.userId, submission.exerciseId, submission.passed]).toEqual([c.learnerId, c.exerciseId, false])
      expect(c.authorLabel).toBe('Demo Teacher')
    }
  })

  it('is made once: a second start adds nothing', async () => {
    const count = async () => [
      await database.db.classroom.count(),
      await database.db.user.count(),
      await database.db.submission.count(),
      await database.db.quizAttempt.count(),
      await database.db.teacherComment.count(),
    ]
    const before = await count()
    await seedDemo(dal, database.db)
    expect(await count()).toEqual(before)
  })
})
