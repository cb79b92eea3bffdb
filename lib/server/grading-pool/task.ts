/**
 * One grade as the worker runs it: the exercise (plain data, posted to the worker), the submission and the
 * language in; the graded result, the replay trace already serialised within the response's byte budget, and
 * whether the run went over budget out. Pure apart from the clock, so the CLI and tests run it in-process too.
 */
import { gradeExercise, type OverBudgetVerdict } from '../../grading/grade.ts'
import type { Exercise } from '../../grading/exercise-schema.ts'
import type { GradeResult } from '../../grading/result.ts'
import type { Locale } from '../../../i18n/locales.ts'
import type { Submission } from '../../grading/run-exercise.ts'
import { MAX_GRADE_RESPONSE_BYTES, serializeTrace } from '../../grading/trace.ts'
import { utf8Length } from '../../k8s/input-limits.ts'

export interface GradeTaskInput {
  exercise: Exercise
  submission: Submission
  lang: Locale
}

export interface GradeTaskOutput {
  result: GradeResult
  /** the SimulationTrace as JSON (or `null`), thinned so the whole response stays under MAX_GRADE_RESPONSE_BYTES */
  simulationJson: string
  thinned: boolean
  overBudget: OverBudgetVerdict | null
}

/** Room for the response's own fields beside the result and the trace (saved, attempts, …). */
const RESPONSE_FIELDS_BYTES = 1024

export function gradeTask({ exercise, submission, lang }: GradeTaskInput): GradeTaskOutput {
  const { result, simulation, overBudget } = gradeExercise(exercise, submission, { lang })
  if (overBudget) return { result, simulationJson: 'null', thinned: false, overBudget }
  const room = MAX_GRADE_RESPONSE_BYTES - utf8Length(JSON.stringify(result)) - RESPONSE_FIELDS_BYTES
  const trace = serializeTrace(simulation, Math.max(0, room))
  return { result, simulationJson: trace.json, thinned: trace.thinned, overBudget: null }
}
