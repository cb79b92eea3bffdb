/**
 * Informer event handlers: after every store write, keep the aggregates controllers read (per-ReplicaSet pod
 * counts, per-node requested resources), then hand the write to the controllers that watch it (engine.ts
 * `notifyWatchers`, derived from each controller's `watches`, watch.ts). This is what keeps the engine near-linear: nothing rescans every object on a tick.
 */
import type { Pod, ReplicaSet } from './k8s.ts'
import {
  controllerOf,
  isPodActive,
  isPodReady,
  isPodTerminal,
  keyOf,
  labelSetMatches,
  podCondition,
  resourceAmount,
  type AnyObject,
  type Kind,
} from './objects.ts'
import { wakeAt } from './queue.ts'
import type { ClusterState, ClusterView } from './state.ts'
import { fromTimestamp } from './clock.ts'
import type { Change } from './changes.ts'
import type { Controller } from './watch.ts'
import { notifyWatchers } from './engine.ts'
import type { PodContribution } from './model.ts'

/**
 * After every store write: keep the aggregates this module owns, then notify the controllers that watch
 * the kind (engine.ts `notifyWatchers`, derived from each controller's `watches`).
 */
export function onObjectChange(state: ClusterState, kind: Kind, key: string, old: AnyObject | undefined, obj: AnyObject | undefined): void {
  switch (kind) {
    case 'Pod':
      onPod(state, key, old as Pod | undefined, obj as Pod | undefined)
      break
    case 'ReplicaSet':
      onReplicaSet(state, key, old as ReplicaSet | undefined, obj as ReplicaSet | undefined)
      break
    case 'Deployment':
    case 'Service':
      state.indexes.timelineDirty = true
      break
    case 'Node':
      state.indexes.nodeGeneration++
      break
  }
  notifyWatchers(state, kind, key, old, obj)
}

function podRequests(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0
  let memory = 0
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources?.requests as Record<string, string | number> | undefined
    cpu += resourceAmount(r?.cpu as string | undefined)
    memory += resourceAmount(r?.memory as string | undefined)
  }
  return { cpu, memory }
}

/** How one pod counts for its ReplicaSet's status and its node's usage, evaluated at state.now. */
export function contributionOf(state: ClusterView, pod: Pod): PodContribution {
  const ctl = controllerOf(pod)
  const owner = ctl && ctl.kind === 'ReplicaSet' ? ctl.uid : null
  const active = isPodActive(pod)
  const ready = active && isPodReady(pod)
  let available = false
  let fullyLabeled = false
  if (owner) {
    const ref = state.indexes.byUid.get(owner)
    const rs = ref ? state.objects.ReplicaSet.get(ref.key) : undefined
    const minReady = rs?.spec?.minReadySeconds ?? 0
    if (ready) {
      if (minReady === 0) available = true
      else {
        const since = fromTimestamp(state.config.epoch, podCondition(pod, 'Ready')?.lastTransitionTime) ?? state.now
        const at = since + minReady * 1000
        available = at <= state.now
        if (!available) wakeAt(state, at, 'availability', keyOf(pod.metadata!.namespace, pod.metadata!.name!))
      }
    }
    fullyLabeled = active && labelSetMatches(rs?.spec?.template?.metadata?.labels, pod.metadata?.labels)
  }
  const placed = !!pod.spec?.nodeName && !isPodTerminal(pod)
  const req = placed ? podRequests(pod) : { cpu: 0, memory: 0 }
  return {
    owner,
    active,
    ready,
    available,
    fullyLabeled,
    node: placed ? pod.spec!.nodeName! : null,
    cpu: req.cpu,
    memory: req.memory,
    placed,
  }
}

function sameContribution(a: PodContribution | undefined, b: PodContribution | undefined): boolean {
  if (!a || !b) return a === b
  return (
    a.owner === b.owner &&
    a.active === b.active &&
    a.ready === b.ready &&
    a.available === b.available &&
    a.fullyLabeled === b.fullyLabeled &&
    a.node === b.node &&
    a.cpu === b.cpu &&
    a.memory === b.memory
  )
}

function bump(index: Map<string, Map<string, number>>, owner: string, node: string, sign: 1 | -1): void {
  let m = index.get(owner)
  if (!m) index.set(owner, (m = new Map()))
  const n = (m.get(node) ?? 0) + sign
  if (n === 0) m.delete(node)
  else m.set(node, n)
  if (m.size === 0) index.delete(owner)
}

function applyContribution(state: ClusterView, c: PodContribution, sign: 1 | -1): void {
  if (c.owner) {
    let s = state.indexes.ownerStats.get(c.owner)
    if (!s) state.indexes.ownerStats.set(c.owner, (s = { active: 0, ready: 0, available: 0, fullyLabeled: 0 }))
    if (c.active) s.active += sign
    if (c.ready) s.ready += sign
    if (c.available) s.available += sign
    if (c.fullyLabeled) s.fullyLabeled += sign
  }
  if (c.placed && c.node) {
    let u = state.indexes.nodeUsage.get(c.node)
    if (!u) state.indexes.nodeUsage.set(c.node, (u = { cpu: 0, memory: 0, pods: 0 }))
    u.cpu += sign * c.cpu
    u.memory += sign * c.memory
    u.pods += sign
    if (c.owner) {
      bump(state.indexes.ownerNodeCounts, c.owner, c.node, sign)
      if (c.active) {
        bump(state.indexes.activeOwnerNodeCounts, c.owner, c.node, sign)
        if (sign > 0) state.indexes.placementVersions.set(c.owner, (state.indexes.placementVersions.get(c.owner) ?? 0) + 1)
      }
    }
  }
}

/** Recomputes one pod's contribution (after a write, or when minReadySeconds has elapsed). Returns true on change. */
export function refreshContribution(state: ClusterView, key: string): boolean {
  const pod = state.objects.Pod.get(key)
  const before = state.indexes.contributions.get(key)
  const after = pod ? contributionOf(state, pod) : undefined
  if (sameContribution(before, after)) return false
  if (before) applyContribution(state, before, -1)
  if (after) {
    applyContribution(state, after, 1)
    state.indexes.contributions.set(key, after)
  } else state.indexes.contributions.delete(key)
  notifyWatchers(state, 'PodContribution', key, before, after)
  return true
}

/** The availability controller: woken by a timer when a pod's minReadySeconds have elapsed (contributionOf). */
export const availabilityController: Controller<'availability'> = {
  name: 'availability',
  sync: (state, key) => {
    refreshContribution(state, key)
    return NO_CHANGES
  },
  watches: {},
}

const NO_CHANGES: readonly Change[] = Object.freeze([])

/** Queues the object with this uid (a ReplicaSet or Deployment named by an ownerReference), if it exists. */
export function enqueueByUid(state: ClusterView, queue: Set<string>, uid: string): void {
  const ref = state.indexes.byUid.get(uid)
  if (ref) queue.add(ref.key)
}

/** The aggregates a pod write changes; who is notified is in the watches (scheduler.ts, replicaset.ts, …). */
function onPod(state: ClusterState, key: string, old: Pod | undefined, pod: Pod | undefined): void {
  refreshContribution(state, key)
  if (pod && isPodActive(pod)) {
    const ctl = controllerOf(pod)
    if (ctl) state.indexes.ownerVersions.set(ctl.uid, (state.indexes.ownerVersions.get(ctl.uid) ?? 0) + 1)
  }
  if (!pod && old) state.indexes.releaseCandidates.delete(key)
}

/** A ReplicaSet's minReadySeconds or template labels decide how its pods count (contributionOf). */
function onReplicaSet(state: ClusterState, key: string, old: ReplicaSet | undefined, rs: ReplicaSet | undefined): void {
  if (
    rs &&
    old &&
    (old.spec?.minReadySeconds !== rs.spec?.minReadySeconds || old.spec?.template?.metadata?.labels !== rs.spec?.template?.metadata?.labels)
  ) {
    for (const p of state.indexes.podsByController.get(rs.metadata!.uid!) ?? []) refreshContribution(state, p)
  }
  if (!rs && old) state.indexes.ownerStats.delete(old.metadata!.uid!)
}

/** Whether a pod's labels may have changed (a write that kept `metadata.labels` kept the same object). */
export function labelsChanged(old: Pod | undefined, pod: Pod | undefined): boolean {
  return !old || !pod || old.metadata?.labels !== pod.metadata?.labels
}

/** Whether a Service of the namespace selects pods (only then do pod writes concern the endpoints). */
export function hasSelectingService(state: ClusterView, ns: string): boolean {
  const keys = state.indexes.byNamespace.Service.get(ns)
  if (!keys) return false
  for (const k of keys) if (state.objects.Service.get(k)!.spec?.selector) return true
  return false
}
