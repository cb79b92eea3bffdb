/**
 * Classes: a teacher creates one for a course and shares its invite code; learners join with the code; the
 * class's teachers (the one who made it and its co-teachers, co-teachers.ts) or an admin see its progress. A class
 * someone else teaches reads as not found, so its existence is not given away.
 */
import { z } from 'zod'
import type { Db } from '../db/client.ts'
import { generateInviteCode, normalizeInviteCode } from '../../classes/invite-code.ts'
import type { MatrixLearner, ProgressRecord, QuizRecord } from '../../classes/progress-matrix.ts'
import { recordAudit } from './audit.ts'
import { taughtBy, taughtClass } from './class-access.ts'
import { coTeachersDal } from './co-teachers.ts'
import { isStorableText, storableText } from './text.ts'
import { requireRole, requireViewer, type Viewer } from './viewer.ts'

export const classInputSchema = z.object({
  name: storableText(z.string().trim().min(1).max(80)),
  courseId: z.string().trim().min(1).max(100),
})
export type ClassInput = z.input<typeof classInputSchema>

export interface ClassSummary {
  id: string
  name: string
  courseId: string
  inviteCode: string
  learnerCount: number
  createdAt: Date
}

/** A class in its teacher's list: `coTeaching` when another teacher made it and the viewer was added (issue 17). */
export interface TaughtClassSummary extends ClassSummary {
  coTeaching: boolean
}

export interface ClassDetail extends ClassSummary {
  learners: MatrixLearner[]
  progress: ProgressRecord[]
  /** each learner's first and best quiz score per lesson (0–1) */
  quizzes: QuizRecord[]
}

export type JoinFailure = 'invalid' | 'unknown' | 'own'

export class JoinError extends Error {
  constructor(readonly reason: JoinFailure) {
    super(`cannot join: ${reason}`)
  }
}

const TEACHING_ROLES = ['teacher'] as const

export function classesDal(db: Db) {
  const taught = (viewer: Viewer, classId: string) => taughtClass(db, viewer, classId)

  /** Lesson progress and first and best quiz scores of these learners in a course: one query each. */
  async function progressOf(courseId: string, userIds: string[]): Promise<{ progress: ProgressRecord[]; quizzes: QuizRecord[] }> {
    if (userIds.length === 0) return { progress: [], quizzes: [] }
    const [progress, attempts] = await Promise.all([
      db.lessonProgress.findMany({
        where: { courseId, userId: { in: userIds } },
        select: { userId: true, lessonId: true, status: true, attempts: true, bestScore: true, updatedAt: true, completedAt: true },
      }),
      // oldest first, so the first row per learner and lesson is the first attempt
      db.quizAttempt.findMany({
        where: { courseId, userId: { in: userIds } },
        select: { userId: true, lessonId: true, score: true },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    ])
    return { progress, quizzes: quizScores(attempts) }
  }

  return {
    ...coTeachersDal(db),

    async create(viewer: Viewer | null, input: ClassInput): Promise<ClassSummary> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const data = classInputSchema.parse(input)
      // A fresh code until one is free (with 31^8 codes a clash is rare; the unique index decides).
      for (let attempt = 0; ; attempt++) {
        try {
          const c = await db.classroom.create({ data: { ...data, teacherId: teacher.id, inviteCode: generateInviteCode() } })
          return { ...summary(c), learnerCount: 0 }
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= 4) throw error
        }
      }
    },

    /** The viewer's classes, the ones they made and the ones they co-teach, newest first. */
    async listTaught(viewer: Viewer | null): Promise<TaughtClassSummary[]> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const rows = await db.classroom.findMany({
        where: { ...taughtBy(teacher.id), archived: false },
        orderBy: { createdAt: 'desc' },
        include: { _count: { select: { enrolments: true } } },
      })
      return rows.map((c) => ({ ...summary(c), learnerCount: c._count.enrolments, coTeaching: c.teacherId !== teacher.id }))
    },

    /** A class with its learners and their progress in its course; null unless the viewer teaches it. */
    async detail(viewer: Viewer | null, classId: string): Promise<ClassDetail | null> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const c = await taught(teacher, classId)
      if (!c) return null
      const enrolments = await db.enrolment.findMany({
        where: { classroomId: c.id },
        include: { user: { select: { id: true, name: true, email: true } } },
        orderBy: { createdAt: 'asc' },
      })
      const learners = enrolments.map((e) => ({ id: e.user.id, name: e.user.name, email: e.user.email, joinedAt: e.createdAt }))
      return {
        ...summary(c),
        learnerCount: learners.length,
        learners,
        ...(await progressOf(
          c.courseId,
          learners.map((l) => l.id),
        )),
      }
    },

    /**
     * One learner of a class, for its teacher: their submissions in the class's course with what failed, newest
     * first, a page at a time (so one learner cannot make the page huge) with each source cut to a preview, so a
     * teacher can see why someone is stuck. Null unless the viewer teaches the class and the learner is in it.
     */
    async learnerSubmissions(
      viewer: Viewer | null,
      classId: string,
      userId: string,
      options: { page?: number; pageSize?: number } = {},
    ): Promise<LearnerSubmissions | null> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const c = await taught(teacher, classId)
      if (!c || !isStorableText(userId)) return null
      const enrolment = await db.enrolment.findUnique({
        where: { classroomId_userId: { classroomId: c.id, userId } },
        include: { user: { select: { id: true, name: true, email: true } } },
      })
      if (!enrolment) return null
      const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? submissionsPageSize), 1), 100)
      const where = { userId, courseId: c.courseId }
      const total = await db.submission.count({ where })
      const pageCount = Math.max(1, Math.ceil(total / pageSize))
      const page = Math.min(Math.max(Math.trunc(options.page ?? 1) || 1, 1), pageCount)
      const [rows, mine] = await Promise.all([
        db.submission.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: (page - 1) * pageSize,
          take: pageSize,
          select: submissionFields,
        }),
        progressOf(c.courseId, [userId]),
      ])
      return {
        classId: c.id,
        className: c.name,
        courseId: c.courseId,
        learner: { id: enrolment.user.id, name: enrolment.user.name, email: enrolment.user.email, joinedAt: enrolment.createdAt },
        submissions: rows.map((r) => toLearnerSubmission(r, sourcePreviewLimits)),
        page,
        pageCount,
        totalSubmissions: total,
        ...mine,
      }
    },

    /** One submission of a learner of the class, with its whole stored source; null when not the viewer's to see. */
    async learnerSubmission(
      viewer: Viewer | null,
      classId: string,
      userId: string,
      submissionId: string,
    ): Promise<{ className: string; learner: MatrixLearner; submission: LearnerSubmission } | null> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const c = await taught(teacher, classId)
      if (!c || !isStorableText(userId) || !isStorableText(submissionId)) return null
      const enrolment = await db.enrolment.findUnique({
        where: { classroomId_userId: { classroomId: c.id, userId } },
        include: { user: { select: { id: true, name: true, email: true } } },
      })
      if (!enrolment) return null
      const row = await db.submission.findFirst({ where: { id: submissionId, userId, courseId: c.courseId }, select: submissionFields })
      if (!row) return null
      return {
        className: c.name,
        learner: { id: enrolment.user.id, name: enrolment.user.name, email: enrolment.user.email, joinedAt: enrolment.createdAt },
        submission: toLearnerSubmission(row, null),
      }
    },

    /** A new invite code (the old one stops working), e.g. after it was shared too widely. */
    async renewInviteCode(viewer: Viewer | null, classId: string): Promise<string | null> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const c = await taught(teacher, classId)
      if (!c) return null
      for (let attempt = 0; ; attempt++) {
        try {
          const updated = await db.classroom.update({ where: { id: c.id }, data: { inviteCode: generateInviteCode() } })
          return updated.inviteCode
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= 4) throw error
        }
      }
    },

    async rename(viewer: Viewer | null, classId: string, name: string): Promise<boolean> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const data = classInputSchema.shape.name.parse(name)
      const c = await taught(teacher, classId)
      if (!c) return false
      await db.classroom.update({ where: { id: c.id }, data: { name: data } })
      return true
    },

    /**
     * Archives a class: it leaves the teacher's list and its code stops working; progress stays with the
     * learners. Audited (who archived which class), in the same transaction.
     */
    async archive(viewer: Viewer | null, classId: string): Promise<boolean> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const c = await taught(teacher, classId)
      if (!c) return false
      return db.$transaction(async (tx) => {
        const { count } = await tx.classroom.updateMany({ where: { id: c.id, archived: false }, data: { archived: true } })
        if (count === 0) return false // archived meanwhile by another request: logged once
        await recordAudit(
          tx,
          { kind: 'user', id: teacher.id },
          {
            action: 'class.archived',
            targetType: 'class',
            targetId: c.id,
            targetLabel: c.name,
            detail: { courseId: c.courseId, learners: await tx.enrolment.count({ where: { classroomId: c.id } }), teacherId: c.teacherId },
          },
        )
        return true
      })
    },

    /** Takes a learner out of a class (their own progress is untouched; they can rejoin with the code). */
    async removeLearner(viewer: Viewer | null, classId: string, userId: string): Promise<boolean> {
      const teacher = requireRole(viewer, TEACHING_ROLES)
      const c = await taught(teacher, classId)
      if (!c || !isStorableText(userId)) return false
      const { count } = await db.enrolment.deleteMany({ where: { classroomId: c.id, userId } })
      return count > 0
    },

    /** Any signed-in user joins a class by its code; joining twice is fine. */
    async join(
      viewer: Viewer | null,
      typedCode: string,
    ): Promise<{ classId: string; name: string; courseId: string; alreadyMember: boolean }> {
      const user = requireViewer(viewer)
      const code = normalizeInviteCode(typedCode)
      if (!code) throw new JoinError('invalid')
      const c = await db.classroom.findUnique({ where: { inviteCode: code } })
      if (!c || c.archived) throw new JoinError('unknown')
      if (
        c.teacherId === user.id ||
        (await db.coTeacher.findUnique({ where: { classroomId_userId: { classroomId: c.id, userId: user.id } } }))
      )
        throw new JoinError('own')
      const existing = await db.enrolment.findUnique({ where: { classroomId_userId: { classroomId: c.id, userId: user.id } } })
      if (!existing) {
        try {
          await db.enrolment.create({ data: { classroomId: c.id, userId: user.id } })
        } catch (error) {
          if (!isUniqueViolation(error)) throw error // joined twice at once: one of them won
        }
      }
      return { classId: c.id, name: c.name, courseId: c.courseId, alreadyMember: !!existing }
    },

    /** The classes the viewer has joined, with their teacher's name. */
    async joined(viewer: Viewer | null): Promise<{ id: string; name: string; courseId: string; teacher: string }[]> {
      const user = requireViewer(viewer)
      const rows = await db.enrolment.findMany({
        where: { userId: user.id, classroom: { archived: false } },
        include: { classroom: { include: { teacher: { select: { name: true, email: true } } } } },
        orderBy: { createdAt: 'desc' },
      })
      return rows.map((e) => ({
        id: e.classroom.id,
        name: e.classroom.name,
        courseId: e.classroom.courseId,
        teacher: e.classroom.teacher.name ?? e.classroom.teacher.email,
      }))
    },
  }
}

export interface LearnerSubmission {
  id: string
  lessonId: string
  exerciseId: string
  kind: string
  /** the stored source, or its first lines on the learner's page (`sourceCut`) */
  source: string
  /** lines of the stored source */
  sourceLines: number
  /** `source` is a preview: the stored source goes on */
  sourceCut: boolean
  /** an older attempt: only the start of what was submitted was kept (storage quotas) */
  sourceTrimmed: boolean
  passed: boolean
  score: number
  createdAt: Date
  /** the checks this submission failed, as the learner was told (their language), with the YAML line */
  failing: { id: string; message: string; line: number | null }[]
}

export interface LearnerSubmissions {
  classId: string
  className: string
  courseId: string
  learner: MatrixLearner
  /** this page of submissions, newest first */
  submissions: LearnerSubmission[]
  page: number
  pageCount: number
  totalSubmissions: number
  /** this learner's lesson progress and best quiz scores in the class's course */
  progress: ProgressRecord[]
  quizzes: QuizRecord[]
}

/** Submissions per page of a learner's page, and how much of each source it shows. */
export const submissionsPageSize = 10
export const sourcePreviewLimits = { lines: 40, chars: 4096 }

const submissionFields = {
  id: true,
  lessonId: true,
  exerciseId: true,
  kind: true,
  source: true,
  sourceTrimmed: true,
  passed: true,
  score: true,
  result: true,
  createdAt: true,
} as const

function toLearnerSubmission(
  r: {
    id: string
    lessonId: string
    exerciseId: string
    kind: string
    source: string
    sourceTrimmed: boolean
    passed: boolean
    score: number
    result: string
    createdAt: Date
  },
  preview: { lines: number; chars: number } | null,
): LearnerSubmission {
  const lines = r.source.split('\n')
  const shown = preview ? previewOf(r.source, lines, preview) : r.source
  return {
    id: r.id,
    lessonId: r.lessonId,
    exerciseId: r.exerciseId,
    kind: r.kind,
    source: shown,
    sourceLines: lines.length,
    sourceCut: shown.length < r.source.length,
    sourceTrimmed: r.sourceTrimmed,
    passed: r.passed,
    score: r.score,
    createdAt: r.createdAt,
    failing: failingChecks(r.result),
  }
}

/** The first lines of a source, at most `chars` characters (a long line is cut, never a surrogate pair). */
function previewOf(source: string, lines: string[], limits: { lines: number; chars: number }): string {
  let text = lines.slice(0, limits.lines).join('\n')
  if (text.length > limits.chars)
    text = text.slice(0, /[\ud800-\udbff]/.test(text[limits.chars - 1] ?? '') ? limits.chars - 1 : limits.chars)
  return text
}

/** The failed checks (and validation errors) stored with a submission; nothing when the JSON is not ours. */
export function failingChecks(resultJson: string): LearnerSubmission['failing'] {
  try {
    const r = JSON.parse(resultJson) as {
      checks?: { id: string; passed: boolean; message: string; line: number | null }[]
      validation?: { errors?: { field?: string; message: string; line?: number }[] }
    }
    const validation = (r.validation?.errors ?? []).map((e) => ({ id: e.field || 'validation', message: e.message, line: e.line ?? null }))
    const checks = (r.checks ?? []).filter((c) => !c.passed).map((c) => ({ id: c.id, message: c.message, line: c.line ?? null }))
    return [...validation, ...checks]
  } catch {
    return []
  }
}

/** First and best score per learner and lesson, from attempts in the order they were made. */
export function quizScores(attempts: { userId: string; lessonId: string; score: number }[]): QuizRecord[] {
  const byKey = new Map<string, QuizRecord>()
  for (const a of attempts) {
    const key = `${a.userId}|${a.lessonId}`
    const seen = byKey.get(key)
    if (seen) seen.bestScore = Math.max(seen.bestScore, a.score)
    else byKey.set(key, { userId: a.userId, lessonId: a.lessonId, bestScore: a.score, firstScore: a.score })
  }
  return [...byKey.values()]
}

function summary(c: {
  id: string
  name: string
  courseId: string
  inviteCode: string
  createdAt: Date
}): Omit<ClassSummary, 'learnerCount'> {
  return { id: c.id, name: c.name, courseId: c.courseId, inviteCode: c.inviteCode, createdAt: c.createdAt }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}
