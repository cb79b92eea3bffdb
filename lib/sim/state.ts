/**
 * The whole simulated cluster as plain data: API objects, the indexes an informer cache would keep, the
 * node-local runtime the kubelets hold, the work queues and the timer heap. Nothing here has methods, so a
 * state can be cloned, posted to a Web Worker or summarised into a snapshot.
 */
import type { AnyObject, Kind } from './objects.ts'
import type { RngState } from './rng.ts'
import type { PodRuntime } from './kubelet/runtime.ts'
import type { EventRecord, StoredEvent } from './events.ts'
import type { TimelinePoint } from './timeline.ts'
import type { ServiceEndpoints } from './endpoint-slices.ts'
import type { TrafficState } from './traffic.ts'
import type { HomeFile } from './files.ts'
import type { BudgetState } from './budget.ts'
import type { ControllerName } from './controllers/index.ts'

/** The controllers are listed once, in controllers/index.ts (their queue order); their names come from there. */
export type { ControllerName }

export interface Timer {
  at: number
  seq: number
  controller: ControllerName
  key: string
}

export interface NodeConfig {
  name: string
  cpu: string
  memory: string
  pods: number
  labels: Record<string, string>
}

export interface ClusterConfig {
  seed: number
  epoch: number
  nodeMonitorGracePeriodMs: number
  /** Keep every event occurrence in the event log (scenarios); benchmarks may turn it off. */
  recordEventLog: boolean
  kubernetesVersion: string
}

export interface OwnerStats {
  active: number
  ready: number
  available: number
  fullyLabeled: number
}

export interface PodContribution {
  owner: string | null
  active: boolean
  ready: boolean
  available: boolean
  fullyLabeled: boolean
  node: string | null
  cpu: number
  memory: number
  /** counts against node capacity (bound and not terminal) */
  placed: boolean
}

export interface Indexes {
  byUid: Map<string, { kind: Kind; key: string }>
  byNamespace: Record<Kind, Map<string, Set<string>>>
  /** pods by the uid of their controller (ReplicaSet) */
  podsByController: Map<string, Set<string>>
  /** ReplicaSets by the uid of their controller (Deployment) */
  replicaSetsByController: Map<string, Set<string>>
  /** every dependent (any ownerReference) by owner uid, as "Kind/key" */
  dependents: Map<string, Set<string>>
  podsByNode: Map<string, Set<string>>
  /** bound pods with required pod anti-affinity: the scheduler checks theirs against every incoming pod */
  podsWithRequiredAntiAffinity: Set<string>
  /** pods without a controller ownerReference, by namespace (adoption candidates) */
  orphanPods: Map<string, Set<string>>
  ownerStats: Map<string, OwnerStats>
  contributions: Map<string, PodContribution>
  nodeUsage: Map<string, { cpu: number; memory: number; pods: number }>
  /** placed pods per controller uid per node (the scheduler's spreading score) */
  ownerNodeCounts: Map<string, Map<string, number>>
  /** active (not terminating, not terminal) pods per controller uid per node: scale-down rule 5 */
  activeOwnerNodeCounts: Map<string, Map<string, number>>
  /** pods whose labels changed while owned: the RS checks whether to release them */
  releaseCandidates: Set<string>
  /** per controller uid: bumped on every write that leaves one of its pods active (deletion-plan memo) */
  ownerVersions: Map<string, number>
  /** per controller uid: bumped whenever one more of its active pods sits on a node (rule 5 counts grow) */
  placementVersions: Map<string, number>
  /** a Deployment status or a Service's endpoints changed since the last timeline point */
  timelineDirty: boolean
  /** bumped on every Node write (the scheduler's node list cache) */
  nodeGeneration: number
  /** pods the scheduler could not place; retried when nodes or capacity change */
  unschedulable: Set<string>
}

export interface NodeRuntime {
  name: string
  index: number
  up: boolean
  /** virtual time of the last kubelet heartbeat while the node is down */
  lastHeartbeat: number
  images: Set<string>
  /** serialized image pulls (kubelet serializeImagePulls=true) */
  pullBusyUntil: number
  /** images with a pull queued or running on this node */
  pulling: string[]
  /** next host-local IPAM offset in the node's pod CIDR */
  nextIp: number
  usedIps: Set<string>
  notReadySince: number | null
}

export interface ClusterState {
  now: number
  seq: number
  resourceVersion: number
  rng: RngState
  config: ClusterConfig
  objects: Record<Kind, Map<string, AnyObject>>
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
