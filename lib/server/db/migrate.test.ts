import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import {
  listMigrations,
  migrate,
  migrateSqlite,
  MigrationChecksumError,
  MigrationForeignKeyError,
  MigrationsMissingError,
  type Migration,
} from './migrate.ts'
import { compareMigrations, migrationStatus } from './migration-status.ts'
import { providers, readModels, snapshotFile } from '../../../prisma/providers.ts'

const dirs: string[] = []
function tempDbUrl(): { url: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-migrate-'))
  dirs.push(dir)
  const path = join(dir, 'db.sqlite')
  return { url: `file:${path}`, path }
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('migration runner', () => {
  it('applies every migration once and records it in _prisma_migrations', async () => {
    const { url, path } = tempDbUrl()
    const all = listMigrations('sqlite').map((m) => m.name)
    expect(all.length).toBeGreaterThan(0)
    expect(await migrate(url)).toEqual(all)
    expect(await migrate(url)).toEqual([])
    const db = new Database(path)
    const recorded = db.prepare('SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name').all() as {
      migration_name: string
      finished_at: string | null
    }[]
    expect(recorded.map((r) => r.migration_name)).toEqual(all)
    expect(recorded.every((r) => r.finished_at !== null)).toBe(true)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='User'").get()).toBeTruthy()
    db.close()
  })

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const { url, path } = tempDbUrl()
    await migrate(url)
    const db = new Database(path)
    db.prepare('UPDATE _prisma_migrations SET checksum = ?').run('0'.repeat(64))
    db.close()
    await expect(migrate(url)).rejects.toBeInstanceOf(MigrationChecksumError)
  })

  it('reads the migrations from the working directory and fails loudly where there are none', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'kubelab-no-migrations-'))
    dirs.push(elsewhere)
    expect(() => listMigrations('sqlite', elsewhere)).toThrow(MigrationsMissingError)
    expect(() => listMigrations('sqlite', elsewhere)).toThrow(/start Kubelab from its own directory/)
  })

  it('reports applied, pending and unknown migrations without creating anything', async () => {
    const { url, path } = tempDbUrl()
    const all = listMigrations('sqlite').map((m) => m.name)
    expect(await migrationStatus(url)).toEqual({ applied: [], pending: all, unknown: [] })
    expect(existsSync(path)).toBe(false)
    await migrate(url)
    expect(await migrationStatus(url)).toEqual({ applied: all, pending: [], unknown: [] })
    // a database a newer Kubelab migrated: its extra migration is unknown here, nothing is pending
    expect(compareMigrations('sqlite', [...all, '29990101000000_later'])).toEqual({
      applied: all,
      pending: [],
      unknown: ['29990101000000_later'],
    })
    expect(compareMigrations('sqlite', all.slice(1))).toEqual({ applied: all.slice(1), pending: all.slice(0, 1), unknown: [] })
  })

  it.each(providers)('has a migration for every change to prisma/models.prisma (%s)', (provider) => {
    // Fails when models.prisma was edited without `npm run db:migration -- <name>`.
    expect(readFileSync(snapshotFile(provider), 'utf8')).toBe(readModels())
  })
})

describe('SQLite table rebuilds', () => {
  const parentAndChild: Migration = {
    name: '1_init',
    sql: 'CREATE TABLE "Parent" ("id" TEXT PRIMARY KEY); CREATE TABLE "Child" ("id" TEXT PRIMARY KEY, "parentId" TEXT NOT NULL REFERENCES "Parent"("id") ON DELETE CASCADE);',
    checksum: 'a',
  }
  // What `prisma migrate diff` writes for SQLite when a column changes: a new table, a copy, DROP, rename.
  const rebuildParent: Migration = {
    name: '2_rebuild',
    sql: `PRAGMA defer_foreign_keys=ON; PRAGMA foreign_keys=OFF;
      CREATE TABLE "new_Parent" ("id" TEXT PRIMARY KEY, "note" TEXT NOT NULL DEFAULT '');
      INSERT INTO "new_Parent" ("id") SELECT "id" FROM "Parent";
      DROP TABLE "Parent"; ALTER TABLE "new_Parent" RENAME TO "Parent";
      PRAGMA foreign_keys=ON; PRAGMA defer_foreign_keys=OFF;`,
    checksum: 'b',
  }

  it('keep the child rows of a rebuilt table (the DROP does not cascade)', () => {
    const { url, path } = tempDbUrl()
    migrateSqlite(url, [parentAndChild])
    const db = new Database(path)
    db.prepare(`INSERT INTO "Parent" ("id") VALUES ('p')`).run()
    db.prepare(`INSERT INTO "Child" ("id", "parentId") VALUES ('c', 'p')`).run()
    db.close()
    expect(migrateSqlite(url, [parentAndChild, rebuildParent])).toEqual(['2_rebuild'])
    const after = new Database(path)
    expect(after.prepare('SELECT count(*) AS n FROM "Child"').get()).toEqual({ n: 1 })
    expect(after.pragma('foreign_keys', { simple: true })).toBe(1)
    after.close()
  })

  it('refuse a migration that leaves dangling references, and apply nothing of it', () => {
    const { url, path } = tempDbUrl()
    migrateSqlite(url, [parentAndChild])
    const db = new Database(path)
    db.prepare(`INSERT INTO "Parent" ("id") VALUES ('p')`).run()
    db.prepare(`INSERT INTO "Child" ("id", "parentId") VALUES ('c', 'p')`).run()
    db.close()
    const dropsParents: Migration = { name: '2_drop', sql: 'DELETE FROM "Parent";', checksum: 'c' }
    expect(() => migrateSqlite(url, [parentAndChild, dropsParents])).toThrow(MigrationForeignKeyError)
    const after = new Database(path)
    expect(after.prepare('SELECT count(*) AS n FROM "Parent"').get()).toEqual({ n: 1 })
    expect(after.prepare(`SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name = '2_drop'`).get()).toEqual({ n: 0 })
    after.close()
  })
})
