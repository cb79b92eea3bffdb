/**
 * `content/<course>/EXERCISES.md`, the exercises' authoring notes, written from the exercise files by
 * `npm run -s kubelab -- content check --write-exercises` (a test fails when it is stale). Generated: each
 * exercise's lesson, task, setup, scenario, reference solution, checks, right and known-wrong answers. Kept by hand:
 * the text before the first exercise (except its "Counts:" line) and each exercise's "- Notes:" list, which the
 * generator carries over from the file it replaces, by exercise id.
 */
import { basename } from 'node:path'
import { parseAllDocuments } from 'yaml'
import type { Exercise } from '../grading/exercise-schema.ts'
import type { Course } from './load.ts'

const RULE = '-'.repeat(99)

const DEFAULT_PREAMBLE = (title: string) =>
  [
    `# Exercises of "${title}" (authoring notes)`,
    '',
    'Generated from the `lessons/*/exercise.yaml` files by `npm run -s kubelab -- content check --write-exercises`;',
    'edit the exercise files, not this list. Kept by hand: this introduction and each exercise\'s "Notes".',
    '',
    'Counts:',
  ].join('\n')

type Step = Exercise['setup'][number]

/** The kinds and names of the objects in a manifest: `Deployment \`web\``. */
function objectsOf(manifest: string): string[] {
  return parseAllDocuments(manifest).flatMap((doc) => {
    const o = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown } } | null
    return o && typeof o.kind === 'string' ? [`${o.kind} \`${String(o.metadata?.name ?? '?')}\``] : []
  })
}

function stepText(step: Step): string {
  if ('apply' in step) return `apply ${objectsOf(step.apply).join(', ')}`
  if ('run' in step) return `\`${step.run}\``
  if ('wait' in step) return `wait ${step.wait}`
  if ('snapshot' in step) return `snapshot *${step.snapshot}*`
  return JSON.stringify(step)
}

const CODE_FIELDS = new Set(['command', 'matches', 'messageMatches'])
/** Fields left out: the texts, where feedback points (`line`), and values the schema fills in by default. */
const quiet = (key: string, value: unknown) =>
  ['id', 'type', 'message', 'hint', 'line'].includes(key) ||
  value === undefined ||
  (key === 'weight' && value === 1) ||
  (key === 'learner' && value === false) ||
  (key === 'minSent' && value === 1)

function json(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(json).join(', ')}]`
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${json(v)}`)
      .join(', ')}}`
  return JSON.stringify(value)
}

/** A check's conditions, as `type; key value; …` (messages and hints left out). */
function checkConditions(check: Exercise['checks'][number]): string {
  const parts: string[] = [check.type]
  for (const [key, value] of Object.entries(check)) {
    if (quiet(key, value)) continue
    if (CODE_FIELDS.has(key) && typeof value === 'string') parts.push(`${key} \`${value}\``)
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') parts.push(`${key} ${value}`)
    else parts.push(`${key} ${json(value)}`)
  }
  return parts.join('; ')
}

const indent = (text: string) =>
  text
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => (line ? `  ${line}` : ''))
    .join('\n')

function section(lessonNumber: number, lessonDir: string, exercise: Exercise, notes: string | undefined): string {
  const lines = [
    `## ${String(lessonNumber).padStart(2, '0')} \`${exercise.id}\` — ${exercise.kind}`,
    '',
    `- Lesson: ${lessonDir}; title: en "${exercise.title.en}" / ko "${exercise.title.ko}"`,
    `- Task (en): ${exercise.instructions.en.replace(/\s*\n\s*/g, ' ')}`,
    `- Setup: ${exercise.setup.length ? exercise.setup.map(stepText).join(', ') : 'none (fresh cluster)'}`,
    `- Scenario (after the submission): ${exercise.scenario.map(stepText).join(', ')}`,
    '- Reference solution:',
    `  \`\`\`${exercise.kind === 'command' ? 'sh' : 'yaml'}`,
    indent(exercise.solution),
    '  ```',
    `- Checks (${exercise.checks.length}):`,
    ...exercise.checks.map((c) => `  - \`${c.id}\` (${checkConditions(c)}) — ${c.message.en}`),
    `- Right answers (${exercise.rightAnswers.length}), each passing every check:`,
    ...exercise.rightAnswers.map((a) => `  - ${a.name}`),
    `- Known-wrong answers (${exercise.wrongAnswers.length}), each failing exactly the checks named:`,
    ...exercise.wrongAnswers.map((a) => `  - ${a.name} → ${a.fails.map((f) => `\`${f}\``).join(', ')}`),
  ]
  if (notes) lines.push('- Notes:', notes)
  return lines.join('\n')
}

/** The hand-kept parts of an EXERCISES.md: its introduction and each exercise's notes, by exercise id. */
export function handWritten(markdown: string | null): { preamble: string | null; notes: Map<string, string> } {
  const notes = new Map<string, string>()
  if (!markdown) return { preamble: null, notes }
  const first = markdown.search(/^## /m)
  const preamble = (first < 0 ? markdown : markdown.slice(0, first)).replace(/\n-{20,}\n*$/, '').trimEnd()
  for (const part of markdown.split(/^(?=## )/m).slice(1)) {
    const id = /^## \d+ `([^`]+)`/.exec(part)?.[1]
    const at = part.indexOf('\n- Notes:\n')
    if (id && at >= 0)
      notes.set(
        id,
        part
          .slice(at + '\n- Notes:\n'.length)
          .replace(/\n+(-{20,}\n*)?$/, '')
          .trimEnd(),
      )
  }
  return { preamble: preamble || null, notes }
}

/** A course's EXERCISES.md from its exercises, keeping the hand-written parts of `previous` (the file it replaces). */
export function exercisesMarkdown(course: Course, previous: string | null): string {
  const { preamble, notes } = handWritten(previous)
  const withExercise = course.lessons.filter((l) => l.exercise)
  const kinds = (kind: 'manifest' | 'command') => withExercise.filter((l) => l.exercise!.kind === kind)
  const commands = kinds('command').map((l) => String(l.number).padStart(2, '0'))
  const counts = `Counts: ${withExercise.length} exercises — ${kinds('manifest').length} manifest, ${commands.length} command${commands.length ? ` (${commands.join(', ')})` : ''}.`
  const intro = (preamble ?? DEFAULT_PREAMBLE(course.title.en)).replace(/^Counts:.*$/m, counts)
  const sections = withExercise.map((l) => section(l.number, basename(l.dir), l.exercise!, notes.get(l.exercise!.id)))
  return `${intro}\n\n${RULE}\n\n${sections.join('\n\n')}\n`
}
