'use server'
/** Co-teachers of a class (issue 17): add one by email, remove one, or leave. The DAL decides who may. */
import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { formFields } from '@/lib/server/action-input'
import { AccessDeniedError, dal } from '@/lib/server/dal'
import { CoTeacherError, coTeacherEmailSchema, type CoTeacherFailure } from '@/lib/server/dal/co-teachers'
import { currentViewer } from '@/lib/server/viewer'

export interface AddCoTeacherState {
  error: CoTeacherFailure | 'invalid' | 'notFound' | 'forbidden' | null
  /** what was typed, given back with an error so a typo can be fixed rather than typed again */
  email?: string
  /** the name (or email) of the teacher just added */
  added?: string
}

const classIdSchema = z.string().min(1).max(64)

export async function addCoTeacherAction(_prev: AddCoTeacherState, form: FormData): Promise<AddCoTeacherState> {
  const input = z.object({ classId: classIdSchema, email: z.string().max(1000) }).safeParse(formFields(form, ['classId', 'email']) ?? {})
  if (!input.success) return { error: 'invalid' }
  const typed = input.data.email
  const email = coTeacherEmailSchema.safeParse(typed)
  if (!email.success) return { error: 'invalid', email: typed }
  let added
  try {
    added = await dal().classes.addCoTeacher(await currentViewer(), input.data.classId, email.data)
  } catch (error) {
    if (error instanceof CoTeacherError && error.reason !== 'owner') return { error: error.reason, email: typed }
    if (error instanceof AccessDeniedError) return { error: 'forbidden', email: typed }
    throw error
  }
  if (!added) return { error: 'notFound', email: typed }
  revalidatePath(`/teach/${input.data.classId}`)
  return { error: null, added: added.name ?? added.email }
}

/** Removes a co-teacher (the owner, or an admin), or the viewer themselves (leaving: then on to their classes). */
export async function removeCoTeacherAction(form: FormData): Promise<void> {
  const input = z
    .object({ classId: classIdSchema, userId: z.string().min(1).max(64) })
    .safeParse(formFields(form, ['classId', 'userId']) ?? {})
  if (!input.success) return
  const viewer = await currentViewer()
  let removed = false
  try {
    removed = await dal().classes.removeCoTeacher(viewer, input.data.classId, input.data.userId)
  } catch (error) {
    // not theirs to remove (the owner, or another co-teacher's place): nothing changes, the page shows the list as it is
    if (!(error instanceof AccessDeniedError) && !(error instanceof CoTeacherError)) throw error
  }
  revalidatePath(`/teach/${input.data.classId}`)
  revalidatePath('/teach')
  if (removed && viewer?.id === input.data.userId) redirect('/teach')
}
