import { NextResponse } from 'next/server'
import { z } from 'zod'
import { findQuiz } from '@/lib/content/load'
import { gradeQuiz, quizAnswersSchema } from '@/lib/grading/quiz'
import { dal } from '@/lib/server/dal'
import { readJsonBody } from '@/lib/server/http/json-body'
import { currentViewer } from '@/lib/server/viewer'

export const dynamic = 'force-dynamic'

const bodySchema = z.object({ answers: quizAnswersSchema, lang: z.enum(['ko', 'en']).default('ko') }).strict()

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const body = await readJsonBody(request, bodySchema, 64 * 1024)
  if (!body.ok) return body.response
  const found = findQuiz(id)
  if (!found) return NextResponse.json({ error: 'not_found', message: `No quiz "${id}".` }, { status: 404 })
  const result = gradeQuiz(found.quiz, body.data.answers, body.data.lang)
  const viewer = await currentViewer()
  if (viewer) await dal().quizzes.recordAttempt(viewer, { courseId: found.course.id, lessonId: found.lesson.id, answers: body.data.answers, result })
  return NextResponse.json({ ...result, saved: viewer !== null })
}
