/**
 * Every class view (bench/class-views.ts) on a generated class, on SQLite and PostgreSQL: it answers, issues no
 * more SQL statements than its entry states, no more for a class twice the size, and none of its statements reads a
 * big table whole (lib/testing/query-plans.ts). A failure prints the plans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { classViews, contentCourses } from '../../../bench/class-views.ts'
import { createDal, type Dal } from './index.ts'
import { generateClassScale, type ClassScaleIds } from '../../testing/class-scale-data.ts'
import { testDatabases, type TestDatabase } from '../../testing/db.ts'
import { bigTableScans, explainQueries, formatPlans, recordingDb } from '../../testing/query-plans.ts'

describe.each(testDatabases())('class views on %s', (_name, create) => {
  let database: TestDatabase
  let recorder: ReturnType<typeof recordingDb>
  let dal: Dal
  let small: ClassScaleIds
  let large: ClassScaleIds

  beforeAll(async () => {
    database = await create()
    small = (await generateClassScale(database, { tag: 'small', seed: 1, learners: 12, exercises: 8, submissions: 400 })).ids
    large = (await generateClassScale(database, { tag: 'large', seed: 2, learners: 24, exercises: 8, submissions: 800 })).ids
    recorder = recordingDb(database.url)
    dal = createDal(recorder.db, { courses: contentCourses })
  })
  afterAll(async () => {
    await recorder?.db.$disconnect()
    await database?.drop()
  })

  const teacherOf = (ids: ClassScaleIds) => ({ id: ids.teacherId, role: 'teacher' as const })

  it.each(classViews.map((v) => [v.name, v] as const))(
    '%s: answers within its statements, as many for twice the class, no full scan of a big table',
    async (_view, view) => {
      const first = await recorder.capture(() => view.run(dal, teacherOf(small), small))
      expect(first.value, 'the view answered nothing: it was measured on its not-found path').toBeTruthy()
      expect(first.queries.length).toBeGreaterThan(0)
      // a paged view may issue one statement per page read (and one that finds the end)
      const allowed = (answer: unknown) =>
        view.maxQueries + (view.paged ? Math.floor(view.paged.rows(answer) / view.paged.pageSize) + 1 : 0)
      expect(first.queries.length, formatPlans(view.name, await explainQueries(database.url, first.queries))).toBeLessThanOrEqual(
        allowed(first.value),
      )

      const twice = await recorder.capture(() => view.run(dal, teacherOf(large), large))
      expect(twice.value).toBeTruthy()
      if (view.varies || view.paged) expect(twice.queries.length).toBeLessThanOrEqual(allowed(twice.value))
      else expect(twice.queries.length, 'statements grew with the class: a query per learner or per exercise?').toBe(first.queries.length)

      const plans = await explainQueries(database.url, twice.queries)
      expect(
        plans.flatMap(bigTableScans),
        formatPlans(
          view.name,
          plans.filter((p) => bigTableScans(p).length > 0),
        ),
      ).toEqual([])
    },
  )

  it('finds a full scan where no index serves the question, and none where one does', async () => {
    const bad = await recorder.capture(() =>
      recorder.db.submission.findMany({ where: { kind: 'command', durationMs: { gt: 100 } }, select: { id: true }, take: 5 }),
    )
    const good = await recorder.capture(() =>
      recorder.db.submission.findMany({ where: { userId: small.learnerId, exerciseId: small.exerciseId }, select: { id: true } }),
    )
    const [badPlan] = await explainQueries(database.url, bad.queries)
    const [goodPlan] = await explainQueries(database.url, good.queries)
    expect(badPlan?.fullScans).toEqual(['Submission'])
    expect(goodPlan?.fullScans).toEqual([])
    expect(goodPlan?.plan.join('\n')).toMatch(/Submission_userId_exerciseId_createdAt_idx/)
  })

  it('counts the statements a call issues, transaction control left out', async () => {
    const { queries } = await recorder.capture(() =>
      recorder.db.$transaction(async (tx) => {
        await tx.user.count()
        await tx.classroom.findUnique({ where: { id: small.classId } })
      }),
    )
    expect(queries.map((q) => q.sql.trim().split(/\s/)[0]!.toUpperCase())).toEqual(['SELECT', 'SELECT'])
    expect(queries[1]!.params).toContain(small.classId)
  })

  it('a class the viewer does not teach answers nothing, so no figure is taken on the not-found path', async () => {
    const stranger = { id: large.teacherId, role: 'teacher' as const }
    expect(await classViews[0]!.run(dal, stranger, small)).toBeNull()
  })
})
