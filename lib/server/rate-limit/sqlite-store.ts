/**
 * rate-limiter-flexible's Prisma store, on SQLite with prepared statements on Prisma's own connection
 * (lib/server/db/sqlite-direct.ts): every grade counts one limit, so its two statements ran through Prisma on
 * every grade — a sixth of the request thread's time under the visitors' load (docs/benchmarks.md). The same
 * table, rows and rule as RateLimiterPrisma (an expired row starts a new window, any other is incremented in the
 * database), now also in one transaction. On PostgreSQL, or an adapter this code does not know, RateLimiterPrisma
 * itself answers.
 */
import { RateLimiterPrisma } from 'rate-limiter-flexible'
import { sqliteConnection, type Db } from '../db/client.ts'
import { sqliteTimestamp } from '../db/sqlite-direct.ts'

interface Row {
  key: string
  points: number
  expire: Date | null
}

/** The store methods RateLimiterStoreAbstract calls (not in the library's types). */
interface StoreMethods {
  _upsert(key: string, points: number, msDuration: number, forceExpire?: boolean): Promise<Row>
  _get(key: string): Promise<Row | null>
  _delete(key: string): Promise<boolean>
}

const prismaStore = RateLimiterPrisma.prototype as unknown as StoreMethods

export class RateLimiterSqlite extends RateLimiterPrisma {
  private readonly client: Db

  constructor(options: ConstructorParameters<typeof RateLimiterPrisma>[0] & { storeClient: Db }) {
    super(options)
    this.client = options.storeClient
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<Row> {
    const sql = await sqliteConnection(this.client)
    if (!sql) return prismaStore._upsert.call(this, key, points, msDuration, forceExpire)
    const now = new Date()
    const expire = msDuration > 0 ? sqliteTimestamp(new Date(now.getTime() + msDuration)) : null
    return sql.transaction(
      () => {
        if (forceExpire) return toRow(sql.statement(UPSERT_SET).get(key, points, expire))
        sql.statement('DELETE FROM "RateLimit" WHERE "key" = ? AND "expire" <= ?').run(key, sqliteTimestamp(now))
        return toRow(sql.statement(UPSERT_ADD).get(key, points, expire))
      },
      { model: 'RateLimit', operation: 'upsert' },
    )
  }

  async _get(key: string): Promise<Row | null> {
    const sql = await sqliteConnection(this.client)
    if (!sql) return prismaStore._get.call(this, key)
    // in turn with the connection's transactions, so it never reads one half-way
    const row = await sql.transaction(
      () =>
        sql
          .statement('SELECT "key", "points", "expire" FROM "RateLimit" WHERE "key" = ? AND ("expire" > ? OR "expire" IS NULL) LIMIT 1')
          .get(key, sqliteTimestamp(new Date())),
      { model: 'RateLimit', operation: 'get' },
    )
    return row ? toRow(row) : null
  }

  async _delete(key: string): Promise<boolean> {
    const sql = await sqliteConnection(this.client)
    if (!sql) return prismaStore._delete.call(this, key)
    return sql.transaction(() => sql.statement('DELETE FROM "RateLimit" WHERE "key" = ?').run(key).changes > 0, {
      model: 'RateLimit',
      operation: 'delete',
    })
  }
}

const RETURNING = 'RETURNING "key", "points", "expire"'
const UPSERT_SET = `INSERT INTO "RateLimit" ("key", "points", "expire") VALUES (?, ?, ?) ON CONFLICT ("key") DO UPDATE SET "points" = excluded."points", "expire" = excluded."expire" ${RETURNING}`
const UPSERT_ADD = `INSERT INTO "RateLimit" ("key", "points", "expire") VALUES (?, ?, ?) ON CONFLICT ("key") DO UPDATE SET "points" = "points" + excluded."points" ${RETURNING}`

function toRow(raw: unknown): Row {
  const row = raw as { key: string; points: number; expire: string | null }
  return { key: row.key, points: row.points, expire: row.expire === null ? null : new Date(row.expire) }
}
