/**
 * Databases for integration tests, and the accounts and classes most of them start from: a fresh SQLite file, and a
 * fresh PostgreSQL database when KUBELAB_TEST_POSTGRES_URL points at a server (CI sets it; locally a run without it
 * tests SQLite alone).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { createDb, type Db } from '../server/db/client.ts'
import { migrate } from '../server/db/migrate.ts'
import { createDal, type Dal, type DalOptions, type Viewer } from '../server/dal/index.ts'
import type { Role } from '../server/auth/roles.ts'

export interface TestDatabase {
  provider: 'sqlite' | 'postgresql'
  url: string
  db: Db
  drop(): Promise<void>
}

export async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-test-'))
  const url = `file:${join(dir, 'test.db')}`
  await migrate(url)
  const db = createDb(url)
  return {
    provider: 'sqlite',
    url,
    db,
    async drop() {
      await db.$disconnect()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const postgresAdminUrl = process.env.KUBELAB_TEST_POSTGRES_URL

export async function createPostgresTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `kubelab_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  await migrate(url.toString())
  const db = createDb(url.toString())
  return {
    provider: 'postgresql',
    url: url.toString(),
    db,
    async drop() {
      await db.$disconnect()
      const a = new pg.Client({ connectionString: adminUrl })
      await a.connect()
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await a.end()
    },
  }
}

/** For `describe.each`: SQLite, and PostgreSQL when a server is named; on CI a missing server is a mistake, not a skip. */
export function testDatabases(): [TestDatabase['provider'], () => Promise<TestDatabase>][] {
  const backends: [TestDatabase['provider'], () => Promise<TestDatabase>][] = [['sqlite', createSqliteTestDatabase]]
  const adminUrl = postgresAdminUrl
  if (adminUrl) backends.push(['postgresql', () => createPostgresTestDatabase(adminUrl)])
  else if (process.env.CI) throw new Error('CI must set KUBELAB_TEST_POSTGRES_URL so the PostgreSQL path is tested')
  return backends
}

/**
 * Opens a database with `create` before the suite's tests (beforeAll) and drops it after them (afterAll), with the
 * data-access layer over it. The suite is declared before the database exists, so what this returns are stand-ins
 * that forward to the real ones once opened: read them inside tests and hooks (a read before then throws, saying so).
 * Hooks the suite adds after this call run after the database is open.
 */
export function useTestDatabase(
  create: () => Promise<TestDatabase> = createSqliteTestDatabase,
  options: DalOptions = {},
): { database: TestDatabase; dal: Dal } {
  let opened: { database: TestDatabase; dal: Dal } | undefined
  beforeAll(async () => {
    const database = await create()
    opened = { database, dal: createDal(database.db, options) }
  })
  afterAll(async () => {
    await opened?.database.drop()
  })
  return { database: forwarded('database', () => opened?.database), dal: forwarded('dal', () => opened?.dal) }
}

function forwarded<T extends object>(name: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const value = current()
      if (!value) throw new Error(`the test ${name} is opened in beforeAll: read it inside a test or a hook`)
      return Reflect.get(value, key, value)
    },
  })
}

export interface TestAccount extends Viewer {
  email: string
  name: string | null
}

let accounts = 0

/**
 * A fresh account of `role` with an email no other test uses, written straight to the database: no password (these
 * accounts never sign in) and no audit event, as fast as a row can be. Tests of signing up or of the audit trail make
 * their accounts the way they test.
 */
export async function createTestAccount(db: Db, role: Role, name: string | null = `${role} ${accounts + 1}`): Promise<TestAccount> {
  const email = `${role}-${Date.now()}-${++accounts}@example.org`
  const user = await db.user.create({ data: { email, name, role } })
  return { id: user.id, role, email, name }
}

let classes = 0

/** A class of `teacher` (kubernetes-basics unless told) with `learners` in it, joined with its invite code as learners join. */
export async function createTestClass(
  dal: Dal,
  teacher: Viewer,
  options: { learners?: Viewer[]; courseId?: string; name?: string } = {},
): Promise<{ id: string; name: string; inviteCode: string }> {
  const { learners = [], courseId = 'kubernetes-basics', name = `Class ${++classes}` } = options
  const made = await dal.classes.create(teacher, { name, courseId })
  for (const learner of learners) await dal.classes.join(learner, made.inviteCode)
  return { id: made.id, name: made.name, inviteCode: made.inviteCode }
}
