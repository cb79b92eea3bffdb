import 'server-only'
import { solutionUnlocked } from '../grading/attempts.ts'
import type { SimulationTrace } from '../grading/grade.ts'
import { busyMessage, overBudgetMessage, type BudgetLimit } from '../grading/messages.ts'
import type { Exercise } from '../grading/exercise-schema.ts'
import type { Submission } from '../grading/run-exercise.ts'
import type { GradeResult } from '../grading/result.ts'
import type { Locale } from '../../i18n/locales.ts'
import type { GradeProgress, GradeResponse as BrowserGradeResponse } from '../api-contract/exercises.ts'
import { dal } from './dal/index.ts'
import type { Viewer } from './dal/viewer.ts'
import { findCatalogExercise } from './course-catalog.ts'
import { gradingPool, type PoolOutcome } from './grading-pool/index.ts'
import { log } from './observability/log.ts'
import { metrics } from './observability/metrics.ts'

/**
 * The grade API's answer: the graded result, what was stored and unlocked (GradeProgress, shared with the browser),
 * and the trace (thinned to keep the body under 512 KiB: `simulation.thinned`).
 */
export interface GradeResponse extends GradeResult, GradeProgress {
  simulation: SimulationTrace | null
}

/** Everything but the trace, which comes from the worker already serialised (`simulationJson`). */
export type GradeResponseFields = Omit<GradeResponse, 'simulation'>

export type GradeOutcome =
  | { status: 'graded'; response: GradeResponseFields; simulationJson: string }
  | { status: 'not_found' }
  | { status: 'wrong_kind'; message: string }
  /** the run reached a limit (a 422): nothing is stored, the message names the limit in the learner's language */
  | { status: 'over_budget'; message: string; limit: { name: BudgetLimit; max: number; requested?: number } }
  /** the grading pool is full or failed (a 503): try again */
  | { status: 'busy' | 'failed'; message: string }

/** How a grade is run: the worker pool on the server; tests may pass another (e.g. in-process). */
export type Grader = (task: { exercise: Exercise; submission: Submission; lang: Locale }) => Promise<PoolOutcome>

type FoundExercise = NonNullable<Awaited<ReturnType<typeof findCatalogExercise>>>

const poolGrader: Grader = async (task) => (await gradingPool()).grade(task)

/** The response body: the fields as JSON with the worker's trace JSON spliced in (serialised once, never parsed). */
export function gradeResponseBody(outcome: Extract<GradeOutcome, { status: 'graded' }>): string {
  // typed as what the browser parses (lib/api-contract): a field it would refuse fails to compile here
  const response: BrowserGradeResponse = outcome.response
  const fields = JSON.stringify(response)
  return `${fields.slice(0, -1)},"simulation":${outcome.simulationJson}}`
}

/**
 * Grades a submission to a file or published studio exercise (the course catalog: a studio exercise, which the
 * pool's workers do not hold, goes to them with the task); for a signed-in learner also stores it and the lesson's
 * progress (one transaction).
 * Timed per exercise and outcome (`kubelab_grade_duration_seconds`); grades over budget are counted.
 */
export async function gradeSubmission(
  viewer: Viewer | null,
  exerciseId: string,
  input: { yaml?: string; commands?: string[] },
  lang: Locale,
  grader: Grader = poolGrader,
): Promise<GradeOutcome> {
  const found = await findCatalogExercise(exerciseId)
  if (!found) return { status: 'not_found' }
  const startedAt = process.hrtime.bigint()
  let outcome: GradeOutcome['status'] | 'error' = 'error'
  try {
    const graded = await gradeFound(viewer, found, input, lang, grader)
    outcome = graded.status
    if (graded.status === 'over_budget') metrics().gradesOverBudget.inc({ exercise: found.exercise.id, limit: graded.limit.name })
    return graded
  } finally {
    if (outcome !== 'wrong_kind')
      metrics().gradeDuration.observe({ exercise: found.exercise.id, outcome }, Number(process.hrtime.bigint() - startedAt) / 1e9)
  }
}

async function gradeFound(
  viewer: Viewer | null,
  found: FoundExercise,
  input: { yaml?: string; commands?: string[] },
  lang: Locale,
  grader: Grader,
): Promise<GradeOutcome> {
  const { exercise, lesson, course } = found
  const { yaml, commands } = input
  const submission: Submission | null =
    exercise.kind === 'manifest' ? (yaml !== undefined ? { yaml } : null) : commands !== undefined ? { commands } : null
  if (!submission)
    return {
      status: 'wrong_kind',
      message: exercise.kind === 'manifest' ? 'This exercise takes { "yaml": "…" }.' : 'This exercise takes { "commands": ["…"] }.',
    }
  const graded = await grader({ exercise, submission, lang })
  if (graded.status === 'busy') return { status: 'busy', message: busyMessage(lang) }
  if (graded.status === 'failed') {
    log().error({ event: 'grade.failed', exercise: exercise.id, message: graded.message }, `grading ${exercise.id} failed in its worker`)
    return { status: 'failed', message: busyMessage(lang) }
  }
  if (graded.status === 'stopped') {
    const over = { limit: graded.limit, max: graded.max }
    return { status: 'over_budget', message: overBudgetMessage(lang, over), limit: { name: over.limit, max: over.max } }
  }
  const { result, simulationJson, overBudget } = graded.output
  if (overBudget)
    return {
      status: 'over_budget',
      message: overBudget.message,
      limit: {
        name: overBudget.limit,
        max: overBudget.max,
        ...(overBudget.requested !== undefined ? { requested: overBudget.requested } : {}),
      },
    }
  if (!viewer)
    return {
      status: 'graded',
      response: { ...result, saved: false, lessonCompleted: false, attempts: null, solutionAvailable: false },
      simulationJson,
    }
  // Storing stays on this thread: the data-access layer and its permission checks.
  const source = 'yaml' in submission ? submission.yaml : submission.commands.join('\n')
  const { progress, exercise: attempts } = await dal().progress.recordSubmission(viewer, {
    courseId: course.id,
    lessonId: lesson.id,
    exerciseId: exercise.id,
    kind: exercise.kind,
    source,
    result,
  })
  return {
    status: 'graded',
    response: {
      ...result,
      saved: true,
      lessonCompleted: progress.status === 'completed',
      attempts: attempts.attempts,
      solutionAvailable: solutionUnlocked(attempts),
    },
    simulationJson,
  }
}

export type SolutionOutcome = { status: 'ok'; solution: string } | { status: 'not_found' } | { status: 'locked'; attempts: number }

/** The reference solution, for a signed-in learner who passed or tried enough. */
export async function revealSolution(viewer: Viewer, exerciseId: string): Promise<SolutionOutcome> {
  const found = await findCatalogExercise(exerciseId)
  if (!found) return { status: 'not_found' }
  const progress = await dal().progress.exerciseAttempts(viewer, exerciseId)
  return solutionUnlocked(progress)
    ? { status: 'ok', solution: found.exercise.solution }
    : { status: 'locked', attempts: progress.attempts }
}
