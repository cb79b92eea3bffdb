/**
 * The whole simulated cluster as plain data: API objects, the indexes an informer cache would keep, the
 * node-local runtime the kubelets hold, the work queues and the timer heap. Nothing here has methods, so a
 * state can be cloned, posted to a Web Worker or summarised into a snapshot. Its parts are shapes of model.ts:
 * this module imports no module that imports it back.
 */
import type { Kind, ObjectOf } from './objects.ts'
import type { RngState } from './rng.ts'
import type { PodRuntime } from './kubelet/runtime.ts'
import type {
  BudgetState,
  ClusterConfig,
  ControllerName,
  EventRecord,
  HomeFile,
  Indexes,
  NodeRuntime,
  ServiceEndpoints,
  StoredEvent,
  TimelinePoint,
  Timer,
  TrafficState,
} from './model.ts'

/** The API server's store: a map per stored kind, by store key (`namespace/name`, or the name of a Node or Namespace). */
export type StoredObjects = { [K in Kind]: Map<string, ObjectOf<K>> }

export interface ClusterState {
  now: number
  seq: number
  resourceVersion: number
  rng: RngState
  config: ClusterConfig
  objects: StoredObjects
  indexes: Indexes
  pods: Map<string, PodRuntime>
  nodes: Map<string, NodeRuntime>
  endpoints: Map<string, ServiceEndpoints>
  queues: Record<ControllerName, Set<string>>
  timers: Timer[]
  events: { log: EventRecord[]; stored: Map<string, StoredEvent>; older: Map<string, StoredEvent>; count: number }
  timeline: TimelinePoint[]
  traffic: TrafficState
  clusterIPs: Set<string>
  nodePorts: Set<number>
  /** the scheduler's rotating start index over the node list (percentageOfNodesToScore) */
  schedulerNextStart: number
  /** work processed since the cluster started (for benchmarks and the livelock guard) */
  workDone: number
  /** the learner's home directory (files.ts): not API objects, never in a snapshot */
  files: Map<string, HomeFile>
  /** the limits of this cluster and whether a run reached one (budget.ts) */
  budget: BudgetState
  /** refused creates per controller key and its pending retry, for the backoff (controllers/write-failures.ts) */
  writeFailures?: Record<string, { failures: number; retryAt: number }>
}

/**
 * The state as a controller's sync and its watch handlers see it: the stored objects can be read, never written
 * (no `set`/`delete` on the maps, no assignment to an object's fields). Writes go through the API server — a
 * sync returns its Changes, the engine applies them — so the store's indexes and the watches see every write.
 * Only a type: a ClusterState is passed as it is. (Nested fields stay writable to the type checker; the store is
 * deep-frozen under vitest, which catches those.)
 */
export type ClusterView = Omit<ClusterState, 'objects'> & {
  readonly objects: { readonly [K in Kind]: ReadonlyMap<string, Readonly<ObjectOf<K>>> }
}
