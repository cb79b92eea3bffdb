import type { Db } from '../db/client.ts'
import type { QuizAnswers, QuizResult } from '../../grading/quiz.ts'
import { requireViewer, type Viewer } from './viewer.ts'

export function quizzesDal(db: Db) {
  return {
    async recordAttempt(viewer: Viewer | null, input: QuizAttemptInput): Promise<{ attemptId: string }> {
      const user = requireViewer(viewer)
      return storeQuizAttempt(db, user.id, input)
    },

    /** The learner's best attempt at a quiz (most correct, then the latest), or null before the first. */
    async bestAttempt(
      viewer: Viewer | null,
      quizId: string,
    ): Promise<{ correct: number; total: number; score: number; at: string } | null> {
      const user = requireViewer(viewer)
      const row = await db.quizAttempt.findFirst({
        where: { userId: user.id, quizId },
        orderBy: [{ score: 'desc' }, { createdAt: 'desc' }],
        select: { correct: true, total: true, score: true, createdAt: true },
      })
      return row && { correct: row.correct, total: row.total, score: row.score, at: row.createdAt.toISOString() }
    },
  }
}

export interface QuizAttemptInput {
  courseId: string
  lessonId: string
  answers: QuizAnswers
  result: QuizResult
}

/** Writes one graded quiz attempt, with the DAL's client or a transaction's (the import of a visitor's work). */
export async function storeQuizAttempt(
  db: Pick<Db, 'quizAttempt'>,
  userId: string,
  input: QuizAttemptInput,
): Promise<{ attemptId: string }> {
  const attempt = await db.quizAttempt.create({
    data: {
      userId,
      courseId: input.courseId,
      lessonId: input.lessonId,
      quizId: input.result.quiz,
      answers: JSON.stringify(input.answers),
      score: input.result.score,
      correct: input.result.correct,
      total: input.result.total,
    },
  })
  return { attemptId: attempt.id }
}
