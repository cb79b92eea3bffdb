/**
 * Importing what a visitor did before signing in (ADR 0010): the browser sends its answers, the server grades
 * each one again with the same code as a normal submission and stores the result through the DAL. The
 * browser's own grades (`passed`, `score`) are accepted in the body only to be ignored.
 */
import 'server-only'
import { z } from 'zod'
import { findExercise, findLesson, findQuiz } from '../content/load.ts'
import { gradeExercise } from '../grading/grade.ts'
import { gradeQuiz, quizAnswersSchema } from '../grading/quiz.ts'
import type { Submission } from '../grading/run-exercise.ts'
import type { Lang } from '../grading/result.ts'
import type { VisitorImportRequest } from '../browser/visitor-work.ts'
import type { Dal } from './dal/index.ts'
import type { GradedVisitorWork, ImportedWork } from './dal/import.ts'
import type { Viewer } from './dal/viewer.ts'

/** Same caps as the browser's record (lib/browser/visitor-work.ts) and the grade route. */
export const importLimits = { items: 200, answerChars: 64 * 1024, commands: 200, commandChars: 4096, bodyBytes: 1024 * 1024 } as const

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
            answer: z.union([z.string().max(importLimits.answerChars), z.array(z.string().max(importLimits.commandChars)).max(importLimits.commands)]),
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
      .array(z.object({ exerciseId: id, source: z.string().max(importLimits.answerChars) }).strict())
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

export interface VisitorImportOutcome extends ImportedWork {
  /** ids the course no longer has (or never had), or answers of the wrong kind: left out */
  skipped: { exercises: string[]; quizzes: string[]; drafts: string[]; lessons: string[] }
}

function submissionFor(kind: 'manifest' | 'command', answer: string | string[]): Submission | string | null {
  if (kind === 'manifest') return typeof answer === 'string' ? { yaml: answer } : null
  return typeof answer === 'string' ? answer : { commands: answer }
}

/** Grades every answer again on the server, then adds the lot to the viewer's account in one transaction. */
export async function importVisitorWork(dal: Dal, viewer: Viewer | null, input: VisitorImportInput): Promise<VisitorImportOutcome> {
  const lang: Lang = input.lang
  const skipped: VisitorImportOutcome['skipped'] = { exercises: [], quizzes: [], drafts: [], lessons: [] }
  const work: GradedVisitorWork = { submissions: [], quizzes: [], drafts: [], lessons: [] }

  for (const item of input.exercises) {
    const found = findExercise(item.exerciseId)
    const submission = found && submissionFor(found.exercise.kind, item.answer)
    if (!found || !submission) {
      skipped.exercises.push(item.exerciseId)
      continue
    }
    const { result } = gradeExercise(found.exercise, submission, { lang })
    const source = typeof item.answer === 'string' ? item.answer : item.answer.join('\n')
    work.submissions.push({ courseId: found.course.id, lessonId: found.lesson.id, exerciseId: found.exercise.id, kind: found.exercise.kind, source, result })
  }
  for (const item of input.quizzes) {
    const found = findQuiz(item.quizId)
    if (!found) {
      skipped.quizzes.push(item.quizId)
      continue
    }
    work.quizzes.push({ courseId: found.course.id, lessonId: found.lesson.id, answers: item.answers, result: gradeQuiz(found.quiz, item.answers, lang) })
  }
  for (const draft of input.drafts) {
    if (findExercise(draft.exerciseId)) work.drafts.push(draft)
    else skipped.drafts.push(draft.exerciseId)
  }
  for (const lesson of input.lessons) {
    if (findLesson(lesson.courseId, lesson.lessonId)) work.lessons.push(lesson)
    else skipped.lessons.push(`${lesson.courseId}/${lesson.lessonId}`)
  }

  const imported = await dal.imports.importVisitorWork(viewer, work)
  return { ...imported, skipped }
}
