/**
 * Co-teachers (issue 17): a teacher of a class adds another teacher by email, and both see and manage it. The
 * teacher who made the class (`Classroom.teacherId`) stays its owner: they can remove any co-teacher and cannot be
 * removed; a co-teacher can only leave. Access is read from the CoTeacher table on every call (class-access.ts),
 * so a removal takes effect at the next request. Additions and removals are audited in the same transaction.
 * Part of `dal().classes`.
 */
import { z } from 'zod'
import type { Db } from '../db/client.ts'
import { recordAudit } from './audit.ts'
import { taughtClass } from './class-access.ts'
import { isStorableText } from './text.ts'
import { AccessDeniedError, requireRole, type Viewer } from './viewer.ts'

/** Why a teacher cannot be added; each has its own explanation in the UI (messages/<locale>/coteach.json). */
export type CoTeacherFailure = 'no_account' | 'disabled' | 'not_teacher' | 'already_teaches' | 'learner_of_class'

export class CoTeacherError extends Error {
  constructor(readonly reason: CoTeacherFailure | 'owner') {
    super(`co-teacher refused: ${reason}`)
  }
}

export const coTeacherEmailSchema = z.string().trim().toLowerCase().email().max(254)

export interface ClassTeacherPerson {
  id: string
  name: string | null
  email: string
}

export interface ClassTeacher extends ClassTeacherPerson {
  owner: boolean
  /** when the class was made (the owner) or the co-teacher was added */
  since: Date
  /** who added a co-teacher; null for the owner, or when that account is gone */
  addedBy: ClassTeacherPerson | null
}

export interface ClassTeachers {
  classId: string
  className: string
  /** the owner first, then co-teachers in the order they were added */
  teachers: ClassTeacher[]
  /** whether the viewer may remove co-teachers other than themselves (the owner, or an admin) */
  viewerManages: boolean
  viewerId: string
}

const TEACHING_ROLES = ['teacher'] as const
const CAN_TEACH = new Set(['teacher', 'admin'])
const person = { id: true, name: true, email: true } as const

export function coTeachersDal(db: Db) {
  return {
    /** Who teaches a class: its owner and co-teachers, with who added whom and when; null unless the viewer teaches it. */
    async teachers(viewer: Viewer | null, classId: string): Promise<ClassTeachers | null> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const c = await taughtClass(db, teacher, classId)
      if (!c) return null
      const [owner, rows] = await Promise.all([
        db.user.findUnique({ where: { id: c.teacherId }, select: person }),
        db.coTeacher.findMany({
          where: { classroomId: c.id },
          orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
          select: { createdAt: true, addedById: true, user: { select: person } },
        }),
      ])
      const adderIds = [...new Set(rows.map((r) => r.addedById).filter((id): id is string => !!id))]
      const adders = new Map(
        (adderIds.length ? await db.user.findMany({ where: { id: { in: adderIds } }, select: person }) : []).map((u) => [u.id, u]),
      )
      const teachers: ClassTeacher[] = [
        ...(owner ? [{ ...owner, owner: true, since: c.createdAt, addedBy: null }] : []),
        ...rows.map((r) => ({ ...r.user, owner: false, since: r.createdAt, addedBy: (r.addedById && adders.get(r.addedById)) || null })),
      ]
      return { classId: c.id, className: c.name, teachers, viewerManages: c.isOwner || teacher.role === 'admin', viewerId: teacher.id }
    },

    /**
     * Adds the teacher with this email to a class the viewer teaches (any of its teachers may). The account must
     * exist, be enabled, have the teacher or admin role, not teach the class already and not be one of its
     * learners (CoTeacherError says which). Null when the viewer does not teach the class; a ZodError for an
     * address that is not one.
     */
    async addCoTeacher(viewer: Viewer | null, classId: string, email: string): Promise<ClassTeacherPerson | null> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const address = coTeacherEmailSchema.parse(email)
      const c = await taughtClass(db, teacher, classId)
      if (!c) return null
      try {
        return await db.$transaction(async (tx) => {
          const user = await tx.user.findUnique({ where: { email: address }, select: { ...person, role: true, disabledAt: true } })
          if (!user) throw new CoTeacherError('no_account')
          if (user.disabledAt) throw new CoTeacherError('disabled')
          if (!CAN_TEACH.has(user.role)) throw new CoTeacherError('not_teacher')
          if (user.id === c.teacherId) throw new CoTeacherError('already_teaches')
          if (
            await tx.enrolment.findUnique({ where: { classroomId_userId: { classroomId: c.id, userId: user.id } }, select: { id: true } })
          )
            throw new CoTeacherError('learner_of_class')
          await tx.coTeacher.create({ data: { classroomId: c.id, userId: user.id, addedById: teacher.id } })
          await recordAudit(
            tx,
            { kind: 'user', id: teacher.id },
            {
              action: 'class.co_teacher_added',
              targetType: 'class',
              targetId: c.id,
              targetLabel: c.name,
              detail: { userId: user.id, email: user.email },
            },
          )
          return { id: user.id, name: user.name, email: user.email }
        })
      } catch (error) {
        // added meanwhile by another request (the primary key decides): it teaches the class, logged once
        if ((error as { code?: unknown }).code === 'P2002') throw new CoTeacherError('already_teaches')
        throw error
      }
    },

    /**
     * Takes a co-teacher off a class: the owner (or an admin) removes anyone, a co-teacher only themselves (leaving);
     * the owner cannot be removed (CoTeacherError 'owner'). False when the viewer does not teach the class or the
     * person is not its co-teacher; their access ends with the next request.
     */
    async removeCoTeacher(viewer: Viewer | null, classId: string, userId: string): Promise<boolean> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const c = await taughtClass(db, teacher, classId)
      if (!c || !isStorableText(userId)) return false
      if (userId === c.teacherId) throw new CoTeacherError('owner')
      const leaving = userId === teacher.id
      if (!leaving && !c.isOwner && teacher.role !== 'admin')
        throw new AccessDeniedError(403, 'Only the teacher who made the class removes other teachers.')
      return db.$transaction(async (tx) => {
        const row = await tx.coTeacher.findUnique({
          where: { classroomId_userId: { classroomId: c.id, userId } },
          select: { user: { select: { email: true } } },
        })
        if (!row) return false
        const { count } = await tx.coTeacher.deleteMany({ where: { classroomId: c.id, userId } })
        if (count === 0) return false // removed meanwhile by another request: logged once
        await recordAudit(
          tx,
          { kind: 'user', id: teacher.id },
          {
            action: 'class.co_teacher_removed',
            targetType: 'class',
            targetId: c.id,
            targetLabel: c.name,
            detail: { userId, email: row.user.email, left: leaving },
          },
        )
        return true
      })
    },
  }
}
