/**
 * The Prisma client for the configured database: SQLite (embedded default, better-sqlite3) or PostgreSQL (pg),
 * both through Prisma's driver adapters, so nothing native is downloaded. Only lib/server/dal uses it.
 */
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts'
import { PrismaClient as PostgresClient } from './generated/postgresql/client.ts'
import { databaseProvider, env } from '../env.ts'
import { sqlitePath } from './sqlite-path.ts'
import { recordDatabaseError } from '../observability/database-errors.ts'
import { SqliteConnection } from './sqlite-direct.ts'
import { takingTurns } from './sqlite-turns.ts'

// Both clients come from the same models file, so they share one shape; the SQLite one names the type.
export type Db = InstanceType<typeof SqliteClient>

/**
 * Every SQLite connection Kubelab opens: WAL, so readers never wait for a writer and `kubelab db backup` copies a
 * running database without stopping it (ADR 0016); NORMAL sync, durable in WAL mode against a crash of the
 * process (a power cut may lose the last commits); wait for a busy writer instead of failing at once.
 */
export const SQLITE_PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;'

/**
 * The adapter opens its own better-sqlite3 connection; the pragmas are set on it as it connects, and the connection
 * is kept for the statements run on it directly (sqlite-direct.ts).
 */
class SqliteAdapterFactory extends PrismaBetterSqlite3 {
  connection: SqliteConnection | null = null
  /** connected, but to an adapter this code does not know how to reach into */
  unknownAdapter = false

  override async connect(): ReturnType<PrismaBetterSqlite3['connect']> {
    // plain queries wait for another request's open transaction instead of running inside it (sqlite-turns.ts)
    const adapter = takingTurns(await super.connect())
    await adapter.executeScript(SQLITE_PRAGMAS)
    this.connection = SqliteConnection.of(adapter, (what, error) => recordDatabaseError(what.model, what.operation, error))
    this.unknownAdapter = this.connection === null
    return adapter
  }
}

// on globalThis, like the client itself (db() below): Next's server bundles may load this module more than once, and
// a client made by one copy must be found by the others
const sqliteFactories: WeakMap<object, SqliteAdapterFactory> = ((
  globalThis as { __kubelabSqliteFactories?: WeakMap<object, SqliteAdapterFactory> }
).__kubelabSqliteFactories ??= new WeakMap())

/** One SQL statement as Prisma ran it: its text, its parameters (JSON text) and how long it took in ms. */
export interface QueryEvent {
  query: string
  params: string
  duration: number
}

export interface DbOptions {
  /** called after every SQL statement (Prisma's query log): the query-plan checks and the class-scale bench (lib/testing/query-plans.ts) */
  onQuery?: (event: QueryEvent) => void
}

export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const log = options.onQuery ? { log: [{ emit: 'event' as const, level: 'query' as const }] } : {}
  if (databaseProvider(databaseUrl) !== 'sqlite')
    return countingErrors(
      listening(new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), ...log }) as unknown as Db, options.onQuery),
    )
  const factory = new SqliteAdapterFactory({ url: `file:${sqlitePath(databaseUrl)}` })
  const client = countingErrors(listening(new SqliteClient({ adapter: factory, ...log }) as unknown as Db, options.onQuery))
  sqliteFactories.set(client, factory)
  return client
}

/**
 * The SQLite connection of a client made by createDb, connected; null for PostgreSQL, for a transaction's client,
 * or when the adapter is not the one this code knows (then the caller goes through Prisma).
 */
export async function sqliteConnection(client: Db): Promise<SqliteConnection | null> {
  const factory = sqliteFactories.get(client)
  if (!factory || factory.unknownAdapter) return null
  // Prisma connects on its first query, and again after $disconnect closed the connection
  if (!factory.connection?.open) await client.$connect()
  return factory.connection?.open ? factory.connection : null
}

/** Registers the query listener before the client is extended (an extended client has no `$on`). */
function listening(client: Db, onQuery: DbOptions['onQuery']): Db {
  if (onQuery) (client as unknown as { $on(event: 'query', listener: (e: QueryEvent) => void): void }).$on('query', onQuery)
  return client
}

/** Every failed operation is counted and logged (lib/server/observability/database-errors.ts), then thrown as before. */
function countingErrors(client: Db): Db {
  return client.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        try {
          return await query(args)
        } catch (error) {
          recordDatabaseError(model, operation, error)
          throw error
        }
      },
    },
  }) as unknown as Db
}

const globalForDb = globalThis as unknown as { kubelabDb?: Db }

/** One client per process (dev-mode reloads reuse it). */
export function db(): Db {
  globalForDb.kubelabDb ??= createDb(env().DATABASE_URL)
  return globalForDb.kubelabDb
}
