/**
 * Worker threads (piscina) that run tasks with a budget, never on the thread that answers HTTP requests: a task that
 * takes long, or dies, costs one worker, not the site. Each task has a wall-time budget from the moment a worker
 * takes it (then the task is aborted and piscina replaces the worker), each worker a memory limit (V8 kills a worker
 * past it; piscina replaces it), and the queue is bounded (full → "busy"). The grading pool (pool.ts, ADR 0013) and
 * the studio's gate (lib/server/studio-gate, ADR 0020) are both one of these.
 *
 * The worker marks when it takes a task with `markStarted(new BigInt64Array(workerData.startStamps), task.start)`
 * (start-stamps.ts), so the budget counts the task's own run, not its wait in the queue.
 */
import { availableParallelism } from 'node:os'
import Piscina from 'piscina'
import { StartStamps, type StartTicket } from './start-stamps.ts'

export interface BudgetedPoolOptions {
  /** the bundled worker (bundle.ts) */
  workerFile: string
  /** worker threads at most (default: the machine's cores) */
  threads?: number
  /** tasks waiting for a worker at most (default 16 per thread) */
  maxQueue?: number
  /** a running task is stopped after this long (each run may ask for its own) */
  wallTimeMs: number
  /** a task still waiting for a worker after this long is answered "busy" (default 10 s) */
  queueWaitMs?: number
  /** a worker's V8 heap (old generation) in MiB (default 256) */
  memoryMb?: number
  /** how much lower the workers' CPU priority is than the server's (default 10) */
  niceIncrement?: number
  /** what every worker starts with besides `startStamps` (piscina's workerData) */
  workerData?: Record<string, unknown>
}

/** What every worker of a budgeted pool starts with (piscina's workerData). */
export interface BudgetedWorkerData {
  startStamps: SharedArrayBuffer
}

export type BudgetedOutcome<Output> =
  | { status: 'done'; output: Output }
  /** the task was stopped: too long (wall time, ms) or too much memory (MiB) */
  | { status: 'stopped'; limit: 'wallTime' | 'memory'; max: number }
  /** every worker is busy and the queue is full, or the task waited too long for a worker */
  | { status: 'busy' }
  /** the worker failed otherwise (a bug): the message is for the log, not for the person who asked */
  | { status: 'failed'; message: string }

export class BudgetedPool<Task extends object, Output> {
  /** worker threads this pool runs at most (threads may be replaced, never added past this) */
  readonly size: number
  readonly wallTimeMs: number
  readonly memoryMb: number
  private readonly queueWaitMs: number
  /** tasks running or waiting: counted here, because piscina's own queue limit depends on its workers' states */
  private inflight = 0
  private readonly capacity: number
  private readonly piscina: Piscina<Task & { start: StartTicket }, Output>
  /** when each task in flight started, written by its worker (start-stamps.ts) */
  private readonly stamps: StartStamps
  private readonly waiting = new Map<
    StartTicket,
    { queuedAt: number; wallTimeMs: number; queueWaitMs: number; stop: (why: 'queue' | 'wallTime') => void }
  >()
  /** one timer for every task in flight, while there are any: stops those past their queue wait or wall time */
  private sweeper: ReturnType<typeof setInterval> | null = null
  private readonly sweepMs: number

  constructor(options: BudgetedPoolOptions) {
    const threads = Math.max(1, options.threads ?? availableParallelism())
    this.size = threads
    this.wallTimeMs = options.wallTimeMs
    this.queueWaitMs = options.queueWaitMs ?? 10_000
    this.memoryMb = options.memoryMb ?? 256
    this.capacity = threads + (options.maxQueue ?? threads * 16)
    this.stamps = new StartStamps(this.capacity)
    // a task is stopped at most this long after its budget ran out
    this.sweepMs = Math.min(50, Math.max(5, Math.floor(Math.min(this.wallTimeMs, this.queueWaitMs) / 20)))
    const workerData: BudgetedWorkerData = { ...options.workerData, startStamps: this.stamps.buffer }
    this.piscina = new Piscina({
      filename: options.workerFile,
      workerData,
      minThreads: threads,
      maxThreads: threads,
      maxQueue: options.maxQueue ?? threads * 16,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      // Worker threads yield to the thread that answers requests when cores are short (Linux: per-thread nice).
      niceIncrement: options.niceIncrement ?? 10,
    })
    // A worker that dies is replaced by piscina; its task is rejected (handled in run()). Nothing else to do.
    this.piscina.on('error', () => {})
  }

  get threads(): number {
    return this.piscina.threads.length
  }

  /** tasks running or waiting for a worker */
  get pending(): number {
    return this.inflight
  }

  /** tasks waiting for a worker thread */
  get queued(): number {
    return this.piscina.queueSize
  }

  /** tasks a worker thread is running */
  get running(): number {
    return Math.max(0, this.inflight - this.piscina.queueSize)
  }

  /** Runs `task` in a worker, within the pool's budgets or the ones given for this task. */
  async run(task: Task, budget: { wallTimeMs?: number; queueWaitMs?: number } = {}): Promise<BudgetedOutcome<Output>> {
    if (this.inflight >= this.capacity) return { status: 'busy' }
    const start = this.stamps.take()
    if (!start) return { status: 'busy' }
    this.inflight++
    const wallTimeMs = budget.wallTimeMs ?? this.wallTimeMs
    const abort = new AbortController()
    let stoppedFor: 'queue' | 'wallTime' | null = null
    this.waiting.set(start, {
      queuedAt: Date.now(),
      wallTimeMs,
      queueWaitMs: budget.queueWaitMs ?? this.queueWaitMs,
      stop: (why) => {
        stoppedFor = why
        abort.abort()
      },
    })
    this.sweeper ??= setInterval(() => this.sweep(), this.sweepMs)
    try {
      const output = await this.piscina.run({ ...task, start }, { signal: abort.signal })
      return { status: 'done', output }
    } catch (error) {
      if (stoppedFor === 'wallTime') return { status: 'stopped', limit: 'wallTime', max: wallTimeMs }
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

  /** Stops the tasks that waited for a worker longer than they may, or ran past their wall time. */
  private sweep(): void {
    const now = Date.now()
    for (const [start, task] of this.waiting) {
      const startedAt = this.stamps.startedAt(start)
      if (startedAt === null ? now - task.queuedAt > task.queueWaitMs : now - startedAt > task.wallTimeMs) {
        this.waiting.delete(start) // stopped once
        task.stop(startedAt === null ? 'queue' : 'wallTime')
      }
    }
  }

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper)
    this.sweeper = null
    await this.piscina.destroy()
  }
}
