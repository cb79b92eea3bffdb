'use server'
import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { loadCourses } from '@/lib/content/load'
import { AccessDeniedError, dal } from '@/lib/server/dal'
import { classInputSchema, JoinError, type JoinFailure } from '@/lib/server/dal/classes'
import { currentViewer } from '@/lib/server/viewer'

export interface CreateClassState {
  error: 'invalid' | 'forbidden' | null
}

export async function createClassAction(_prev: CreateClassState, form: FormData): Promise<CreateClassState> {
  const parsed = classInputSchema.safeParse({ name: form.get('name'), courseId: form.get('courseId') })
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

export async function renewInviteCodeAction(form: FormData): Promise<void> {
  const classId = z.string().min(1).max(64).safeParse(form.get('classId'))
  if (!classId.success) return
  try {
    await dal().classes.renewInviteCode(await currentViewer(), classId.data)
  } catch (error) {
    if (!(error instanceof AccessDeniedError)) throw error // signed out meanwhile: the page asks to sign in
  }
  revalidatePath(`/teach/${classId.data}`)
}

export interface JoinClassState {
  error: JoinFailure | 'signedOut' | null
  joined?: { name: string; courseId: string; alreadyMember: boolean }
  code?: string
}

export async function joinClassAction(_prev: JoinClassState, form: FormData): Promise<JoinClassState> {
  const code = z.string().max(40).safeParse(form.get('code'))
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
