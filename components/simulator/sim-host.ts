/**
 * The simulator behind the worker, without the worker: one Cluster and the operations the page may ask for.
 * Kept free of `self` and `postMessage` so the tests drive it directly.
 */
import { completeCommand, createCluster, DEFAULT_LIMITS, type Cluster, type SimLimits, type TimelinePoint } from '@/lib/sim/index'
import { recordFrames } from '@/components/cluster/record-frames'
import { gradeExercise } from '@/lib/grading/grade'
import { gradableExercise } from '@/lib/grading/checklist'
import { defaultLocale, isLocale } from '@/i18n/locales'
import type { Recording, SimOp, SimOps, SimRequest, SimResponse } from './protocol'

export const DEFAULT_SEED = 1
export const DEFAULT_NODES = 3
/** A recording's look interval when the caller names none: fine enough to catch a 0.3 s container start. */
export const DEFAULT_STEP = 0.5
/** Upper bounds, so one request cannot keep the worker busy for minutes. */
export const MAX_RECORD_SECONDS = 3600
export const MAX_NODES = 20
/** Looks one recording takes at most (each is a snapshot compared with the last): a finer step is widened. */
export const MAX_RECORD_LOOKS = 1200
/**
 * The grader's limits (lib/sim/budget.ts: Pods, objects, events, virtual time), so what the server refuses the
 * learner's tab refuses too and no request keeps the worker busy for long; commands are not counted here, since
 * a terminal session may be long and a command alone cannot run away.
 */
export const BROWSER_LIMITS: SimLimits = { ...DEFAULT_LIMITS, commands: Infinity }

const newCluster = (seed: number, nodes: number) => createCluster({ seed, nodes, limits: BROWSER_LIMITS })

/** The timeline from `start` on, led by the point in force at `start`. */
function timelineFrom(points: TimelinePoint[], start: number): TimelinePoint[] {
  let first = 0
  for (let i = 0; i < points.length; i++) if (points[i]!.time <= start) first = i
  return points.slice(first)
}

export interface SimHost {
  readonly cluster: Cluster
  handle<K extends SimOp>(op: K, args: SimOps[K]['args']): SimOps[K]['result']
}

export function createSimHost(options: { seed?: number; nodes?: number } = {}): SimHost {
  let cluster = newCluster(options.seed ?? DEFAULT_SEED, options.nodes ?? DEFAULT_NODES)
  const ops: { [K in SimOp]: (args: SimOps[K]['args']) => SimOps[K]['result'] } = {
    reset({ seed, nodes }) {
      const n = Number.isInteger(nodes) && nodes! >= 1 ? Math.min(nodes!, MAX_NODES) : DEFAULT_NODES
      // The learner's files are not the cluster's: they move into the fresh cluster.
      const files = cluster.state.files
      cluster = newCluster(Number.isFinite(seed) ? seed! : DEFAULT_SEED, n)
      for (const [name, file] of files) cluster.writeFile(name, file.text)
      return cluster.snapshot()
    },
    apply({ yaml }) {
      const result = cluster.apply(String(yaml ?? ''))
      return { ...result, state: cluster.snapshot() }
    },
    run({ command }) {
      const result = cluster.run(String(command ?? ''))
      return { ...result, state: cluster.snapshot() }
    },
    advance({ seconds }) {
      cluster.advance(Math.min(Number(seconds), MAX_RECORD_SECONDS))
      return cluster.snapshot()
    },
    snapshot() {
      return cluster.snapshot()
    },
    record({ seconds, step }): Recording {
      const start = cluster.now
      const eventsBefore = cluster.events.length
      const length = Math.min(Number(seconds), MAX_RECORD_SECONDS)
      const frames = recordFrames(cluster, length, Math.max(step ?? DEFAULT_STEP, length / MAX_RECORD_LOOKS))
      // Events of the start instant (from an apply just before) belong to this recording too; the log is in time order.
      let first = eventsBefore
      while (first > 0 && cluster.events[first - 1]!.time >= start) first--
      const events = cluster.events.slice(first)
      return { frames, timeline: timelineFrom(cluster.timeline, start), events }
    },
    complete({ line }) {
      return completeCommand(cluster, String(line ?? ''))
    },
    writeFile({ path, text }) {
      return cluster.writeFile(String(path ?? ''), String(text ?? ''))
    },
    removeFile({ path }) {
      return { removed: cluster.removeFile(String(path ?? '')) }
    },
    listFiles() {
      return cluster.listFiles()
    },
    check({ exercise, yaml, lang }) {
      const report = gradeExercise(
        gradableExercise(exercise),
        { yaml: String(yaml ?? '') },
        { lang: isLocale(lang) ? lang : defaultLocale },
      )
      return {
        checks: report.result.checks.map((c) => ({ id: c.id, passed: c.passed, ...(c.notRun ? { notRun: true } : {}) })),
        valid: report.result.validation.valid,
        overBudget: report.overBudget?.message ?? null,
      }
    },
  }
  return {
    get cluster() {
      return cluster
    },
    handle(op, args) {
      const fn = ops[op] as ((a: typeof args) => SimOps[typeof op]['result']) | undefined
      if (!fn) throw new Error(`unknown simulator operation: ${String(op)}`)
      return fn(args ?? ({} as typeof args))
    },
  }
}

/** One request → one response; a throw (a bug in the engine) becomes an error response, never a dead worker. */
export function respond(host: SimHost, request: SimRequest): SimResponse {
  try {
    return { id: request.id, ok: true, result: host.handle(request.op, request.args as never) }
  } catch (err) {
    return { id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) }
  }
}
