/**
 * Plain queries and Prisma's interactive transactions on the one SQLite connection (sqlite-turns.ts): what another
 * request writes while a transaction is open is its own, kept when that transaction rolls back, and nobody reads a
 * transaction's rows before it commits.
 */
import { describe, expect, it } from 'vitest'
import { useTestDatabase } from '../../testing/db.ts'
import { Turns } from './sqlite-turns.ts'

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms))

describe('one SQLite connection, many requests', () => {
  const { database } = useTestDatabase()
  const keys = async () => (await database.db.rateLimit.findMany({ orderBy: { key: 'asc' } })).map((row) => row.key)

  /** A request's transaction that writes `key`, then waits for `release` and throws: it rolls back. */
  function openTransaction(key: string) {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const outcome = database.db
      .$transaction(async (tx) => {
        await tx.rateLimit.create({ data: { key, points: 1 } })
        await held
        throw new Error('rolled back')
      })
      .catch((error: Error) => error.message)
    return { release, outcome }
  }

  it('keeps a write another request made while a transaction was open, when that transaction rolls back', async () => {
    const other = openTransaction('rolled-back')
    await tick()
    // another request: a plain upsert (as touchLesson or a draft save) and a plain create
    const upsert = database.db.rateLimit.upsert({
      where: { key: 'upserted' },
      create: { key: 'upserted', points: 1 },
      update: { points: { increment: 1 } },
    })
    const create = database.db.rateLimit.create({ data: { key: 'created', points: 2 } })
    let answered = false
    void Promise.all([upsert, create]).then(() => (answered = true))
    await tick()
    other.release()
    expect(await other.outcome).toBe('rolled back')
    await Promise.all([upsert, create])
    expect(answered).toBe(true)
    expect(await keys()).toEqual(['created', 'upserted'])
  })

  it('never lets another request read a transaction’s rows before it commits', async () => {
    const other = openTransaction('uncommitted')
    await tick()
    const seen = keys()
    await tick()
    other.release()
    await other.outcome
    expect(await seen).not.toContain('uncommitted')
  })

  it('commits a transaction that ends well, and answers the queries that waited for it', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const committed = database.db.$transaction(async (tx) => {
      await tx.rateLimit.create({ data: { key: 'committed', points: 1 } })
      await held
      return 'ok'
    })
    await tick()
    const count = database.db.rateLimit.count({ where: { key: 'committed' } })
    await tick()
    release()
    expect(await committed).toBe('ok')
    expect(await count).toBe(1)
  })
})

describe('Turns', () => {
  it('gives the turn in order of arrival, so a stream of transactions cannot starve a query', async () => {
    const turns = new Turns()
    const order: string[] = []
    expect(turns.tryTake()).toBe(true) // a transaction holds it
    const query = turns.take().then(() => order.push('query'))
    const nextTransaction = turns.take().then(() => order.push('transaction'))
    expect(turns.queued).toBe(2)
    turns.give()
    await query
    expect(turns.tryTake()).toBe(false) // handed over, not freed
    turns.give()
    await nextTransaction
    turns.give()
    expect(order).toEqual(['query', 'transaction'])
    expect(turns.tryTake()).toBe(true)
  })
})
