/** Statements on Prisma's own SQLite connection: transactions in turn with Prisma's, and a connection after $disconnect. */
import { describe, expect, it } from 'vitest'
import { sqliteConnection } from './client.ts'
import { sqliteTimestamp } from './sqlite-direct.ts'
import { useTestDatabase } from '../../testing/db.ts'

describe('statements on Prisma’s SQLite connection', () => {
  const { database } = useTestDatabase()
  const keys = async () => (await database.db.rateLimit.findMany({ orderBy: { key: 'asc' } })).map((row) => row.key)
  const insert = (key: string) => async () => {
    const sql = (await sqliteConnection(database.db))!
    return sql.transaction(
      () =>
        sql.statement('INSERT INTO "RateLimit" ("key", "points", "expire") VALUES (?, 1, ?)').run(key, sqliteTimestamp(new Date())).changes,
    )
  }

  it('commits what a transaction wrote, and nothing of one that threw', async () => {
    expect(await insert('a')()).toBe(1)
    const sql = (await sqliteConnection(database.db))!
    await expect(
      sql.transaction(() => {
        sql.statement('INSERT INTO "RateLimit" ("key", "points") VALUES (?, 1)').run('b')
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect(await keys()).toEqual(['a'])
    // the dates read back through Prisma as Prisma's own
    expect((await database.db.rateLimit.findUniqueOrThrow({ where: { key: 'a' } })).expire).toBeInstanceOf(Date)
  })

  it('waits for a Prisma transaction open on the connection, and stays out of it when that one rolls back', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const prisma = database.db
      .$transaction(async (tx) => {
        await tx.rateLimit.create({ data: { key: 'prisma', points: 1 } })
        await held
        throw new Error('rolled back')
      })
      .catch((error: Error) => error.message)
    await new Promise((resolve) => setTimeout(resolve, 20))
    let directDone = false
    const direct = insert('direct')().finally(() => (directDone = true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(directDone).toBe(false) // still waiting for Prisma's open transaction
    release()
    expect(await prisma).toBe('rolled back')
    expect(await direct).toBe(1)
    expect(await keys()).toEqual(['a', 'direct'])
  })

  it('reaches the connection Prisma opens again after $disconnect', async () => {
    const before = await sqliteConnection(database.db)
    await database.db.$disconnect()
    expect(before?.open).toBe(false)
    const after = await sqliteConnection(database.db)
    expect(after?.open).toBe(true)
    expect(await insert('after')()).toBe(1)
    expect(await keys()).toContain('after')
  })

  it('is not offered for a transaction’s client (it belongs to Prisma’s transaction)', async () => {
    await database.db.$transaction(async (tx) => expect(await sqliteConnection(tx as never)).toBeNull())
  })
})
