/** `kubelab db …`: what it prints and its exit codes, on SQLite and (when KUBELAB_TEST_POSTGRES_URL is set) PostgreSQL. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './main.ts'
import { describeDatabase } from './db.ts'
import { listMigrations } from '../server/db/migrate.ts'
import { postgresAdminUrl } from '../testing/db.ts'

const dir = mkdtempSync(join(tmpdir(), 'kubelab-cli-db-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function kubelab(databaseUrl: string, ...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(['db', ...args], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
  })
  return { code, stdout, stderr }
}

const migrations = listMigrations('sqlite').map((m) => m.name)

describe('kubelab db (SQLite)', () => {
  it('migrate applies what is missing and says so, then says it is up to date; status exits 1 while some are pending', async () => {
    const url = `file:${join(dir, 'm.db')}`
    expect(await kubelab(url, 'status')).toMatchObject({ code: 1, stdout: expect.stringContaining(`pending: ${migrations[0]}`) })
    const first = await kubelab(url, 'migrate')
    expect(first.code).toBe(0)
    expect(first.stdout).toBe(
      `SQLite ${join(dir, 'm.db')}: applied ${migrations.length} migration${migrations.length === 1 ? '' : 's'}:\n${migrations.map((m) => `  ${m}\n`).join('')}`,
    )
    expect(await kubelab(url, 'migrate')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/: up to date \(\d+ migrations? applied\)\n$/),
    })
    const status = await kubelab(url, 'status', '--json')
    expect(status.code).toBe(0)
    expect(JSON.parse(status.stdout)).toEqual({ database: `SQLite ${join(dir, 'm.db')}`, applied: migrations, pending: [], unknown: [] })
  })

  it('migrate fails with exit 1 when an applied migration was edited, and says which', async () => {
    const path = join(dir, 'edited.db')
    await kubelab(`file:${path}`, 'migrate')
    const db = new Database(path)
    db.prepare('UPDATE _prisma_migrations SET checksum = ?').run('0'.repeat(64))
    db.close()
    expect(await kubelab(`file:${path}`, 'migrate')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`migration ${migrations[0]} was changed after it was applied`),
    })
  })

  it('backs up and restores through the command line', async () => {
    const url = `file:${join(dir, 'live.db')}`
    await kubelab(url, 'migrate')
    const backup = join(dir, 'live-backup.db')
    expect(await kubelab(url, 'backup', backup)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^backed up SQLite .*live\.db to .*live-backup\.db \(\d+ KiB, \d+ migrations?, integrity ok\)\n$/),
    })
    expect(await kubelab(url, 'backup', backup)).toMatchObject({ code: 2, stderr: expect.stringContaining('pass --force to replace it') })
    expect((await kubelab(url, 'backup', backup, '--force')).code).toBe(0)
    expect(await kubelab(url, 'restore', backup)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`the database it replaced is ${join(dir, 'live.db')}.bak`),
    })
    expect(await kubelab(url, 'restore', join(dir, 'nothing-here.db'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('there is no file'),
    })
    const notKubelab = join(dir, 'other.db')
    new Database(notKubelab).exec('CREATE TABLE t (x)')
    expect(await kubelab(url, 'restore', notKubelab)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is not a Kubelab database'),
    })
  })

  it('answers usage mistakes with exit 2 and the usage', async () => {
    const url = `file:${join(dir, 'u.db')}`
    for (const args of [
      [],
      ['frobnicate'],
      ['migrate', 'extra'],
      ['backup'],
      ['restore', 'a', 'b'],
      ['migrate', '--force'],
      ['status', '--jsno'],
    ]) {
      const r = await kubelab(url, ...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr, args.join(' ')).toContain('Usage: npm run -s kubelab -- db <command>')
    }
    expect(await kubelab(url, '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('backup FILE') })
    expect(await kubelab('mysql://x', 'migrate')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('DATABASE_URL must be a SQLite file URL'),
    })
    expect(await kubelab('postgresql://u:secret@127.0.0.1:1/x', 'backup', join(dir, 'p.db'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('pg_dump'),
    })
  })

  it('never prints a PostgreSQL password', () => {
    expect(describeDatabase('postgresql://kubelab:s3cret@db.example.org:5432/kubelab?sslmode=require')).toBe(
      'PostgreSQL kubelab@db.example.org:5432/kubelab',
    )
  })

  it('says a database it cannot reach is an I/O error (exit 2), without the password', async () => {
    const r = await kubelab('postgresql://kubelab:s3cret@127.0.0.1:1/kubelab', 'migrate')
    expect(r).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('could not migrate PostgreSQL kubelab@127.0.0.1:1/kubelab: connect ECONNREFUSED'),
    })
    expect(r.stderr).not.toContain('s3cret')
  })
})

describe.skipIf(!postgresAdminUrl)('kubelab db (PostgreSQL)', () => {
  it('migrates a new database once; status agrees', async () => {
    const name = `kubelab_test_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: postgresAdminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    try {
      const url = new URL(postgresAdminUrl!)
      url.pathname = `/${name}`
      const known = listMigrations('postgresql').map((m) => m.name)
      expect(await kubelab(url.toString(), 'status')).toMatchObject({ code: 1 })
      expect(await kubelab(url.toString(), 'migrate')).toMatchObject({
        code: 0,
        stdout: expect.stringContaining(`applied ${known.length} migration`),
      })
      expect(await kubelab(url.toString(), 'migrate')).toMatchObject({ code: 0, stdout: expect.stringContaining('up to date') })
      expect(JSON.parse((await kubelab(url.toString(), 'status', '--json')).stdout)).toMatchObject({
        applied: known,
        pending: [],
        unknown: [],
      })
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  })
})
