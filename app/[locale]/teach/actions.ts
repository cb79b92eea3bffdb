'use server'
import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { loadCourses } from '@/lib/content/load'
import { formFields } from '@/lib/server/action-input'
import { AccessDeniedError, dal } from '@/lib/server/dal'
import { classInputSchema, JoinError, type JoinFailure } from '@/lib/server/dal/classes'
import { currentViewer } from '@/lib/server/viewer'

export interface CreateClassState {
  error: 'invalid' | 'forbidden' | null
}

export async function createClassAction(_prev: CreateClassState, form: FormData): Promise<CreateClassState> {
  const parsed = classInputSchema.safeParse(formFields(form, ['name', 'courseId']) ?? {})
  if (!parsed.success || !loadCourses().some((c) => c.id === parsed.data.courseId)) return { error: 'invalid' }
  let classId: string
  try {
    classId = (await dal().classes.create(await currentViewer(), parsed.data)).id
  } catch (error) {
    if (error instanceof AccessDeniedError) return { error: 'forbidden' } // signed out meanwhile, or not a teacher
    throw error
  }
  revalidatePath('/teach')
  redirect(`/teach/${classId}`)
}

export interface JoinClassState {
  error: JoinFailure | 'signedOut' | null
  joined?: { name: string; courseId: string; alreadyMember: boolean }
  code?: string
}

export async function joinClassAction(_prev: JoinClassState, form: FormData): Promise<JoinClassState> {
  const code = z
    .string()
    .max(40)
    .safeParse(formFields(form, ['code'])?.code)
  if (!code.success) return { error: 'invalid' }
  try {
    const joined = await dal().classes.join(await currentViewer(), code.data)
    revalidatePath('/progress')
    return { error: null, joined: { name: joined.name, courseId: joined.courseId, alreadyMember: joined.alreadyMember } }
  } catch (error) {
    if (error instanceof JoinError) return { error: error.reason, code: code.data }
    if (error instanceof AccessDeniedError) return { error: 'signedOut', code: code.data }
    throw error
  }
}

const classIdSchema = z.string().min(1).max(64)

/** Runs a teacher's change to a class; a signed-out or foreign request changes nothing (the page says why). */
async function asTeacher(change: () => Promise<unknown>): Promise<void> {
  try {
    await change()
  } catch (error) {
    if (!(error instanceof AccessDeniedError) && !(error instanceof z.ZodError)) throw error
  }
}

export async function renewInviteCodeAction(form: FormData): Promise<void> {
  const classId = classIdSchema.safeParse(formFields(form, ['classId'])?.classId)
  if (!classId.success) return
  await asTeacher(async () => dal().classes.renewInviteCode(await currentViewer(), classId.data))
  revalidatePath(`/teach/${classId.data}`)
}

export async function renameClassAction(form: FormData): Promise<void> {
  const input = z.object({ classId: classIdSchema, name: z.string().max(1000) }).safeParse(formFields(form, ['classId', 'name']) ?? {})
  if (!input.success) return
  // the DAL checks the name itself (classInputSchema): a refused one changes nothing
  await asTeacher(async () => dal().classes.rename(await currentViewer(), input.data.classId, input.data.name))
  revalidatePath(`/teach/${input.data.classId}`)
  revalidatePath('/teach')
}

export async function removeLearnerAction(form: FormData): Promise<void> {
  const input = z
    .object({ classId: classIdSchema, userId: z.string().min(1).max(64) })
    .safeParse(formFields(form, ['classId', 'userId']) ?? {})
  if (!input.success) return
  await asTeacher(async () => dal().classes.removeLearner(await currentViewer(), input.data.classId, input.data.userId))
  revalidatePath(`/teach/${input.data.classId}`)
}

export async function archiveClassAction(form: FormData): Promise<void> {
  const classId = classIdSchema.safeParse(formFields(form, ['classId'])?.classId)
  if (!classId.success) return
  await asTeacher(async () => dal().classes.archive(await currentViewer(), classId.data))
  revalidatePath('/teach')
  redirect('/teach')
}
