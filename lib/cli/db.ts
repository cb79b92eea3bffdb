/**
 * `kubelab db migrate|status|backup FILE|restore FILE` — the database of DATABASE_URL (default
 * file:./data/kubelab.db), for running several servers (ADR 0016): migrations once per deploy (a Kubernetes Job,
 * a compose service) while servers start with KUBELAB_MIGRATE=0, and SQLite backups while Kubelab runs.
 * Exit codes: 0 done, 1 refused or failed (a migration, a damaged or newer backup, a database in use, pending
 * migrations for `status`), 2 usage or I/O (bad arguments, no such file, database unreachable).
 */
import type { CliIO } from './io.ts'
import { defineCommand, parseCommand, usageError } from './args.ts'
import { databaseProvider, envSchema } from '../server/env.ts'
import { migrate, MigrationChecksumError, MigrationsMissingError } from '../server/db/migrate.ts'
import { migrationStatus } from '../server/db/migration-status.ts'
import { backupSqlite, restoreSqlite, SqliteBackupError } from '../server/db/sqlite-backup.ts'
import { sqlitePath } from '../server/db/sqlite-path.ts'

const USAGE = `Usage: npm run -s kubelab -- db <command>

  migrate              apply the migrations DATABASE_URL lacks and print them (once per deploy; servers
                       started with KUBELAB_MIGRATE=0 leave it to this command)
  status               list applied and pending migrations (exit 1 when some are pending)
  backup FILE [--force]  copy the SQLite database to FILE, safe while Kubelab runs; --force replaces FILE
  restore FILE         replace the SQLite database with the backup FILE (stop the servers first); the old
                       database is kept as <database>.bak

DATABASE_URL as for the server (default file:./data/kubelab.db). PostgreSQL: back up with pg_dump and
restore with pg_restore (README, "Deploying").
Exit codes: 0 done, 1 refused or failed, 2 usage or I/O error.
`

/** Where a URL points, without its password. */
export function describeDatabase(url: string): string {
  if (databaseProvider(url) === 'sqlite') return `SQLite ${sqlitePath(url)}`
  try {
    const u = new URL(url)
    return `PostgreSQL ${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`
  } catch {
    return 'PostgreSQL'
  }
}

function databaseUrl(io: CliIO): string | null {
  // only DATABASE_URL: the migration Job runs without AUTH_SECRET, which a production parseEnv would require
  const parsed = envSchema.shape.DATABASE_URL.safeParse((io.env ?? process.env).DATABASE_URL)
  if (parsed.success) return parsed.data
  io.stderr(`kubelab db: DATABASE_URL ${parsed.error.issues[0]?.message ?? 'is not valid'}\n`)
  return null
}

/** An error reaching or opening the database (I/O, exit 2) rather than one in the migrations themselves. */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? ''
  return (
    /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EACCES|ENOENT|SQLITE_CANTOPEN|SQLITE_NOTADB|28P01|28000|3D000)$/.test(code) ||
    /timeout expired|Connection terminated/i.test(String((error as Error)?.message))
  )
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

async function runMigrate(url: string, io: CliIO): Promise<number> {
  const target = describeDatabase(url)
  try {
    const applied = await migrate(url)
    const status = await migrationStatus(url)
    if (applied.length === 0) io.stdout(`${target}: up to date (${plural(status.applied.length, 'migration')} applied)\n`)
    else {
      io.stdout(`${target}: applied ${plural(applied.length, 'migration')}:\n`)
      for (const name of applied) io.stdout(`  ${name}\n`)
    }
    if (status.unknown.length > 0)
      io.stdout(
        `note: the database also has ${plural(status.unknown.length, 'migration')} this version does not know (${status.unknown.join(', ')}): a newer Kubelab migrated it\n`,
      )
    return 0
  } catch (error) {
    return failure(io, `could not migrate ${target}`, error)
  }
}

async function runStatus(url: string, json: boolean, io: CliIO): Promise<number> {
  const target = describeDatabase(url)
  try {
    const status = await migrationStatus(url)
    if (json) io.stdout(`${JSON.stringify({ database: target, ...status })}\n`)
    else {
      io.stdout(`${target}: ${plural(status.applied.length, 'migration')} applied, ${status.pending.length} pending\n`)
      for (const name of status.pending) io.stdout(`  pending: ${name}\n`)
      for (const name of status.unknown) io.stdout(`  unknown to this version: ${name}\n`)
    }
    return status.pending.length > 0 ? 1 : 0
  } catch (error) {
    return failure(io, `could not read ${target}`, error)
  }
}

function failure(io: CliIO, what: string, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof SqliteBackupError) {
    io.stderr(`kubelab db: ${message}\n`)
    return error.reason === 'usage' ? 2 : 1
  }
  io.stderr(`kubelab db: ${what}: ${message}\n`)
  if (error instanceof MigrationChecksumError) return 1
  if (error instanceof MigrationsMissingError || isConnectionError(error)) return 2
  return 1
}

const spec = defineCommand({
  command: 'db',
  usage: USAGE,
  options: { json: { type: 'boolean' }, force: { type: 'boolean' } },
  subcommands: { migrate: [], status: ['json'], backup: ['force'], restore: [] },
})

/** How many FILEs each subcommand takes. */
const FILES: Record<string, number> = { migrate: 0, status: 0, backup: 1, restore: 1 }

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand(args, io, spec)
  if ('exit' in parsed) return parsed.exit
  const { positionals, values, json } = parsed
  const [command = '', ...files] = positionals // parseCommand has checked the subcommand
  if (files.length !== FILES[command])
    return usageError(io, spec, FILES[command] === 0 ? `${command} takes no file` : `${command} takes exactly one FILE`, json)
  const file = files[0]
  const url = databaseUrl(io)
  if (url === null) return 2

  switch (command) {
    case 'migrate':
      return runMigrate(url, io)
    case 'status':
      return runStatus(url, values.json === true, io)
    case 'backup':
      try {
        const result = await backupSqlite(url, file!, { overwrite: values.force === true })
        io.stdout(
          `backed up ${describeDatabase(url)} to ${result.file} (${Math.ceil(result.bytes / 1024)} KiB, ${plural(result.migrations, 'migration')}, integrity ok)\n`,
        )
        return 0
      } catch (error) {
        return failure(io, 'backup failed', error)
      }
    default:
      try {
        const result = await restoreSqlite(url, file!)
        io.stdout(`restored ${result.database} from ${file}${result.previous ? `; the database it replaced is ${result.previous}` : ''}\n`)
        if (result.status.pending.length > 0)
          io.stdout(
            `${plural(result.status.pending.length, 'migration')} newer than the backup will be applied by \`kubelab db migrate\` (or the next server start)\n`,
          )
        return 0
      } catch (error) {
        return failure(io, 'restore failed', error)
      }
  }
}
