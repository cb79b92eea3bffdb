/**
 * A signed-in learner's grade on the database, without HTTP or grading: the storage-quota check before grading and
 * the transaction that stores the submission and the lesson's progress (what the grade route does after the
 * pool answers), for one learner with a growing history of the same exercise, on a fresh SQLite database.
 * Prints the median and p99 ms per grade at each history size.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb } from '../lib/server/db/client.ts'
import { migrate } from '../lib/server/db/migrate.ts'
import { createDal } from '../lib/server/dal/index.ts'
import type { GradeResult } from '../lib/grading/result.ts'

const result: GradeResult = {
  exercise: 'deployment-web',
  passed: true,
  score: 1,
  checks: [{ id: 'replicas', passed: true, message: 'ok', hint: null, line: 6, weight: 1 }],
  validation: { valid: true, errors: [] },
  durationMs: 2,
}
const source = 'apiVersion: apps/v1\nkind: Deployment\n' + 'metadata:\n  name: web\n'.repeat(20)

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-bench-storage-'))
  const url = `file:${join(dir, 'bench.db')}`
  await migrate(url)
  const db = createDb(url)
  const quota = { submissionsPerHour: 10_000_000, submissionsTotal: 10_000_000, sourcesPerExercise: 10 }
  const dal = createDal(db, { quota })
  try {
    const user = await dal.users.upsertWithRole('bench@example.org', 'bench-password', 'learner', 'Bench')
    const viewer = { id: user.id, role: user.role }
    const stops = (process.env.HISTORY ?? '100,1000,3000').split(',').map(Number)
    let done = 0
    for (const stop of stops) {
      const times: number[] = []
      while (done < stop) {
        const started = performance.now()
        await dal.progress.submissionQuota(viewer)
        await dal.progress.recordSubmission(viewer, {
          courseId: 'kubernetes-basics',
          lessonId: 'deployment',
          exerciseId: 'deployment-web',
          kind: 'manifest',
          source,
          result,
        })
        times.push(performance.now() - started)
        done++
      }
      const last = times.slice(-Math.min(100, times.length)).sort((a, b) => a - b)
      const at = (p: number) => last[Math.min(last.length - 1, Math.ceil((p / 100) * last.length) - 1)]!.toFixed(2)
      console.log(`history ${String(stop).padStart(5)}: ${at(50)} ms median, ${at(99)} ms p99 per stored grade (the last ${last.length})`)
    }
  } finally {
    await db.$disconnect()
    rmSync(dir, { recursive: true, force: true })
  }
}
