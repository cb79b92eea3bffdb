import type { Db } from '../db/client.ts'
import type { QuizAnswers, QuizResult } from '../../grading/quiz.ts'
import { requireViewer, type Viewer } from './viewer.ts'

export function quizzesDal(db: Db) {
  return {
    async recordAttempt(viewer: Viewer | null, input: { courseId: string; lessonId: string; answers: QuizAnswers; result: QuizResult }): Promise<{ attemptId: string }> {
      const user = requireViewer(viewer)
      const attempt = await db.quizAttempt.create({
        data: {
          userId: user.id,
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
    },
  }
}
