/**
 * The limits on each store they run on in production: the database (SQLite and PostgreSQL, rate-limiter-flexible's
 * Prisma store) and Redis (when KUBELAB_TEST_REDIS_URL is set; CI sets it). Time: the database stores compare
 * expiry times the process computes, so a fake clock moves them on; Redis expires keys itself, so its suite uses
 * one- and two-second windows and real (short) waits.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { Redis } from 'ioredis'
import { createDb, type Db } from '../db/client.ts'
import { createSqliteTestDatabase, createPostgresTestDatabase, postgresAdminUrl, type TestDatabase } from '../../testing/db.ts'
import { accountKey, createLimits, type LimitSettings, type LimitStore } from './limits.ts'
import { onRefusal, type LimitName } from './refusals.ts'
import type { Backoff } from './spec.ts'

const redisUrl = process.env.KUBELAB_TEST_REDIS_URL
if (process.env.CI && !redisUrl) throw new Error('CI must set KUBELAB_TEST_REDIS_URL so the Redis store is tested')

interface Backend {
  /** two stores on the same data, as two Kubelab instances would have */
  stores(): Promise<[LimitStore, LimitStore]>
  backoff: Backoff
  advance(seconds: number): Promise<void>
  close(): Promise<void>
}

const databaseBackend = (create: () => Promise<TestDatabase>) => (): Backend => {
  let database: TestDatabase
  let second: Db
  let now = Date.parse('2026-12-04T10:00:00Z')
  return {
    async stores() {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(now)
      database = await create()
      second = createDb(database.url)
      return [
        { kind: 'database', db: database.db },
        { kind: 'database', db: second },
      ]
    },
    backoff: { firstSeconds: 30, maxSeconds: 900 },
    async advance(seconds) {
      now += seconds * 1000
      vi.setSystemTime(now)
    },
    async close() {
      vi.useRealTimers()
      await second?.$disconnect()
      await database?.drop()
    },
  }
}

const redisBackend = (): Backend => {
  const clients: Redis[] = []
  return {
    async stores() {
      for (let i = 0; i < 2; i++) {
        const client = new Redis(redisUrl!, { maxRetriesPerRequest: 1 })
        await client.ping()
        clients.push(client)
      }
      return [
        { kind: 'redis', client: clients[0]! },
        { kind: 'redis', client: clients[1]! },
      ]
    },
    backoff: { firstSeconds: 1, maxSeconds: 4 },
    advance: (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100)),
    async close() {
      for (const c of clients) c.disconnect()
    },
  }
}

const backends: [string, () => Backend][] = [['SQLite', databaseBackend(createSqliteTestDatabase)]]
if (postgresAdminUrl) backends.push(['PostgreSQL', databaseBackend(() => createPostgresTestDatabase(postgresAdminUrl!))])
if (redisUrl) backends.push(['Redis', redisBackend])

describe.each(backends)('abuse limits on %s', (_name, makeBackend) => {
  const backend = makeBackend()
  let storeA: LimitStore
  let storeB: LimitStore
  let refusals: { limit: LimitName; key: string }[] = []
  let stopListening = () => {}
  const free = 5
  const settings = (): LimitSettings => ({
    signInAccount: { points: free, seconds: 86400 },
    signInBackoff: backend.backoff,
    signInAddress: { points: 8, seconds: 900 },
    signUpAddress: { points: 3, seconds: 3600 },
    gradeUser: { points: 3, seconds: 600 },
    gradeAddress: { points: 4, seconds: 600 },
    quizUser: { points: 2, seconds: 600 },
    importUser: { points: 2, seconds: 600 },
  })
  // a fresh key space per test: the stores outlive a test
  const fresh = (store = storeA) => createLimits(store, settings(), `t${randomBytes(4).toString('hex')}`)
  const limitsPair = () => {
    const prefix = `t${randomBytes(4).toString('hex')}`
    return [createLimits(storeA, settings(), prefix), createLimits(storeB, settings(), prefix)] as const
  }
  const email = () => `learner-${randomBytes(4).toString('hex')}@example.com`

  beforeAll(async () => {
    ;[storeA, storeB] = await backend.stores()
    stopListening = onRefusal((limit, key) => refusals.push({ limit, key }))
  })
  afterEach(() => {
    refusals = []
  })
  afterAll(async () => {
    stopListening()
    await backend.close()
  })

  it('after five failed sign-ins the next attempt, even with the right password, waits until the backoff has passed', async () => {
    const limits = fresh()
    const who = email()
    for (let i = 0; i < free; i++) expect(await limits.signIn.consume(who, '203.0.113.7')).toBe(0)
    const first = backend.backoff.firstSeconds
    // the sixth attempt is refused before its password is looked at
    expect(await limits.signIn.consume(who, '203.0.113.7')).toBe(first)
    expect(await limits.signIn.consume(who, '198.51.100.1')).toBeGreaterThan(0) // from anywhere
    if (first > 2) {
      await backend.advance(first - 2)
      expect(await limits.signIn.consume(who, '203.0.113.7')).toBeLessThanOrEqual(2)
      await backend.advance(2)
    } else await backend.advance(first)
    // the wait has passed: one attempt goes ahead, and a failure doubles the next wait
    expect(await limits.signIn.consume(who, '203.0.113.7')).toBe(0)
    expect(await limits.signIn.consume(who, '203.0.113.7')).toBe(first * 2)
    expect(refusals.map((r) => r.limit)).toContain('signin-account')
    // no email in what is logged: the account is its hash
    expect(refusals.every((r) => !r.key.includes('@') && r.key === `account:${accountKey(who)}`)).toBe(true)
  })

  it('the right password forgives the failures; an unknown email is counted exactly like a known one', async () => {
    const limits = fresh()
    const known = email()
    const unknown = `nobody-${randomBytes(4).toString('hex')}@example.com`
    const run = async (who: string, address: string) => {
      const waits: number[] = []
      for (let i = 0; i < free + 2; i++) waits.push(await limits.signIn.consume(who, address))
      return waits
    }
    const [a, b] = [await run(known, '203.0.113.8'), await run(unknown, '203.0.113.18')]
    expect(a).toEqual(b)
    expect(a.slice(0, free)).toEqual(Array(free).fill(0))
    expect(a[free]).toBeGreaterThan(0)
    await limits.signIn.succeeded(known, '203.0.113.8')
    expect(await limits.signIn.consume(known, '203.0.113.8')).toBe(0)
    expect(await limits.signIn.consume(unknown, '203.0.113.8')).toBeGreaterThan(0)
  })

  it('of attempts sent at once once the free ones are spent, one goes ahead and the others wait, uncounted', async () => {
    const limits = fresh()
    const who = email()
    for (let i = 0; i < free - 1; i++) await limits.signIn.consume(who, '203.0.113.9')
    const waits = await Promise.all(Array.from({ length: 10 }, () => limits.signIn.consume(who, '203.0.113.9')))
    expect(waits.filter((w) => w === 0)).toHaveLength(1)
    // Which of the burst wins is a race, and so is the failure count it claims its period with (the fifth, or a
    // later one another attempt had counted before being refused): wait out the longest period.
    await backend.advance(backend.backoff.maxSeconds)
    // the nine refused ones did not count: the next failure is the sixth, so its wait is the doubled one
    expect(await limits.signIn.consume(who, '203.0.113.9')).toBe(0)
    expect(await limits.signIn.consume(who, '203.0.113.9')).toBe(backend.backoff.firstSeconds * 2)
  })

  it('limits failed sign-ins from one address across accounts, and a right password is not a failure', async () => {
    const limits = fresh()
    const address = '2001:db8:1:2::17'
    const good = email()
    for (let i = 0; i < 4; i++) expect(await limits.signIn.consume(email(), address)).toBe(0)
    expect(await limits.signIn.consume(good, address)).toBe(0)
    await limits.signIn.succeeded(good, address) // the right password: taken back
    for (let i = 0; i < 4; i++) expect(await limits.signIn.consume(email(), address)).toBe(0)
    // eight failures: the ninth attempt from this address waits, from another address of the same /64 too
    expect(await limits.signIn.consume(email(), '2001:db8:1:2::99')).toBeGreaterThan(0)
    expect(refusals.at(-1)).toEqual({ limit: 'signin-address', key: '2001:db8:1:2::/64' })
    expect(await limits.signIn.consume(email(), '2001:db8:1:3::17')).toBe(0) // another network
  })

  it('limits sign-ups per address, and grades per user and (for visitors) per address', async () => {
    const limits = fresh()
    for (let i = 0; i < 3; i++) expect(await limits.signUp.consume('192.0.2.10')).toBe(0)
    const wait = await limits.signUp.consume('::ffff:192.0.2.10'.replace('::ffff:', ''))
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(3600)
    expect(await limits.signUp.consume('192.0.2.11')).toBe(0)

    const learner = { id: `user-${randomBytes(3).toString('hex')}` }
    for (let i = 0; i < 3; i++) expect(await limits.grade.consume(learner, '192.0.2.20')).toBe(0)
    expect(await limits.grade.consume(learner, '192.0.2.21')).toBeGreaterThan(0) // per user, wherever from
    for (let i = 0; i < 4; i++) expect(await limits.grade.consume(null, '192.0.2.20')).toBe(0) // the user's grades left visitors' budget alone
    expect(await limits.grade.consume(null, '192.0.2.20')).toBeGreaterThan(0)
    expect(await limits.grade.consume({ id: 'someone-else' }, '192.0.2.20')).toBe(0)
    for (let i = 0; i < 2; i++) expect(await limits.quiz.consume(learner.id)).toBe(0)
    expect(await limits.quiz.consume(learner.id)).toBeGreaterThan(0)
    for (let i = 0; i < 2; i++) expect(await limits.import.consume(learner.id)).toBe(0)
    expect(await limits.import.consume(learner.id)).toBeGreaterThan(0)
    expect(refusals.map((r) => r.limit)).toEqual(['signup-address', 'grade-user', 'grade-address', 'quiz-user', 'import-user'])
  })

  it('two instances on one store share the counts', async () => {
    const [a, b] = limitsPair()
    expect(await a.signUp.consume('192.0.2.30')).toBe(0)
    expect(await b.signUp.consume('192.0.2.30')).toBe(0)
    expect(await a.signUp.consume('192.0.2.30')).toBe(0)
    expect(await b.signUp.consume('192.0.2.30')).toBeGreaterThan(0)
    const who = email()
    for (let i = 0; i < free; i++) expect(await (i % 2 ? a : b).signIn.consume(who, '192.0.2.31')).toBe(0)
    expect(await a.signIn.consume(who, '192.0.2.31')).toBe(backend.backoff.firstSeconds)
    expect(await b.signIn.consume(who, '192.0.2.31')).toBeGreaterThan(0)
    await b.signIn.succeeded(who, '192.0.2.31')
    expect(await a.signIn.consume(who, '192.0.2.31')).toBe(0)
  })
})

describe('a store that fails', () => {
  it('falls back to counting in memory: the limits stay closed and nothing throws', async () => {
    const down = () => Promise.reject(new Error('database is down'))
    const broken = { rateLimit: { upsert: down, deleteMany: down, findFirst: down } } as unknown as Db
    const limits = createLimits(
      { kind: 'database', db: broken },
      {
        signInAccount: { points: 2, seconds: 60 },
        signInBackoff: { firstSeconds: 30, maxSeconds: 60 },
        signInAddress: null,
        signUpAddress: { points: 1, seconds: 60 },
        gradeUser: null,
        gradeAddress: null,
        quizUser: null,
        importUser: null,
      },
    )
    expect(await limits.signUp.consume('192.0.2.40')).toBe(0)
    expect(await limits.signUp.consume('192.0.2.40')).toBeGreaterThan(0)
    expect(await limits.signIn.consume('a@example.com', '192.0.2.40')).toBe(0)
    expect(await limits.signIn.consume('a@example.com', '192.0.2.40')).toBe(0)
    expect(await limits.signIn.consume('a@example.com', '192.0.2.40')).toBe(30)
    // a limit set to off counts nothing
    for (let i = 0; i < 5; i++) expect(await limits.grade.consume(null, '192.0.2.40')).toBe(0)
  })
})
