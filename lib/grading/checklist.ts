/**
 * The live checklist of the workspace: an exercise's checks listed from the start, ticked by the in-browser
 * engine on each Run (the same gradeExercise the server runs) and by the server's grade on Submit.
 *
 * What reaches the browser is only what the learner can already learn: the check messages and hints (every
 * grade answer carries them), and — for a check evaluated in the browser — its definition, which is sent only
 * when every value it compares against already appears in the exercise's public text (instructions, hints,
 * starter, prepared cluster, check messages and hints). A check whose expected value is not written anywhere
 * public stays on the server: the browser lists its message and ticks it on Submit. The solution and the
 * wrong answers never leave the server.
 */
import type { Check, Exercise, Step } from './exercise-schema.ts'
import type { Locale } from '../../i18n/locales.ts'

/** What the browser needs to grade a manifest with the public checks: no solution, no wrong answers. */
export interface BrowserExercise {
  id: string
  kind: Exercise['kind']
  cluster: Exercise['cluster']
  limits?: Exercise['limits']
  setup: Step[]
  scenario: Step[]
  checks: Check[]
}

export interface ChecklistItem {
  id: string
  /** the check's learner-facing message, in the page's language */
  message: string
  /** evaluated in the browser on Run; otherwise only on Submit */
  live: boolean
}

export interface PublicChecklist {
  items: ChecklistItem[]
  /** null when no check can be evaluated in the browser (or the exercise is a command exercise) */
  exercise: BrowserExercise | null
}

/** Everything an exercise shows a learner (directly, or in any grade answer), as one searchable text. */
export function publicText(exercise: Exercise): string {
  const parts: string[] = [exercise.instructions.ko, exercise.instructions.en, exercise.starter]
  for (const hint of exercise.hints) parts.push(hint.ko, hint.en)
  for (const check of exercise.checks) parts.push(check.message.ko, check.message.en, check.hint.ko, check.hint.en)
  for (const step of exercise.setup)
    if ('apply' in step) parts.push(step.apply)
    else if ('run' in step) parts.push(step.run)
  return parts.join('\n')
}

// Fields that say how or where to look, not what to expect: not secrets.
const structural = new Set([
  'id',
  'type',
  'message',
  'hint',
  'weight',
  'line',
  'kind',
  'at',
  'from',
  'to',
  'replacedSince',
  'within',
  'absent',
  'learner',
  'exists',
  'ready',
  'headless',
  'eventType',
])
const patterns = new Set(['matches', 'messageMatches'])

/** The literal runs of a regular expression a learner would have to know (escapes and classes removed). */
export function regexLiterals(pattern: string): string[] {
  const stripped = pattern
    .replace(/\\[pP]\{[^}]*\}/g, ' ')
    .replace(/\[(?:\\.|[^\]\\])*\]/g, ' ')
    .replace(/\\[a-zA-Z]/g, ' ')
    .replace(/\\(.)/g, '$1')
    .replace(/\{\d+(,\d*)?\}/g, ' ')
    .replace(/\(\?[:=!<]*|[()^$|*+?]/g, ' ')
  return stripped.split(/\s+/).filter((run) => /[A-Za-z0-9]/.test(run) && run.replace(/[^A-Za-z0-9]/g, '').length >= 3)
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function appears(value: string | number, text: string): boolean {
  if (typeof value === 'number') return new RegExp(`(?<![\\d.])${escape(String(value))}(?![\\d]|\\.\\d)`).test(text)
  return text.includes(value)
}

/**
 * What a check path tells: the name of the field it ends at (`image`), and the values its selectors choose list
 * items by (`containers[name=nginx]`: `nginx`; `ports[containerPort=80]`: 80), which the check compares too.
 */
function pathExpectations(path: string): (string | number)[] {
  const chosenBy = [...path.matchAll(/\[([^\]=]+)=([^\]]*)\]/g)].map((m) => (/^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!))
  const field = path
    .replace(/\[[^\]]*\]/g, '')
    .split('.')
    .filter(Boolean)
    .at(-1)
  return [...(field ? [field] : []), ...chosenBy]
}

/** Values a check compares against, which must be public for the check to run in the browser. */
function expectations(check: Check): { literals: (string | number)[]; patternRuns: string[] } {
  const literals: (string | number)[] = []
  const patternRuns: string[] = []
  const walk = (value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') literals.push(value)
    else if (Array.isArray(value)) value.forEach(walk)
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        literals.push(k)
        walk(v)
      }
  }
  for (const [key, value] of Object.entries(check)) {
    if (structural.has(key) || value === undefined) continue
    if (patterns.has(key) && typeof value === 'string') patternRuns.push(...regexLiterals(value))
    else if (key === 'metric' && typeof value === 'string') literals.push(value.split('.').slice(1, -1).join('.'))
    else if (key === 'path' && typeof value === 'string') literals.push(...pathExpectations(value))
    else if (key === 'command' && typeof value === 'string')
      continue // the grader's own command: how it looks, not what it expects
    else walk(value)
  }
  return { literals, patternRuns }
}

/** Whether every value the check expects is already written in the exercise's public text. */
export function isPublicCheck(check: Check, text: string): boolean {
  const { literals, patternRuns } = expectations(check)
  const lower = text.toLowerCase()
  return literals.every((v) => appears(v, text)) && patternRuns.every((run) => lower.includes(run.toLowerCase()))
}

/** The checklist a lesson page sends to the browser. */
export function publicChecklist(exercise: Exercise, lang: Locale): PublicChecklist {
  const text = publicText(exercise)
  // Command exercises have no Run: their checks tick on Submit.
  const live = new Set(exercise.kind === 'manifest' ? exercise.checks.filter((c) => isPublicCheck(c, text)).map((c) => c.id) : [])
  const items = exercise.checks.map((c) => ({ id: c.id, message: c.message[lang], live: live.has(c.id) }))
  const checks = exercise.checks.filter((c) => live.has(c.id))
  return {
    items,
    exercise:
      checks.length === 0
        ? null
        : {
            id: exercise.id,
            kind: exercise.kind,
            cluster: exercise.cluster,
            ...(exercise.limits ? { limits: exercise.limits } : {}),
            setup: exercise.setup,
            scenario: exercise.scenario,
            checks,
          },
  }
}

/** The browser's exercise as gradeExercise takes it (the fields it does not read are empty). */
export function gradableExercise(exercise: BrowserExercise): Exercise {
  const none = { ko: '-', en: '-' }
  return { ...exercise, title: none, instructions: none, starter: '', solution: '-', hints: [], rightAnswers: [], wrongAnswers: [] }
}

// ---------------------------------------------------------------------------------------------------------------
// The checklist's state in the workspace.

/** `notRun`: the cluster refused the YAML, so the check says nothing yet (the validation errors are the cause). */
export type CheckStatus = 'unchecked' | 'passed' | 'failed' | 'notRun'

export interface ChecklistEntry extends ChecklistItem {
  status: CheckStatus
  /** who ticked it: the browser's Run or the server's Submit */
  by: 'run' | 'submit' | null
}

/** What a grade said of one check (a CheckOutcome, or a passing attempt's record). */
type CheckVerdictOf = { id: string; passed: boolean; notRun?: boolean }

const statusOf = (c: CheckVerdictOf): CheckStatus => (c.notRun ? 'notRun' : c.passed ? 'passed' : 'failed')

export type ChecklistAction =
  | { type: 'run'; checks: CheckVerdictOf[] }
  /** the run said nothing reliable (over a limit, the engine failed): live checks go back to unchecked */
  | { type: 'runInconclusive' }
  | { type: 'submit'; checks: CheckVerdictOf[] }
  | { type: 'reset' }

export function initialChecklist(items: ChecklistItem[]): ChecklistEntry[] {
  return items.map((item) => ({ ...item, status: 'unchecked', by: null }))
}

/**
 * A Run ticks the live checks and clears what an earlier Submit said about the others (the text has changed
 * since); a Submit ticks every check the server graded; a reset clears everything.
 */
export function checklistReducer(entries: ChecklistEntry[], action: ChecklistAction): ChecklistEntry[] {
  switch (action.type) {
    case 'reset':
      return entries.map((e) => ({ ...e, status: 'unchecked', by: null }))
    case 'runInconclusive':
      return entries.map((e) => ({ ...e, status: 'unchecked', by: null }))
    case 'run': {
      const verdicts = new Map(action.checks.map((c) => [c.id, statusOf(c)]))
      return entries.map((e) => {
        const status = e.live ? verdicts.get(e.id) : undefined
        return status === undefined ? { ...e, status: 'unchecked', by: null } : { ...e, status, by: 'run' }
      })
    }
    case 'submit': {
      const verdicts = new Map(action.checks.map((c) => [c.id, statusOf(c)]))
      return entries.map((e) => {
        const status = verdicts.get(e.id)
        return status === undefined ? { ...e, status: 'unchecked', by: null } : { ...e, status, by: 'submit' }
      })
    }
  }
}

export function checklistCounts(entries: ChecklistEntry[]): { passed: number; failed: number; total: number } {
  return {
    passed: entries.filter((e) => e.status === 'passed').length,
    failed: entries.filter((e) => e.status === 'failed').length,
    total: entries.length,
  }
}
