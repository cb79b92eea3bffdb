/**
 * One line per exercise of a class for its teachers' list (issue 17): pass rate, attempts, who is stuck and the
 * mistake most learners made, from two grouped reads of the class's submissions (lib/server/dal/class-insight.ts),
 * so a class of hundreds of learners is summed up without reading every attempt. Pure.
 */
import type { Localized } from '../content/schemas.ts'
import { compareGroups, median, share, type CheckDefinition } from './insight.ts'

/** One learner's submissions of one exercise, counted by whether they passed (a row of a grouped query). */
export interface AttemptCount {
  exerciseId: string
  userId: string
  passed: boolean
  count: number
}

/** How many learners of a class failed a check (or a validation field) of an exercise at least once. */
export interface MistakeCount {
  exerciseId: string
  key: string
  learners: number
}

export interface ExerciseSummary {
  exerciseId: string
  learners: number
  tried: number
  passed: number
  passRate: number | null
  /** attempts per learner who tried (all of them, also after a pass) */
  medianAttempts: number | null
  /** tried as often as unlocks the solution without passing: the matrix's "stuck" */
  stuck: number
  /** the mistake most learners made, as `exerciseInsight` puts it first; null when nobody failed a check */
  topMistake: { key: string; kind: 'check' | 'validation'; field: string | null; title: Localized | null; learners: number } | null
}

/**
 * One summary per exercise from two grouped reads of the class's submissions: attempts per learner and exercise,
 * and learners per failing check. `stuckAfter` is the number of failed attempts that makes a learner stuck.
 */
export function exerciseSummaries(input: {
  exercises: readonly { id: string; checks: readonly CheckDefinition[] }[]
  learnerIds: readonly string[]
  attempts: readonly AttemptCount[]
  mistakes: readonly MistakeCount[]
  stuckAfter: number
}): ExerciseSummary[] {
  const inClass = new Set(input.learnerIds)
  return input.exercises.map((exercise) => {
    const perLearner = new Map<string, { attempts: number; passed: boolean }>()
    for (const a of input.attempts) {
      if (a.exerciseId !== exercise.id || !inClass.has(a.userId)) continue
      const seen = perLearner.get(a.userId) ?? { attempts: 0, passed: false }
      seen.attempts += a.count
      seen.passed ||= a.passed
      perLearner.set(a.userId, seen)
    }
    const rows = [...perLearner.values()]
    const passed = rows.filter((r) => r.passed).length
    const order = new Map(exercise.checks.map((c, i) => [c.id, i]))
    const candidates = input.mistakes
      .filter((m) => m.exerciseId === exercise.id && m.learners > 0)
      .map((m) => {
        const kind = m.key.startsWith('validation:') ? ('validation' as const) : ('check' as const)
        return { key: m.key, kind, learners: m.learners }
      })
      .sort((a, b) => compareGroups(a, b, (key) => order.get(key) ?? exercise.checks.length))
    const top = candidates[0]
    return {
      exerciseId: exercise.id,
      learners: inClass.size,
      tried: rows.length,
      passed,
      passRate: share(passed, inClass.size),
      medianAttempts: median(rows.map((r) => r.attempts)),
      stuck: rows.filter((r) => !r.passed && r.attempts >= input.stuckAfter).length,
      topMistake: top
        ? {
            key: top.key,
            kind: top.kind,
            field: top.kind === 'validation' ? top.key.slice('validation:'.length) : null,
            title: top.kind === 'check' ? (exercise.checks.find((c) => c.id === top.key)?.message ?? null) : null,
            learners: top.learners,
          }
        : null,
    }
  })
}
