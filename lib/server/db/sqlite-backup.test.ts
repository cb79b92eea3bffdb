/**
 * SQLite in WAL mode, `backupSqlite` while another process writes, and `restoreSqlite` end to end: the backup is
 * one consistent moment of the database, a restore puts exactly that back, keeps the replaced file as .bak,
 * and refuses a database in use, a damaged file, a file that is not Kubelab's and one from a newer Kubelab.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb, type Db } from './client.ts'
import { listMigrations, migrate } from './migrate.ts'
import { backupSqlite, checkSqliteFile, restoreSqlite, SqliteBackupError } from './sqlite-backup.ts'

const cleanup: Array<() => unknown> = []
afterEach(async () => {
  for (const task of cleanup.splice(0).reverse()) await task()
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-backup-'))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

function openDb(url: string): Db {
  const db = createDb(url)
  cleanup.push(() => db.$disconnect())
  return db
}

async function migratedDatabase(): Promise<{ dir: string; path: string; url: string }> {
  const dir = tempDir()
  const path = join(dir, 'kubelab.db')
  const url = `file:${path}`
  await migrate(url)
  return { dir, path, url }
}

function userIds(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return (db.prepare('SELECT id FROM "User" ORDER BY id').all() as { id: string }[]).map((r) => r.id)
  } finally {
    db.close()
  }
}

/** Another process inserting users w-000001, w-000002, … one transaction each, until told to stop. */
function startWriter(path: string): { child: ChildProcess; started: Promise<void>; stop: () => Promise<number> } {
  const script = `
    const Database = require('better-sqlite3')
    const db = new Database(process.argv[2], { timeout: 5000 })
    const insert = db.prepare('INSERT INTO "User" (id, email, updatedAt) VALUES (?, ?, CURRENT_TIMESTAMP)')
    let n = 0, stopping = false
    process.on('message', () => { stopping = true })
    const burst = () => {
      for (let i = 0; i < 20; i++) { n++; const id = 'w-' + String(n).padStart(6, '0'); insert.run(id, id + '@example.org') }
      if (n === 200) process.send('started')
      if (stopping) { db.close(); process.send(n); process.exit(0) }
      setImmediate(burst)
    }
    burst()`
  const scriptFile = join(tempDir(), 'writer.cjs')
  writeFileSync(scriptFile, script)
  const child = fork(scriptFile, [path], {
    cwd: process.cwd(),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules') },
  })
  cleanup.push(() => child.kill())
  let startedResolve: () => void
  const started = new Promise<void>((resolve, reject) => {
    startedResolve = resolve
    child.once('exit', (code) => reject(new Error(`the writer exited with ${code} before it wrote 200 users`)))
  })
  const total = new Promise<number>((resolve) =>
    child.on('message', (m) => {
      if (m === 'started') startedResolve()
      else resolve(m as number)
    }),
  )
  return {
    child,
    started,
    stop: async () => {
      child.send('stop')
      const n = await total
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)))
      return n
    },
  }
}

describe('SQLite connections', () => {
  it('are in WAL mode, set where the client connects, even on a file created in rollback mode', async () => {
    const dir = tempDir()
    const path = join(dir, 'plain.db')
    const plain = new Database(path)
    plain.pragma('journal_mode = DELETE')
    plain.exec('CREATE TABLE t (x)')
    expect(plain.pragma('journal_mode', { simple: true })).toBe('delete')
    plain.close()

    const db = openDb(`file:${path}`)
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode')
    expect(mode?.journal_mode).toBe('wal')
    const [timeout] = await db.$queryRawUnsafe<{ timeout: bigint | number }[]>('PRAGMA busy_timeout')
    expect(Number(timeout?.timeout)).toBe(5000)
    // WAL is a property of the file: another connection sees it too
    const other = new Database(path, { readonly: true })
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal')
    other.close()
  })
})

describe('kubelab db backup and restore (SQLite)', () => {
  it('backs up while another process writes, and a restore brings back exactly what the backup held', async () => {
    const { dir, path, url } = await migratedDatabase()
    const db = openDb(url)
    for (const name of ['ada', 'grace', 'linus']) await db.user.create({ data: { id: `u-${name}`, email: `${name}@example.org`, name } })

    const writer = startWriter(path)
    await writer.started
    const backupFile = join(dir, 'backup.db')
    const result = await backupSqlite(url, backupFile)
    await db.user.create({ data: { id: 'u-after-backup', email: 'after@example.org' } })
    const written = await writer.stop()

    // The backup is one moment: the three users, and the writer's users 1..k without a gap, k short of the total.
    expect(result).toMatchObject({ file: backupFile, migrations: listMigrations('sqlite').length })
    expect(result.bytes).toBeGreaterThan(0)
    expect(checkSqliteFile(backupFile).integrity).toEqual(['ok'])
    const inBackup = userIds(backupFile)
    const fromWriter = inBackup.filter((id) => id.startsWith('w-'))
    expect(fromWriter.length).toBeGreaterThanOrEqual(200)
    expect(fromWriter.length).toBeLessThan(written)
    expect(fromWriter).toEqual(Array.from({ length: fromWriter.length }, (_, i) => `w-${String(i + 1).padStart(6, '0')}`))
    expect(inBackup.filter((id) => id.startsWith('u-'))).toEqual(['u-ada', 'u-grace', 'u-linus'])
    // a single file that opens without its -wal
    expect(existsSync(`${backupFile}-wal`)).toBe(false)
    const backupMode = new Database(backupFile, { readonly: true })
    expect(backupMode.pragma('journal_mode', { simple: true })).toBe('delete')
    backupMode.close()

    const before = userIds(path)
    expect(before).toHaveLength(3 + 1 + written)

    // This process still has the database open through Prisma: a restore now would lose its writes.
    await expect(restoreSqlite(url, backupFile)).rejects.toThrow(/is in use: stop every Kubelab server/)
    expect(userIds(path)).toEqual(before)
    await db.$disconnect()

    const restored = await restoreSqlite(url, backupFile)
    expect(restored).toMatchObject({ database: path, previous: `${path}.bak`, status: { pending: [], unknown: [] } })
    expect(userIds(path)).toEqual(inBackup)
    expect(userIds(`${path}.bak`)).toEqual(before)
    expect(readdirSync(dir).filter((f) => f.includes('restoring') || f.includes('partial'))).toEqual([])

    // The restored database is used like any other: WAL, writable, the data there.
    const again = openDb(url)
    const [mode] = await again.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode')
    expect(mode?.journal_mode).toBe('wal')
    expect(await again.user.findUnique({ where: { id: 'u-grace' } })).toMatchObject({ email: 'grace@example.org', name: 'grace' })
    expect(await again.user.findUnique({ where: { id: 'u-after-backup' } })).toBeNull()
    await again.user.create({ data: { id: 'u-new', email: 'new@example.org' } })
    expect(await again.user.count()).toBe(inBackup.length + 1)
  }, 60_000)

  it('restores onto a path with no database yet (no .bak)', async () => {
    const { url: sourceUrl, dir } = await migratedDatabase()
    const backupFile = join(dir, 'b.db')
    await backupSqlite(sourceUrl, backupFile)
    const target = join(tempDir(), 'fresh', 'kubelab.db')
    const result = await restoreSqlite(`file:${target}`, backupFile)
    expect(result.previous).toBeNull()
    expect(checkSqliteFile(target)).toEqual({ integrity: ['ok'], migrations: listMigrations('sqlite').map((m) => m.name) })
  })

  it('refuses a damaged file, a file that is not a Kubelab database and one from a newer Kubelab; nothing changes', async () => {
    const { dir, path, url } = await migratedDatabase()
    const db = openDb(url)
    await db.user.create({ data: { id: 'u-keep', email: 'keep@example.org' } })
    await db.$disconnect()
    const good = join(dir, 'good.db')
    await backupSqlite(url, good)

    const damaged = join(dir, 'damaged.db')
    const bytes = readFileSync(good)
    // overwrite the middle of the second page onward: the header still says SQLite, the b-trees do not add up
    bytes.fill(0x41, 4096 + 100, Math.min(bytes.length, 4096 * 3))
    writeFileSync(damaged, bytes)
    const text = join(dir, 'notes.txt')
    writeFileSync(text, 'not a database at all, just some text that is long enough to look like a file\n'.repeat(100))
    const foreign = join(dir, 'foreign.db')
    const f = new Database(foreign)
    f.exec('CREATE TABLE notes (body TEXT)')
    f.close()
    const newer = join(dir, 'newer.db')
    await backupSqlite(url, newer)
    const n = new Database(newer)
    n.prepare(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('x', 'y', '29991231000000_from_the_future', current_timestamp, 1)",
    ).run()
    n.close()

    await expect(restoreSqlite(url, damaged)).rejects.toThrow(/is damaged|cannot be opened/)
    await expect(restoreSqlite(url, text)).rejects.toThrow(SqliteBackupError)
    await expect(restoreSqlite(url, foreign)).rejects.toThrow(/is not a Kubelab database/)
    await expect(restoreSqlite(url, newer)).rejects.toThrow(/migrated by a newer Kubelab \(29991231000000_from_the_future\)/)
    await expect(restoreSqlite(url, join(dir, 'missing.db'))).rejects.toMatchObject({ reason: 'usage' })
    await expect(restoreSqlite(url, path)).rejects.toThrow(/the database itself/)
    expect(userIds(path)).toEqual(['u-keep'])
    expect(existsSync(`${path}.bak`)).toBe(false)
  })

  it('backup refuses to overwrite without being asked, to write onto the database, and PostgreSQL', async () => {
    const { dir, path, url } = await migratedDatabase()
    const file = join(dir, 'b.db')
    await backupSqlite(url, file)
    await expect(backupSqlite(url, file)).rejects.toThrow(/already exists; choose another name or pass --force/)
    await expect(backupSqlite(url, file, { overwrite: true })).resolves.toMatchObject({ file })
    await expect(backupSqlite(url, path, { overwrite: true })).rejects.toThrow(/another file than the database/)
    await expect(backupSqlite(url, join(dir, 'no', 'such', 'dir.db'))).rejects.toThrow(/does not exist/)
    await expect(backupSqlite(`file:${join(dir, 'missing.db')}`, join(dir, 'c.db'))).rejects.toThrow(/there is no database/)
    await expect(backupSqlite('postgresql://u@h/db', file)).rejects.toThrow(/pg_dump/)
  })
})
