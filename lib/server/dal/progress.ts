import { z } from 'zod'
import { sqliteConnection, type Db } from '../db/client.ts'
import type { GradeResult } from '../../grading/result.ts'
import { AccessDeniedError, requireViewer, type Viewer } from './viewer.ts'
import { storageQuotaFromEnv, submissionQuotaExceeded, trimOlderSources, type QuotaExceededError, type StorageQuota } from './quotas.ts'
import { assertStorable } from './text.ts'
import { recordSubmissionSqlite, submissionQuotaExceededSqlite } from './progress-sqlite.ts'

export interface SubmissionInput {
  courseId: string
  lessonId: string
  exerciseId: string
  kind: 'manifest' | 'command'
  source: string
  result: GradeResult
}

export interface LessonProgressView {
  lessonId: string
  status: 'started' | 'completed'
  attempts: number
  bestScore: number
  completedAt: string | null
}

export function progressDal(db: Db, quota: () => StorageQuota = storageQuotaFromEnv) {
  return {
    /**
     * Stores a graded submission and the lesson's progress in one transaction: either both are saved or neither.
     * A lesson stays completed once passed; later failing attempts only add to the attempt count.
     * Throws QuotaExceededError past the learner's storage quota, UnstorableTextError for text PostgreSQL refuses.
     */
    async recordSubmission(
      viewer: Viewer | null,
      input: SubmissionInput,
    ): Promise<{ submissionId: string; progress: LessonProgressView; exercise: ExerciseAttempts }> {
      const user = requireViewer(viewer)
      // SQLite: prepared statements in one synchronous transaction (progress-sqlite.ts)
      const sqlite = await sqliteConnection(db)
      if (sqlite) return recordSubmissionSqlite(sqlite, user.id, input, quota())
      return db.$transaction(async (tx) => {
        // A write first. SQLite then takes its write lock now, waiting for another connection's write (a `kubelab`
        // command, a test) instead of failing when a transaction that began by reading must become a writer after
        // that connection committed (P1008, a 500). PostgreSQL locks the learner's row, so two grades of one
        // learner count the storage quota one after the other.
        const touched = await tx.user.updateMany({ where: { id: user.id }, data: { updatedAt: new Date() } })
        if (touched.count === 0) throw new AccessDeniedError(401, 'This account no longer exists.')
        return storeSubmission(tx, user.id, input, quota())
      })
    },

    /** The storage quota the viewer's next submission would exceed (checked before grading), or null. */
    async submissionQuota(viewer: Viewer | null): Promise<QuotaExceededError | null> {
      const user = requireViewer(viewer)
      const sqlite = await sqliteConnection(db)
      return sqlite ? submissionQuotaExceededSqlite(sqlite, user.id, quota()) : submissionQuotaExceeded(db, user.id, quota())
    },

    /** Marks a lesson as opened, so "resume where you left off" and the course map know about it. */
    async touchLesson(viewer: Viewer | null, courseId: string, lessonId: string): Promise<void> {
      const user = requireViewer(viewer)
      const key = { userId: user.id, courseId, lessonId }
      await db.lessonProgress.upsert({ where: { userId_courseId_lessonId: key }, create: { ...key }, update: {} })
    },

    async courseProgress(viewer: Viewer | null, courseId: string): Promise<LessonProgressView[]> {
      const user = requireViewer(viewer)
      const rows = await db.lessonProgress.findMany({ where: { userId: user.id, courseId }, orderBy: { updatedAt: 'desc' } })
      return rows.map(toView)
    },

    /** How often this learner has submitted an exercise, and whether any attempt passed. */
    async exerciseAttempts(viewer: Viewer | null, exerciseId: string): Promise<ExerciseAttempts> {
      const user = requireViewer(viewer)
      return countAttempts(db, user.id, exerciseId)
    },

    /**
     * The learner's last passing attempt at an exercise (what a passed lesson shows when reopened): when, the
     * score and each check's verdict, read back from the stored result; null when none passed.
     */
    async lastPass(viewer: Viewer | null, exerciseId: string): Promise<PassView | null> {
      const user = requireViewer(viewer)
      const row = await db.submission.findFirst({
        where: { userId: user.id, exerciseId, passed: true },
        orderBy: { createdAt: 'desc' },
        select: { score: true, result: true, createdAt: true },
      })
      if (!row) return null
      return { at: row.createdAt.toISOString(), score: row.score, checks: storedChecks(row.result) }
    },

    async recentSubmissions(viewer: Viewer | null, limit = 20) {
      const user = requireViewer(viewer)
      const rows = await db.submission.findMany({
        where: { userId: user.id },
        orderBy: { createdAt: 'desc' },
        take: Math.min(Math.max(limit, 1), 100),
        select: { id: true, courseId: true, lessonId: true, exerciseId: true, passed: true, score: true, createdAt: true },
      })
      return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))
    },
  }
}

/** The database client inside a transaction. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

/**
 * Writes one graded submission and the lesson's progress with a transaction's client, for the caller's
 * transaction: recordSubmission's own, or the import of a visitor's work (lib/server/dal/import.ts). Within the
 * storage quota: refused past the hourly or total count (QuotaExceededError), and only the newest attempts of
 * the exercise keep their full text.
 */
export async function storeSubmission(
  tx: Tx,
  userId: string,
  input: SubmissionInput,
  quota: StorageQuota,
): Promise<{ submissionId: string; progress: LessonProgressView; exercise: ExerciseAttempts }> {
  const { result } = input
  assertStorable({ source: input.source })
  const exceeded = await submissionQuotaExceeded(tx, userId, quota)
  if (exceeded) throw exceeded
  const submission = await tx.submission.create({
    data: {
      userId,
      courseId: input.courseId,
      lessonId: input.lessonId,
      exerciseId: input.exerciseId,
      kind: input.kind,
      source: input.source,
      passed: result.passed,
      score: result.score,
      result: JSON.stringify(result),
      durationMs: Math.round(result.durationMs),
    },
    select: { id: true }, // not the text just sent back again
  })
  const key = { userId, courseId: input.courseId, lessonId: input.lessonId }
  const previous = await tx.lessonProgress.findUnique({ where: { userId_courseId_lessonId: key } })
  const completed = previous?.status === 'completed' || result.passed
  const progress = await tx.lessonProgress.upsert({
    where: { userId_courseId_lessonId: key },
    create: {
      ...key,
      status: completed ? 'completed' : 'started',
      attempts: 1,
      bestScore: result.score,
      completedAt: result.passed ? new Date() : null,
    },
    update: {
      status: completed ? 'completed' : 'started',
      attempts: { increment: 1 },
      bestScore: Math.max(previous?.bestScore ?? 0, result.score),
      completedAt: previous?.completedAt ?? (result.passed ? new Date() : null),
    },
  })
  await trimOlderSources(tx, userId, input.exerciseId, quota.sourcesPerExercise)
  // counted in the same transaction: the answer includes this submission and no concurrent one half-way; a passing
  // one answers "passed" itself
  const exercise = result.passed
    ? { attempts: await tx.submission.count({ where: { userId, exerciseId: input.exerciseId } }), passed: true }
    : await countAttempts(tx, userId, input.exerciseId)
  return { submissionId: submission.id, progress: toView(progress), exercise }
}

export interface PassView {
  at: string
  score: number
  checks: { id: string; passed: boolean }[]
}

const storedResultSchema = z.object({ checks: z.array(z.object({ id: z.string(), passed: z.boolean() }).passthrough()) }).passthrough()

/** The checks' verdicts of a stored result; none when the text is not a result (written by an older version). */
function storedChecks(text: string): PassView['checks'] {
  try {
    const parsed = storedResultSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data.checks.map((c) => ({ id: c.id, passed: c.passed })) : []
  } catch {
    return []
  }
}

export interface ExerciseAttempts {
  attempts: number
  passed: boolean
}

/** Submissions of one exercise by one learner, and whether any passed: one grouped query. */
async function countAttempts(db: Pick<Db, 'submission'>, userId: string, exerciseId: string): Promise<ExerciseAttempts> {
  const groups = await db.submission.groupBy({ by: ['passed'], where: { userId, exerciseId }, _count: { _all: true } })
  let attempts = 0
  let passed = false
  for (const g of groups) {
    attempts += g._count._all
    if (g.passed) passed = true
  }
  return { attempts, passed }
}

function toView(row: {
  lessonId: string
  status: string
  attempts: number
  bestScore: number
  completedAt: Date | null
}): LessonProgressView {
  return {
    lessonId: row.lessonId,
    status: row.status === 'completed' ? 'completed' : 'started',
    attempts: row.attempts,
    bestScore: row.bestScore,
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
  }
}
