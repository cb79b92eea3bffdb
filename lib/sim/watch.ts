/**
 * What a controller is: its reconcile function and, beside it, what it watches. The engine (engine.ts) drains
 * the work queues in the order of `controllers/index.ts` and derives the informer fan-out from the `watches`
 * declarations: after every store write the informers (informers.ts) keep their aggregates, then call each
 * watching controller's handler in that order. A handler looks at the old and new object and adds the keys
 * its controller must sync to its own queue (`queue`), nothing else.
 */
import type { Change, ControllerContext } from './changes.ts'
import type { StoredObjectTypes } from './objects.ts'
import type { ClusterView } from './state.ts'
import type { PodContribution } from './model.ts'

/** What can be watched: every stored kind, and the informer-side aggregate of one pod (informers.ts). */
export interface WatchTopics extends StoredObjectTypes {
  /** how a pod counts for its ReplicaSet and its node changed (`old`/`obj`: before and after; undefined: none) */
  PodContribution: PodContribution
}

export type Topic = keyof WatchTopics

/**
 * An informer event handler: `old` is undefined on a create, `obj` on a delete; the key is the object's store
 * key (for PodContribution, the pod's). Stored objects are never mutated, so `old.spec !== obj.spec` means the
 * spec was written anew (tests deep-freeze the store to hold everyone to it: store.ts `freezeStoredObjects`).
 */
export type WatchHandler<T> = (
  state: ClusterView,
  key: string,
  old: Readonly<T> | undefined,
  obj: Readonly<T> | undefined,
  queue: Set<string>,
) => void

export type Watches = { [T in Topic]?: WatchHandler<WatchTopics[T]> }

export interface Controller<N extends string = string> {
  name: N
  /** one sync for one key: the changes the engine applies through the API server (controllers never write) */
  // a property, not a method, so a sync that takes the writable ClusterState does not type-check (no bivariance)
  sync: (state: ClusterView, key: string, ctx: ControllerContext) => readonly Change[]
  /** the informer events that queue work for this controller (none: only timers wake it) */
  watches: Watches
}

/** The handler of a controller that syncs every write of its own kind: the written object's key, whatever changed. */
export const queueWrittenKey = (_state: ClusterView, key: string, _old: unknown, _obj: unknown, queue: Set<string>): void => {
  queue.add(key)
}
