import { readFileSync } from 'node:fs'
import type { CliIO } from './io.ts'
import { defineCommand, parseCommand, usageError } from './args.ts'
import { findExercise } from '../content/load.ts'
import { gradeExercise } from '../grading/grade.ts'

const spec = defineCommand({
  command: 'grade',
  usage: 'Usage: kubelab grade EXERCISE_ID FILE [--lang ko|en] [--json]\n',
  options: { lang: { type: 'string' }, json: { type: 'boolean' } },
})

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand(args, io, spec)
  if ('exit' in parsed) return parsed.exit
  const { positionals, values, json } = parsed
  const [exerciseId, file] = positionals
  const lang = values.lang ?? 'ko'
  if (!exerciseId || !file || positionals.length > 2) return usageError(io, spec, 'takes an EXERCISE_ID and a FILE', json)
  if (lang !== 'ko' && lang !== 'en') return usageError(io, spec, `--lang must be ko or en, not ${JSON.stringify(lang)}`, json)
  const found = findExercise(exerciseId)
  if (!found) {
    io.stderr(`kubelab: no exercise "${exerciseId}" (see \`kubelab content list\`)\n`)
    return 2
  }
  let source: string
  try {
    source = readFileSync(file, 'utf8')
  } catch (error) {
    io.stderr(`kubelab: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
    return 2
  }
  // FILE holds YAML for a manifest exercise, or one kubectl command per line for a command exercise.
  const { result, overBudget } = gradeExercise(found.exercise, source, { lang })
  if (json) io.stdout(`${JSON.stringify(overBudget ? { ...result, overBudget } : result)}\n`)
  else {
    // the server answers this as a 422 (ADR 0013); the checks below then say little
    if (overBudget) io.stdout(`over budget: ${overBudget.message}\n`)
    for (const e of result.validation.errors) io.stdout(`${file}:${e.line}:${e.column}: ${e.field}: ${e.message}\n`)
    if (result.notRun) io.stdout(`${result.notRun}\n`)
    for (const e of result.commandErrors ?? [])
      io.stdout(`${file}: command ${e.number}: ${e.command}\n${e.output.replace(/^/gm, '    ')}\n    ${e.explanation}\n`)
    for (const c of result.checks)
      io.stdout(
        `${c.notRun ? '–' : c.passed ? '✓' : '✗'} ${c.id}: ${c.message}${c.line ? ` (${file}:${c.line})` : ''}${c.hint ? `\n    ${c.hint}` : ''}\n`,
      )
    io.stdout(`${result.passed ? 'PASSED' : 'NOT PASSED'} — score ${Math.round(result.score * 100)}% in ${result.durationMs} ms\n`)
  }
  return result.passed ? 0 : 1
}
