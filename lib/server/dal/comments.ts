/**
 * Teachers' comments to learners (issue 17): on one submission, or written once for a mistake group and stored
 * once per learner (one `groupKey`), so every learner's copy has its own read receipt. Only a class's teachers
 * (its owner, co-teachers, admins: `taughtClass`) write them, only to learners of that class; a learner reads only
 * their own. A class, submission or learner the viewer may not comment on reads as not found (null), as elsewhere.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Db } from '../db/client.ts'
import { isLearnerOf, taughtClass } from './class-access.ts'
import { isStorableText, storableText } from './text.ts'
import { requireRole, requireViewer, type Viewer } from './viewer.ts'

export const commentBodyMax = 2000
/** Line ends as one character, so a Windows browser's CRLF counts as one against the limit. */
export const commentBodySchema = storableText(
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1).max(commentBodyMax)),
)

const idSchema = storableText(z.string().min(1).max(100))
/** A mistake group is at most a class (a few hundred); more ids in one request are not a group. */
export const groupLearnersMax = 500

export const submissionCommentSchema = z.object({ classId: idSchema, submissionId: idSchema, body: commentBodySchema })
export const groupCommentSchema = z.object({
  classId: idSchema,
  exerciseId: idSchema,
  checkId: idSchema,
  learnerIds: z.array(idSchema).min(1).max(groupLearnersMax),
  body: commentBodySchema,
})
export type SubmissionCommentInput = z.input<typeof submissionCommentSchema>
export type GroupCommentInput = z.input<typeof groupCommentSchema>

const markReadSchema = z.union([z.array(idSchema).max(200), z.object({ exerciseId: idSchema }).strict()])
export type MarkReadInput = z.input<typeof markReadSchema>

/** A comment as its class's teachers see it: to whom, by whom, and whether it was read. */
export interface CommentForTeacher {
  id: string
  learnerId: string
  authorLabel: string
  /** written by the viewer */
  mine: boolean
  lessonId: string
  exerciseId: string
  submissionId: string | null
  checkId: string | null
  groupKey: string | null
  /** how many learners the group comment went to (1 for a comment on a submission) */
  groupSize: number
  body: string
  createdAt: Date
  /** when the learner saw it (the read receipt); null until then */
  readAt: Date | null
}

/** A comment as its learner sees it. */
export interface CommentForLearner {
  id: string
  classId: string
  className: string
  courseId: string
  authorLabel: string
  lessonId: string
  exerciseId: string
  submissionId: string | null
  body: string
  createdAt: Date
  readAt: Date | null
}

/** How many of a learner's comments a list shows at most (newest first). */
export const learnerCommentsLimit = 100

const TEACHING_ROLES = ['teacher'] as const
const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }]

type Row = {
  id: string
  learnerId: string
  authorId: string | null
  authorLabel: string
  lessonId: string
  exerciseId: string
  submissionId: string | null
  checkId: string | null
  groupKey: string | null
  body: string
  createdAt: Date
  readAt: Date | null
}

export function commentsDal(db: Db) {
  /** The name a comment is signed with: the teacher's name, else their email, as they are now. */
  async function authorLabel(viewer: Viewer): Promise<string> {
    const user = await db.user.findUnique({ where: { id: viewer.id }, select: { name: true, email: true } })
    return user?.name?.trim() || user?.email || '—'
  }

  /** Rows as teachers see them, with the size of each group comment (one grouped query). */
  async function forTeachers(viewer: Viewer, rows: Row[]): Promise<CommentForTeacher[]> {
    const keys = [...new Set(rows.flatMap((r) => (r.groupKey ? [r.groupKey] : [])))]
    const sizes = new Map<string, number>()
    if (keys.length > 0) {
      const counted = await db.teacherComment.groupBy({ by: ['groupKey'], where: { groupKey: { in: keys } }, _count: { _all: true } })
      for (const c of counted) if (c.groupKey) sizes.set(c.groupKey, c._count._all)
    }
    return rows.map((r) => ({
      id: r.id,
      learnerId: r.learnerId,
      authorLabel: r.authorLabel,
      mine: r.authorId === viewer.id,
      lessonId: r.lessonId,
      exerciseId: r.exerciseId,
      submissionId: r.submissionId,
      checkId: r.checkId,
      groupKey: r.groupKey,
      groupSize: r.groupKey ? (sizes.get(r.groupKey) ?? 1) : 1,
      body: r.body,
      createdAt: r.createdAt,
      readAt: r.readAt,
    }))
  }

  return {
    /**
     * A comment on one submission of a learner of the class (in the class's course). Null when the viewer does not
     * teach the class, or the submission is not of one of its learners in its course.
     */
    async commentOnSubmission(viewer: Viewer | null, input: SubmissionCommentInput): Promise<CommentForTeacher | null> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const data = submissionCommentSchema.parse(input)
      const c = await taughtClass(db, teacher, data.classId)
      if (!c) return null
      const submission = await db.submission.findFirst({
        where: { id: data.submissionId, courseId: c.courseId },
        select: { id: true, userId: true, lessonId: true, exerciseId: true },
      })
      if (!submission || !(await isLearnerOf(db, c.id, submission.userId))) return null
      const row = await db.teacherComment.create({
        data: {
          classroomId: c.id,
          learnerId: submission.userId,
          authorId: teacher.id,
          authorLabel: await authorLabel(teacher),
          lessonId: submission.lessonId,
          exerciseId: submission.exerciseId,
          submissionId: submission.id,
          body: data.body,
        },
      })
      return (await forTeachers(teacher, [row]))[0]!
    },

    /**
     * One comment to a mistake group: a copy per learner, sharing a `groupKey`. Every learner must be in the class
     * and have submitted the exercise in its course (a group is made of their attempts; the lesson is theirs too);
     * otherwise nothing is written and the answer is null.
     */
    async commentOnGroup(viewer: Viewer | null, input: GroupCommentInput): Promise<CommentForTeacher[] | null> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const data = groupCommentSchema.parse(input)
      const c = await taughtClass(db, teacher, data.classId)
      if (!c) return null
      const learnerIds = [...new Set(data.learnerIds)]
      const enrolled = await db.enrolment.count({ where: { classroomId: c.id, userId: { in: learnerIds } } })
      if (enrolled !== learnerIds.length) return null
      const attempted = await db.submission.findMany({
        where: { userId: { in: learnerIds }, courseId: c.courseId, exerciseId: data.exerciseId },
        distinct: ['userId'],
        select: { userId: true, lessonId: true },
      })
      if (attempted.length !== learnerIds.length) return null
      const label = await authorLabel(teacher)
      const groupKey = randomUUID()
      const rows = await db.teacherComment.createManyAndReturn({
        data: learnerIds.map((learnerId) => ({
          classroomId: c.id,
          learnerId,
          authorId: teacher.id,
          authorLabel: label,
          lessonId: attempted[0]!.lessonId,
          exerciseId: data.exerciseId,
          checkId: data.checkId,
          groupKey,
          body: data.body,
        })),
      })
      return forTeachers(teacher, rows)
    },

    /** The comments on one submission of the class, newest first; null unless the viewer teaches the class. */
    async forSubmission(viewer: Viewer | null, classId: string, submissionId: string): Promise<CommentForTeacher[] | null> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const c = await taughtClass(db, teacher, classId)
      if (!c || !isStorableText(submissionId)) return null
      const rows = await db.teacherComment.findMany({ where: { classroomId: c.id, submissionId }, orderBy: newestFirst })
      return forTeachers(teacher, rows)
    },

    /** Every comment to one learner of the class, newest first; null unless the viewer teaches the class and the learner is in it. */
    async forLearner(viewer: Viewer | null, classId: string, learnerId: string): Promise<CommentForTeacher[] | null> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const c = await taughtClass(db, teacher, classId)
      if (!c || !(await isLearnerOf(db, c.id, learnerId))) return null
      const rows = await db.teacherComment.findMany({
        where: { classroomId: c.id, learnerId },
        orderBy: newestFirst,
        take: learnerCommentsLimit,
      })
      return forTeachers(teacher, rows)
    },

    /** The viewer's own comments from their teachers, newest first (of one exercise, or all). */
    async mine(viewer: Viewer | null, options: { exerciseId?: string } = {}): Promise<CommentForLearner[]> {
      const user = requireViewer(viewer)
      const exerciseId = options.exerciseId === undefined ? undefined : idSchema.parse(options.exerciseId)
      const rows = await db.teacherComment.findMany({
        where: { learnerId: user.id, ...(exerciseId === undefined ? {} : { exerciseId }) },
        orderBy: newestFirst,
        take: learnerCommentsLimit,
        include: { classroom: { select: { name: true, courseId: true } } },
      })
      return rows.map((r) => ({
        id: r.id,
        classId: r.classroomId,
        className: r.classroom.name,
        courseId: r.classroom.courseId,
        authorLabel: r.authorLabel,
        lessonId: r.lessonId,
        exerciseId: r.exerciseId,
        submissionId: r.submissionId,
        body: r.body,
        createdAt: r.createdAt,
        readAt: r.readAt,
      }))
    },

    /** How many of the viewer's comments they have not seen yet. */
    async unreadCount(viewer: Viewer | null): Promise<number> {
      const user = requireViewer(viewer)
      return db.teacherComment.count({ where: { learnerId: user.id, readAt: null } })
    },

    /**
     * Marks the viewer's own comments read (these ids, or all of one exercise); others' are left alone. The first
     * reading counts: a comment read before keeps its time. Answers how many were marked now.
     */
    async markRead(viewer: Viewer | null, which: MarkReadInput): Promise<number> {
      const user = requireViewer(viewer)
      const target = markReadSchema.parse(which)
      if (Array.isArray(target) && target.length === 0) return 0
      const { count } = await db.teacherComment.updateMany({
        where: {
          learnerId: user.id,
          readAt: null,
          ...(Array.isArray(target) ? { id: { in: target } } : { exerciseId: target.exerciseId }),
        },
        data: { readAt: new Date() },
      })
      return count
    },

    /**
     * Deletes a comment of the class (its author or another of its teachers may); with `group`, every copy of a group
     * comment. Answers how many were deleted: 0 when it is not the viewer's class or not there.
     */
    async delete(viewer: Viewer | null, input: { classId: string; commentId: string; group?: boolean }): Promise<number> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const c = await taughtClass(db, teacher, input.classId)
      if (!c || !isStorableText(input.commentId)) return 0
      const row = await db.teacherComment.findFirst({
        where: { id: input.commentId, classroomId: c.id },
        select: { id: true, groupKey: true },
      })
      if (!row) return 0
      const where = input.group && row.groupKey ? { classroomId: c.id, groupKey: row.groupKey } : { id: row.id }
      return (await db.teacherComment.deleteMany({ where })).count
    },
  }
}
