/**
 * What a controller asks for. Controllers are pure: they read the state and return changes; the engine
 * (engine.ts) applies them through the simulated API server and records the events.
 */
import type { AnyObject, Kind } from './objects.ts'
import type { PodRuntime } from './kubelet/runtime.ts'
import type { RngState } from './rng.ts'
import type { ControllerName, Endpoint, EventInput, NodeRuntime, OverBudget, ServiceEndpoints } from './model.ts'

export type Change =
  /** create through the API server (it fills uid, creationTimestamp, generation, resourceVersion);
   *  `onSuccess` is applied only if it went through, `onFailure` says what a refusal means (controllers/write-failures.ts) */
  | { type: 'create'; object: AnyObject; onSuccess?: Change[]; onFailure?: CreateFailure }
  /** replace metadata/spec (generation bumps when the spec changes) */
  | { type: 'update'; object: AnyObject }
  /** replace status only */
  | { type: 'status'; object: AnyObject }
  | { type: 'delete'; kind: Kind; key: string; gracePeriodSeconds?: number }
  | { type: 'event'; event: EventInput }
  | { type: 'wake'; at: number; controller: ControllerName; key: string }
  /** the scheduler could not place this pod: retry when nodes or capacity change */
  | { type: 'unschedulable'; key: string }
  /** kubelet-local state (not API objects) */
  | { type: 'podRuntime'; key: string; runtime: PodRuntime | null }
  | { type: 'nodeRuntime'; node: NodeRuntime }
  /** what one kubelet sync changed on its node (IPs, images, the pull queue) */
  | { type: 'nodeDelta'; node: string; delta: NodeDelta }
  /** the scheduler's rotating start index */
  | { type: 'schedulerCursor'; next: number }
  /** a release candidate the ReplicaSet controller has looked at */
  | { type: 'releaseHandled'; key: string }
  /** EndpointSlice controller: a whole Service, or one pod's endpoint in a Service */
  | { type: 'endpoints'; svcKey: string; value: ServiceEndpoints | null }
  | { type: 'endpoint'; svcKey: string; podKey: string; endpoint: Endpoint | null; departed?: Endpoint }
  /** a controller met a limit of the simulator (budget.ts); `owner` was told with an event, once */
  | { type: 'overBudget'; over: OverBudget; owner?: string }

export interface CreateFailure {
  /** the Warning event: its message is this message followed by the API server's error (or errorText of it) */
  event: EventInput
  errorText?: (apiError: string) => string
  /** the controller key the work queue retries, with backoff */
  retry: { controller: ControllerName; key: string }
  /** slow-start batch: a refusal skips the later batches' creates of the same key in this sync */
  batch?: number
  /** a refusal ends the sync: the rest of its changes are not applied (the sync returned an error) */
  abortSync?: boolean
  /** the event's Deployment also gets Progressing=False with this reason and the event's message */
  progressingReason?: string
}

export interface NodeDelta {
  allocatedIps?: string[]
  releasedIps?: string[]
  images?: string[]
  nextIp?: number
  pullBusyUntil?: number
  pulling?: string[]
}

export interface ControllerContext {
  /** virtual time in milliseconds since the cluster started */
  now: number
  /** seconds-resolution ISO timestamp of `now`, as the API server would write it */
  timestamp: string
  rng: RngState
}
