import { readFileSync } from 'node:fs'
import type { CliIO } from './main.ts'
import { parseArgs } from './args.ts'
import { findExercise } from '../content/load.ts'
import { gradeExercise } from '../grading/grade.ts'

const usage = 'Usage: kubelab grade EXERCISE_ID FILE [--lang ko|en] [--json]\n'

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positionals, flags, options } = parseArgs(args, ['lang'])
  const [exerciseId, file] = positionals
  const lang = options.get('lang') ?? 'ko'
  if (!exerciseId || !file || positionals.length > 2 || (lang !== 'ko' && lang !== 'en')) {
    io.stderr(usage)
    return 2
  }
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
  if (flags.has('json')) io.stdout(`${JSON.stringify(overBudget ? { ...result, overBudget } : result)}\n`)
  else {
    // the server answers this as a 422 (ADR 0013); the checks below then say little
    if (overBudget) io.stdout(`over budget: ${overBudget.message}\n`)
    for (const e of result.validation.errors) io.stdout(`${file}:${e.line}:${e.column}: ${e.field}: ${e.message}\n`)
    if (result.notRun) io.stdout(`${result.notRun}\n`)
    for (const e of result.commandErrors ?? []) io.stdout(`${file}: command ${e.number}: ${e.command}\n${e.output.replace(/^/gm, '    ')}\n    ${e.explanation}\n`)
    for (const c of result.checks) io.stdout(`${c.notRun ? '–' : c.passed ? '✓' : '✗'} ${c.id}: ${c.message}${c.line ? ` (${file}:${c.line})` : ''}${c.hint ? `\n    ${c.hint}` : ''}\n`)
    io.stdout(`${result.passed ? 'PASSED' : 'NOT PASSED'} — score ${Math.round(result.score * 100)}% in ${result.durationMs} ms\n`)
  }
  return result.passed ? 0 : 1
}
