/**
 * The SQLite store of a grade (prepared statements, progress-sqlite.ts) against the Prisma one it stands in for
 * (storeSubmission, which PostgreSQL and the import of a visitor's work use): the same answers and the same rows
 * for the same grades, read back through Prisma.
 */
import { describe, expect, it } from 'vitest'
import { sqliteConnection } from '../db/client.ts'
import { newId } from './progress-sqlite.ts'
import { storeSubmission, type SubmissionInput } from './progress.ts'
import { createSqliteTestDatabase, useTestDatabase, createTestAccount } from '../../testing/db.ts'
import type { GradeResult } from '../../grading/result.ts'

const result = (score: number): GradeResult => ({
  exercise: 'pod-first-manifest',
  passed: score === 1,
  score,
  checks: [{ id: 'image', passed: score === 1, message: 'wrong image', hint: null, line: 3, weight: 1 }],
  validation: { valid: true, errors: [] },
  durationMs: 1.6,
})

// fails, a pass, fails again, another exercise of the same lesson, another lesson; past the newest 3 kept whole
const grades: SubmissionInput[] = [0.5, 0, 0.25, 1, 0.5, 0.75, 0, 1, 0.5].map((score, i) => ({
  courseId: 'kubernetes-basics',
  lessonId: i === 8 ? 'deployment' : 'pod',
  exerciseId: i === 6 ? 'pod-other' : i === 8 ? 'deployment-web' : 'pod-first-manifest',
  kind: 'manifest',
  source: `# attempt ${i}\n${'z'.repeat(60)}\n`.repeat(60),
  result: result(score),
}))

describe('a grade stored with prepared statements on SQLite', () => {
  const quota = { submissionsPerHour: 100, submissionsTotal: 100, sourcesPerExercise: 3 }
  const { database, dal } = useTestDatabase(createSqliteTestDatabase, { quota })
  const learner = async () => (await createTestAccount(database.db, 'learner')).id

  const rows = async (userId: string) => {
    const submissions = await database.db.submission.findMany({ where: { userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
    const progress = await database.db.lessonProgress.findMany({ where: { userId }, orderBy: { lessonId: 'asc' } })
    return {
      submissions: submissions.map(({ id, userId: _user, createdAt, ...row }) => ({
        ...row,
        idShape: /^c[0-9a-z]{24}$/.test(id),
        createdAt: createdAt instanceof Date,
      })),
      progress: progress.map(({ userId: _user, startedAt, updatedAt, completedAt, ...row }) => ({
        ...row,
        dates: [startedAt, updatedAt].every((d) => d instanceof Date),
        completed: completedAt instanceof Date,
      })),
    }
  }

  it('answers and writes what the Prisma store writes, grade after grade', async () => {
    expect(await sqliteConnection(database.db)).not.toBeNull()
    const direct = await learner()
    const throughPrisma = await learner()
    for (const grade of grades) {
      const a = await dal.progress.recordSubmission({ id: direct, role: 'learner' }, grade)
      const b = await database.db.$transaction((tx) => storeSubmission(tx, throughPrisma, grade, quota))
      const strip = (answer: typeof a) => ({
        ...answer,
        submissionId: typeof answer.submissionId,
        progress: { ...answer.progress, completedAt: answer.progress.completedAt !== null },
      })
      expect(strip(a)).toEqual(strip(b))
    }
    const [x, y] = [await rows(direct), await rows(throughPrisma)]
    expect(x).toEqual(y)
    expect(x.submissions.filter((s) => s.sourceTrimmed)).toHaveLength(4) // attempts 0–3 of the first exercise left the newest 3
  })

  it('keeps the first completion time and the best score, and reads back the dates it wrote', async () => {
    const userId = await learner()
    const viewer = { id: userId, role: 'learner' as const }
    const before = Date.now()
    await dal.progress.recordSubmission(viewer, grades[3]!) // a pass
    const first = await database.db.lessonProgress.findFirstOrThrow({ where: { userId } })
    await dal.progress.recordSubmission(viewer, grades[1]!) // then a fail
    const after = await database.db.lessonProgress.findFirstOrThrow({ where: { userId } })
    expect(after).toMatchObject({ status: 'completed', attempts: 2, bestScore: 1, completedAt: first.completedAt })
    expect(first.completedAt!.getTime()).toBeGreaterThanOrEqual(before - 1)
    expect(first.completedAt!.getTime()).toBeLessThanOrEqual(Date.now())
    const stored = await database.db.submission.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: 'asc' } })
    expect(stored.createdAt.getTime()).toBe(first.completedAt!.getTime())
    expect(JSON.parse(stored.result)).toEqual(grades[3]!.result)
    expect(stored).toMatchObject({ passed: true, score: 1, durationMs: 2, kind: 'manifest' })
  })

  it('counts a lesson opened before its first grade (touchLesson) as that lesson’s progress', async () => {
    const userId = await learner()
    const viewer = { id: userId, role: 'learner' as const }
    await dal.progress.touchLesson(viewer, 'kubernetes-basics', 'pod')
    const answer = await dal.progress.recordSubmission(viewer, grades[0]!)
    expect(answer.progress).toMatchObject({ status: 'started', attempts: 1, bestScore: 0.5, completedAt: null })
  })

  it('refuses a deleted account and stores nothing', async () => {
    const userId = await learner()
    await database.db.user.delete({ where: { id: userId } })
    await expect(dal.progress.recordSubmission({ id: userId, role: 'learner' }, grades[0]!)).rejects.toMatchObject({ status: 401 })
    expect(await database.db.submission.count({ where: { userId } })).toBe(0)
  })

  it('makes ids shaped like Prisma’s, in order within this process', () => {
    const ids = Array.from({ length: 1000 }, () => newId(new Date(1_700_000_000_000)))
    expect(new Set(ids).size).toBe(1000)
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/)
  })
})
