/**
 * Adding a visitor's work to the account they just signed in to (ADR 0010). The caller has graded every answer
 * again on the server (lib/server/visitor-import.ts); nothing here takes a grade from the browser.
 *
 * One transaction for the whole import: the browser forgets its record only after a success, so a failure
 * must leave nothing half-added that a retry would add again. Idempotent by content: an answer this account
 * already submitted for that exercise (the same text), or the same quiz answers, is not added twice, so a
 * second click, a second tab or a retry after a lost response counts nothing twice.
 */
import type { Db } from '../db/client.ts'
import type { QuizAnswers } from '../../grading/quiz.ts'
import { storeSubmission, type SubmissionInput, type Tx } from './progress.ts'
import { submissionQuotaExceeded, type StorageQuota } from './quotas.ts'
import { storeQuizAttempt, type QuizAttemptInput } from './quizzes.ts'
import { assertStorable } from './text.ts'
import { AccessDeniedError, requireViewer, type Viewer } from './viewer.ts'

export interface GradedVisitorWork {
  /** graded on the server; at most one per exercise */
  submissions: SubmissionInput[]
  /** graded on the server; at most one per quiz */
  quizzes: QuizAttemptInput[]
  drafts: { exerciseId: string; source: string }[]
  /** lessons the visitor opened, already checked against the course */
  lessons: { courseId: string; lessonId: string }[]
}

export type ItemOutcome = 'added' | 'duplicate'

export interface ImportedWork {
  exercises: { exerciseId: string; outcome: ItemOutcome; passed: boolean; score: number; lessonCompleted: boolean }[]
  quizzes: { quizId: string; outcome: ItemOutcome; correct: number; total: number }[]
  drafts: { exerciseId: string; outcome: 'saved' | 'kept' }[]
  /** lessons this import started (they had no progress on the account before) */
  lessonsStarted: number
  /** exercises not added because the account's storage quota is used up (ADR 0015) */
  overQuota: string[]
}

/** Quiz answers with their keys in one order, so the same answers compare equal however they were sent. */
export function canonicalQuizAnswers(answers: QuizAnswers): QuizAnswers {
  return Object.fromEntries(
    Object.keys(answers)
      .sort()
      .map((k) => [k, answers[k]!]),
  )
}

const sameAnswers = (stored: string, answers: QuizAnswers): boolean => {
  try {
    return JSON.stringify(canonicalQuizAnswers(JSON.parse(stored) as QuizAnswers)) === JSON.stringify(canonicalQuizAnswers(answers))
  } catch {
    return false
  }
}

export function importDal(db: Db, quota: () => StorageQuota) {
  return {
    async importVisitorWork(viewer: Viewer | null, work: GradedVisitorWork): Promise<ImportedWork> {
      const user = requireViewer(viewer)
      return db.$transaction(
        async (tx) => {
          // Writing the user's row first takes its lock on PostgreSQL (SQLite has one writer anyway), so two
          // imports for one account run one after the other and the second sees what the first added.
          const touched = await tx.user.updateMany({ where: { id: user.id }, data: { updatedAt: new Date() } })
          if (touched.count === 0) throw new AccessDeniedError(401, 'This account no longer exists.')
          const lessonsStarted = await startLessons(tx, user.id, work.lessons)
          const exercises: ImportedWork['exercises'] = []
          const overQuota: string[] = []
          for (const input of work.submissions) {
            const already = await tx.submission.findFirst({
              where: { userId: user.id, exerciseId: input.exerciseId, source: input.source },
              select: { id: true },
            })
            const base = { exerciseId: input.exerciseId, passed: input.result.passed, score: input.result.score }
            if (already) {
              const progress = await tx.lessonProgress.findUnique({
                where: { userId_courseId_lessonId: { userId: user.id, courseId: input.courseId, lessonId: input.lessonId } },
              })
              exercises.push({ ...base, outcome: 'duplicate', lessonCompleted: progress?.status === 'completed' })
              continue
            }
            // past the quota the rest is left out (and reported), not the whole import refused
            if (await submissionQuotaExceeded(tx, user.id, quota())) {
              overQuota.push(input.exerciseId)
              continue
            }
            const stored = await storeSubmission(tx, user.id, input, quota())
            exercises.push({ ...base, outcome: 'added', lessonCompleted: stored.progress.status === 'completed' })
          }
          const quizzes: ImportedWork['quizzes'] = []
          for (const input of work.quizzes) {
            const previous = await tx.quizAttempt.findMany({
              where: { userId: user.id, quizId: input.result.quiz },
              select: { answers: true },
            })
            const duplicate = previous.some((p) => sameAnswers(p.answers, input.answers))
            if (!duplicate) await storeQuizAttempt(tx, user.id, { ...input, answers: canonicalQuizAnswers(input.answers) })
            quizzes.push({
              quizId: input.result.quiz,
              outcome: duplicate ? 'duplicate' : 'added',
              correct: input.result.correct,
              total: input.result.total,
            })
          }
          const drafts: ImportedWork['drafts'] = []
          for (const draft of work.drafts) {
            assertStorable({ [`drafts.${draft.exerciseId}.source`]: draft.source })
            const key = { userId: user.id, exerciseId: draft.exerciseId }
            // the account's own draft (typed while signed in, maybe on another device) wins over this browser's
            const existing = await tx.exerciseDraft.findUnique({ where: { userId_exerciseId: key }, select: { userId: true } })
            if (!existing) await tx.exerciseDraft.create({ data: { ...key, source: draft.source } })
            drafts.push({ exerciseId: draft.exerciseId, outcome: existing ? 'kept' : 'saved' })
          }
          return { exercises, quizzes, drafts, lessonsStarted, overQuota }
        },
        { timeout: 20_000, maxWait: 10_000 },
      )
    },
  }
}

async function startLessons(tx: Tx, userId: string, lessons: GradedVisitorWork['lessons']): Promise<number> {
  let started = 0
  for (const lesson of lessons) {
    const key = { userId, ...lesson }
    const existing = await tx.lessonProgress.findUnique({ where: { userId_courseId_lessonId: key }, select: { userId: true } })
    if (existing) continue
    await tx.lessonProgress.create({ data: key })
    started++
  }
  return started
}
