/**
 * Readiness: which check failed and why, with fake sources (unreachable, slow, pending, newer, no content), and
 * the real migration query on SQLite and PostgreSQL (a fresh database is reachable with migrations pending).
 */
import { describe, expect, it } from 'vitest'
import { checkReadiness, type ReadinessSources } from './readiness'
import { createDb } from '@/lib/server/db/client'
import { listMigrations } from '@/lib/server/db/migrate'
import { recordedMigrationsOf } from '@/lib/server/db/migration-status'
import { testDatabases } from '@/lib/testing/db'

const known = ['20260101000000_init', '20260201000000_classes']
const sources = (over: Partial<ReadinessSources> = {}): ReadinessSources => ({
  recordedMigrations: async () => known,
  knownMigrations: () => known,
  lessons: () => 14,
  ...over,
})

describe('checkReadiness', () => {
  it('is ready when the database answers, every migration is applied and lessons load', async () => {
    expect(await checkReadiness(sources())).toEqual({
      ready: true,
      failed: [],
      checks: { database: 'ok', migrations: 'ok', content: 'ok' },
    })
  })

  it('names pending migrations and how to apply them', async () => {
    const r = await checkReadiness(sources({ recordedMigrations: async () => known.slice(0, 1) }))
    expect(r).toEqual({
      ready: false,
      failed: ['migrations'],
      checks: { database: 'ok', migrations: '1 pending: 20260201000000_classes (run `kubelab db migrate`)', content: 'ok' },
    })
  })

  it('treats a database without the migrations table as reachable with everything pending', async () => {
    const missing = Object.assign(new Error('Raw query failed. Code: `42P01`.'), {
      meta: { driverAdapterError: { cause: { kind: 'TableDoesNotExist', table: '_prisma_migrations' } } },
    })
    const r = await checkReadiness(sources({ recordedMigrations: async () => Promise.reject(missing) }))
    expect(r.failed).toEqual(['migrations'])
    expect(r.checks.database).toBe('ok')
    expect(r.checks.migrations).toMatch(/^2 pending: /)
  })

  it('stays ready when the database has migrations this version does not know (old instances during a rolling update)', async () => {
    expect((await checkReadiness(sources({ recordedMigrations: async () => [...known, '20260301000000_next'] }))).ready).toBe(true)
  })

  it('says the database is unreachable without its error, which goes to the log only', async () => {
    const logged: string[] = []
    const r = await checkReadiness(
      sources({ recordedMigrations: () => Promise.reject(new Error("Can't reach database server at db.internal:5432")) }),
      { log: (l) => logged.push(l) },
    )
    expect(r).toEqual({
      ready: false,
      failed: ['database'],
      checks: { database: 'unreachable', migrations: 'not checked: the database is unreachable', content: 'ok' },
    })
    expect(JSON.stringify(r)).not.toContain('db.internal')
    expect(logged).toEqual(["database: Can't reach database server at db.internal:5432"])
  })

  it('does not wait for a database that does not answer', async () => {
    const started = performance.now()
    const r = await checkReadiness(sources({ recordedMigrations: () => new Promise(() => {}) }), { timeoutMs: 200 })
    expect(performance.now() - started).toBeLessThan(1500)
    expect(r.failed).toEqual(['database'])
  })

  it('fails on content that does not load or has no lessons, and reports every failure at once', async () => {
    const broken = await checkReadiness(
      sources({
        recordedMigrations: async () => [],
        lessons: () => {
          throw new Error('content/kubernetes-basics/course.yaml: not valid YAML')
        },
      }),
    )
    expect(broken.failed).toEqual(['migrations', 'content'])
    expect(broken.checks.content).toBe('the courses do not load (see the server log)')
    expect((await checkReadiness(sources({ lessons: () => 0 }))).checks.content).toBe('no lessons found')
  })
})

describe.each(testDatabases())('readiness against %s', (provider, create) => {
  it('is ready on a migrated database and not before', async () => {
    const migrated = await create()
    try {
      const knownMigrations = () => listMigrations(provider).map((m) => m.name)
      expect(
        await checkReadiness({ recordedMigrations: () => recordedMigrationsOf(migrated.db), knownMigrations, lessons: () => 1 }),
      ).toMatchObject({ ready: true })
      await migrated.db.$executeRawUnsafe('DROP TABLE _prisma_migrations')
      const r = await checkReadiness({ recordedMigrations: () => recordedMigrationsOf(migrated.db), knownMigrations, lessons: () => 1 })
      expect(r.failed).toEqual(['migrations'])
      expect(r.checks.database).toBe('ok')
    } finally {
      await migrated.drop()
    }
  })
})

describe('readiness when the server cannot reach its database', () => {
  it('answers unreachable for a PostgreSQL server that is not there', async () => {
    const db = createDb('postgresql://kubelab:secret@127.0.0.1:1/kubelab')
    try {
      const r = await checkReadiness({ recordedMigrations: () => recordedMigrationsOf(db), knownMigrations: () => known, lessons: () => 1 })
      expect(r.failed).toEqual(['database'])
    } finally {
      await db.$disconnect()
    }
  })
})
