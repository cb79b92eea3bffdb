/**
 * validate → simulate → evaluate checks → graded result. Pure: the clock for durationMs is injected.
 */
import { validateManifests } from '../k8s/index.ts'
import { createCluster } from '../sim/cluster.ts'
import { parseDuration } from '../sim/clock.ts'
import type { State } from '../sim/snapshot.ts'
import { createContext, type CheckContext, type CheckVerdict } from './context.ts'
import type { Check, Exercise } from './exercise-schema.ts'
import { evaluateFieldCheck } from './checks/field-check.ts'
import { evaluateObjectCheck } from './checks/object-check.ts'
import { evaluatePodsCheck } from './checks/pods-check.ts'
import type { CheckOutcome, GradeResult, Lang } from './result.ts'

export interface GradeOptions {
  lang?: Lang
  /** Milliseconds from a monotonic clock; performance.now where available. */
  now?: () => number
}

function evaluate(check: Check, ctx: CheckContext): CheckVerdict {
  switch (check.type) {
    case 'object':
      return evaluateObjectCheck(check, ctx)
    case 'field':
      return evaluateFieldCheck(check, ctx)
    case 'pods':
      return evaluatePodsCheck(check, ctx)
  }
}

function simulate(exercise: Exercise, source: string): State | null {
  const cluster = createCluster({ seed: exercise.cluster.seed, nodes: exercise.cluster.nodes })
  const applied = cluster.apply(source)
  if (!applied.ok && applied.errors.length > 0 && !/created|configured|unchanged/.test(applied.output)) return null
  for (const step of exercise.scenario) {
    if ('wait' in step) cluster.advance((parseDuration(step.wait) ?? 0) / 1000)
    else if ('run' in step) cluster.run(step.run)
    else cluster.apply(step.apply)
  }
  return cluster.snapshot()
}

export function gradeManifestExercise(exercise: Exercise, source: string, options: GradeOptions = {}): GradeResult {
  const now = options.now ?? (() => globalThis.performance.now())
  const lang = options.lang ?? 'ko'
  const started = now()
  const validation = validateManifests(source)
  const final = validation.objects.length > 0 ? simulate(exercise, source) : null
  const ctx = createContext(lang, validation, final)
  const checks: CheckOutcome[] = exercise.checks.map((check) => {
    const verdict = evaluate(check, ctx)
    const message = verdict.passed || !verdict.detail ? check.message[lang] : `${check.message[lang]} — ${verdict.detail}`
    return { id: check.id, passed: verdict.passed, message, hint: verdict.passed ? null : check.hint[lang], line: verdict.line ?? null, weight: check.weight }
  })
  const total = checks.reduce((sum, c) => sum + c.weight, 0)
  const earned = checks.reduce((sum, c) => sum + (c.passed ? c.weight : 0), 0)
  const score = total === 0 ? 0 : Math.round((earned / total) * 1000) / 1000
  return {
    exercise: exercise.id,
    passed: validation.valid && checks.every((c) => c.passed),
    score,
    checks,
    validation: { valid: validation.valid, errors: validation.errors },
    durationMs: Math.round((now() - started) * 100) / 100,
  }
}
