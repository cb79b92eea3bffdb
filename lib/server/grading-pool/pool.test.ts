import { afterAll, describe, expect, it, vi } from 'vitest'
import { fileURLToPath } from 'node:url'
import { GradingPool } from './pool.ts'
import type { GradeTaskInput } from './task.ts'

const misbehaving = fileURLToPath(new URL('./testdata/misbehaving-worker.mjs', import.meta.url))
const task = (submission: Record<string, unknown>) => ({ exercise: {}, submission, lang: 'en' }) as unknown as GradeTaskInput

describe('the grading pool', () => {
  const pool = new GradingPool({ workerFile: misbehaving, threads: 1, wallTimeMs: 300, maxQueue: 2, queueWaitMs: 5000 })
  afterAll(() => pool.close())

  it('stops a grade that runs past its wall time, replaces the worker and grades the next one', async () => {
    const started = performance.now()
    expect(await pool.grade(task({ spin: true }))).toEqual({ status: 'stopped', limit: 'wallTime', max: 300 })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(await pool.grade(task({}))).toMatchObject({ status: 'done', output: { result: { passed: true } } })
  })

  it('answers a worker that runs out of memory as a memory stop, and keeps grading', async () => {
    // a wall time long enough that a loaded machine's garbage collections near the limit cannot win the race
    const small = new GradingPool({ workerFile: misbehaving, threads: 1, wallTimeMs: 20_000, memoryMb: 32 })
    try {
      expect(await small.grade(task({ hog: true }))).toEqual({ status: 'stopped', limit: 'memory', max: 32 })
      expect(await small.grade(task({}))).toMatchObject({ status: 'done' })
    } finally {
      await small.close()
    }
  })

  it('answers "busy" when the queue is full instead of queueing without end', async () => {
    const running = [pool.grade(task({ spin: true })), pool.grade(task({})), pool.grade(task({}))]
    // what /api/metrics reads: one grade running, two waiting for the thread
    await vi.waitFor(() => expect({ running: pool.running, queued: pool.queued }).toEqual({ running: 1, queued: 2 }))
    const overflow = await pool.grade(task({}))
    expect(overflow).toEqual({ status: 'busy' })
    const settled = await Promise.all(running)
    expect(settled[0]).toMatchObject({ status: 'stopped', limit: 'wallTime' })
    expect(settled.slice(1).map((s) => s.status)).toEqual(['done', 'done'])
    expect({ running: pool.running, queued: pool.queued }).toEqual({ running: 0, queued: 0 })
  })

  it('gives a worker an exercise it holds by its index, and one it does not (or that changed since) whole', async () => {
    const held = { id: 'held', checks: [{ id: 'a' }] } as unknown as GradeTaskInput['exercise']
    const holding = new GradingPool({ workerFile: misbehaving, threads: 1, exercises: [held] })
    const grade = async (exercise: unknown) => {
      const outcome = await holding.grade({ exercise, submission: {}, lang: 'en' } as unknown as GradeTaskInput)
      return outcome.status === 'done' ? outcome.output.result : outcome
    }
    try {
      expect(await grade(held)).toMatchObject({ exercise: 'held', carried: false })
      // the same content loaded again (another copy of the content module): still by index
      expect(await grade(structuredClone(held))).toMatchObject({ exercise: 'held', carried: false })
      expect(await grade({ ...held, checks: [] })).toMatchObject({ exercise: 'held', carried: true })
      expect(await grade({ id: 'other' })).toMatchObject({ exercise: 'other', carried: true })
    } finally {
      await holding.close()
    }
  })

  it('answers "busy" when a grade waits for a worker longer than it may', async () => {
    const slow = new GradingPool({ workerFile: misbehaving, threads: 1, wallTimeMs: 1500, queueWaitMs: 200 })
    try {
      const first = slow.grade(task({ spin: true }))
      expect(await slow.grade(task({}))).toEqual({ status: 'busy' })
      expect(await first).toMatchObject({ status: 'stopped' })
    } finally {
      await slow.close()
    }
  })
})
