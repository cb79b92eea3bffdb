/**
 * Statements run directly on the SQLite connection Prisma's adapter opened, prepared once, for the few writes on
 * every grade (docs/benchmarks.md, "The grade path"). Through Prisma each statement is compiled, interpreted,
 * prepared anew and awaited: a learner's stored grade took 11 of them, 1.5 ms of the request thread, and the
 * transaction stayed open across every await, so other requests' work ran while it held SQLite's write lock.
 * Here a transaction is one synchronous block: nothing else runs on the connection from BEGIN to COMMIT.
 *
 * It is Prisma's connection, not a second one: a second connection in this process would wait synchronously
 * (busy_timeout, the event loop stopped) for a write lock that Prisma's connection could only release by running
 * on that same event loop. Transactions here take the adapter's own transaction lock first, so they never run
 * inside one of Prisma's interactive transactions on the connection, nor one of those inside them.
 */
import type BetterSqlite3 from 'better-sqlite3'

type Database = BetterSqlite3.Database
type Statement = BetterSqlite3.Statement

/** What Prisma's better-sqlite3 adapter gives to a transaction (@prisma/driver-adapter-utils' Transaction). */
interface AdapterTransaction {
  commit(): Promise<void>
  rollback(): Promise<void>
}

interface SqliteAdapter {
  startTransaction(): Promise<AdapterTransaction>
}

/**
 * A date as Prisma's SQLite adapter writes DateTime columns by default (timestampFormat `iso8601`), so rows written
 * here read back through Prisma as they would had Prisma written them, and compare as text in the same order.
 */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+00:00')
}

/** What a transaction does, for the database error metric and log (kubelab_database_errors_total, `db.error`). */
export interface Operation {
  model: string | undefined
  operation: string
}

export class SqliteConnection {
  private readonly statements = new Map<string, Statement>()

  private constructor(
    private readonly adapter: SqliteAdapter,
    private readonly database: Database,
    private readonly onDriverError: (what: Operation, error: unknown) => void,
  ) {}

  /**
   * The connection behind a connected Prisma better-sqlite3 adapter, or null when the adapter is not shaped as
   * this code knows it (another version): callers then go through Prisma as before.
   */
  static of(adapter: unknown, onDriverError: (what: Operation, error: unknown) => void = () => {}): SqliteConnection | null {
    const candidate = adapter as { client?: unknown; startTransaction?: unknown } | null
    const client = candidate?.client as Partial<Database> | undefined
    if (typeof candidate?.startTransaction !== 'function' || typeof client?.prepare !== 'function' || typeof client.open !== 'boolean')
      return null
    return new SqliteConnection(candidate as SqliteAdapter, client as Database, onDriverError)
  }

  /** False once Prisma has closed the connection ($disconnect). */
  get open(): boolean {
    return this.database.open
  }

  /** A statement prepared once on this connection; numbers come back as numbers (the adapter asks for BigInt). */
  statement(sql: string): Statement {
    let prepared = this.statements.get(sql)
    if (!prepared) {
      prepared = this.database.prepare(sql)
      if (prepared.reader) prepared.safeIntegers(false)
      this.statements.set(sql, prepared)
    }
    return prepared
  }

  /**
   * Runs `work` (synchronous: nothing may await inside) in one transaction, after Prisma's transactions on this
   * connection and before the next: either all its writes are committed or none. What `work` throws rolls back
   * and is thrown; an error of SQLite itself is also counted and logged as the database's (`what` names it).
   */
  async transaction<T>(work: () => T, what: Operation = { model: undefined, operation: 'transaction' }): Promise<T> {
    // the adapter's lock, then BEGIN (deferred: the first write takes SQLite's write lock, as Prisma's would)
    const lock = await this.adapter.startTransaction()
    let result: T
    try {
      result = work()
      this.statement('COMMIT').run()
    } catch (error) {
      if ((error as { name?: unknown }).name === 'SqliteError') this.onDriverError(what, error)
      try {
        if (this.database.inTransaction) this.statement('ROLLBACK').run()
      } finally {
        await lock.rollback()
      }
      throw error
    }
    await lock.commit()
    return result
  }
}
