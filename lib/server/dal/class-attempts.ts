/**
 * Every attempt of a class's learners in its course, for the attempts export (issue 17): read a page at a time,
 * oldest first, so a class with 20,000 submissions is streamed rather than held in memory. Only the class's
 * teachers (class-access.ts) may read it; a class the viewer does not teach reads as not found.
 */
import type { Db } from '../db/client.ts'
import type { AttemptRecord } from '../../classes/csv.ts'
import { failingChecks } from './classes.ts'
import { taughtClass } from './class-access.ts'
import { requireRole, type Viewer } from './viewer.ts'

export interface ClassAttempts {
  classId: string
  className: string
  courseId: string
  /** the class's learners when the export began */
  learners: Map<string, { name: string | null; email: string }>
  /** the attempts, oldest first, a page at a time; read once */
  pages: AsyncIterable<AttemptRecord[]>
}

export const attemptsPageSize = 500

export function classAttemptsDal(db: Db) {
  return {
    async attempts(viewer: Viewer | null, classId: string, options: { pageSize?: number } = {}): Promise<ClassAttempts | null> {
      const teacher = requireRole(viewer, ['teacher'])
      const c = await taughtClass(db, teacher, classId)
      if (!c) return null
      const enrolments = await db.enrolment.findMany({
        where: { classroomId: c.id },
        select: { user: { select: { id: true, name: true, email: true } } },
        orderBy: { createdAt: 'asc' },
      })
      const learners = new Map(enrolments.map((e) => [e.user.id, { name: e.user.name, email: e.user.email }]))
      const userIds = [...learners.keys()]
      const take = Math.min(Math.max(Math.trunc(options.pageSize ?? attemptsPageSize), 1), 5000)
      async function* pages(): AsyncGenerator<AttemptRecord[]> {
        if (userIds.length === 0) return
        // keyset paging on (createdAt, id): each page starts after the last row of the one before, whatever is added meanwhile
        let after: { createdAt: Date; id: string } | null = null
        for (;;) {
          const rows: {
            id: string
            userId: string
            lessonId: string
            exerciseId: string
            passed: boolean
            score: number
            createdAt: Date
            result: string
          }[] = await db.submission.findMany({
            where: {
              courseId: c!.courseId,
              userId: { in: userIds },
              ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
            },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            take,
            select: { id: true, userId: true, lessonId: true, exerciseId: true, passed: true, score: true, createdAt: true, result: true },
          })
          if (rows.length === 0) return
          yield rows.map((r) => ({
            userId: r.userId,
            lessonId: r.lessonId,
            exerciseId: r.exerciseId,
            passed: r.passed,
            score: r.score,
            createdAt: r.createdAt,
            failing: failingChecks(r.result).map(({ id, message }) => ({ id, message })),
          }))
          if (rows.length < take) return
          const last = rows[rows.length - 1]!
          after = { createdAt: last.createdAt, id: last.id }
        }
      }
      return { classId: c.id, className: c.name, courseId: c.courseId, learners, pages: pages() }
    },
  }
}
