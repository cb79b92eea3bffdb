/**
 * Test databases for integration tests: a fresh SQLite file, and a fresh PostgreSQL database when
 * KUBELAB_TEST_POSTGRES_URL points at a server (CI sets it; locally it is skipped when unset).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { createDb, type Db } from '../db/client.ts'
import { migrate } from '../db/migrate.ts'

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
