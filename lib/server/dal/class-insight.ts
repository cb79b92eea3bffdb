/**
 * What a class's attempts say to its teachers (issue 17): a summary of every graded exercise of the course, the
 * insight into one exercise (pass rate, medians, the mistakes learners share), and the item analysis of a lesson's
 * quiz. Only the class's teachers (its owner, co-teachers, administrators: `taughtClass`) see them; a class someone
 * else teaches reads as not found (null), and a viewer who teaches nothing is refused.
 *
 * Queries, so a class of 200 learners with 20,000 submissions stays fast: the exercise list reads attempts per
 * learner and exercise in one grouped query and learners per failing check in one more (grouped inside the
 * database, over the stored results' JSON), never a query per exercise or learner; one exercise reads that
 * exercise's submissions of the class's learners once; a quiz reads its attempts once.
 */
import { z } from 'zod'
import type { Db } from '../db/client.ts'
import type { Localized, Quiz } from '../../content/schemas.ts'
import { attemptsBeforeSolution } from '../../grading/attempts.ts'
import { quizAnswersSchema } from '../../grading/quiz.ts'
import { exerciseInsight, storedFailures, type ExerciseInsight, type InsightLearner } from '../../classes/insight.ts'
import { exerciseSummaries, type ExerciseSummary, type MistakeCount } from '../../classes/insight-summary.ts'
import { quizItemAnalysis, type QuizAttemptRow, type QuizInsight } from '../../classes/insight-quiz.ts'
import { taughtClass, type TaughtClass } from './class-access.ts'
import { isStorableText } from './text.ts'
import { requireRole, type Viewer } from './viewer.ts'

/** What the insight needs of a course: its lessons in order, their exercise's checks and their quiz. */
export interface InsightCourse {
  id: string
  title: Localized
  lessons: readonly {
    id: string
    number: number
    title: Localized
    exercise: { id: string; kind: string; checks: readonly { id: string; message: Localized }[] } | null
    quiz: Quiz | null
  }[]
}

/** Finds a course (with its published studio lessons, on the server: lib/server/course-catalog.ts). */
export type CourseLookup = (courseId: string) => Promise<InsightCourse | undefined>

export interface InsightClass {
  id: string
  name: string
  courseId: string
  courseTitle: Localized | null
}

export interface InsightLesson {
  id: string
  number: number
  title: Localized
}

export interface ClassExerciseRow {
  lesson: InsightLesson
  /** the lesson's exercise and its summary; null for a lesson with only a quiz */
  exercise: { id: string; kind: string; summary: ExerciseSummary } | null
  hasQuiz: boolean
}

export interface ClassExercises {
  class: InsightClass
  learnerCount: number
  /** lessons with an exercise or a quiz, in the course's order */
  rows: ClassExerciseRow[]
}

export interface ExerciseInsightView {
  class: InsightClass
  lesson: InsightLesson
  exercise: { id: string; kind: string }
  insight: ExerciseInsight
  /** the class's learners, for naming them */
  learners: InsightLearner[]
}

export interface QuizInsightView {
  class: InsightClass
  lesson: InsightLesson
  insight: QuizInsight
}

const TEACHING_ROLES = ['teacher'] as const
/** An exercise or lesson id as the content names them; anything else names nothing (null, not an error). */
const contentId = z.string().min(1).max(200).refine(isStorableText)

export function classInsightDal(db: Db, courses: CourseLookup) {
  /** The class if the viewer teaches it, with its course and learners; null otherwise. */
  async function taughtWithCourse(
    viewer: Viewer | null,
    classId: string,
  ): Promise<{ c: TaughtClass; course: InsightCourse | undefined; learners: InsightLearner[]; insightClass: InsightClass } | null> {
    const teacher = requireRole(viewer, TEACHING_ROLES)
    const c = await taughtClass(db, teacher, classId)
    if (!c) return null
    const [course, enrolments] = await Promise.all([
      courses(c.courseId),
      db.enrolment.findMany({
        where: { classroomId: c.id },
        select: { user: { select: { id: true, name: true, email: true } } },
        orderBy: { createdAt: 'asc' },
      }),
    ])
    const learners = enrolments.map((e) => e.user)
    return { c, course, learners, insightClass: { id: c.id, name: c.name, courseId: c.courseId, courseTitle: course?.title ?? null } }
  }

  const lessonOf = (l: InsightCourse['lessons'][number]): InsightLesson => ({ id: l.id, number: l.number, title: l.title })

  return {
    /** One row per lesson with an exercise or a quiz: each exercise's pass rate, median attempts, stuck learners and top mistake. */
    async classExercises(viewer: Viewer | null, classId: string): Promise<ClassExercises | null> {
      const found = await taughtWithCourse(viewer, classId)
      if (!found) return null
      const { c, course, learners, insightClass } = found
      const lessons = (course?.lessons ?? []).filter((l) => l.exercise || l.quiz)
      const exercises = lessons.flatMap((l) => (l.exercise ? [l.exercise] : []))
      const learnerIds = learners.map((l) => l.id)
      const [attempts, mistakes] =
        learnerIds.length === 0 || exercises.length === 0
          ? [[], []]
          : await Promise.all([
              db.submission.groupBy({
                by: ['exerciseId', 'userId', 'passed'],
                where: { courseId: c.courseId, userId: { in: learnerIds } },
                _count: { _all: true },
              }),
              mistakeCounts(db, c.id, c.courseId),
            ])
      const summaries = exerciseSummaries({
        exercises: exercises.map((e) => ({ id: e.id, checks: e.checks })),
        learnerIds,
        attempts: attempts.map((a) => ({ exerciseId: a.exerciseId, userId: a.userId, passed: a.passed, count: a._count._all })),
        mistakes,
        stuckAfter: attemptsBeforeSolution,
      })
      const summaryOf = new Map(summaries.map((s) => [s.exerciseId, s]))
      return {
        class: insightClass,
        learnerCount: learners.length,
        rows: lessons.map((l) => ({
          lesson: lessonOf(l),
          exercise: l.exercise ? { id: l.exercise.id, kind: l.exercise.kind, summary: summaryOf.get(l.exercise.id)! } : null,
          hasQuiz: !!l.quiz,
        })),
      }
    },

    /** The insight into one exercise of the class's course; null when the viewer does not teach the class or the course has no such exercise. */
    async exerciseInsight(viewer: Viewer | null, classId: string, exerciseId: string): Promise<ExerciseInsightView | null> {
      const found = await taughtWithCourse(viewer, classId)
      const id = contentId.safeParse(exerciseId)
      if (!found || !id.success) return null
      const { c, course, learners, insightClass } = found
      const lesson = course?.lessons.find((l) => l.exercise?.id === id.data)
      if (!lesson?.exercise) return null
      const rows =
        learners.length === 0
          ? []
          : await db.submission.findMany({
              where: { courseId: c.courseId, exerciseId: id.data, userId: { in: learners.map((l) => l.id) } },
              select: {
                id: true,
                userId: true,
                passed: true,
                score: true,
                createdAt: true,
                result: true,
                source: true,
                sourceTrimmed: true,
              },
            })
      const insight = exerciseInsight({
        learners,
        checks: lesson.exercise.checks,
        submissions: rows.map(({ result, ...s }) => ({ ...s, failures: storedFailures(result) })),
      })
      return {
        class: insightClass,
        lesson: lessonOf(lesson),
        exercise: { id: lesson.exercise.id, kind: lesson.exercise.kind },
        insight,
        learners,
      }
    },

    /** The item analysis of a lesson's quiz; null when the viewer does not teach the class or the lesson has no quiz. */
    async quizInsight(viewer: Viewer | null, classId: string, lessonId: string): Promise<QuizInsightView | null> {
      const found = await taughtWithCourse(viewer, classId)
      const id = contentId.safeParse(lessonId)
      if (!found || !id.success) return null
      const { c, course, learners, insightClass } = found
      const lesson = course?.lessons.find((l) => l.id === id.data)
      if (!lesson?.quiz) return null
      const learnerIds = learners.map((l) => l.id)
      const rows =
        learnerIds.length === 0
          ? []
          : await db.quizAttempt.findMany({
              where: { courseId: c.courseId, lessonId: lesson.id, quizId: lesson.quiz.id, userId: { in: learnerIds } },
              select: { id: true, userId: true, createdAt: true, answers: true },
            })
      const attempts: QuizAttemptRow[] = rows.flatMap((r) => {
        const answers = parseAnswers(r.answers)
        return answers ? [{ id: r.id, userId: r.userId, createdAt: r.createdAt, answers }] : []
      })
      return { class: insightClass, lesson: lessonOf(lesson), insight: quizItemAnalysis(lesson.quiz, attempts, learnerIds) }
    },
  }
}

/** A stored attempt's answers; null when the text is not answers (an attempt that cannot be read is left out). */
function parseAnswers(text: string) {
  try {
    const parsed = quizAnswersSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * How many learners of the class failed each check (or had a validation error on each field) of each exercise of
 * the course, at least once: one query grouped inside the database over the stored results' JSON, with the rules of
 * `storedFailures` (a check that did not run is left out; a validation error counts by its field), so the list
 * names the same top mistake the exercise's page puts first. The results are JSON written by the grader
 * (recordSubmission); SQLite skips any text that is not, PostgreSQL would refuse the cast.
 */
async function mistakeCounts(db: Db, classId: string, courseId: string): Promise<MistakeCount[]> {
  // each failing result is parsed once (the MATERIALIZED step), then its checks and validation errors are listed
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider
  const rows =
    provider === 'postgresql'
      ? await db.$queryRaw<{ exerciseId: string; key: string; learners: number | bigint }[]>`
          WITH x AS MATERIALIZED (
            SELECT s."exerciseId", s."userId", s."result"::jsonb AS r
            FROM "Submission" s
            JOIN "Enrolment" e ON e."userId" = s."userId" AND e."classroomId" = ${classId}
            WHERE s."courseId" = ${courseId} AND s."passed" = false
          )
          SELECT m."exerciseId" AS "exerciseId", m."key" AS "key", COUNT(DISTINCT m."userId") AS "learners"
          FROM (
            SELECT x."exerciseId", x."userId", c.value ->> 'id' AS "key"
            FROM x CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(x.r -> 'checks') = 'array' THEN x.r -> 'checks' ELSE '[]'::jsonb END) AS c(value)
            WHERE jsonb_typeof(c.value) = 'object' AND jsonb_typeof(c.value -> 'id') = 'string'
              AND c.value -> 'passed' = 'false'::jsonb AND COALESCE(c.value -> 'notRun', 'null'::jsonb) <> 'true'::jsonb
            UNION ALL
            SELECT x."exerciseId", x."userId", 'validation:' || CASE WHEN jsonb_typeof(v.value -> 'field') = 'string' THEN v.value ->> 'field' ELSE '' END
            FROM x CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(x.r -> 'validation' -> 'errors') = 'array' THEN x.r -> 'validation' -> 'errors' ELSE '[]'::jsonb END) AS v(value)
            WHERE jsonb_typeof(v.value) = 'object'
          ) m
          GROUP BY m."exerciseId", m."key"`
      : await db.$queryRaw<{ exerciseId: string; key: string; learners: number | bigint }[]>`
          WITH x AS MATERIALIZED (
            SELECT s."exerciseId" AS "exerciseId", s."userId" AS "userId", jsonb(s."result") AS r
            FROM "Submission" s
            JOIN "Enrolment" e ON e."userId" = s."userId" AND e."classroomId" = ${classId}
            WHERE s."courseId" = ${courseId} AND s."passed" = 0 AND json_valid(s."result")
          )
          SELECT m."exerciseId" AS "exerciseId", m."key" AS "key", COUNT(DISTINCT m."userId") AS "learners"
          FROM (
            SELECT x."exerciseId" AS "exerciseId", x."userId" AS "userId", c.value ->> '$.id' AS "key"
            FROM x JOIN json_each(CASE WHEN json_type(x.r, '$.checks') = 'array' THEN x.r ELSE '{}' END, '$.checks') c
            WHERE c.type = 'object' AND json_type(c.value, '$.id') = 'text'
              AND json_type(c.value, '$.passed') = 'false' AND COALESCE(json_type(c.value, '$.notRun'), '') <> 'true'
            UNION ALL
            SELECT x."exerciseId", x."userId", 'validation:' || CASE WHEN json_type(v.value, '$.field') = 'text' THEN v.value ->> '$.field' ELSE '' END
            FROM x JOIN json_each(CASE WHEN json_type(x.r, '$.validation.errors') = 'array' THEN x.r ELSE '{}' END, '$.validation.errors') v
            WHERE v.type = 'object'
          ) m
          GROUP BY m."exerciseId", m."key"`
  return rows.map((r) => ({ exerciseId: r.exerciseId, key: r.key, learners: Number(r.learners) }))
}
