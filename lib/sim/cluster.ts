/**
 * The public face of the engine: a cluster you can apply manifests to, run kubectl-like commands against,
 * advance in virtual time and summarise. State stays plain data (cluster.state).
 */
import type { Diagnostic } from './k8s.ts'
import { applyText, type ApplyResult } from './apply.ts'
import { bootstrapState, type ClusterOptions } from './bootstrap.ts'
import { runUntil, settleInstant } from './engine.ts'
import type { EventRecord } from './events.ts'
import { runCommand } from './kubectl/run.ts'
import { snapshot, type State } from './snapshot.ts'
import type { ClusterState } from './state.ts'
import type { TimelinePoint } from './timeline.ts'

export interface RunResult {
  ok: boolean
  output: string
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
      const r = runCommand(state, commandLine)
      settleInstant(state)
      if (r.advanceMs !== undefined) runUntil(state, state.now + r.advanceMs)
      return { ok: r.ok, output: r.output }
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
  }
}

export type { Diagnostic }
