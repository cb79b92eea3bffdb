/**
 * Backing up and restoring the SQLite database (`kubelab db backup|restore`, ADR 0016). PostgreSQL has pg_dump.
 *
 * Backup: SQLite's online backup API (better-sqlite3 `backup`) from a connection of its own, safe while servers
 * write: the database is in WAL mode, so the copy is one consistent read and no writer waits for it. The copy is
 * written beside its destination, checked (`integrity_check`), made a single self-contained file (rollback
 * journal) and renamed into place, so FILE is never half written.
 *
 * Restore: refused while any process has the database open (a server's connection would keep writing to the
 * replaced file, and its WAL would be replayed onto the new one), refused for a file that is damaged, is not a
 * Kubelab database, or was migrated by a newer Kubelab. The new file is prepared beside the database, checked,
 * and renamed over it in one step; the old file stays as `<database>.bak`.
 */
import { existsSync, linkSync, copyFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { compareMigrations, isMissingLedger, type MigrationStatus } from './migration-status.ts'
import { sqlitePath } from './sqlite-path.ts'

/** A refusal or failure with a sentence for the operator; nothing was changed. */
export class SqliteBackupError extends Error {
  constructor(
    message: string,
    /** 'usage': a path or option is wrong; 'refused': the data or the database's state says no */
    readonly reason: 'usage' | 'refused',
  ) {
    super(message)
  }
}

// The backup API copies this many pages per step; all of them in one step means one read transaction, so a
// busy writer cannot make the copy start over again and again.
const ALL_PAGES = 0x7fffffff

export interface SqliteFileCheck {
  /** `PRAGMA integrity_check`: ['ok'] or the problems it found */
  integrity: string[]
  /** the migrations it recorded, or null when it has no `_prisma_migrations` table */
  migrations: string[] | null
}

/** Opens a database file read-only and checks it (nothing is written, not even a WAL). */
export function checkSqliteFile(path: string): SqliteFileCheck {
  let db: Database.Database
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new SqliteBackupError(`${path} cannot be opened as a SQLite database: ${(error as Error).message}`, 'refused')
  }
  try {
    let integrity: string[]
    try {
      integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check)
    } catch (error) {
      // "file is not a database" shows here, not at open
      return { integrity: [(error as Error).message], migrations: null }
    }
    if (integrity.join() !== 'ok') return { integrity, migrations: null }
    let migrations: string[] | null
    try {
      migrations = (
        db.prepare('SELECT migration_name FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL').all() as {
          migration_name: string
        }[]
      ).map((r) => r.migration_name)
    } catch (error) {
      if (!isMissingLedger(error)) throw error
      migrations = null
    }
    return { integrity, migrations }
  } finally {
    db.close()
  }
}

function databaseFile(databaseUrl: string): string {
  if (!databaseUrl.startsWith('file:'))
    throw new SqliteBackupError(
      'DATABASE_URL is PostgreSQL: back it up with pg_dump and restore with pg_restore (README, "Deploying")',
      'usage',
    )
  const path = sqlitePath(databaseUrl)
  if (path === ':memory:') throw new SqliteBackupError('an in-memory database cannot be backed up or restored', 'usage')
  return path
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p))
  return real(a) === real(b)
}

function removeQuietly(...paths: string[]): void {
  for (const p of paths) rmSync(p, { force: true })
}

export interface BackupResult {
  file: string
  bytes: number
  migrations: number
}

/** Copies the database of `databaseUrl` to `destination` while it may be in use. */
export async function backupSqlite(databaseUrl: string, destination: string, options: { overwrite?: boolean } = {}): Promise<BackupResult> {
  const source = databaseFile(databaseUrl)
  const file = resolve(destination)
  if (!existsSync(source)) throw new SqliteBackupError(`there is no database at ${source} (DATABASE_URL=${databaseUrl})`, 'usage')
  if (samePath(source, file) || [`${source}-wal`, `${source}-shm`].some((p) => samePath(p, file)))
    throw new SqliteBackupError('the backup must go to another file than the database itself', 'usage')
  if (!existsSync(dirname(file))) throw new SqliteBackupError(`the folder ${dirname(file)} does not exist`, 'usage')
  if (existsSync(file) && !options.overwrite)
    throw new SqliteBackupError(`${file} already exists; choose another name or pass --force to replace it`, 'usage')

  const partial = `${file}.partial-${process.pid}`
  removeQuietly(partial, `${partial}-journal`)
  try {
    const db = new Database(source, { fileMustExist: true, timeout: 5000 })
    try {
      await db.backup(partial, { progress: () => ALL_PAGES })
    } finally {
      db.close()
    }
    const copy = new Database(partial, { fileMustExist: true })
    let migrations: number
    try {
      const integrity = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check)
      if (integrity.join() !== 'ok')
        throw new SqliteBackupError(`the copy failed its integrity check: ${integrity.slice(0, 3).join('; ')}`, 'refused')
      // One file that opens anywhere, read-only too, without a -wal or -shm beside it.
      copy.pragma('journal_mode = DELETE')
      migrations = (copy.prepare('SELECT count(*) AS n FROM _prisma_migrations').get() as { n: number }).n
    } finally {
      copy.close()
    }
    renameSync(partial, file)
    return { file, bytes: statSync(file).size, migrations }
  } finally {
    removeQuietly(partial, `${partial}-journal`)
  }
}

export interface RestoreResult {
  database: string
  /** where the database that was replaced is kept; null when there was none */
  previous: string | null
  /** the restored database against this version's migrations (pending ones: run `kubelab db migrate`) */
  status: MigrationStatus
}

/**
 * Holds the database with an exclusive lock, or says it is in use. In WAL mode every open connection keeps a
 * shared lock on the file, idle or not, so this fails while any server (or other tool) has it open.
 */
function lockExclusively(path: string): Database.Database {
  const db = new Database(path, { fileMustExist: true, timeout: 1000 })
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.exec('COMMIT')
    // Everything in the WAL goes into the file that becomes the .bak.
    db.pragma('wal_checkpoint(TRUNCATE)')
    return db
  } catch (error) {
    db.close()
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new SqliteBackupError(`${path} is in use: stop every Kubelab server (and tool) using it, then restore`, 'refused')
    }
    throw error
  }
}

/** Replaces the database of `databaseUrl` with the backup `backupFile`, keeping the old one as `.bak`. */
export async function restoreSqlite(databaseUrl: string, backupFile: string): Promise<RestoreResult> {
  const database = databaseFile(databaseUrl)
  const source = resolve(backupFile)
  if (!existsSync(source)) throw new SqliteBackupError(`there is no file ${source}`, 'usage')
  if (samePath(source, database)) throw new SqliteBackupError('that file is the database itself', 'usage')

  const check = checkSqliteFile(source)
  if (check.integrity.join() !== 'ok')
    throw new SqliteBackupError(
      `${source} is damaged (integrity check: ${check.integrity.slice(0, 3).join('; ')}); nothing was changed`,
      'refused',
    )
  if (check.migrations === null)
    throw new SqliteBackupError(`${source} is not a Kubelab database (it has no _prisma_migrations table); nothing was changed`, 'refused')
  const status = compareMigrations('sqlite', check.migrations)
  if (status.unknown.length > 0) {
    throw new SqliteBackupError(
      `${source} was migrated by a newer Kubelab (${status.unknown.join(', ')}): restore it with that version; nothing was changed`,
      'refused',
    )
  }

  const existed = existsSync(database)
  const lock = existed ? lockExclusively(database) : null
  const incoming = `${database}.restoring-${process.pid}`
  removeQuietly(incoming, `${incoming}-wal`, `${incoming}-shm`, `${incoming}-journal`)
  try {
    const from = new Database(source, { readonly: true, fileMustExist: true })
    try {
      await from.backup(incoming, { progress: () => ALL_PAGES })
    } finally {
      from.close()
    }
    const copy = new Database(incoming, { fileMustExist: true })
    try {
      const integrity = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check)
      if (integrity.join() !== 'ok')
        throw new SqliteBackupError(`the copy of ${source} failed its integrity check; nothing was changed`, 'refused')
      copy.pragma('journal_mode = WAL')
    } finally {
      copy.close()
    }
  } catch (error) {
    lock?.close()
    removeQuietly(incoming, `${incoming}-wal`, `${incoming}-shm`, `${incoming}-journal`)
    throw error
  }

  let previous: string | null = null
  if (lock) {
    // Closing the last connection folds the WAL into the file and deletes it: the old database is one file now.
    lock.close()
    previous = `${database}.bak`
    removeQuietly(previous, `${previous}-wal`, `${previous}-shm`)
    try {
      linkSync(database, previous)
    } catch {
      copyFileSync(database, previous)
    }
  }
  // Whatever -wal/-shm is left belongs to the old file and must never be replayed onto the new one.
  removeQuietly(`${database}-wal`, `${database}-shm`)
  renameSync(incoming, database)
  return { database, previous, status }
}
