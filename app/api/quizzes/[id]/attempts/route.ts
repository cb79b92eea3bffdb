import { NextResponse } from 'next/server'
import { z } from 'zod'
import { attemptQuiz, quizAnswersSchema } from '@/lib/grading/quiz'
import { findCatalogQuiz } from '@/lib/server/course-catalog'
import { dal } from '@/lib/server/dal'
import { readJsonBody } from '@/lib/server/http/json-body'
import { tooManyRequests } from '@/lib/server/http/too-many-requests'
import { limits } from '@/lib/server/rate-limit'
import { currentViewer } from '@/lib/server/viewer'

export const dynamic = 'force-dynamic'

const bodySchema = z.object({ answers: quizAnswersSchema, lang: z.enum(['ko', 'en']).default('ko') }).strict()

/**
 * Grades an attempt that answers every question and only then returns the keys and explanations; an incomplete
 * one is refused with 422 and the ids of the unanswered questions (nothing is stored or revealed).
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const body = await readJsonBody(request, bodySchema, 64 * 1024)
  if (!body.ok) return body.response
  const found = await findCatalogQuiz(id)
  if (!found) return NextResponse.json({ error: 'not_found', message: `No quiz "${id}".` }, { status: 404 })
  const attempt = attemptQuiz(found.quiz, body.data.answers, body.data.lang)
  if (!attempt.complete) {
    return NextResponse.json(
      { error: 'unanswered', message: 'Answer every question; the answers are shown after that.', unanswered: attempt.unanswered },
      { status: 422 },
    )
  }
  const viewer = await currentViewer()
  // a signed-in learner's complete attempts are stored: so many per user (visitors' are graded and forgotten)
  const wait = viewer ? await limits().quiz.consume(viewer.id) : 0
  if (wait > 0) return tooManyRequests(request, wait)
  if (viewer)
    await dal().quizzes.recordAttempt(viewer, {
      courseId: found.course.id,
      lessonId: found.lesson.id,
      answers: attempt.answers,
      result: attempt.result,
    })
  return NextResponse.json({ ...attempt.result, saved: viewer !== null })
}
