/**
 * Which committed migrations a database has: for `kubelab db status`, `npm start` with KUBELAB_MIGRATE=0, and
 * /api/ready (a server whose database lacks a migration must not receive traffic). Reads only; never creates
 * the ledger or the database.
 */
import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import pg from 'pg'
import { databaseProvider } from '../env.ts'
import type { Db } from './client.ts'
import { listMigrations } from './migrate.ts'
import { sqlitePath } from './sqlite-path.ts'

export interface MigrationStatus {
  /** applied and committed here, in order */
  applied: string[]
  /** committed here and not applied yet */
  pending: string[]
  /** applied to the database but not committed here: a newer Kubelab migrated it */
  unknown: string[]
}

const appliedQuery = 'SELECT migration_name FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL'

/** Compares what a database recorded with the migrations on disk. */
export function compareMigrations(provider: 'sqlite' | 'postgresql', recorded: Iterable<string>): MigrationStatus {
  const done = new Set(recorded)
  const known = listMigrations(provider).map((m) => m.name)
  const knownSet = new Set(known)
  return {
    applied: known.filter((name) => done.has(name)),
    pending: known.filter((name) => !done.has(name)),
    unknown: [...done].filter((name) => !knownSet.has(name)).sort(),
  }
}

/** "relation/table does not exist": a database nothing was applied to yet. */
export function isMissingLedger(error: unknown): boolean {
  const e = error as {
    code?: string
    message?: string
    meta?: { driverAdapterError?: { cause?: { kind?: string; table?: string } } }
  } | null
  if (e?.code === '42P01') return true
  // through Prisma's driver adapters
  const cause = e?.meta?.driverAdapterError?.cause
  if (cause?.kind === 'TableDoesNotExist') return cause.table === undefined || cause.table === '_prisma_migrations'
  return /no such table: _prisma_migrations|relation "_prisma_migrations" does not exist/.test(String(e?.message ?? ''))
}

/** The migration names a database recorded as applied; [] when it has no ledger (or no file) yet. */
export async function recordedMigrations(databaseUrl: string): Promise<string[]> {
  if (databaseProvider(databaseUrl) === 'sqlite') {
    const path = sqlitePath(databaseUrl)
    if (path !== ':memory:' && !existsSync(path)) return []
    const db = new Database(path, { fileMustExist: true, timeout: 5000 })
    try {
      return (db.prepare(appliedQuery).all() as { migration_name: string }[]).map((r) => r.migration_name)
    } catch (error) {
      if (isMissingLedger(error)) return []
      throw error
    } finally {
      db.close()
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    return (await client.query<{ migration_name: string }>(appliedQuery)).rows.map((r) => r.migration_name)
  } catch (error) {
    if (isMissingLedger(error)) return []
    throw error
  } finally {
    await client.end()
  }
}

/** The same through the server's own Prisma client (/api/ready: no new connection per probe). Throws when the
 *  ledger is missing too (isMissingLedger tells that apart from an unreachable database). */
export async function recordedMigrationsOf(db: Db): Promise<string[]> {
  return (await db.$queryRawUnsafe<{ migration_name: string }[]>(appliedQuery)).map((r) => r.migration_name)
}

export async function migrationStatus(databaseUrl: string): Promise<MigrationStatus> {
  return compareMigrations(databaseProvider(databaseUrl), await recordedMigrations(databaseUrl))
}
