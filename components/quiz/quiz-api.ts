/** The browser's client for `POST /api/quizzes/[id]/attempts`, the answer parsed with zod. */
import { z } from 'zod'
import type { Answer } from './quiz-answers'
import type { Locale } from '@/i18n/locales'

export const quizResultSchema = z.object({
  quiz: z.string(),
  correct: z.number().int().min(0),
  total: z.number().int().min(0),
  score: z.number().min(0).max(1),
  questions: z.array(
    z.object({
      id: z.string(),
      correct: z.boolean(),
      explanation: z.string(),
      answer: z.string(),
      /** single and multiple questions: every choice, marked right or not and picked or not, the wrong ones with their `why` */
      choices: z.array(z.object({ id: z.string(), right: z.boolean(), chosen: z.boolean(), why: z.string().optional() })).optional(),
    }),
  ),
  /** false for a visitor: nothing was stored */
  saved: z.boolean(),
})
export type QuizResponse = z.infer<typeof quizResultSchema>

export class QuizApiError extends Error {}

export async function submitQuiz(
  quizId: string,
  answers: Record<string, Answer>,
  lang: Locale,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<QuizResponse> {
  let response: Response
  try {
    response = await fetchImpl(`/api/quizzes/${encodeURIComponent(quizId)}/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers, lang }),
    })
  } catch {
    throw new QuizApiError('network')
  }
  if (!response.ok) throw new QuizApiError(`status ${response.status}`)
  const parsed = quizResultSchema.safeParse(await response.json().catch(() => null))
  if (!parsed.success) throw new QuizApiError('bad response')
  return parsed.data
}
