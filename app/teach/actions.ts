'use server'
import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { loadCourses } from '@/lib/content/load'
import { dal } from '@/lib/server/dal'
import { classInputSchema, JoinError, type JoinFailure } from '@/lib/server/dal/classes'
import { currentViewer } from '@/lib/server/viewer'

export interface CreateClassState {
  error: 'invalid' | null
}

export async function createClassAction(_prev: CreateClassState, form: FormData): Promise<CreateClassState> {
  const parsed = classInputSchema.safeParse({ name: form.get('name'), courseId: form.get('courseId') })
  if (!parsed.success || !loadCourses().some((c) => c.id === parsed.data.courseId)) return { error: 'invalid' }
  const created = await dal().classes.create(await currentViewer(), parsed.data)
  revalidatePath('/teach')
  redirect(`/teach/${created.id}`)
}

export async function renewInviteCodeAction(form: FormData): Promise<void> {
  const classId = z.string().min(1).max(64).parse(form.get('classId'))
  await dal().classes.renewInviteCode(await currentViewer(), classId)
  revalidatePath(`/teach/${classId}`)
}

export interface JoinClassState {
  error: JoinFailure | null
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
    throw error
  }
}
