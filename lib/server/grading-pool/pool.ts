/**
 * Grades run in worker threads (piscina), never on the thread that answers HTTP requests: a grade that takes
 * long, or dies, costs one worker, not the site. Each grade has a wall-time budget from the moment a worker
 * takes it (then the task is aborted and piscina replaces the worker), each worker a memory limit (V8 kills a
 * worker past it; piscina replaces it), and the queue is bounded (full → "busy", a 503). See ADR 0013.
 */
import { createHash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import Piscina from 'piscina'
import type { Exercise } from '../../grading/exercise-schema.ts'
import { StartStamps, type StartTicket } from './start-stamps.ts'
import type { GradeTaskInput, GradeTaskOutput } from './task.ts'

export interface GradingPoolOptions {
  /** the bundled worker (bundle.ts) */
  workerFile: string
  /** worker threads (default: the machine's cores) */
  threads?: number
  /** grades waiting for a worker at most (default 16 per thread) */
  maxQueue?: number
  /** a running grade is stopped after this long (default 2 s) */
  wallTimeMs?: number
  /** a grade still waiting for a worker after this long is answered "busy" (default 10 s) */
  queueWaitMs?: number
  /** a worker's V8 heap (old generation) in MiB (default 256) */
  memoryMb?: number
  /** how much lower the workers' CPU priority is than the server's (default 10) */
  niceIncrement?: number
  /**
   * Exercises every worker holds from its start: a grade of one of them (the same content) carries its index,
   * not the exercise. Otherwise each grade copied the exercise (9 KB, hundreds of small objects) into the worker:
   * serialised on the request thread, deserialised in the worker.
   */
  exercises?: readonly Exercise[]
}

/** What a worker receives for a grade: the exercise itself, or its index among the pool's exercises. */
export type PoolTask = (GradeTaskInput | (Omit<GradeTaskInput, 'exercise'> & { exerciseIndex: number })) & { start: StartTicket }

/** What every worker of a pool starts with (piscina's workerData). */
export interface PoolWorkerData {
  startStamps: SharedArrayBuffer
  exercises: readonly Exercise[]
}

export type PoolOutcome =
  | { status: 'done'; output: GradeTaskOutput }
  /** the grade was stopped: too long (wall time) or too much memory */
  | { status: 'stopped'; limit: 'wallTime' | 'memory'; max: number }
  /** every worker is busy and the queue is full, or the grade waited too long for a worker */
  | { status: 'busy' }
  /** the worker failed otherwise (a bug): the message is for the log, not for the learner */
  | { status: 'failed'; message: string }

export const DEFAULT_WALL_TIME_MS = 2000

export class GradingPool {
  /** worker threads this pool runs (threads may be replaced, never added) */
  readonly size: number
  readonly wallTimeMs: number
  readonly memoryMb: number
  private readonly queueWaitMs: number
  /** grades running or waiting: counted here, because piscina's own queue limit depends on its workers' states */
  private inflight = 0
  private readonly capacity: number
  private readonly piscina: Piscina<PoolTask, GradeTaskOutput>
  /** the exercises the workers hold, by id: their index and what their content was */
  private readonly held: Map<string, { index: number; fingerprint: string }>
  /** when each grade in flight started, written by its worker (start-stamps.ts) */
  private readonly stamps: StartStamps
  private readonly waiting = new Map<StartTicket, { queuedAt: number; stop: (why: 'queue' | 'wallTime') => void }>()
  /** one timer for every grade in flight, while there are any: stops those past their queue wait or wall time */
  private sweeper: ReturnType<typeof setInterval> | null = null
  private readonly sweepMs: number

  constructor(options: GradingPoolOptions) {
    const threads = Math.max(1, options.threads ?? availableParallelism())
    this.size = threads
    this.wallTimeMs = options.wallTimeMs ?? DEFAULT_WALL_TIME_MS
    this.queueWaitMs = options.queueWaitMs ?? 10_000
    this.memoryMb = options.memoryMb ?? 256
    this.capacity = threads + (options.maxQueue ?? threads * 16)
    this.stamps = new StartStamps(this.capacity)
    // a grade is stopped at most this long after its budget ran out
    this.sweepMs = Math.min(50, Math.max(5, Math.floor(Math.min(this.wallTimeMs, this.queueWaitMs) / 20)))
    const exercises = options.exercises ?? []
    this.held = new Map(exercises.map((exercise, index) => [exercise.id, { index, fingerprint: fingerprintOf(exercise) }]))
    const workerData: PoolWorkerData = { startStamps: this.stamps.buffer, exercises }
    this.piscina = new Piscina({
      filename: options.workerFile,
      workerData,
      minThreads: threads,
      maxThreads: threads,
      maxQueue: options.maxQueue ?? threads * 16,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      // Grading threads yield to the thread that answers requests when cores are short (Linux: per-thread nice).
      niceIncrement: options.niceIncrement ?? 10,
    })
    // A worker that dies is replaced by piscina; its task is rejected (handled in grade()). Nothing else to do.
    this.piscina.on('error', () => {})
  }

  get threads(): number {
    return this.piscina.threads.length
  }

  /** grades running or waiting for a worker */
  get pending(): number {
    return this.inflight
  }

  /** grades waiting for a worker thread */
  get queued(): number {
    return this.piscina.queueSize
  }

  /** grades a worker thread is running */
  get running(): number {
    return Math.max(0, this.inflight - this.piscina.queueSize)
  }

  async grade(input: GradeTaskInput): Promise<PoolOutcome> {
    if (this.inflight >= this.capacity) return { status: 'busy' }
    const start = this.stamps.take()
    if (!start) return { status: 'busy' }
    this.inflight++
    const abort = new AbortController()
    let stoppedFor: 'queue' | 'wallTime' | null = null
    this.waiting.set(start, {
      queuedAt: Date.now(),
      stop: (why) => {
        stoppedFor = why
        abort.abort()
      },
    })
    this.sweeper ??= setInterval(() => this.sweep(), this.sweepMs)
    try {
      const held = this.held.get(input.exercise.id)
      const task: PoolTask = held?.fingerprint === fingerprintOf(input.exercise) ? { exerciseIndex: held.index, submission: input.submission, lang: input.lang, start } : { ...input, start }
      const output = await this.piscina.run(task, { signal: abort.signal })
      return { status: 'done', output }
    } catch (error) {
      if (stoppedFor === 'wallTime') return { status: 'stopped', limit: 'wallTime', max: this.wallTimeMs }
      if (stoppedFor === 'queue') return { status: 'busy' }
      const err = error as Error & { code?: string }
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return { status: 'stopped', limit: 'memory', max: this.memoryMb }
      if (/queue is at limit|no task queue available/i.test(err.message)) return { status: 'busy' }
      return { status: 'failed', message: err.message }
    } finally {
      this.inflight--
      this.waiting.delete(start)
      this.stamps.release(start)
      if (this.waiting.size === 0 && this.sweeper) {
        clearInterval(this.sweeper)
        this.sweeper = null
      }
    }
  }

  /** Stops the grades that waited for a worker longer than they may, or ran past their wall time. */
  private sweep(): void {
    const now = Date.now()
    for (const [start, grade] of this.waiting) {
      const startedAt = this.stamps.startedAt(start)
      if (startedAt === null ? now - grade.queuedAt > this.queueWaitMs : now - startedAt > this.wallTimeMs) {
        this.waiting.delete(start) // stopped once
        grade.stop(startedAt === null ? 'queue' : 'wallTime')
      }
    }
  }

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper)
    this.sweeper = null
    await this.piscina.destroy()
  }
}

const fingerprints = new WeakMap<Exercise, string>()

/** What an exercise says, in short; computed once per exercise object (content is loaded once in production). */
function fingerprintOf(exercise: Exercise): string {
  let fingerprint = fingerprints.get(exercise)
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256').update(JSON.stringify(exercise)).digest('base64')
    fingerprints.set(exercise, fingerprint)
  }
  return fingerprint
}
