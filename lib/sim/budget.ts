/**
 * What one simulated cluster may cost: Pods and objects in the store, discrete events (controller syncs and
 * timers), virtual time and commands. A grade runs on the server for anyone, so every run is bounded the way a
 * ResourceQuota bounds a namespace: reaching a limit refuses the write with a clear message (never a throw,
 * never a loop) and marks the cluster as over budget, which the grader answers as "this exercise allows at
 * most …". Plain data on the state, so a cloned state keeps its budget.
 *
 * Defaults are sized to the course (its largest exercise: 7 Pods, 11 objects, 10.6 virtual minutes, a few
 * hundred events) with a wide margin; benchmarks pass larger limits explicitly.
 */
import type { ClusterState } from './state.ts'
import type { BudgetState, LimitName, OverBudget, SimLimits } from './model.ts'

export const DEFAULT_LIMITS: Readonly<SimLimits> = Object.freeze({
  pods: 50,
  objects: 200,
  events: 50_000,
  virtualTimeMs: 3_600_000,
  commands: 500,
})

/** Requests per second all traffic generators send together (each request is simulated). */
export const MAX_TOTAL_RPS = 1000

/** For benchmarks and tools that mean to simulate huge clusters. */
export const UNLIMITED: Readonly<SimLimits> = Object.freeze({
  pods: Infinity,
  objects: Infinity,
  events: Infinity,
  virtualTimeMs: Infinity,
  commands: Infinity,
})

export function resolveLimits(limits: Partial<SimLimits> | undefined): SimLimits {
  const out = { ...DEFAULT_LIMITS }
  for (const key of Object.keys(DEFAULT_LIMITS) as LimitName[]) {
    const v = limits?.[key]
    if (typeof v === 'number' && v >= 0) out[key] = v
  }
  return out
}

export function newBudget(limits?: Partial<SimLimits>): BudgetState {
  return { limits: resolveLimits(limits), commands: 0, over: null, refusedOwners: [] }
}

/** Records the first limit the run reached (later ones would only repeat the story). */
export function markOverBudget(state: ClusterState, over: OverBudget): void {
  state.budget.over ??= over
}

/** Objects in the store that count against `objects` (every kind but Node). */
export function storedObjects(state: ClusterState): number {
  let n = 0
  for (const [kind, map] of Object.entries(state.objects)) if (kind !== 'Node') n += map.size
  return n
}

/** Whole hours, minutes and seconds as kubectl and `wait` write them: 1h, 90m → 1h30m, 45s. */
export function formatVirtualTime(ms: number): string {
  if (!Number.isFinite(ms)) return 'unlimited'
  let s = Math.round(ms / 1000)
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s || (!h && !m) ? `${s}s` : ''}`
}

const PLURAL_LIMIT: Record<LimitName, (n: number) => string> = {
  pods: (n) => `${n} Pods`,
  objects: (n) => `${n} objects`,
  events: (n) => `${n.toLocaleString('en')} events`,
  virtualTimeMs: (n) => `${formatVirtualTime(n)} of virtual time`,
  commands: (n) => `${n} commands`,
}

/** "the simulator's limit of 50 Pods" — the part every refusal shares. */
export function limitPhrase(limit: LimitName, max: number): string {
  return `the simulator's limit of ${PLURAL_LIMIT[limit](max)}`
}

/** What a manifest asks for: its objects, and the Pods they would run (a Pod is one, a workload its replicas). */
export function manifestDemand(objects: readonly { kind?: string; spec?: unknown }[]): {
  pods: number
  objects: number
  largest: { index: number; pods: number } | null
} {
  let pods = 0
  let largest: { index: number; pods: number } | null = null
  objects.forEach((o, index) => {
    const wants = podsWanted(o)
    pods += wants
    if (wants > 0 && (!largest || wants > largest.pods)) largest = { index, pods: wants }
  })
  return { pods, objects: objects.length, largest }
}

function podsWanted(o: { kind?: string; spec?: unknown }): number {
  if (o.kind === 'Pod') return 1
  if (o.kind !== 'Deployment' && o.kind !== 'ReplicaSet') return 0
  const replicas = (o.spec as { replicas?: unknown } | undefined)?.replicas
  return typeof replicas === 'number' && Number.isFinite(replicas) && replicas >= 0 ? replicas : replicas === undefined ? 1 : 0
}

/** The demand refused before anything is simulated, or null when the manifest fits the limits. */
export function refuseDemand(limits: SimLimits, demand: { pods: number; objects: number }): OverBudget | null {
  if (demand.objects > limits.objects) return { limit: 'objects', max: limits.objects, requested: demand.objects }
  if (demand.pods > limits.pods) return { limit: 'pods', max: limits.pods, requested: demand.pods }
  return null
}
