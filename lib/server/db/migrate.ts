/**
 * Applies the committed SQL migrations (prisma/migrations/<provider>/<stamp>_<name>/migration.sql) in order and
 * records each in Prisma's own `_prisma_migrations` table, so the database also reads correctly to Prisma's tools.
 * Each migration runs in one transaction: a crash leaves it either applied and recorded, or not at all.
 * See docs/decisions/0002-database-and-migrations.md.
 */
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { databaseProvider } from '../env.ts'
import { sqlitePath } from './sqlite-path.ts'

export interface Migration {
  name: string
  sql: string
  checksum: string
}

export class MigrationsMissingError extends Error {}

/**
 * The migrations ship beside the app, like content/: read from the working directory (the checkout, or the
 * container's /app), never from the bundle, so `next start`, a standalone server.js and the bundled CLI all find
 * them. `turbopackIgnore`: a path read at run time, not a module for Next to trace.
 */
export function migrationsDir(provider: 'sqlite' | 'postgresql', root = process.cwd()): string {
  return resolve(/*turbopackIgnore: true*/ root, 'prisma', 'migrations', provider)
}

export function listMigrations(provider: 'sqlite' | 'postgresql', root = process.cwd()): Migration[] {
  const dir = migrationsDir(provider, root)
  // No folder must not read as "nothing to apply": a server would then run on a database without tables.
  if (!existsSync(dir))
    throw new MigrationsMissingError(`no migrations at ${dir}: start Kubelab from its own directory (where prisma/migrations is)`)
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(/*turbopackIgnore: true*/ dir, name, 'migration.sql'), 'utf8')
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

const sqliteLedger = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
  "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`

const postgresLedger = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`

export class MigrationChecksumError extends Error {}

function assertUnchanged(applied: Map<string, string>, migrations: Migration[]): void {
  for (const m of migrations) {
    const recorded = applied.get(m.name)
    if (recorded !== undefined && recorded !== m.checksum) {
      throw new MigrationChecksumError(
        `migration ${m.name} was changed after it was applied; write a new migration instead (npm run db:migration -- <name>)`,
      )
    }
  }
}

export class MigrationForeignKeyError extends Error {}

/**
 * SQLite changes a column by rebuilding its table (create new, copy, DROP old, rename): with foreign keys on,
 * that DROP cascades into every child row. `PRAGMA foreign_keys` is ignored inside a transaction, so the
 * pragma Prisma writes into such a migration does nothing here: it is turned off around the transaction
 * instead, and the result is checked with `foreign_key_check` before it commits (SQLite's documented
 * procedure for schema changes, https://www.sqlite.org/lang_altertable.html#otheralter).
 */
export function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const db = new Database(sqlitePath(url))
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('busy_timeout = 5000')
    db.exec(sqliteLedger)
    const applied = new Map(
      (
        db
          .prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL')
          .all() as { migration_name: string; checksum: string }[]
      ).map((r) => [r.migration_name, r.checksum]),
    )
    assertUnchanged(applied, migrations)
    const done: string[] = []
    for (const m of migrations) {
      if (applied.has(m.name)) continue
      db.pragma('foreign_keys = OFF')
      try {
        db.transaction(() => {
          db.exec(m.sql)
          const broken = db.pragma('foreign_key_check') as unknown[]
          if (broken.length > 0)
            throw new MigrationForeignKeyError(
              `migration ${m.name} leaves ${broken.length} row(s) pointing at rows that do not exist; nothing was applied`,
            )
          db.prepare(
            'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?, ?, ?, current_timestamp, current_timestamp, 1)',
          ).run(randomUUID(), m.checksum, m.name)
        }).immediate()
      } finally {
        db.pragma('foreign_keys = ON')
      }
      done.push(m.name)
    }
    return done
  } finally {
    db.close()
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    // One migrator at a time, even when several servers start together.
    await client.query('SELECT pg_advisory_lock(727274)')
    await client.query(postgresLedger)
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
    )
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]))
    assertUnchanged(applied, migrations)
    const done: string[] = []
    for (const m of migrations) {
      if (applied.has(m.name)) continue
      await client.query('BEGIN')
      try {
        await client.query(m.sql)
        await client.query(
          'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)',
          [randomUUID(), m.checksum, m.name],
        )
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      }
      done.push(m.name)
    }
    return done
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => {})
    await client.end()
  }
}

/** Applies what is missing and returns the names of the migrations it applied. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const provider = databaseProvider(databaseUrl)
  const migrations = listMigrations(provider)
  return provider === 'sqlite' ? migrateSqlite(databaseUrl, migrations) : migratePostgres(databaseUrl, migrations)
}
