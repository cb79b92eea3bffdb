/**
 * The browser's client for `GET /api/me/comments` (app/api/me/comments/route.ts): the learner's comments from their
 * teachers, parsed with zod, so an answer of another shape is a failure to show rather than `undefined` in a list.
 */
import { z } from 'zod'
import type { LearnerComment } from './LearnerCommentList'

// The DAL's CommentForLearner as JSON (its dates as ISO strings), as far as the learner's pages read it.
const learnerCommentSchema = z.object({
  id: z.string(),
  className: z.string(),
  courseId: z.string(),
  lessonId: z.string(),
  authorLabel: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
})
const myCommentsSchema = z.object({ comments: z.array(learnerCommentSchema) })

export type MyComments = { status: 'ok'; comments: LearnerComment[] } | { status: 'signedOut' } | { status: 'failed' }

/** The signed-in learner's comments on one exercise; `signedOut` when they signed out meanwhile (401). */
export async function myCommentsOn(exerciseId: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): Promise<MyComments> {
  try {
    const response = await fetchImpl(`/api/me/comments?exerciseId=${encodeURIComponent(exerciseId)}`, {
      cache: 'no-store',
      credentials: 'same-origin',
    })
    if (response.status === 401) return { status: 'signedOut' }
    if (!response.ok) return { status: 'failed' }
    const body = myCommentsSchema.safeParse(await response.json())
    return body.success ? { status: 'ok', comments: body.data.comments } : { status: 'failed' }
  } catch {
    return { status: 'failed' } // offline, or not JSON
  }
}
