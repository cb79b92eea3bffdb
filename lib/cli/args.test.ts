/**
 * Every `kubelab` command reads its arguments the same way (lib/cli/args.ts): --help, an unknown option, a missing
 * value and a value given to a flag, with and without --json. Nothing here reaches a file or a database: the
 * environment names a database no command could open, so a mistake that slipped through would say so instead.
 */
import { describe, expect, it } from 'vitest'
import { runCli } from './main.ts'
import { parseCommand, type CommandSpec } from './args.ts'
import type { CliIO } from './io.ts'

async function kubelab(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { DATABASE_URL: 'mysql://never-opened' },
  })
  return { code, stdout, stderr }
}

interface Row {
  /** as the messages name it: `kubelab <command>: …`, and `for "<command> <sub>"` */
  command: string
  sub?: string
  /** the arguments of a correct call, after the command's name */
  args: string[]
  usage: string
  /** the command's JSON error object for a message */
  json: (message: string) => unknown
  /** a value-taking option of this (sub)command */
  valued?: string
  /** a flag of this (sub)command */
  flag?: string
}

const usageJson = (message: string) => ({ ok: false, error: 'usage', message })
const rows: Row[] = [
  {
    command: 'validate',
    args: ['x.yaml'],
    usage: 'Usage: npm run -s kubelab -- validate FILE…',
    json: (m) => ({ valid: false, errors: [], error: `kubelab validate: ${m}` }),
    valued: '--lang',
    flag: '--json',
  },
  {
    command: 'simulate',
    args: ['scenario.yaml'],
    usage: 'Usage: npm run -s kubelab -- simulate SCENARIO.yaml',
    json: (m) => ({ ok: false, error: m }),
    flag: '--json',
  },
  {
    command: 'grade',
    args: ['pod-first-manifest', 'answer.yaml'],
    usage: 'Usage: kubelab grade EXERCISE_ID FILE',
    json: usageJson,
    valued: '--lang',
    flag: '--json',
  },
  { command: 'content', sub: 'list', args: [], usage: 'Usage: kubelab content list', json: usageJson, valued: '--lang', flag: '--json' },
  { command: 'content', sub: 'show', args: ['pod-first-manifest'], usage: 'Usage: kubelab content list', json: usageJson, flag: '--json' },
  { command: 'content', sub: 'check', args: [], usage: 'Usage: kubelab content list', json: usageJson, flag: '--summary' },
  { command: 'content', sub: 'new', args: ['config-maps'], usage: 'Usage: kubelab content list', json: usageJson, valued: '--course' },
  {
    command: 'content',
    sub: 'import',
    args: ['lesson-dir'],
    usage: 'Usage: kubelab content list',
    json: usageJson,
    valued: '--course',
    flag: '--replace',
  },
  {
    command: 'content',
    sub: 'export',
    args: ['probes', 'out-dir'],
    usage: 'Usage: kubelab content list',
    json: usageJson,
    valued: '--course',
    flag: '--force',
  },
  {
    command: 'user',
    sub: 'add',
    args: ['a@school.example', '--role', 'learner'],
    usage: 'Usage: npm run -s kubelab -- user <command>',
    json: usageJson,
    valued: '--name',
    flag: '--password-stdin',
  },
  {
    command: 'user',
    sub: 'role',
    args: ['a@school.example', 'teacher'],
    usage: 'Usage: npm run -s kubelab -- user <command>',
    json: usageJson,
    flag: '--json',
  },
  {
    command: 'user',
    sub: 'list',
    args: [],
    usage: 'Usage: npm run -s kubelab -- user <command>',
    json: usageJson,
    valued: '--role',
    flag: '--json',
  },
  {
    command: 'user',
    sub: 'disable',
    args: ['a@school.example'],
    usage: 'Usage: npm run -s kubelab -- user <command>',
    json: usageJson,
    flag: '--json',
  },
  {
    command: 'user',
    sub: 'enable',
    args: ['a@school.example'],
    usage: 'Usage: npm run -s kubelab -- user <command>',
    json: usageJson,
    flag: '--json',
  },
  { command: 'demo', sub: 'remove', args: [], usage: 'Usage: npm run -s kubelab -- demo remove', json: usageJson, flag: '--json' },
  { command: 'db', sub: 'migrate', args: [], usage: 'Usage: npm run -s kubelab -- db <command>', json: usageJson },
  { command: 'db', sub: 'status', args: [], usage: 'Usage: npm run -s kubelab -- db <command>', json: usageJson, flag: '--json' },
  {
    command: 'db',
    sub: 'backup',
    args: ['backup.db'],
    usage: 'Usage: npm run -s kubelab -- db <command>',
    json: usageJson,
    flag: '--force',
  },
  { command: 'db', sub: 'restore', args: ['backup.db'], usage: 'Usage: npm run -s kubelab -- db <command>', json: usageJson },
]
const nameOf = (row: Row) => (row.sub ? `${row.command} ${row.sub}` : row.command)
const named = rows.map((row) => [nameOf(row), row] as const)
// the cases that need a valued option or a flag of the command's own: commands without one are left out, not skipped
const withValued = rows.flatMap((row) => (row.valued ? [[nameOf(row), row.valued, row] as const] : []))
const withFlag = rows.flatMap((row) => (row.flag ? [[nameOf(row), row.flag, row] as const] : []))
const call = (row: Row, ...more: string[]) => kubelab(row.command, ...(row.sub ? [row.sub] : []), ...row.args, ...more)
const forSub = (row: Row) => (row.sub ? ` for "${row.command} ${row.sub}"` : '')

/** A usage error: its one line, a blank line, then the command's usage; nothing on stdout without --json. */
function expectUsageError(r: { code: number; stdout: string; stderr: string }, row: Row, message: string, json = false) {
  expect(r.code).toBe(2)
  const [line, blank, usage] = r.stderr.split('\n')
  expect(line).toBe(`kubelab ${row.command}: ${message}`)
  expect(blank).toBe('')
  expect(usage).toContain(row.usage)
  if (json) {
    expect(r.stdout.endsWith('\n')).toBe(true)
    expect(JSON.parse(r.stdout)).toEqual(row.json(message))
  } else expect(r.stdout).toBe('')
}

describe.each(named)('kubelab %s reads its arguments like every command', (_name, row) => {
  it('prints its usage for --help and -h, exit 0, wherever it stands before --', async () => {
    for (const help of ['--help', '-h']) {
      const r = await call(row, help)
      expect(r, help).toMatchObject({ code: 0, stderr: '' })
      expect(r.stdout.startsWith(row.usage.split(' ')[0]!), help).toBe(true)
      expect(r.stdout, help).toContain(row.usage)
    }
    expect((await call(row, '--frobnicate', '--help')).code).toBe(0)
  })

  it('refuses an unknown option with one line naming it and the usage, exit 2', async () => {
    expectUsageError(await call(row, '--frobnicate'), row, `unknown option --frobnicate${forSub(row)}`)
    expectUsageError(await call(row, '-x'), row, `unknown option -x${forSub(row)}`)
    expectUsageError(await call(row, '--frobnicate=1'), row, `unknown option --frobnicate${forSub(row)}`)
  })

  it('with --json, also prints its JSON error object on stdout', async () => {
    expectUsageError(await call(row, '--frobnicate', '--json'), row, `unknown option --frobnicate${forSub(row)}`, true)
  })
})

describe('kubelab commands read their options’ values alike', () => {
  it.each(withValued)('%s refuses %s without its value, last or followed by another option', async (_name, valued, row) => {
    expectUsageError(await call(row, valued), row, `${valued} needs a value`)
    expectUsageError(await call(row, valued, '--frobnicate'), row, `${valued} needs a value`)
  })

  it.each(withFlag)('%s refuses a value given to its flag %s', async (_name, flag, row) => {
    expectUsageError(await call(row, `${flag}=yes`), row, `${flag} takes no value`)
  })
})

describe('kubelab commands with subcommands', () => {
  const withSubs = rows.filter((r) => r.sub)
  const commands = [...new Map(withSubs.map((r) => [r.command, r])).values()]

  it.each(commands.map((r) => [r.command, r] as const))(
    '%s: a missing or unknown subcommand is a usage error, as JSON too',
    async (command, row) => {
      expectUsageError(await kubelab(command), row, 'a command is required')
      expectUsageError(await kubelab(command, '--json'), row, 'a command is required', true)
      expectUsageError(await kubelab(command, 'frobnicate', '--json'), row, `unknown command "${command} frobnicate"`, true)
    },
  )

  it("refuses another subcommand's option", async () => {
    const user = rows.find((r) => r.sub === 'list' && r.command === 'user')!
    expectUsageError(await kubelab('user', 'list', '--name', 'Kim'), user, 'unknown option --name for "user list"')
    const db = rows.find((r) => r.sub === 'migrate')!
    expectUsageError(await kubelab('db', 'migrate', '--force'), db, 'unknown option --force for "db migrate"')
  })

  it('finds the subcommand after the options too', async () => {
    const db = rows.find((r) => r.sub === 'status')!
    expectUsageError(await kubelab('db', '--json', 'status', 'extra'), db, 'status takes no file', true)
  })
})

describe('parseCommand', () => {
  const spec: CommandSpec<{ json: { type: 'boolean' }; lang: { type: 'string' } }> = {
    command: 'test',
    usage: 'Usage: test\n',
    options: { json: { type: 'boolean' }, lang: { type: 'string' } },
  }
  const io = (): CliIO & { out: string[] } => {
    const out: string[] = []
    return { out, stdout: (t) => void out.push(t), stderr: (t) => void out.push(t) }
  }

  it('takes values inline or as the next argument, `-` as a positional, and everything after -- as positionals', () => {
    expect(parseCommand(['a', '--lang=ko', '-', '--json', '--', '--help', '-x'], io(), spec)).toEqual({
      values: { lang: 'ko', json: true },
      positionals: ['a', '-', '--help', '-x'],
      json: true,
    })
    expect(parseCommand(['--lang', '-', 'b'], io(), spec)).toEqual({ values: { lang: '-' }, positionals: ['b'], json: false })
    expect(parseCommand(['--lang='], io(), spec)).toEqual({ values: { lang: '' }, positionals: [], json: false })
  })

  it('answers --help and usage errors itself, with the exit code', () => {
    const help = io()
    expect(parseCommand(['--help'], help, spec)).toEqual({ exit: 0 })
    expect(help.out).toEqual(['Usage: test\n'])
    const bad = io()
    expect(parseCommand(['--json', '--lang'], bad, spec)).toEqual({ exit: 2 })
    expect(bad.out).toEqual([
      'kubelab test: --lang needs a value\n\nUsage: test\n',
      '{"ok":false,"error":"usage","message":"--lang needs a value"}\n',
    ])
    // `--json=no` is not --json: the mistake is answered in text alone
    const flag = io()
    expect(parseCommand(['--json=no'], flag, spec)).toEqual({ exit: 2 })
    expect(flag.out).toEqual(['kubelab test: --json takes no value\n\nUsage: test\n'])
  })
})
