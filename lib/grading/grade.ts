/**
 * validate → simulate → evaluate checks → graded result. Pure: the clock for durationMs is injected.
 */
import { validateManifests, type ValidationResult } from '../k8s/index.ts'
import { manifestDemand, refuseDemand, type OverBudget } from '../sim/index.ts'
import { createContext, type CheckContext, type CheckVerdict } from './context.ts'
import type { Check, Exercise } from './exercise-schema.ts'
import { evaluateDeploymentCheck } from './checks/deployment-check.ts'
import { evaluateEventCheck } from './checks/event-check.ts'
import { evaluateFieldCheck } from './checks/field-check.ts'
import { evaluateObjectCheck } from './checks/object-check.ts'
import { evaluateOutputCheck } from './checks/output-check.ts'
import { evaluatePodsCheck } from './checks/pods-check.ts'
import { evaluateServiceCheck } from './checks/service-check.ts'
import { evaluateEventuallyCheck, evaluateInvariantCheck } from './checks/timeline-checks.ts'
import { evaluateTrafficCheck } from './checks/traffic-check.ts'
import { commandsFromText, exerciseLimits, runExercise, type ExerciseRun, type Submission } from './run-exercise.ts'
import { notRunMessage, overBudgetMessage, type NotRunCause } from './messages.ts'
import type { SimulationTrace } from './trace.ts'
import type { CheckOutcome, CommandError, GradeResult } from './result.ts'
import type { Locale } from '../../i18n/locales.ts'
import { explainKubectlError, MAX_COMMAND_ERRORS } from './kubectl-errors.ts'

export interface GradeOptions {
  lang?: Locale
  /** Milliseconds from a monotonic clock; performance.now where available. */
  now?: () => number
}

export type { SimulationTrace } from './trace.ts'

/** A run that reached a limit: what the grader answers instead of a score (the API's 422). */
export interface OverBudgetVerdict extends OverBudget {
  /** in the learner's language: "이 실습에서는 Pod를 최대 50개까지 만들 수 있습니다. …" */
  message: string
}

export interface GradeReport {
  result: GradeResult
  simulation: SimulationTrace | null
  /** The run reached one of the exercise's limits (lib/sim/budget.ts): the checks say nothing reliable then. */
  overBudget: OverBudgetVerdict | null
}

/** Diagnostics a grade answers with at most (1,000 broken documents would otherwise fill a megabyte). */
export const MAX_GRADE_DIAGNOSTICS = 100

type Evaluators = { [T in Check['type']]: (check: Extract<Check, { type: T }>, ctx: CheckContext) => CheckVerdict }
const evaluators: Evaluators = {
  object: evaluateObjectCheck,
  field: evaluateFieldCheck,
  pods: evaluatePodsCheck,
  deployment: evaluateDeploymentCheck,
  service: evaluateServiceCheck,
  invariant: evaluateInvariantCheck,
  eventually: evaluateEventuallyCheck,
  traffic: evaluateTrafficCheck,
  event: evaluateEventCheck,
  output: evaluateOutputCheck,
}

function evaluate(check: Check, ctx: CheckContext): CheckVerdict {
  return (evaluators[check.type] as (c: Check, x: CheckContext) => CheckVerdict)(check, ctx)
}

const noManifest: ValidationResult = { valid: true, errors: [], objects: [] }

/** What a result quotes of a command's output at most: errors are a line or two, a refused manifest can be long. */
const MAX_QUOTED_OUTPUT = 1000
const clip = (text: string) => (text.length > MAX_QUOTED_OUTPUT ? `${text.slice(0, MAX_QUOTED_OUTPUT)}…` : text)

/** The learner's commands kubectl refused, first ones first, each explained. */
function failedCommands(run: ExerciseRun, lang: Locale): CommandError[] {
  return run.commandOutputs
    .flatMap((c, i) =>
      c.ok
        ? []
        : [{ number: i + 1, command: c.command, output: clip(c.output.trimEnd()), explanation: explainKubectlError(c.output, lang) }],
    )
    .slice(0, MAX_COMMAND_ERRORS)
}

/** Why the checks of a manifest say nothing reliable: nothing was applied, or only part of the YAML was. */
function notRunCause(validation: ValidationResult, run: ExerciseRun | null): NotRunCause | null {
  if (run === null) return validation.valid ? 'empty' : 'refused'
  return validation.valid ? null : 'partly'
}

/** Grades a submission: YAML for manifest exercises, commands (an array, or text one per line) for command ones. */
export function gradeExercise(exercise: Exercise, submission: Submission | string, options: GradeOptions = {}): GradeReport {
  const now = options.now ?? (() => globalThis.performance.now())
  const lang = options.lang ?? 'ko'
  const started = now()
  const normalized: Submission =
    typeof submission === 'string'
      ? exercise.kind === 'manifest'
        ? { yaml: submission }
        : { commands: commandsFromText(submission) }
      : submission
  const validation = 'yaml' in normalized ? validateManifests(normalized.yaml) : noManifest
  const limits = exerciseLimits(exercise)
  // A manifest that asks for more than the limits is refused before anything is simulated.
  const refused = refuseDemand(limits, manifestDemand(validation.objects.map((o) => o.object)))
  const runnable = !refused && ('commands' in normalized || validation.objects.length > 0)
  const run = runnable ? runExercise(exercise, normalized, limits) : null
  const ctx = createContext(lang, validation, run)
  // A manifest the cluster refused (in whole or in part) explains every check that fails: the validation errors
  // are the cause, and one line says so instead of each check's detail and hint.
  const notRun = 'yaml' in normalized && !refused ? notRunCause(validation, run) : null
  const checks: CheckOutcome[] = exercise.checks.map((check) => {
    const verdict = evaluate(check, ctx)
    if (notRun && !verdict.passed)
      return { id: check.id, passed: false, notRun: true, message: check.message[lang], hint: null, line: null, weight: check.weight }
    const line = verdict.line ?? (check.line ? ctx.lineOf(check.line.kind, check.line.name, check.line.path) : null)
    const message = verdict.passed || !verdict.detail ? check.message[lang] : `${check.message[lang]} — ${verdict.detail}`
    return { id: check.id, passed: verdict.passed, message, hint: verdict.passed ? null : check.hint[lang], line, weight: check.weight }
  })
  const total = checks.reduce((sum, c) => sum + c.weight, 0)
  const earned = checks.reduce((sum, c) => sum + (c.passed ? c.weight : 0), 0)
  const passed = validation.valid && checks.every((c) => c.passed)
  const commandErrors = passed || !run ? [] : failedCommands(run, lang)
  const result: GradeResult = {
    exercise: exercise.id,
    passed,
    score: total === 0 ? 0 : Math.round((earned / total) * 1000) / 1000,
    checks,
    validation: {
      valid: validation.valid,
      errors: validation.errors.slice(0, MAX_GRADE_DIAGNOSTICS),
      ...(validation.errors.length > MAX_GRADE_DIAGNOSTICS ? { omitted: validation.errors.length - MAX_GRADE_DIAGNOSTICS } : {}),
      ...(validation.warnings ? { warnings: validation.warnings.slice(0, MAX_GRADE_DIAGNOSTICS) } : {}),
    },
    ...(notRun ? { notRun: notRunMessage(lang, notRun) } : {}),
    ...(commandErrors.length > 0 ? { commandErrors } : {}),
    durationMs: Math.round((now() - started) * 100) / 100,
  }
  const over = refused ?? run?.overBudget ?? null
  return {
    result,
    simulation: run && { timeline: run.timeline, events: run.events, final: run.final, commandOutputs: run.commandOutputs },
    overBudget: over && { ...over, message: overBudgetMessage(lang, over) },
  }
}
