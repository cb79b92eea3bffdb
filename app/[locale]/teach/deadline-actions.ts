'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { formFields } from '@/lib/server/action-input'
import { findCatalogCourse } from '@/lib/server/course-catalog'
import { AccessDeniedError, dal } from '@/lib/server/dal'
import { deadlineChangesSchema } from '@/lib/server/dal/deadlines'
import { currentViewer } from '@/lib/server/viewer'

export interface DeadlinesState {
  status: 'idle' | 'saved' | 'invalid' | 'unknownLesson' | 'forbidden' | 'notFound'
  /** how many lessons the save changed */
  changed?: number
}

const inputSchema = z.object({
  classId: z.string().min(1).max(64),
  // the editor's changes as JSON: [{ lessonId, dueAt: ISO with offset | null }]
  changes: z.string().min(2).max(100_000),
})

/**
 * Saves the due dates a teacher changed in the class page's editor (issue 17): only the lessons it names, in one
 * transaction, each a lesson of the class's course. Anything wrong saves nothing and says why.
 */
export async function saveDeadlinesAction(_prev: DeadlinesState, form: FormData): Promise<DeadlinesState> {
  const input = inputSchema.safeParse(formFields(form, ['classId', 'changes']) ?? {})
  if (!input.success) return { status: 'invalid' }
  let json: unknown
  try {
    json = JSON.parse(input.data.changes)
  } catch {
    return { status: 'invalid' }
  }
  const changes = deadlineChangesSchema.safeParse(json)
  if (!changes.success) return { status: 'invalid' }
  try {
    const who = await currentViewer()
    const current = await dal().deadlines.forClass(who, input.data.classId)
    if (!current) return { status: 'notFound' }
    const lessons = new Set((await findCatalogCourse(current.courseId))?.lessons.map((l) => l.id) ?? [])
    if (changes.data.some((c) => !lessons.has(c.lessonId))) return { status: 'unknownLesson' }
    if (!(await dal().deadlines.save(who, current.classId, changes.data))) return { status: 'notFound' }
  } catch (error) {
    if (error instanceof AccessDeniedError) return { status: 'forbidden' }
    if (error instanceof z.ZodError) return { status: 'invalid' }
    throw error
  }
  revalidatePath(`/teach/${input.data.classId}`)
  return { status: 'saved', changed: changes.data.length }
}
