'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { formFields } from '@/lib/server/action-input'
import { AccessDeniedError, dal } from '@/lib/server/dal'
import { commentBodyMax, commentBodySchema, groupLearnersMax } from '@/lib/server/dal/comments'
import { unstorableReason } from '@/lib/server/dal/text'
import { currentViewer } from '@/lib/server/viewer'

export type CommentError = 'empty' | 'tooLong' | 'unstorable' | 'invalid' | 'notFound' | 'forbidden'

export interface CommentState {
  status: 'idle' | 'sent' | 'error'
  error?: CommentError
  /** the typed length, for the "too long" message */
  length?: number
  /** changes with every comment sent, so the form can clear itself once */
  sentAt?: number
}

const id = z.string().min(1).max(100)
const target = z.union([
  z.object({ classId: id, submissionId: id }),
  z.object({ classId: id, exerciseId: id, checkId: id, learnerIds: z.array(id).min(1).max(groupLearnersMax) }),
])

/** What is wrong with a comment's text, in the words the form shows; null when it can be sent. */
function bodyProblem(body: string | undefined): Pick<CommentState, 'error' | 'length'> | null {
  if (body === undefined) return { error: 'invalid' }
  if (commentBodySchema.safeParse(body).success) return null
  const text = body.replace(/\r\n?/g, '\n').trim()
  if (text.length === 0) return { error: 'empty' }
  if (unstorableReason(text)) return { error: 'unstorable' }
  if (text.length > commentBodyMax) return { error: 'tooLong', length: text.length }
  return { error: 'invalid' }
}

/**
 * A teacher's comment, from CommentForm: on one submission when the form names one, else on a mistake group (an
 * exercise, a failing check and its learners). The DAL decides who may; a refusal is a form error, and the form
 * keeps the typed text.
 */
export async function commentAction(_prev: CommentState, form: FormData): Promise<CommentState> {
  const fields = formFields(form, ['classId', 'submissionId', 'exerciseId', 'checkId', 'body'])
  if (!fields) return { status: 'error', error: 'invalid' }
  const problem = bodyProblem(fields.body)
  if (problem) return { status: 'error', ...problem }
  const learnerIds = (form as FormData).getAll('learnerId').filter((v): v is string => typeof v === 'string')
  const parsed = target.safeParse(fields.submissionId ? fields : { ...fields, learnerIds })
  if (!parsed.success) return { status: 'error', error: 'invalid' }
  const body = fields.body!
  try {
    const viewer = await currentViewer()
    const data = parsed.data
    const made =
      'submissionId' in data
        ? await dal().comments.commentOnSubmission(viewer, { classId: data.classId, submissionId: data.submissionId, body })
        : await dal().comments.commentOnGroup(viewer, { ...data, body })
    if (!made) return { status: 'error', error: 'notFound' }
  } catch (error) {
    if (error instanceof AccessDeniedError) return { status: 'error', error: 'forbidden' }
    if (error instanceof z.ZodError) return { status: 'error', error: 'invalid' }
    throw error
  }
  revalidatePath(`/teach/${parsed.data.classId}`, 'layout')
  return { status: 'sent', sentAt: Date.now() }
}

/** Deletes a comment of a class the viewer teaches (any of its teachers may); anything else changes nothing. */
export async function deleteCommentAction(form: FormData): Promise<void> {
  const input = z.object({ classId: id, commentId: id }).safeParse(formFields(form, ['classId', 'commentId']) ?? {})
  if (!input.success) return
  try {
    await dal().comments.delete(await currentViewer(), input.data)
  } catch (error) {
    if (!(error instanceof AccessDeniedError)) throw error
  }
  revalidatePath(`/teach/${input.data.classId}`, 'layout')
}
