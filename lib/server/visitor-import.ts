/**
 * Importing what a visitor did before signing in (ADR 0010): the browser sends its answers, the server grades
 * each one again with the same code as a normal submission — in the grading pool, with the same budget as the
 * grade route (ADR 0013) — and stores the result through the DAL. The browser's own grades (`passed`, `score`)
 * are accepted in the body only to be ignored. What is graded but not added is reported with the reason: an
 * answer over the grading budget, the account's storage quota, a quiz with unanswered questions.
 */
import 'server-only'
import { z } from 'zod'
import { gradeQuiz, quizAnswersSchema, unansweredQuestions } from '../grading/quiz.ts'
import { commandsFromText, type Submission } from '../grading/run-exercise.ts'
import type { Locale } from '../../i18n/locales.ts'
import type { VisitorImportRequest } from '../browser/visitor-work.ts'
import { courseCatalog } from './course-catalog.ts'
import type { Dal } from './dal/index.ts'
import type { GradedVisitorWork, ImportedWork } from './dal/import.ts'
import { storableText } from './dal/text.ts'
import type { Viewer } from './dal/viewer.ts'
import { gradingPool, type GradeTaskInput, type PoolOutcome } from './grading-pool/index.ts'
import { log } from './observability/log.ts'

/** Same caps as the browser's record (lib/browser/visitor-work.ts) and the grade route. */
export const importLimits = { items: 200, answerChars: 64 * 1024, commands: 200, commandChars: 64 * 1024, bodyBytes: 1024 * 1024 } as const

const id = z.string().min(1).max(100)
const unique = (keys: string[]) => new Set(keys).size === keys.length

export const visitorImportSchema = z
  .object({
    lang: z.enum(['ko', 'en']).default('ko'),
    exercises: z
      .array(
        z
          .object({
            exerciseId: id,
            answer: z.union([
              storableText(z.string().max(importLimits.answerChars)),
              z.array(storableText(z.string().max(importLimits.commandChars))).max(importLimits.commands),
            ]),
            // what this browser graded: never trusted, never stored
            passed: z.boolean().optional(),
            score: z.number().optional(),
          })
          .strict(),
      )
      .max(importLimits.items)
      .refine((items) => unique(items.map((e) => e.exerciseId)), { message: 'each exercise at most once' })
      .default([]),
    quizzes: z
      .array(z.object({ quizId: id, answers: quizAnswersSchema, score: z.number().optional() }).strict())
      .max(importLimits.items)
      .refine((items) => unique(items.map((q) => q.quizId)), { message: 'each quiz at most once' })
      .default([]),
    drafts: z
      .array(z.object({ exerciseId: id, source: storableText(z.string().max(importLimits.answerChars)) }).strict())
      .max(importLimits.items)
      .refine((items) => unique(items.map((d) => d.exerciseId)), { message: 'each draft at most once' })
      .default([]),
    lessons: z
      .array(z.object({ courseId: id, lessonId: id }).strict())
      .max(importLimits.items)
      .refine((items) => unique(items.map((l) => `${l.courseId}/${l.lessonId}`)), { message: 'each lesson at most once' })
      .default([]),
  })
  .strict()

export type VisitorImportInput = z.output<typeof visitorImportSchema>

// The browser builds its request with this type; it must stay a valid input of the schema.
const requestFitsSchema = (request: VisitorImportRequest): z.input<typeof visitorImportSchema> => request
void requestFitsSchema

export interface VisitorImportOutcome extends Omit<ImportedWork, 'overQuota'> {
  /** ids the course no longer has (or never had), or answers of the wrong kind: left out */
  skipped: { exercises: string[]; quizzes: string[]; drafts: string[]; lessons: string[] }
  /** graded but not added, and why */
  notAdded: {
    /** over the grading budget (as the grade route would answer 422), or over the account's storage quota */
    exercises: { exerciseId: string; reason: 'over_budget' | 'over_quota' }[]
    /** a quiz must be answered in full to count (as the quiz route requires) */
    quizzes: { quizId: string; reason: 'unanswered'; unanswered: string[] }[]
  }
}

/** How each answer is graded: the grading pool on the server; tests may pass another (e.g. in-process). */
export type ImportGrader = (task: GradeTaskInput) => Promise<PoolOutcome>

const poolGrader: ImportGrader = async (task) => (await gradingPool()).grade(task)

/** The grading pool is full or failed: nothing was added, the browser keeps its record and can try again. */
export class ImportBusyError extends Error {}

function submissionFor(kind: 'manifest' | 'command', answer: string | string[]): Submission | null {
  if (kind === 'manifest') return typeof answer === 'string' ? { yaml: answer } : null
  // a command answer kept as text, one command per line, as the grader reads it
  return { commands: typeof answer === 'string' ? commandsFromText(answer) : answer }
}

/** Grades every answer again on the server, then adds the lot to the viewer's account in one transaction. */
export async function importVisitorWork(
  dal: Dal,
  viewer: Viewer | null,
  input: VisitorImportInput,
  grader: ImportGrader = poolGrader,
): Promise<VisitorImportOutcome> {
  const lang: Locale = input.lang
  const skipped: VisitorImportOutcome['skipped'] = { exercises: [], quizzes: [], drafts: [], lessons: [] }
  const notAdded: VisitorImportOutcome['notAdded'] = { exercises: [], quizzes: [] }
  const work: GradedVisitorWork = { submissions: [], quizzes: [], drafts: [], lessons: [] }
  // file and published studio lessons alike: a visitor may have done either
  const catalog = await courseCatalog()

  // one at a time: an import must not fill the pool's queue ahead of other learners' grades
  for (const item of input.exercises) {
    const found = catalog.exercise(item.exerciseId)
    const submission = found && submissionFor(found.exercise.kind, item.answer)
    if (!found || !submission) {
      skipped.exercises.push(item.exerciseId)
      continue
    }
    const graded = await grader({ exercise: found.exercise, submission, lang })
    if (graded.status === 'busy' || graded.status === 'failed') {
      if (graded.status === 'failed')
        log().error(
          { event: 'grade.failed', exercise: found.exercise.id, import: true, message: graded.message },
          `grading ${found.exercise.id} for an import failed in its worker`,
        )
      throw new ImportBusyError('The grading pool is busy; nothing was added.')
    }
    if (graded.status === 'stopped' || graded.output.overBudget) {
      notAdded.exercises.push({ exerciseId: item.exerciseId, reason: 'over_budget' })
      continue
    }
    const source = typeof item.answer === 'string' ? item.answer : item.answer.join('\n')
    work.submissions.push({
      courseId: found.course.id,
      lessonId: found.lesson.id,
      exerciseId: found.exercise.id,
      kind: found.exercise.kind,
      source,
      result: graded.output.result,
    })
  }
  for (const item of input.quizzes) {
    const found = catalog.quiz(item.quizId)
    if (!found) {
      skipped.quizzes.push(item.quizId)
      continue
    }
    const unanswered = unansweredQuestions(found.quiz, item.answers)
    if (unanswered.length > 0) {
      notAdded.quizzes.push({ quizId: item.quizId, reason: 'unanswered', unanswered })
      continue
    }
    work.quizzes.push({
      courseId: found.course.id,
      lessonId: found.lesson.id,
      answers: item.answers,
      result: gradeQuiz(found.quiz, item.answers, lang),
    })
  }
  for (const draft of input.drafts) {
    if (catalog.exercise(draft.exerciseId)) work.drafts.push(draft)
    else skipped.drafts.push(draft.exerciseId)
  }
  for (const lesson of input.lessons) {
    if (catalog.lesson(lesson.courseId, lesson.lessonId)) work.lessons.push(lesson)
    else skipped.lessons.push(`${lesson.courseId}/${lesson.lessonId}`)
  }

  const { overQuota, ...imported } = await dal.imports.importVisitorWork(viewer, work)
  for (const exerciseId of overQuota) notAdded.exercises.push({ exerciseId, reason: 'over_quota' })
  return { ...imported, skipped, notAdded }
}
