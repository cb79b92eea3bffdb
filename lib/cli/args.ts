/**
 * The one argument parser of the `kubelab` commands: node:util's parseArgs with `strict: true`, so that every command
 * answers the same way:
 * - `--help` or `-h` (anywhere before `--`): the command's usage on stdout, exit 0;
 * - an unknown option, a missing value (`--lang` last, or followed by another option) or a value given to a flag
 *   (`--json=yes`): one line `kubelab COMMAND: …` naming the option, a blank line and the command's usage on stderr,
 *   exit 2; with `--json` given, also the command's JSON error object on stdout (one line);
 * - `--` ends the options (a file named `-x` comes after it); `-` alone is a positional (standard input).
 * A command with subcommands (its first positional: `user add`, `db status`) says which options each takes: another
 * subcommand's option is unknown to it.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { CliIO } from './io.ts'

type OptionsConfig = NonNullable<ParseArgsConfig['options']>
type Values<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values']

export interface CommandSpec<O extends OptionsConfig = OptionsConfig> {
  /** as in messages: `kubelab <command>: …` */
  command: string
  usage: string
  /** every option the command takes (`--help` and `-h` are everyone's and not listed) */
  options: O
  /** for a command with subcommands: the options each one takes */
  subcommands?: Record<string, readonly (keyof O & string)[]>
  /** the JSON text a usage error prints on stdout with --json; `{"ok":false,"error":"usage","message":…}` unless the command's contract says otherwise */
  jsonError?: (message: string) => string
}

interface ParsedCommand<O extends OptionsConfig> {
  values: Values<O>
  /** the subcommand first, for a command that has them */
  positionals: string[]
  /** --json was given: errors are JSON on stdout too */
  json: boolean
}

/** A command's spec, its option types inferred (`{ type: 'string' }` stays a string option). */
export function defineCommand<const O extends OptionsConfig>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec
}

/** Reads a command's arguments, or answers --help or a usage error itself: then `{ exit }` is the exit code. */
export function parseCommand<O extends OptionsConfig>(
  args: string[],
  io: CliIO,
  spec: CommandSpec<O>,
): ParsedCommand<O> | { exit: number } {
  const options = optionArgs(args)
  const json = options.includes('--json')
  if (options.includes('--help') || options.includes('-h')) {
    io.stdout(spec.usage)
    return { exit: 0 }
  }
  let table: OptionsConfig = spec.options
  let known = ''
  if (spec.subcommands) {
    // the subcommand decides which options are known: find it leniently first (an unknown option is reported below)
    const sub = parseArgs({ args, options: spec.options, strict: false, allowPositionals: true }).positionals[0]
    const allowed = sub === undefined ? undefined : Object.hasOwn(spec.subcommands, sub) ? spec.subcommands[sub] : undefined
    if (allowed === undefined)
      return { exit: usageError(io, spec, sub === undefined ? 'a command is required' : `unknown command "${spec.command} ${sub}"`, json) }
    table = Object.fromEntries(allowed.map((name) => [name, spec.options[name]!]))
    known = ` for "${spec.command} ${sub}"`
  }
  try {
    const parsed = parseArgs({ args, options: table, strict: true, allowPositionals: true })
    return { values: parsed.values as Values<O>, positionals: parsed.positionals, json }
  } catch (error) {
    return { exit: usageError(io, spec, problem(args, table, known, error), json) }
  }
}

/** A usage mistake: one line and the usage on stderr (and the JSON error on stdout with --json); exit 2. */
export function usageError(io: CliIO, spec: Pick<CommandSpec, 'command' | 'usage' | 'jsonError'>, message: string, json: boolean): number {
  io.stderr(`kubelab ${spec.command}: ${message}\n\n${spec.usage}`)
  if (json) io.stdout(`${spec.jsonError ? spec.jsonError(message) : JSON.stringify({ ok: false, error: 'usage', message })}\n`)
  return 2
}

/** The arguments before `--`: the ones that can be options. */
function optionArgs(args: string[]): string[] {
  const end = args.indexOf('--')
  return end === -1 ? args : args.slice(0, end)
}

/** What strict parsing refused, in our words: the option by the name it was typed with (`known`: to whom it is unknown). */
function problem(args: string[], options: OptionsConfig, known: string, error: unknown): string {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true })
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined
    if (!option) return `unknown option ${token.rawName}${known}`
    // parseArgs's own rule: a value that looks like an option (`--lang --json`) is a missing value
    if (
      option.type === 'string' &&
      (token.value === undefined || (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-')))
    )
      return `${token.rawName} needs a value`
    if (option.type === 'boolean' && token.value !== undefined) return `${token.rawName} takes no value`
  }
  return error instanceof Error ? error.message : String(error)
}
