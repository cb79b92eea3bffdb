/**
 * validate → simulate → evaluate checks → graded result. Pure: the clock for durationMs is injected.
 */
import { validateManifests, type ValidationResult } from '../k8s/index.ts'
import type { EventRecord, State, TimelinePoint } from '../sim/index.ts'
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
import { commandsFromText, runExercise, type ExerciseRun, type Submission } from './run-exercise.ts'
import type { CheckOutcome, GradeResult, Lang } from './result.ts'

export interface GradeOptions {
  lang?: Lang
  /** Milliseconds from a monotonic clock; performance.now where available. */
  now?: () => number
}

/** What the cluster did, for replay in the workspace (timeline chart, events, final state). */
export interface SimulationTrace {
  timeline: TimelinePoint[]
  events: EventRecord[]
  final: State
  commandOutputs: ExerciseRun['commandOutputs']
}

export interface GradeReport {
  result: GradeResult
  simulation: SimulationTrace | null
}

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

/** Grades a submission: YAML for manifest exercises, commands (an array, or text one per line) for command ones. */
export function gradeExercise(exercise: Exercise, submission: Submission | string, options: GradeOptions = {}): GradeReport {
  const now = options.now ?? (() => globalThis.performance.now())
  const lang = options.lang ?? 'ko'
  const started = now()
  const normalized: Submission =
    typeof submission === 'string' ? (exercise.kind === 'manifest' ? { yaml: submission } : { commands: commandsFromText(submission) }) : submission
  const validation = 'yaml' in normalized ? validateManifests(normalized.yaml) : noManifest
  const runnable = 'commands' in normalized || validation.objects.length > 0
  const run = runnable ? runExercise(exercise, normalized) : null
  const ctx = createContext(lang, validation, run)
  const checks: CheckOutcome[] = exercise.checks.map((check) => {
    const verdict = evaluate(check, ctx)
    const line = verdict.line ?? (check.line ? ctx.lineOf(check.line.kind, check.line.name, check.line.path) : null)
    const message = verdict.passed || !verdict.detail ? check.message[lang] : `${check.message[lang]} — ${verdict.detail}`
    return { id: check.id, passed: verdict.passed, message, hint: verdict.passed ? null : check.hint[lang], line, weight: check.weight }
  })
  const total = checks.reduce((sum, c) => sum + c.weight, 0)
  const earned = checks.reduce((sum, c) => sum + (c.passed ? c.weight : 0), 0)
  const result: GradeResult = {
    exercise: exercise.id,
    passed: validation.valid && checks.every((c) => c.passed),
    score: total === 0 ? 0 : Math.round((earned / total) * 1000) / 1000,
    checks,
    validation: { valid: validation.valid, errors: validation.errors },
    durationMs: Math.round((now() - started) * 100) / 100,
  }
  return { result, simulation: run && { timeline: run.timeline, events: run.events, final: run.final, commandOutputs: run.commandOutputs } }
}
