/**
 * Due dates per lesson for a class (issue 17): its teachers (the owner, co-teachers, an admin: class-access.ts) set
 * and clear them; a learner reads the ones of the classes they are in. A class the viewer does not teach reads as not
 * found. Whether a lesson id names a lesson of the class's course is the caller's check (the course catalog lives
 * above the data-access layer, lib/server/course-catalog.ts); here an id must have a lesson id's form.
 */
import { z } from 'zod'
import type { Db } from '../db/client.ts'
import { idSchema } from '../../content/schemas.ts'
import { isDueAtInBounds } from '../../classes/deadlines.ts'
import { taughtClass } from './class-access.ts'
import { isStorableText } from './text.ts'
import { requireRole, requireViewer, type Viewer } from './viewer.ts'

const dueAtSchema = z
  .union([z.date(), z.iso.datetime({ offset: true }).transform((text) => new Date(text))])
  .refine((d) => isDueAtInBounds(d), 'a due date between the years 2000 and 2200')

/** One change: a lesson's new due date, or null to remove it. */
export const deadlineChangeSchema = z.object({ lessonId: idSchema.max(100), dueAt: dueAtSchema.nullable() }).strict()
export type DeadlineChange = z.input<typeof deadlineChangeSchema>

/** A save of several lessons at once (a course has a few dozen); each lesson at most once. */
export const deadlineChangesSchema = z
  .array(deadlineChangeSchema)
  .max(300)
  .refine((changes) => new Set(changes.map((c) => c.lessonId)).size === changes.length, 'each lesson once')

export interface ClassDeadline {
  lessonId: string
  dueAt: Date
}

export interface ClassDeadlines {
  classId: string
  courseId: string
  /** earliest first */
  deadlines: ClassDeadline[]
}

/** A lesson due for the viewer in one of their classes, and whether (and when) they completed it. */
export interface LearnerDeadline {
  lessonId: string
  dueAt: Date
  classId: string
  className: string
  completed: boolean
  completedAt: Date | null
}

const TEACHING_ROLES = ['teacher'] as const

export function deadlinesDal(db: Db) {
  async function save(viewer: Viewer | null, classId: string, changes: DeadlineChange[]): Promise<boolean> {
    const teacher = requireRole(viewer, TEACHING_ROLES)
    const parsed = deadlineChangesSchema.parse(changes)
    const c = await taughtClass(db, teacher, classId)
    if (!c) return false
    // all or nothing: a refused save leaves every due date as it was
    await db.$transaction(
      parsed.map(({ lessonId, dueAt }) =>
        dueAt === null
          ? db.lessonDeadline.deleteMany({ where: { classroomId: c.id, lessonId } })
          : db.lessonDeadline.upsert({
              where: { classroomId_lessonId: { classroomId: c.id, lessonId } },
              create: { classroomId: c.id, lessonId, dueAt },
              update: { dueAt },
            }),
      ),
    )
    return true
  }

  return {
    /** Sets (or with null removes) one lesson's due date; false when the viewer does not teach the class. */
    async set(viewer: Viewer | null, classId: string, lessonId: string, dueAt: Date | string | null): Promise<boolean> {
      return save(viewer, classId, [{ lessonId, dueAt }])
    },

    /** Several lessons' due dates at once, in one transaction; lessons not named keep theirs. */
    save,

    /** The class's due dates, earliest first; null unless the viewer teaches the class. */
    async forClass(viewer: Viewer | null, classId: string): Promise<ClassDeadlines | null> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const c = await taughtClass(db, teacher, classId)
      if (!c) return null
      const rows = await db.lessonDeadline.findMany({
        where: { classroomId: c.id },
        select: { lessonId: true, dueAt: true },
        orderBy: [{ dueAt: 'asc' }, { lessonId: 'asc' }],
      })
      return { classId: c.id, courseId: c.courseId, deadlines: rows }
    },

    /**
     * What is due for the viewer in a course: the due dates of every class of that course they are in (archived
     * classes are gone), each with the class's name, and whether they completed the lesson and when. Earliest first.
     */
    async dueForLearner(viewer: Viewer | null, courseId: string): Promise<LearnerDeadline[]> {
      const learner = requireViewer(viewer)
      if (!isStorableText(courseId) || courseId.length > 200) return []
      const enrolments = await db.enrolment.findMany({
        where: { userId: learner.id, classroom: { courseId, archived: false } },
        select: { classroom: { select: { id: true, name: true, deadlines: { select: { lessonId: true, dueAt: true } } } } },
      })
      const due = enrolments.flatMap((e) =>
        e.classroom.deadlines.map((d) => ({ ...d, classId: e.classroom.id, className: e.classroom.name })),
      )
      if (due.length === 0) return []
      const progress = await db.lessonProgress.findMany({
        where: { userId: learner.id, courseId, lessonId: { in: [...new Set(due.map((d) => d.lessonId))] } },
        select: { lessonId: true, status: true, completedAt: true },
      })
      const byLesson = new Map(progress.map((p) => [p.lessonId, p]))
      return due
        .map((d) => {
          const p = byLesson.get(d.lessonId)
          const completed = p?.status === 'completed'
          return { ...d, completed, completedAt: completed ? (p?.completedAt ?? null) : null }
        })
        .sort(
          (a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.className.localeCompare(b.className) || a.lessonId.localeCompare(b.lessonId),
        )
    },
  }
}
