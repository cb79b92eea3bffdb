/**
 * What a class's attempts at one exercise say to its teacher (issue 17): how many passed, how long it took, and
 * the mistakes learners share — each failing check with the learners who hit it, how many are still on it, and one
 * example of their YAML with the failing lines marked, so one explanation reaches all of them. Pure: the data-access
 * layer reads the rows (lib/server/dal/class-insight.ts), this turns them into the numbers the teacher reads.
 */
import type { Localized } from '../content/schemas.ts'

/** One failure of a submission, as a mistake group counts it. */
export interface Failure {
  /** the group it belongs to: the check's id, or `validation:<field>` for a validation error (`mistakeKey`) */
  key: string
  kind: 'check' | 'validation'
  /** the field of a validation error ('' for the whole document); null for a check */
  field: string | null
  /** what the learner was told, in their language (a validation error: Kubernetes' own English) */
  message: string
  /** a validation error's explanation in both languages, when stored */
  hint: Localized | null
  /** 1-based line in the submitted source, when the failure is about one */
  line: number | null
}

export interface InsightSubmission {
  id: string
  userId: string
  passed: boolean
  score: number
  createdAt: Date
  failures: Failure[]
  source: string
  /** an older attempt whose source was cut by the storage quota */
  sourceTrimmed: boolean
}

export interface InsightLearner {
  id: string
  name: string | null
  email: string
}

/** A check of the exercise as its author wrote it: what is true when it passes, in both languages. */
export interface CheckDefinition {
  id: string
  message: Localized
}

/** The key of a validation error's group: one group per field. Check ids are kebab-case, so they never clash. */
export const validationKey = (field: string) => `validation:${field}`

/**
 * The failures stored with a submission's graded result (its JSON text): the failed checks the cluster ran and the
 * validation errors. A check that did not run because the YAML was refused (`notRun`) is left out: the validation
 * error that kept it from running is the mistake. Nothing when the text is not a result.
 */
export function storedFailures(resultJson: string): Failure[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(resultJson)
  } catch {
    return []
  }
  if (!parsed || typeof parsed !== 'object') return []
  const r = parsed as { checks?: unknown; validation?: { errors?: unknown } }
  const failures: Failure[] = []
  for (const e of Array.isArray(r.validation?.errors) ? r.validation.errors : []) {
    if (!e || typeof e !== 'object' || Array.isArray(e)) continue
    const { field, message, line, hint } = e as { field?: unknown; message?: unknown; line?: unknown; hint?: unknown }
    const f = typeof field === 'string' ? field : ''
    failures.push({
      key: validationKey(f),
      kind: 'validation',
      field: f,
      message: typeof message === 'string' ? message : '',
      hint: localized(hint),
      line: lineOf(line),
    })
  }
  for (const c of Array.isArray(r.checks) ? r.checks : []) {
    if (!c || typeof c !== 'object' || Array.isArray(c)) continue
    const { id, passed, notRun, message, line } = c as {
      id?: unknown
      passed?: unknown
      notRun?: unknown
      message?: unknown
      line?: unknown
    }
    if (typeof id !== 'string' || passed !== false || notRun === true) continue
    failures.push({
      key: id,
      kind: 'check',
      field: null,
      message: typeof message === 'string' ? message : '',
      hint: null,
      line: lineOf(line),
    })
  }
  return failures
}

const lineOf = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null)
const localized = (value: unknown): Localized | null => {
  const v = value as { ko?: unknown; en?: unknown } | null
  return v && typeof v === 'object' && typeof v.ko === 'string' && typeof v.en === 'string' ? { ko: v.ko, en: v.en } : null
}

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** A share 0–1, or null when there is nothing to divide by. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null)

export interface GroupLearner extends InsightLearner {
  /** their latest attempt fails this check and they have not passed the exercise */
  still: boolean
  /** when they last hit it */
  lastAt: Date
}

export interface MistakeExample {
  submissionId: string
  userId: string
  createdAt: Date
  source: string
  sourceTrimmed: boolean
  /** what the learner was told for this failure in that submission */
  message: string
  /** the lines of the source this mistake points at (1-based, ascending) */
  lines: number[]
}

export interface MistakeGroup {
  /** the check's id, or `validation:<field>` */
  key: string
  kind: 'check' | 'validation'
  field: string | null
  /** the check as its author wrote it, in both languages; null for a validation error or a check the exercise no longer has */
  title: Localized | null
  /** a validation error's explanation in both languages, when stored */
  hint: Localized | null
  /** learners who hit it, those still on it first, then by name */
  learners: GroupLearner[]
  stillCount: number
  example: MistakeExample
}

export interface ExerciseInsight {
  /** learners in the class */
  learners: number
  /** learners who submitted at least once */
  tried: number
  passed: number
  /** passed / learners in the class; null in an empty class */
  passRate: number | null
  /** passed / learners who tried; null before anyone tried */
  passRateOfTried: number | null
  /** tried and not passed */
  notPassed: number
  /** attempts up to and including the first pass, over learners who passed */
  medianAttemptsToPass: number | null
  /** from a learner's first attempt to their first pass, in milliseconds, over learners who passed */
  medianTimeToPassMs: number | null
  /** most learners first; ties in the order of the exercise's checks, validation errors after */
  groups: MistakeGroup[]
}

const byTime = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const displayName = (l: InsightLearner) => l.name ?? l.email

/**
 * The insight into one exercise from the class's submissions of it. Submissions of anyone not in `learners` are
 * ignored (a learner who left the class).
 */
export function exerciseInsight(input: {
  learners: readonly InsightLearner[]
  submissions: readonly InsightSubmission[]
  checks: readonly CheckDefinition[]
}): ExerciseInsight {
  const learnerById = new Map(input.learners.map((l) => [l.id, l]))
  const byLearner = new Map<string, InsightSubmission[]>()
  for (const s of input.submissions) {
    if (!learnerById.has(s.userId)) continue
    const list = byLearner.get(s.userId)
    if (list) list.push(s)
    else byLearner.set(s.userId, [s])
  }

  const attemptsToPass: number[] = []
  const timesToPass: number[] = []
  // per group: learner → { still, lastAt }, and the newest submission that hit it
  const groups = new Map<
    string,
    {
      first: Failure
      learners: Map<string, { still: boolean; lastAt: Date }>
      example: { submission: InsightSubmission; failures: Failure[] }
    }
  >()
  for (const [userId, list] of byLearner) {
    list.sort(byTime)
    const firstPass = list.findIndex((s) => s.passed)
    if (firstPass >= 0) {
      attemptsToPass.push(firstPass + 1)
      timesToPass.push(list[firstPass]!.createdAt.getTime() - list[0]!.createdAt.getTime())
    }
    const latest = list.at(-1)!
    const latestKeys = new Set(latest.failures.map((f) => f.key))
    for (const s of list) {
      const seenHere = new Set<string>()
      for (const f of s.failures) {
        let g = groups.get(f.key)
        if (!g) groups.set(f.key, (g = { first: f, learners: new Map(), example: { submission: s, failures: [] } }))
        if (byTime(g.example.submission, s) < 0) g.example = { submission: s, failures: [] }
        if (g.example.submission === s) g.example.failures.push(f)
        if (seenHere.has(f.key)) continue
        seenHere.add(f.key)
        g.learners.set(userId, { still: firstPass < 0 && latestKeys.has(f.key), lastAt: s.createdAt })
      }
    }
  }

  const checkOrder = new Map(input.checks.map((c, i) => [c.id, i]))
  const titleOf = new Map(input.checks.map((c) => [c.id, c.message]))
  const order = (key: string) => checkOrder.get(key) ?? input.checks.length
  const result: MistakeGroup[] = [...groups].map(([key, g]) => {
    const learners = [...g.learners].map(([id, seen]) => ({ ...learnerById.get(id)!, ...seen }))
    learners.sort((a, b) => Number(b.still) - Number(a.still) || displayName(a).localeCompare(displayName(b)) || (a.id < b.id ? -1 : 1))
    const { submission, failures } = g.example
    return {
      key,
      kind: g.first.kind,
      field: g.first.field,
      title: g.first.kind === 'check' ? (titleOf.get(key) ?? null) : null,
      hint: failures.find((f) => f.hint)?.hint ?? g.first.hint,
      learners,
      stillCount: learners.filter((l) => l.still).length,
      example: {
        submissionId: submission.id,
        userId: submission.userId,
        createdAt: submission.createdAt,
        source: submission.source,
        sourceTrimmed: submission.sourceTrimmed,
        message: failures[0]!.message,
        lines: [...new Set(failures.map((f) => f.line).filter((l): l is number => l !== null))].sort((a, b) => a - b),
      },
    }
  })
  result.sort((a, b) =>
    compareGroups(
      { key: a.key, kind: a.kind, learners: a.learners.length },
      { key: b.key, kind: b.kind, learners: b.learners.length },
      order,
    ),
  )

  const tried = byLearner.size
  const passed = attemptsToPass.length
  return {
    learners: input.learners.length,
    tried,
    passed,
    passRate: share(passed, input.learners.length),
    passRateOfTried: share(passed, tried),
    notPassed: tried - passed,
    medianAttemptsToPass: median(attemptsToPass),
    medianTimeToPassMs: median(timesToPass),
    groups: result,
  }
}

/** Most learners first; then checks in the exercise's order, then validation errors by field. */
export function compareGroups(
  a: { key: string; kind: 'check' | 'validation'; learners: number },
  b: { key: string; kind: 'check' | 'validation'; learners: number },
  order: (key: string) => number,
): number {
  if (a.learners !== b.learners) return b.learners - a.learners
  if (a.kind !== b.kind) return a.kind === 'check' ? -1 : 1
  return order(a.key) - order(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}
