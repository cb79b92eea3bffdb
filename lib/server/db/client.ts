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

// Both clients come from the same models file, so they share one shape; the SQLite one names the type.
export type Db = InstanceType<typeof SqliteClient>
export type { Prisma } from './generated/sqlite/client.ts'

/**
 * Every SQLite connection Kubelab opens: WAL, so readers never wait for a writer and `kubelab db backup` copies a
 * running database without stopping it (ADR 0016); NORMAL sync, durable in WAL mode against a crash of the
 * process (a power cut may lose the last commits); wait for a busy writer instead of failing at once.
 */
export const SQLITE_PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;'

/** The adapter opens its own better-sqlite3 connection; the pragmas are set on it as it connects. */
class SqliteAdapterFactory extends PrismaBetterSqlite3 {
  override async connect(): ReturnType<PrismaBetterSqlite3['connect']> {
    const adapter = await super.connect()
    await adapter.executeScript(SQLITE_PRAGMAS)
    return adapter
  }
}

export function createDb(databaseUrl: string): Db {
  const client =
    databaseProvider(databaseUrl) === 'sqlite'
      ? new SqliteClient({ adapter: new SqliteAdapterFactory({ url: `file:${sqlitePath(databaseUrl)}` }) })
      : (new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as Db)
  return countingErrors(client)
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
