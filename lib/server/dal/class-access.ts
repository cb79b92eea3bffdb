/**
 * Who teaches a class: the teacher who made it (`Classroom.teacherId`), its co-teachers (issue 17) and, for
 * support, administrators. Every class-scoped function of the data-access layer asks here, on every call, so a
 * co-teacher who is removed loses the class at the next request. A class the viewer does not teach reads as not
 * found (null), so its existence is not given away.
 */
import type { Db } from '../db/client.ts'
import { isStorableText } from './text.ts'
import type { Viewer } from './viewer.ts'

/** The class if this viewer teaches it (owner, co-teacher, or an admin), else null; archived classes are gone. */
export async function taughtClass(db: Db, viewer: Viewer, classId: string) {
  if (!isStorableText(classId)) return null // an id PostgreSQL cannot even look up names no class
  // No enrolment count here: SQLite would count every class's enrolments to pick this one (bench/class-scale).
  const c = await db.classroom.findUnique({
    where: { id: classId },
    include: { coTeachers: { where: { userId: viewer.id }, select: { userId: true } } },
  })
  if (!c || c.archived) return null
  const teaches = c.teacherId === viewer.id || c.coTeachers.length > 0 || viewer.role === 'admin'
  if (!teaches) return null
  const { coTeachers: _mine, ...rest } = c
  return { ...rest, isOwner: c.teacherId === viewer.id }
}

export type TaughtClass = NonNullable<Awaited<ReturnType<typeof taughtClass>>>

/** The viewer's learner ids in a class they teach (for checks that a learner is theirs). */
export async function isLearnerOf(db: Db, classId: string, userId: string): Promise<boolean> {
  if (!isStorableText(userId)) return false
  const e = await db.enrolment.findUnique({ where: { classroomId_userId: { classroomId: classId, userId } }, select: { userId: true } })
  return !!e
}

/** Prisma `where` for the classes a user teaches, as owner or co-teacher. */
export function taughtBy(userId: string) {
  return { OR: [{ teacherId: userId }, { coTeachers: { some: { userId } } }] }
}
