/**
 * A grade stored while another connection writes to the same SQLite file (a `kubelab` command run on the server, a
 * test's fixtures): the grade waits for that write and is stored, never a 500. Before, the transaction began by
 * reading (the storage quota) and could not become a writer once the other connection had committed (P1008).
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { accountOperations } from './accounts.ts'
import { cliActor } from './audit.ts'
import { sqlitePath } from '../db/sqlite-path.ts'
import { useTestDatabase } from '../../testing/db.ts'
import type { GradeResult } from '../../grading/result.ts'

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3')

/** Another process takes the write lock, writes a row, and commits `holdMs` later; resolves once it holds the lock. */
function writeFromAnotherProcess(file: string, holdMs: number): Promise<{ done: Promise<number> }> {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)})
    const db = new Database(${JSON.stringify(file)})
    db.pragma('busy_timeout = 5000')
    db.exec('BEGIN IMMEDIATE')
    db.prepare('UPDATE "User" SET "name" = ? WHERE "email" = ?').run('written elsewhere', 'other@example.org')
    process.stdout.write('locked\\n')
    setTimeout(() => { db.exec('COMMIT'); db.close() }, ${holdMs})
  `
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)))
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve({ done })
    })
    child.on('error', reject)
  })
}

const result: GradeResult = {
  exercise: 'pod-first-manifest',
  passed: false,
  score: 0.5,
  checks: [],
  validation: { valid: true, errors: [] },
  durationMs: 2,
}

describe('a grade stored while another connection writes (SQLite)', () => {
  const { database, dal } = useTestDatabase()

  it('waits for the other write and is stored, with the other write kept too', async () => {
    const ops = accountOperations(database.db)
    const learner = await ops.create(cliActor, { email: 'learner@example.org', role: 'learner', password: 'password-123' })
    await ops.create(cliActor, { email: 'other@example.org', role: 'learner', password: 'password-123' })
    const viewer = { id: learner.id, role: 'learner' as const }
    // the learner's first grade opens the connection (and a read snapshot's worth of history)
    await dal.progress.recordSubmission(viewer, {
      courseId: 'kubernetes-basics',
      lessonId: 'pod',
      exerciseId: 'pod-first-manifest',
      kind: 'manifest',
      source: 'first',
      result,
    })

    const other = await writeFromAnotherProcess(sqlitePath(database.url), 300)
    const stored = await dal.progress.recordSubmission(viewer, {
      courseId: 'kubernetes-basics',
      lessonId: 'pod',
      exerciseId: 'pod-first-manifest',
      kind: 'manifest',
      source: 'second',
      result,
    })
    expect(await other.done).toBe(0)
    expect(stored.exercise.attempts).toBe(2)
    expect(await database.db.submission.count({ where: { userId: learner.id } })).toBe(2)
    expect((await database.db.user.findUnique({ where: { email: 'other@example.org' } }))?.name).toBe('written elsewhere')
  })
})
