/**
 * Promises over the simulator worker: each request gets an id, the response with that id settles it.
 * Framework-free (the React hook only manages its lifetime), so it is tested with a fake worker.
 */
import type { ApplyResult, FileResult, RunResult, State } from '@/lib/sim/index'
import type { CheckRun, Recording, SimOp, SimOps, SimResponse } from './protocol'
import type { BrowserExercise } from '@/lib/grading/checklist'
import type { Locale } from '@/i18n/locales'

/** The part of `Worker` the client uses. */
export interface WorkerLike {
  postMessage(message: unknown): void
  terminate(): void
  onmessage: ((event: MessageEvent) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
}

export class SimulatorError extends Error {
  override name = 'SimulatorError'
}

export interface SimulatorApi {
  reset(options?: { seed?: number; nodes?: number }): Promise<State>
  apply(yaml: string): Promise<ApplyResult & { state: State }>
  /** `exitCode` and `notice` as RunResult (lib/sim/cluster.ts) carries them */
  run(command: string): Promise<RunResult & { state: State }>
  advance(seconds: number): Promise<State>
  snapshot(): Promise<State>
  record(seconds: number, step?: number): Promise<Recording>
  complete(line: string): Promise<string[]>
  /** A file in the learner's home directory (`kubectl apply -f exercise.yaml`, `cat exercise.yaml`); kept across `reset`. */
  writeFile(path: string, text: string): Promise<FileResult>
  removeFile(path: string): Promise<{ removed: boolean }>
  listFiles(): Promise<string[]>
  /** The live checklist: the exercise's public checks on the learner's YAML, on a cluster of their own. */
  check(exercise: BrowserExercise, yaml: string, lang: Locale): Promise<CheckRun>
  /** Run in the workspace: apply the learner's YAML, then record what the cluster does (default 120 s). */
  applyAndRecord(yaml: string, options?: { seconds?: number; step?: number }): Promise<{ apply: ApplyResult; recording: Recording | null }>
}

export interface ClientHooks {
  /** every response that carries the cluster's state (apply, run, advance, snapshot, reset, record) */
  onState?(state: State): void
  /** the worker failed as a whole (did not load, crashed); pending requests are rejected too */
  onError?(message: string): void
}

export const DEFAULT_RECORD_SECONDS = 120

function stateOf(op: SimOp, result: unknown): State | null {
  if (op === 'reset' || op === 'advance' || op === 'snapshot') return result as State
  if (op === 'apply' || op === 'run') return (result as { state: State }).state
  if (op === 'record') return (result as Recording).frames.at(-1)?.state ?? null
  return null
}

export class SimulatorClient implements SimulatorApi {
  private nextId = 1
  private pending = new Map<number, { op: SimOp; resolve(value: unknown): void; reject(error: Error): void }>()
  private dead: string | null = null

  constructor(
    private readonly worker: WorkerLike,
    private readonly hooks: ClientHooks = {},
  ) {
    worker.onmessage = (event) => this.receive(event.data as SimResponse)
    worker.onerror = (event) => this.fail(event.message || 'the simulator worker failed to start')
    worker.onmessageerror = () => this.fail('a simulator message could not be read')
  }

  call<K extends SimOp>(op: K, args: SimOps[K]['args']): Promise<SimOps[K]['result']> {
    if (this.dead) return Promise.reject(new SimulatorError(this.dead))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { op, resolve: resolve as (v: unknown) => void, reject })
      this.worker.postMessage({ id, op, args })
    })
  }

  /** Stops the worker; whatever is still waiting is rejected rather than left hanging. */
  terminate(): void {
    if (this.dead) return
    this.worker.terminate()
    this.fail('the simulator was stopped', false)
  }

  get pendingCount(): number {
    return this.pending.size
  }

  private receive(response: SimResponse): void {
    const waiting = this.pending.get(response.id)
    if (!waiting) return
    this.pending.delete(response.id)
    if (!response.ok) {
      waiting.reject(new SimulatorError(response.error))
      return
    }
    const state = stateOf(waiting.op, response.result)
    if (state) this.hooks.onState?.(state)
    waiting.resolve(response.result)
  }

  private fail(message: string, report = true): void {
    this.dead = message
    for (const p of this.pending.values()) p.reject(new SimulatorError(message))
    this.pending.clear()
    if (report) this.hooks.onError?.(message)
  }

  reset = (options: { seed?: number; nodes?: number } = {}) => this.call('reset', options)
  apply = (yaml: string) => this.call('apply', { yaml })
  run = (command: string) => this.call('run', { command })
  advance = (seconds: number) => this.call('advance', { seconds })
  snapshot = () => this.call('snapshot', {})
  record = (seconds: number, step?: number) => this.call('record', { seconds, step })
  complete = (line: string) => this.call('complete', { line })
  writeFile = (path: string, text: string) => this.call('writeFile', { path, text })
  removeFile = (path: string) => this.call('removeFile', { path })
  listFiles = () => this.call('listFiles', {})
  check = (exercise: BrowserExercise, yaml: string, lang: Locale) => this.call('check', { exercise, yaml, lang })
  applyAndRecord = async (yaml: string, options: { seconds?: number; step?: number } = {}) => {
    const { state: _state, ...apply } = await this.apply(yaml)
    // Nothing was applied when every document was refused: there is nothing to watch.
    const applied = apply.ok || /\b(created|configured|unchanged)\b/.test(apply.output)
    const recording = applied ? await this.record(options.seconds ?? DEFAULT_RECORD_SECONDS, options.step) : null
    return { apply, recording }
  }
}
