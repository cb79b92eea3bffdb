/**
 * The discrete-event loop. Virtual time jumps from one due timer to the next; at each instant the work
 * queues (filled by informer handlers) are drained controller by controller, in a fixed order, until
 * nothing is left — so a cluster with nothing to do costs nothing, however many objects it holds.
 */
import { heapPeek, heapPop } from './heap.ts'
import { toTimestamp, advanceClock } from './clock.ts'
import type { Change, ControllerContext, CreateFailure } from './changes.ts'
import { createObject, deleteObject, updateObject } from './apiserver.ts'
import { recordEvent } from './events.ts'
import { enqueue, wakeAt } from './queue.ts'
import type { ClusterState, ClusterView } from './state.ts'
import { allControllers } from './controllers/index.ts'
import type { Controller, Topic, WatchHandler, WatchTopics } from './watch.ts'
import { putObject } from './store.ts'
import { setEndpoint } from './endpoint-slices.ts'
import { recordTimeline } from './timeline.ts'
import { accountTraffic } from './traffic.ts'
import { markOverBudget } from './budget.ts'
import { createFailed, createSucceeded, skippedAfterFailure } from './controllers/write-failures.ts'
import type { ControllerName } from './model.ts'

const BY_CONTROLLER = { byController: true }

/** More work than this at one instant means controllers are fighting: a bug, reported instead of hanging. */
const MAX_WORK_PER_INSTANT = 5_000_000

let stampCache = { epoch: NaN, now: NaN, text: '' }

export function context(state: ClusterState): ControllerContext {
  if (stampCache.now !== state.now || stampCache.epoch !== state.config.epoch) {
    stampCache = { epoch: state.config.epoch, now: state.now, text: toTimestamp(state.config.epoch, state.now) }
  }
  return { now: state.now, timestamp: stampCache.text, rng: state.rng }
}

export function applyChanges(state: ClusterState, changes: readonly Change[]): void {
  let refused: CreateFailure | undefined
  for (const ch of changes) {
    if (refused && skippedAfterFailure(refused, ch.type === 'create' ? ch.onFailure : undefined)) continue
    switch (ch.type) {
      case 'create': {
        const r = createObject(state, ch.object, BY_CONTROLLER)
        if (r.ok) {
          if (ch.onFailure) createSucceeded(state, ch.onFailure)
          if (ch.onSuccess) applyChanges(state, ch.onSuccess)
        } else if (ch.onFailure) {
          createFailed(state, ch.onFailure, r)
          refused = ch.onFailure
        }
        break
      }
      case 'update':
        updateObject(state, ch.object, true, BY_CONTROLLER)
        break
      case 'status': {
        const kind = ch.object.kind
        const key = ch.object.metadata!.namespace
          ? `${ch.object.metadata!.namespace}/${ch.object.metadata!.name}`
          : ch.object.metadata!.name!
        const cur = state.objects[kind].get(key)
        if (cur && cur.metadata!.uid === ch.object.metadata!.uid) {
          // the status subresource: for Deployments the controller also records its revision annotations here
          const metadata = kind === 'Deployment' ? { ...cur.metadata, annotations: ch.object.metadata!.annotations } : cur.metadata
          putObject(state, { ...cur, metadata, status: (ch.object as { status?: unknown }).status } as typeof cur)
        }
        break
      }
      case 'delete':
        deleteObject(state, ch.kind, ch.key, { gracePeriodSeconds: ch.gracePeriodSeconds })
        break
      case 'event':
        recordEvent(state, ch.event)
        break
      case 'wake':
        wakeAt(state, ch.at, ch.controller, ch.key)
        break
      case 'unschedulable':
        if (state.objects.Pod.has(ch.key)) state.indexes.unschedulable.add(ch.key)
        break
      case 'podRuntime':
        if (ch.runtime) state.pods.set(ch.key, ch.runtime)
        else state.pods.delete(ch.key)
        break
      case 'nodeRuntime':
        state.nodes.set(ch.node.name, ch.node)
        break
      case 'nodeDelta': {
        const n = state.nodes.get(ch.node)
        if (!n) break
        for (const ip of ch.delta.releasedIps ?? []) n.usedIps.delete(ip)
        for (const ip of ch.delta.allocatedIps ?? []) n.usedIps.add(ip)
        for (const img of ch.delta.images ?? []) n.images.add(img)
        if (ch.delta.nextIp !== undefined) n.nextIp = ch.delta.nextIp
        if (ch.delta.pullBusyUntil !== undefined) n.pullBusyUntil = ch.delta.pullBusyUntil
        if (ch.delta.pulling !== undefined) n.pulling = ch.delta.pulling
        break
      }
      case 'schedulerCursor':
        state.schedulerNextStart = ch.next
        break
      case 'endpoints':
        state.indexes.timelineDirty = true
        if (ch.value) state.endpoints.set(ch.svcKey, ch.value)
        else state.endpoints.delete(ch.svcKey)
        break
      case 'endpoint': {
        state.indexes.timelineDirty = true
        const eps = state.endpoints.get(ch.svcKey)
        if (eps) setEndpoint(eps, ch.podKey, ch.endpoint, ch.departed)
        break
      }
      case 'releaseHandled':
        state.indexes.releaseCandidates.delete(ch.key)
        break
      case 'overBudget':
        markOverBudget(state, ch.over)
        if (ch.owner && !state.budget.refusedOwners.includes(ch.owner)) state.budget.refusedOwners.push(ch.owner)
        break
    }
  }
}

function runController(state: ClusterState, controller: Controller<ControllerName>, key: string): void {
  const changes = controller.sync(state, key, context(state))
  if (changes.length) applyChanges(state, changes)
}

type Fanout = { [T in Topic]: { handler: WatchHandler<WatchTopics[T]>; controller: ControllerName }[] }
let fanout: Fanout | undefined

/** Who watches what, derived once from the controllers' `watches`, in queue order. */
function watchers(): Fanout {
  if (fanout) return fanout
  const table = {} as Record<Topic, { handler: WatchHandler<never>; controller: ControllerName }[]>
  for (const c of allControllers()) {
    for (const topic of Object.keys(c.watches) as Topic[]) {
      const handler = c.watches[topic] as WatchHandler<never>
      ;(table[topic] ??= []).push({ handler, controller: c.name })
    }
  }
  return (fanout = table as unknown as Fanout)
}

/** The informer fan-out: every controller watching `topic` looks at the write, in queue order (informers.ts). */
export function notifyWatchers<T extends Topic>(
  state: ClusterView,
  topic: T,
  key: string,
  old: WatchTopics[T] | undefined,
  obj: WatchTopics[T] | undefined,
): void {
  const list = watchers()[topic]
  if (!list) return
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!
    w.handler(state, key, old, obj, state.queues[w.controller])
  }
}

/** Drains every work queue at the current instant. */
export function settle(state: ClusterState): void {
  let work = 0
  for (;;) {
    let did = false
    for (const c of allControllers()) {
      const q = state.queues[c.name]
      if (q.size === 0) continue
      const keys = [...q]
      q.clear()
      for (const k of keys) {
        runController(state, c, k)
        work++
      }
      did = true
      // Controllers earlier in the order get to react before later ones run again.
      break
    }
    if (!did) break
    if (work > MAX_WORK_PER_INSTANT) {
      for (const c of allControllers()) state.queues[c.name].clear()
      recordEvent(state, {
        kind: 'Cluster',
        namespace: 'default',
        name: 'simulator',
        type: 'Warning',
        reason: 'Livelock',
        message: 'controllers kept producing work at one instant; the simulator stopped this instant',
        source: 'kubelab',
      })
      break
    }
  }
  state.workDone += work
}

/** Fires every timer due at the current instant (timers only wake controllers). */
function fireDue(state: ClusterState): boolean {
  let fired = false
  for (;;) {
    const t = heapPeek(state.timers)
    if (!t || t.at > state.now) return fired
    heapPop(state.timers)
    enqueue(state, t.controller, t.key)
    fired = true
  }
}

/** The event budget is spent: time stops here (checked between instants, so an instant is always whole). */
function eventsSpent(state: ClusterState): boolean {
  const { limits } = state.budget
  if (state.workDone <= limits.events) return false
  markOverBudget(state, { limit: 'events', max: limits.events })
  return true
}

/**
 * Runs the cluster until virtual time `until` (ms), recording the timeline after each instant. Past the
 * virtual-time limit it runs to the limit only; past the event budget it stops where it is (budget.ts).
 */
export function runUntil(state: ClusterState, until: number): void {
  const { virtualTimeMs } = state.budget.limits
  if (until > virtualTimeMs) {
    markOverBudget(state, { limit: 'virtualTimeMs', max: virtualTimeMs, requested: until })
    until = Math.max(state.now, virtualTimeMs)
  }
  settleInstant(state)
  let settledAt = state.now
  for (;;) {
    if (eventsSpent(state)) return
    const t = heapPeek(state.timers)
    if (!t || t.at > until) break
    if (t.at > state.now) {
      accountTraffic(state, t.at)
      advanceClock(state, t.at)
    } else if (t.at <= state.now && settledAt === state.now) {
      // a controller keeps waking itself at this instant: a bug; drop the timer rather than hang
      heapPop(state.timers)
      continue
    }
    settleInstant(state)
    settledAt = state.now
  }
  if (until > state.now) {
    accountTraffic(state, until)
    advanceClock(state, until)
  }
}

/** Settles the current instant completely (timers due now, queues), then records the timeline. */
export function settleInstant(state: ClusterState): void {
  for (let i = 0; i < 1000; i++) {
    fireDue(state)
    settle(state)
    const t = heapPeek(state.timers)
    if (!t || t.at > state.now) break
  }
  recordTimeline(state)
}

export { enqueue }
