/** The Prisma client counts and logs every failed operation, and still throws it to its caller. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createDb } from '../db/client.ts'
import { migrate } from '../db/migrate.ts'
import { useLogger } from './log.ts'
import { metrics } from './metrics.ts'
import { memoryLogger } from '../../testing/logger.ts'

const dir = mkdtempSync(join(tmpdir(), 'kubelab-db-errors-'))
const url = `file:${join(dir, 'kubelab.db')}`
const { logger, lines } = memoryLogger()
useLogger(logger)
afterAll(() => {
  useLogger(null)
  rmSync(dir, { recursive: true, force: true })
})

async function errors(): Promise<Record<string, number>> {
  const got = await metrics().databaseErrors.get()
  return Object.fromEntries(got.values.map((v) => [`${v.labels.model}.${v.labels.operation} ${v.labels.code}`, v.value]))
}

describe('database errors', () => {
  it('are counted by model, operation and code, logged without the query, and thrown as before', async () => {
    const db = createDb(url)
    try {
      // no tables yet
      await expect(db.user.count()).rejects.toThrow()
      expect(Object.keys(await errors()).some((k) => k.startsWith('User.count '))).toBe(true)
      await migrate(url)
      await db.user.create({ data: { email: 'twice@example.org', name: 'A', passwordHash: 'secret-hash-value' } })
      await expect(
        db.user.create({ data: { email: 'twice@example.org', name: 'B', passwordHash: 'secret-hash-value' } }),
      ).rejects.toMatchObject({ code: 'P2002' })
      expect((await errors())['User.create P2002']).toBe(1)
      // inside a transaction too
      await expect(
        db.$transaction(async (tx) =>
          tx.user.create({ data: { email: 'twice@example.org', name: 'C', passwordHash: 'secret-hash-value' } }),
        ),
      ).rejects.toMatchObject({ code: 'P2002' })
      expect((await errors())['User.create P2002']).toBe(2)
      const logged = lines.filter((l) => l.event === 'db.error')
      expect(logged.length).toBeGreaterThanOrEqual(3)
      expect(logged.at(-1)).toMatchObject({ level: 'warn', model: 'User', operation: 'create', code: 'P2002' })
      expect(JSON.stringify(logged)).not.toContain('secret-hash-value')
      // a working query counts nothing
      const before = await errors()
      expect(await db.user.count()).toBe(1)
      expect(await errors()).toEqual(before)
    } finally {
      await db.$disconnect()
    }
  })
})
