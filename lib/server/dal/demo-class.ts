/**
 * Writes the living Demo class (prisma/demo): the class, its learners' accounts and enrolments, and their history —
 * submissions with their graded results, lesson progress, quiz attempts — with the times the plan gives, plus due
 * dates and the teacher's comments, in one transaction: a start that fails half-way leaves no half a class.
 *
 * Like accounts.ts this checks no viewer and is not part of `dal()`: only the seed (prisma/seed.ts) reaches it.
 * A demo learner whose account exists already (from an earlier Demo class) is enrolled as they are; their history
 * is theirs and is not written twice.
 */
import type { Db } from '../db/client.ts'
import { generateInviteCode } from '../../classes/invite-code.ts'
import type { Locale } from '../../../i18n/locales.ts'

export interface DemoSubmissionRow {
  lessonId: string
  exerciseId: string
  kind: 'manifest' | 'command'
  source: string
  passed: boolean
  score: number
  /** the graded result as the grader returned it, stored as JSON like every submission's */
  result: unknown
  durationMs: number
  createdAt: Date
}

export interface DemoLearnerRows {
  email: string
  name: string
  locale: Locale
  passwordHash: string
  createdAt: Date
  joinedAt: Date
  submissions: DemoSubmissionRow[]
  progress: {
    lessonId: string
    status: 'started' | 'completed'
    attempts: number
    bestScore: number
    startedAt: Date
    completedAt: Date | null
    updatedAt: Date
  }[]
  quizzes: { lessonId: string; quizId: string; answers: unknown; score: number; correct: number; total: number; createdAt: Date }[]
}

export interface DemoClassRows {
  name: string
  courseId: string
  teacherId: string
  teacherLabel: string
  createdAt: Date
  /** accounts that join the class today with no history written for them (the demo learner) */
  alsoEnrol: string[]
  learners: DemoLearnerRows[]
  deadlines: { lessonId: string; dueAt: Date }[]
  /** each on a learner's submission, named by its exercise and time */
  comments: { email: string; lessonId: string; exerciseId: string; submittedAt: Date; body: string; createdAt: Date; readAt: Date | null }[]
}

export interface DemoClassWritten {
  classId: string
  learners: number
  submissions: number
  quizAttempts: number
  comments: number
}

export async function writeDemoClass(db: Db, rows: DemoClassRows): Promise<DemoClassWritten> {
  return db.$transaction(
    async (tx) => {
      const classroom = await tx.classroom.create({
        data: {
          name: rows.name,
          courseId: rows.courseId,
          teacherId: rows.teacherId,
          inviteCode: generateInviteCode(),
          createdAt: rows.createdAt,
        },
      })
      const existing = new Map(
        (await tx.user.findMany({ where: { email: { in: rows.learners.map((l) => l.email) } }, select: { id: true, email: true } })).map(
          (u) => [u.email, u.id],
        ),
      )
      const fresh = rows.learners.filter((l) => !existing.has(l.email))
      const made = await tx.user.createManyAndReturn({
        data: fresh.map((l) => ({
          email: l.email,
          name: l.name,
          role: 'learner',
          locale: l.locale,
          passwordHash: l.passwordHash,
          createdAt: l.createdAt,
        })),
        select: { id: true, email: true },
      })
      const ids = new Map([...existing, ...made.map((u) => [u.email, u.id] as const)])
      const idOf = (email: string) => ids.get(email)!
      await tx.enrolment.createMany({
        data: [
          ...rows.learners.map((l) => ({ classroomId: classroom.id, userId: idOf(l.email), createdAt: l.joinedAt })),
          ...rows.alsoEnrol.filter((id) => ![...ids.values()].includes(id)).map((userId) => ({ classroomId: classroom.id, userId })),
        ],
      })
      const courseId = rows.courseId
      const submissions = fresh.flatMap((l) =>
        l.submissions.map((s) => ({
          userId: idOf(l.email),
          courseId,
          ...s,
          result: JSON.stringify(s.result),
          durationMs: Math.round(s.durationMs),
        })),
      )
      if (submissions.length) await tx.submission.createMany({ data: submissions })
      const progress = fresh.flatMap((l) => l.progress.map((p) => ({ userId: idOf(l.email), courseId, ...p })))
      if (progress.length) await tx.lessonProgress.createMany({ data: progress })
      const quizzes = fresh.flatMap((l) =>
        l.quizzes.map((q) => ({ userId: idOf(l.email), courseId, ...q, answers: JSON.stringify(q.answers) })),
      )
      if (quizzes.length) await tx.quizAttempt.createMany({ data: quizzes })
      if (rows.deadlines.length)
        await tx.lessonDeadline.createMany({ data: rows.deadlines.map((d) => ({ classroomId: classroom.id, ...d })) })
      let comments = 0
      for (const c of rows.comments) {
        if (!fresh.some((l) => l.email === c.email)) continue // their attempts are from an earlier class
        const learnerId = idOf(c.email)
        const submission = await tx.submission.findFirst({
          where: { userId: learnerId, exerciseId: c.exerciseId, createdAt: c.submittedAt },
          select: { id: true },
        })
        if (!submission) continue
        await tx.teacherComment.create({
          data: {
            classroomId: classroom.id,
            learnerId,
            authorId: rows.teacherId,
            authorLabel: rows.teacherLabel,
            lessonId: c.lessonId,
            exerciseId: c.exerciseId,
            submissionId: submission.id,
            body: c.body,
            createdAt: c.createdAt,
            readAt: c.readAt,
          },
        })
        comments++
      }
      return {
        classId: classroom.id,
        learners: rows.learners.length,
        submissions: submissions.length,
        quizAttempts: quizzes.length,
        comments,
      }
    },
    { maxWait: 10_000, timeout: 60_000 },
  )
}
