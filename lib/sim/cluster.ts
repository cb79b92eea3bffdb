/**
 * The public face of the engine: a cluster you can apply manifests to, run kubectl-like commands against,
 * advance in virtual time and summarise. State stays plain data (cluster.state).
 */
import { applyText, type ApplyResult } from './apply.ts'
import { bootstrapState, type ClusterOptions } from './bootstrap.ts'
import { runUntil, settleInstant } from './engine.ts'
import { runCommand } from './kubectl/run.ts'
import type { RunNotice } from './kubectl/result.ts'
import { listFiles, readFile, removeFile, writeFile, type FileResult } from './files.ts'
import { snapshot, type State } from './snapshot.ts'
import type { ClusterState } from './state.ts'
import type { EventRecord, OverBudget, SimLimits, TimelinePoint } from './model.ts'

export interface RunResult {
  ok: boolean
  output: string
  /** only when `ok` alone does not say it: `kubectl diff` exits 1 when it found differences, 2 on an error */
  exitCode?: number
  /** a simulator limit the terminal may explain in the learner's language (see kubectl/result.ts) */
  notice?: RunNotice
}

export interface Cluster {
  readonly state: ClusterState
  /** virtual seconds since the cluster started */
  readonly now: number
  apply(text: string, options?: { namespace?: string; file?: string }): ApplyResult
  run(commandLine: string): RunResult
  advance(seconds: number): void
  snapshot(): State
  readonly timeline: TimelinePoint[]
  readonly events: EventRecord[]
  /** This cluster's limits and the first one a run reached (null while within budget). */
  readonly budget: { limits: SimLimits; over: OverBudget | null }
  /** The learner's home directory (files.ts): `kubectl apply -f exercise.yaml` and `cat` read these files. */
  writeFile(path: string, text: string): FileResult
  readFile(path: string): string | undefined
  removeFile(path: string): boolean
  listFiles(): string[]
}

export function createCluster(options: ClusterOptions = {}): Cluster {
  return wrapState(bootstrapState(options))
}

/** A Cluster around an existing state (e.g. one posted to a Web Worker). */
export function wrapState(state: ClusterState): Cluster {
  return {
    state,
    get now() {
      return state.now / 1000
    },
    apply(text, options) {
      const r = applyText(state, text, options)
      settleInstant(state)
      return r
    },
    run(commandLine) {
      const withinBudget = state.budget.over === null
      const r = runCommand(state, commandLine)
      settleInstant(state)
      if (r.advanceMs !== undefined) runUntil(state, state.now + r.advanceMs)
      // the command that first met a limit says so, for the terminal to explain (kubectl's line stays the output)
      const notice = r.notice ?? (withinBudget && state.budget.over ? 'overBudget' : undefined)
      return { ok: r.ok, output: r.output, ...(r.exitCode !== undefined ? { exitCode: r.exitCode } : {}), ...(notice ? { notice } : {}) }
    },
    advance(seconds) {
      if (!(seconds >= 0) || !Number.isFinite(seconds)) return
      runUntil(state, state.now + Math.round(seconds * 1000))
    },
    snapshot() {
      return snapshot(state)
    },
    get timeline() {
      return state.timeline
    },
    get events() {
      return state.events.log
    },
    get budget() {
      return { limits: state.budget.limits, over: state.budget.over }
    },
    writeFile: (path, text) => writeFile(state, path, text),
    readFile: (path) => readFile(state, path),
    removeFile: (path) => removeFile(state, path),
    listFiles: () => listFiles(state),
  }
}
