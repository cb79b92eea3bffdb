/**
 * Grades run in worker threads (piscina), never on the thread that answers HTTP requests: a grade that takes
 * long, or dies, costs one worker, not the site. Each grade has a wall-time budget from the moment a worker
 * takes it (then the task is aborted and piscina replaces the worker), each worker a memory limit (V8 kills a
 * worker past it; piscina replaces it), and the queue is bounded (full → "busy", a 503). See ADR 0013. The
 * budgets are the budgeted pool's (budgeted-pool.ts); this adds the exercises its workers hold.
 */
import { createHash } from 'node:crypto'
import type { Exercise } from '../../grading/exercise-schema.ts'
import { BudgetedPool, type BudgetedOutcome, type BudgetedWorkerData } from './budgeted-pool.ts'
import type { StartTicket } from './start-stamps.ts'
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

/** A grade as sent to a worker: the exercise itself, or its index among the pool's exercises. */
type GradeTask = GradeTaskInput | (Omit<GradeTaskInput, 'exercise'> & { exerciseIndex: number })

/** What a worker receives for a grade: the grade and the slot it marks when it starts (start-stamps.ts). */
export type PoolTask = GradeTask & { start: StartTicket }

/** What every worker of a pool starts with (piscina's workerData). */
export interface PoolWorkerData extends BudgetedWorkerData {
  exercises: readonly Exercise[]
}

/** done, stopped (wall time or memory), busy, or failed (a bug: the message is for the log, not for the learner) */
export type PoolOutcome = BudgetedOutcome<GradeTaskOutput>

export const DEFAULT_WALL_TIME_MS = 2000

export class GradingPool {
  /** worker threads this pool runs (threads may be replaced, never added) */
  readonly size: number
  readonly wallTimeMs: number
  readonly memoryMb: number
  private readonly pool: BudgetedPool<GradeTask, GradeTaskOutput>
  /** the exercises the workers hold, by id: their index and what their content was */
  private readonly held: Map<string, { index: number; fingerprint: string }>

  constructor(options: GradingPoolOptions) {
    const exercises = options.exercises ?? []
    this.held = new Map(exercises.map((exercise, index) => [exercise.id, { index, fingerprint: fingerprintOf(exercise) }]))
    this.pool = new BudgetedPool({
      workerFile: options.workerFile,
      threads: options.threads,
      maxQueue: options.maxQueue,
      wallTimeMs: options.wallTimeMs ?? DEFAULT_WALL_TIME_MS,
      queueWaitMs: options.queueWaitMs,
      memoryMb: options.memoryMb,
      niceIncrement: options.niceIncrement,
      workerData: { exercises },
    })
    this.size = this.pool.size
    this.wallTimeMs = this.pool.wallTimeMs
    this.memoryMb = this.pool.memoryMb
  }

  get threads(): number {
    return this.pool.threads
  }

  /** grades running or waiting for a worker */
  get pending(): number {
    return this.pool.pending
  }

  /** grades waiting for a worker thread */
  get queued(): number {
    return this.pool.queued
  }

  /** grades a worker thread is running */
  get running(): number {
    return this.pool.running
  }

  grade(input: GradeTaskInput): Promise<PoolOutcome> {
    const held = this.held.get(input.exercise.id)
    return this.pool.run(
      held?.fingerprint === fingerprintOf(input.exercise)
        ? { exerciseIndex: held.index, submission: input.submission, lang: input.lang }
        : input,
    )
  }

  close(): Promise<void> {
    return this.pool.close()
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
