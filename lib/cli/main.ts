import { readFileSync } from 'node:fs'
import { processIO, type CliIO, type CommandModule } from './io.ts'

interface CommandEntry {
  summary: string
  load: () => Promise<CommandModule>
}

// Commands are loaded lazily so `kubelab validate` does not pay for the simulator or the content compiler.
const commands: Record<string, CommandEntry> = {
  validate: { summary: 'validate Kubernetes manifests: validate FILE… [--json]', load: () => import('./validate.ts') },
  simulate: { summary: 'run a scenario on the simulated cluster: simulate SCENARIO.yaml [--json]', load: () => import('./simulate.ts') },
  grade: { summary: 'grade a submission: grade EXERCISE_ID FILE [--lang ko|en] [--json]', load: () => import('./grade.ts') },
  content: {
    summary:
      'list, show, check and start course content: content list|show ID|check [--json] | new LESSON_ID | import DIR | export LESSON_ID DIR',
    load: () => import('./content.ts'),
  },
  user: { summary: 'manage accounts and roles: user add|role|list|disable|enable … [--json]', load: () => import('./user.ts') },
  demo: { summary: 'delete the demo accounts and their data: demo remove [--json]', load: () => import('./demo.ts') },
  db: { summary: 'the database of DATABASE_URL: db migrate|status|backup FILE|restore FILE', load: () => import('./db.ts') },
}

export function version(): string {
  // The bundled CLI (scripts/build-cli.ts) has it compiled in: no package.json sits beside dist/kubelab.mjs.
  if (process.env.KUBELAB_BUNDLED_VERSION) return process.env.KUBELAB_BUNDLED_VERSION
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  return [
    'Usage: npm run -s kubelab -- <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  --help     show this help',
    '  --version  print the Kubelab version',
    '',
    'Every command takes --help. An unknown option or one without its value is a usage error (exit 2): one line',
    "naming it and the command's usage on stderr, and with --json also a JSON error object on stdout.",
    '',
    'Exit codes: 0 success, 1 the input is invalid, did not pass or was refused, 2 usage, I/O or database error.',
    '',
  ].join('\n')
}

export async function runCli(args: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = args
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage())
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`kubelab ${version()}\n`)
    return 0
  }
  const entry = commands[name]
  if (!entry) {
    io.stderr(`kubelab: unknown command "${name}"\n\n${usage()}`)
    return 2
  }
  let mod: CommandModule
  try {
    mod = await entry.load()
  } catch (error) {
    if (isModuleNotFound(error)) {
      io.stderr(`kubelab: the "${name}" command is not available in this version\n`)
      return 2
    }
    throw error
  }
  return mod.run(rest, io)
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND'
}
