/**
 * What the studio's editor does beyond saving and publishing (issue 14): start a lesson (from the template that
 * passes the gate, or as a copy of a file lesson), grade any answer against the draft's exercise as the author
 * types it, and move a lesson up or down among the course's lessons. The data-access layer checks who may.
 */
import { parse } from 'yaml'
import { z } from 'zod'
import { copyLessonTexts } from '../content/copy-lesson.ts'
import { readLessonFolder } from '../content/lesson-folder.ts'
import { anchorsFor, moveInOrder, orderLessonIds } from '../content/lesson-order.ts'
import { loadCourses } from '../content/load.ts'
import { newLessonTexts } from '../content/scaffold.ts'
import { exerciseSchema } from '../grading/exercise-schema.ts'
import { busyMessage, overBudgetMessage } from '../grading/messages.ts'
import { commandsFromText } from '../grading/run-exercise.ts'
import type { CheckOutcome } from '../grading/result.ts'
import type { Locale } from '../../i18n/locales.ts'
import type { Dal } from './dal/index.ts'
import { studioTextLimits } from './dal/studio-lessons.ts'
import { requireRole, type Viewer } from './dal/viewer.ts'
import type { GradeTaskInput, PoolOutcome } from './grading-pool/index.ts'

/** A new lesson's texts: the template, or a copy of a file lesson (of `fromCourse`, by default the lesson's own course). */
export type StartFrom = { template: true } | { copyOf: string; fromCourse?: string }

export type TryOutcome =
  | {
      status: 'graded'
      passed: boolean
      score: number
      checks: Array<Pick<CheckOutcome, 'id' | 'passed' | 'message'>>
      failing: string[]
      validationErrors: string[]
      durationMs: number
    }
  /** the draft's exercise.yaml does not parse: the answer cannot be graded (the gate lists why) */
  | { status: 'no_exercise'; message: string }
  | { status: 'not_graded'; message: string }

export const tryAnswerSchema = z
  .object({ exerciseYaml: z.string().max(studioTextLimits.yaml), answer: z.string().max(studioTextLimits.yaml) })
  .strict()

export type Grade = (task: GradeTaskInput) => Promise<PoolOutcome>

export function studioEditor(dal: Dal, grade: Grade) {
  async function courseOrder(viewer: Viewer | null, courseId: string) {
    const studio = await dal.studioLessons.list(viewer, courseId)
    const fileIds =
      loadCourses()
        .find((c) => c.id === courseId)
        ?.lessons.map((l) => l.id) ?? []
    return { studio, order: orderLessonIds(fileIds, studio) }
  }

  return {
    /**
     * The texts a new lesson starts with; null when the file lesson to copy is not there. A studio course has no file
     * lessons, so a lesson in it copies one of a file course (`fromCourse`).
     */
    startingTexts(courseId: string, lessonId: string, from: StartFrom) {
      if ('template' in from) return newLessonTexts(lessonId)
      const original = loadCourses()
        .find((c) => c.id === (from.fromCourse ?? courseId))
        ?.lessons.find((l) => l.id === from.copyOf)
      return original ? copyLessonTexts(readLessonFolder(original.dir).texts, lessonId) : null
    },

    /** Grades `answer` against the exercise as the editor has it now (saved or not), as a learner's would be. */
    async tryAnswer(viewer: Viewer | null, input: z.infer<typeof tryAnswerSchema>, lang: Locale): Promise<TryOutcome> {
      requireRole(viewer, ['author'])
      let exercise
      try {
        exercise = exerciseSchema.parse(parse(input.exerciseYaml))
      } catch {
        return {
          status: 'no_exercise',
          message:
            lang === 'ko'
              ? 'exercise.yaml을 읽을 수 없어 채점할 수 없습니다. 먼저 검사에서 알려 주는 문제를 고치세요.'
              : 'exercise.yaml does not parse, so there is nothing to grade against. Fix what the check lists first.',
        }
      }
      const submission = exercise.kind === 'manifest' ? { yaml: input.answer } : { commands: commandsFromText(input.answer) }
      const outcome = await grade({ exercise, submission, lang })
      if (outcome.status === 'busy' || outcome.status === 'failed') return { status: 'not_graded', message: busyMessage(lang) }
      if (outcome.status === 'stopped')
        return { status: 'not_graded', message: overBudgetMessage(lang, { limit: outcome.limit, max: outcome.max }) }
      const { result, overBudget } = outcome.output
      if (overBudget) return { status: 'not_graded', message: overBudget.message }
      return {
        status: 'graded',
        passed: result.passed,
        score: result.score,
        checks: result.checks.map((c) => ({ id: c.id, passed: c.passed, message: c.message })),
        failing: result.checks
          .filter((c) => !c.passed)
          .map((c) => c.id)
          .sort(),
        validationErrors: result.validation.errors.map((e) => `${e.line ? `${e.line}: ` : ''}${e.message}`),
        durationMs: result.durationMs,
      }
    },

    /** The course's lessons in order, file and studio (drafts too), as the studio lists them. */
    async order(viewer: Viewer | null, courseId: string): Promise<string[]> {
      return (await courseOrder(viewer, courseId)).order
    },

    /** One place up or down; every studio lesson whose predecessor changed is re-anchored to it. */
    async move(viewer: Viewer | null, courseId: string, lessonId: string, direction: 'up' | 'down'): Promise<boolean> {
      const { studio, order } = await courseOrder(viewer, courseId)
      if (!studio.some((s) => s.lessonId === lessonId)) return false
      const moved = moveInOrder(order, lessonId, direction)
      if (moved.join() === order.join()) return false
      const current = new Map(studio.map((s) => [s.lessonId, s.afterLessonId]))
      for (const [id, after] of anchorsFor(moved, new Set(current.keys()))) {
        if (current.get(id) !== after) await dal.studioLessons.move(viewer, courseId, id, after)
      }
      return true
    },
  }
}
