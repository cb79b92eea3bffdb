/**
 * Informer event handlers: after every store write, keep the aggregates controllers read (per-ReplicaSet pod
 * counts, per-node requested resources) and queue exactly the controllers a real informer would notify.
 * This is what keeps the engine near-linear: nothing rescans every object on a tick.
 */
import type { Deployment, Pod, ReplicaSet, Service } from './k8s.ts'
import {
  controllerOf,
  isPodActive,
  isPodReady,
  isPodTerminal,
  keyOf,
  labelSelectorMatches,
  labelSetMatches,
  podCondition,
  resourceAmount,
  type AnyObject,
  type Kind,
} from './objects.ts'
import { enqueue, wakeAt } from './queue.ts'
import type { ClusterState, PodContribution } from './state.ts'
import { fromTimestamp } from './clock.ts'

export function onObjectChange(state: ClusterState, kind: Kind, key: string, old: AnyObject | undefined, obj: AnyObject | undefined): void {
  switch (kind) {
    case 'Pod':
      return onPod(state, key, old as Pod | undefined, obj as Pod | undefined)
    case 'ReplicaSet':
      return onReplicaSet(state, key, old as ReplicaSet | undefined, obj as ReplicaSet | undefined)
    case 'Deployment':
      state.indexes.timelineDirty = true
      enqueue(state, 'deployment', key)
      if (!obj && old) enqueue(state, 'garbageCollector', old.metadata!.uid!)
      return
    case 'Service':
      state.indexes.timelineDirty = true
      enqueue(state, 'endpoints', key)
      return
    case 'Node':
      state.indexes.nodeGeneration++
      for (const p of state.indexes.unschedulable) enqueue(state, 'scheduler', p)
      state.indexes.unschedulable.clear()
      enqueue(state, 'nodeLifecycle', key)
      return
    case 'Namespace':
      enqueue(state, 'namespace', key)
      return
  }
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
export function contributionOf(state: ClusterState, pod: Pod): PodContribution {
  const ctl = controllerOf(pod)
  const owner = ctl && ctl.kind === 'ReplicaSet' ? ctl.uid : null
  const active = isPodActive(pod)
  const ready = active && isPodReady(pod)
  let available = false
  let fullyLabeled = false
  if (owner) {
    const ref = state.indexes.byUid.get(owner)
    const rs = ref ? (state.objects.ReplicaSet.get(ref.key) as ReplicaSet | undefined) : undefined
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
  return { owner, active, ready, available, fullyLabeled, node: placed ? pod.spec!.nodeName! : null, cpu: req.cpu, memory: req.memory, placed }
}

function sameContribution(a: PodContribution | undefined, b: PodContribution | undefined): boolean {
  if (!a || !b) return a === b
  return a.owner === b.owner && a.active === b.active && a.ready === b.ready && a.available === b.available && a.fullyLabeled === b.fullyLabeled && a.node === b.node && a.cpu === b.cpu && a.memory === b.memory
}

function bump(index: Map<string, Map<string, number>>, owner: string, node: string, sign: 1 | -1): void {
  let m = index.get(owner)
  if (!m) index.set(owner, (m = new Map()))
  const n = (m.get(node) ?? 0) + sign
  if (n === 0) m.delete(node)
  else m.set(node, n)
  if (m.size === 0) index.delete(owner)
}

function applyContribution(state: ClusterState, c: PodContribution, sign: 1 | -1): void {
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
export function refreshContribution(state: ClusterState, key: string): boolean {
  const pod = state.objects.Pod.get(key) as Pod | undefined
  const before = state.indexes.contributions.get(key)
  const after = pod ? contributionOf(state, pod) : undefined
  if (sameContribution(before, after)) return false
  if (before) applyContribution(state, before, -1)
  if (after) {
    applyContribution(state, after, 1)
    state.indexes.contributions.set(key, after)
  } else state.indexes.contributions.delete(key)
  const owners = new Set([before?.owner, after?.owner])
  for (const o of owners) if (o) enqueueByUid(state, 'replicaset', o)
  if (before?.placed && (!after?.placed || after.node !== before.node)) freeCapacity(state)
  // a new placement may satisfy a waiting pod's pod affinity or topology spread (scheduler-filters.ts)
  else if (after?.placed && !before?.placed) freeCapacity(state)
  return true
}

function freeCapacity(state: ClusterState): void {
  for (const p of state.indexes.unschedulable) enqueue(state, 'scheduler', p)
  state.indexes.unschedulable.clear()
}

function enqueueByUid(state: ClusterState, controller: 'replicaset' | 'deployment', uid: string): void {
  const ref = state.indexes.byUid.get(uid)
  if (ref) enqueue(state, controller, ref.key)
}

function onPod(state: ClusterState, key: string, old: Pod | undefined, pod: Pod | undefined): void {
  refreshContribution(state, key)
  if (pod && isPodActive(pod)) {
    const ctl = controllerOf(pod)
    if (ctl) state.indexes.ownerVersions.set(ctl.uid, (state.indexes.ownerVersions.get(ctl.uid) ?? 0) + 1)
  }
  const now = pod ?? old!
  const ns = now.metadata!.namespace!
  const labelsChanged = !old || !pod || old.metadata?.labels !== pod.metadata?.labels
  // a placed pod's new labels may satisfy (or stop blocking) a waiting pod's affinity or spread (scheduler-filters.ts)
  if (old && pod?.spec?.nodeName && labelsChanged) freeCapacity(state)
  // Adoption and release: orphans (and label changes) may concern any ReplicaSet of the namespace.
  if (pod && labelsChanged) {
    const ctl = controllerOf(pod)
    if (!ctl && isPodActive(pod)) {
      for (const rsKey of state.indexes.byNamespace.ReplicaSet.get(ns) ?? []) {
        const rs = state.objects.ReplicaSet.get(rsKey) as ReplicaSet
        if (labelSelectorMatches(rs.spec?.selector, pod.metadata?.labels)) enqueue(state, 'replicaset', rsKey)
      }
    } else if (ctl && old) {
      state.indexes.releaseCandidates.add(key)
      enqueueByUid(state, 'replicaset', ctl.uid)
    }
  }
  if (!pod && old) {
    // Deployment Recreate waits for old pods to disappear; the GC may have dependents waiting too.
    const ctl = controllerOf(old)
    if (ctl) {
      const rsRef = state.indexes.byUid.get(ctl.uid)
      const rs = rsRef ? (state.objects.ReplicaSet.get(rsRef.key) as ReplicaSet | undefined) : undefined
      const dctl = rs ? controllerOf(rs) : undefined
      if (dctl) enqueueByUid(state, 'deployment', dctl.uid)
    }
  } else if (pod && old && pod.status?.phase !== old.status?.phase && isPodTerminal(pod)) {
    const ctl = controllerOf(pod)
    const rs = ctl ? (state.objects.ReplicaSet.get(keyOf(ns, ctl.name)) as ReplicaSet | undefined) : undefined
    const dctl = rs ? controllerOf(rs) : undefined
    if (dctl) enqueueByUid(state, 'deployment', dctl.uid)
  }
  // Scheduler: unbound, live pods.
  if (pod && !pod.spec?.nodeName && !pod.metadata?.deletionTimestamp && !isPodTerminal(pod)) {
    if (!old || old.spec !== pod.spec) enqueue(state, 'scheduler', key)
  }
  if (!pod) state.indexes.unschedulable.delete(key)
  // Kubelet: the pod's spec, binding or deletion changed (not its own status writes).
  if (pod?.spec?.nodeName && (!old || old.spec !== pod.spec || old.metadata?.deletionTimestamp !== pod.metadata?.deletionTimestamp)) {
    enqueue(state, 'kubelet', key)
  }
  // Endpoints: anything a Service's endpoints depend on (only when the namespace has Services).
  if (!hasSelectingService(state, ns)) {
    // no Service here selects pods
  } else if (
    !old ||
    !pod ||
    labelsChanged ||
    old.status?.podIP !== pod.status?.podIP ||
    isPodReady(old) !== isPodReady(pod) ||
    old.metadata?.deletionTimestamp !== pod.metadata?.deletionTimestamp ||
    old.status?.phase !== pod.status?.phase ||
    old.spec !== pod.spec
  ) {
    enqueue(state, 'endpointPods', key)
  }
  if (!pod && old) {
    state.indexes.releaseCandidates.delete(key)
  }
}

function onReplicaSet(state: ClusterState, key: string, old: ReplicaSet | undefined, rs: ReplicaSet | undefined): void {
  enqueue(state, 'replicaset', key)
  const now = rs ?? old!
  const ctl = controllerOf(now)
  if (ctl) enqueueByUid(state, 'deployment', ctl.uid)
  else {
    // orphan ReplicaSets may be adopted by a Deployment of the namespace
    for (const dKey of state.indexes.byNamespace.Deployment.get(now.metadata!.namespace!) ?? []) {
      const d = state.objects.Deployment.get(dKey) as Deployment
      if (labelSelectorMatches(d.spec?.selector, now.metadata?.labels)) enqueue(state, 'deployment', dKey)
    }
  }
  if (old && ctl && old.metadata?.ownerReferences !== rs?.metadata?.ownerReferences) {
    const octl = controllerOf(old)
    if (octl && octl.uid !== ctl.uid) enqueueByUid(state, 'deployment', octl.uid)
  }
  if (rs && old && (old.spec?.minReadySeconds !== rs.spec?.minReadySeconds || old.spec?.template?.metadata?.labels !== rs.spec?.template?.metadata?.labels)) {
    for (const p of state.indexes.podsByController.get(rs.metadata!.uid!) ?? []) refreshContribution(state, p)
  }
  if (!rs && old) {
    state.indexes.ownerStats.delete(old.metadata!.uid!)
    enqueue(state, 'garbageCollector', old.metadata!.uid!)
  }
}

function hasSelectingService(state: ClusterState, ns: string): boolean {
  const keys = state.indexes.byNamespace.Service.get(ns)
  if (!keys) return false
  for (const k of keys) if ((state.objects.Service.get(k) as Service).spec?.selector) return true
  return false
}

