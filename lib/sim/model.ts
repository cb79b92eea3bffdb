/**
 * The shapes the simulator's modules share, types only: the parts of a cluster's state (state.ts puts them
 * together), what controllers ask for (changes.ts) and what a run reports. Nothing here imports a module that
 * imports the state back, so state.ts and changes.ts stay leaves of the import graph and a module can name a
 * shape without reaching every controller through them.
 */
import type { Kind } from './objects.ts'

/**
 * Every controller's name. The list of controllers (controllers/index.ts, in queue-draining order) must name
 * exactly these: it fails to compile otherwise. A union written out here rather than derived from that list
 * keeps the state's types from importing every controller.
 */
export type ControllerName =
  | 'availability'
  | 'namespace'
  | 'nodeLifecycle'
  | 'garbageCollector'
  | 'deployment'
  | 'replicaset'
  | 'scheduler'
  | 'kubelet'
  | 'endpoints'
  | 'endpointPods'

/** "Wake controller C for key K at time T" (timers only wake; the sync decides). */
export interface Timer {
  at: number
  seq: number
  controller: ControllerName
  key: string
}

/** What one node of `createCluster({ nodes })` is made of. */
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

/** How one pod counts for its ReplicaSet and its node (informers.ts), and a watch topic of its own (watch.ts). */
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

/** The indexes an informer cache keeps beside the store (store.ts keeps them exact on every write). */
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

/** What a kubelet knows about its node beyond the Node object. */
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

/** One occurrence of an event, as the scenario's event log keeps it (events.ts). */
export interface EventRecord {
  time: number
  type: 'Normal' | 'Warning'
  reason: string
  object: string
  message: string
}

/** An event as the API keeps it, aggregated (`kubectl get events`, `describe`). */
export interface StoredEvent {
  namespace: string
  kind: string
  name: string
  uid: string
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  source: string
  count: number
  first: number
  last: number
  seq: number
}

/** An event a controller or the API server records. */
export interface EventInput {
  kind: string
  namespace: string | undefined
  name: string
  uid?: string
  type?: 'Normal' | 'Warning'
  reason: string
  message: string
  source: string
}

/** The numbers a grader and the UI chart care about, at one instant (timeline.ts). */
export interface TimelinePoint {
  time: number
  deployments: Record<string, { replicas: number; updatedReplicas: number; readyReplicas: number; availableReplicas: number }>
  services: Record<string, { readyEndpoints: number }>
}

export interface EndpointPort {
  name: string
  port: number
  protocol: string
}

/** One pod's entry in a Service's EndpointSlice (endpoint-slices.ts). */
export interface Endpoint {
  ip: string
  pod: string
  podKey: string
  node: string
  ready: boolean
  serving: boolean
  terminating: boolean
  ports: EndpointPort[]
  /** when this endpoint last changed (created, ready or not, ports, removed) */
  changedAt: number
  /** whether kube-proxy routed to this endpoint just before that change (what it keeps doing for PROXY_SYNC_MS) */
  routedBefore: boolean
}

export interface ServiceEndpoints {
  /** by pod key, insertion-ordered */
  entries: Map<string, Endpoint>
  readyCount: number
  /** true for Services the controller manages (selector set, not ExternalName) */
  managed: boolean
  /** removed endpoints kube-proxy may still route to (changedAt = removal), by pod key; pruned once it follows */
  departed: Map<string, Endpoint>
}

/** One `traffic start svc/NAME` (traffic.ts). */
export interface TrafficGenerator {
  svcKey: string
  rps: number
  /** index of the next request (request k is sent at startedAt + k/rps) */
  next: number
  startedAt: number
  path: string
  /** the counter's name (displayName of the Service) */
  label?: string
}

export interface TrafficState {
  generators: TrafficGenerator[]
  counters: Record<string, { sent: number; ok: number; failed: number }>
  /** sessionAffinity: ClientIP — the endpoint each (service, client) last used */
  affinity: Record<string, { podKey: string; last: number }>
}

/** A file of the learner's home directory (files.ts). */
export interface HomeFile {
  text: string
  bytes: number
  /** virtual time (ms) of the last write */
  modified: number
}

/** What one simulated cluster may cost (budget.ts). */
export interface SimLimits {
  /** Pods in the store at once (terminating ones included) */
  pods: number
  /** API objects in the store, Nodes not counted (the cluster's size is its `nodes` option) */
  objects: number
  /** discrete events processed: controller syncs and fired timers */
  events: number
  /** virtual time since the cluster started, in milliseconds */
  virtualTimeMs: number
  /** command lines run (`cluster.run`) */
  commands: number
}

export type LimitName = keyof SimLimits

/** Which limit a run reached first, and by how much it was asked to go past it. */
export interface OverBudget {
  limit: LimitName
  /** the limit's value (ms for virtual time) */
  max: number
  /** what the learner asked for, when a request said it (replicas, objects in a manifest, ms of virtual time) */
  requested?: number
}

export interface BudgetState {
  limits: SimLimits
  commands: number
  /** the first limit reached; null while the run is within budget */
  over: OverBudget | null
  /** owners (ReplicaSet keys) already told with a FailedCreate event, so a refusal is recorded once */
  refusedOwners: string[]
}
