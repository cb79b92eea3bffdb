/**
 * Which pods a ReplicaSet deletes first when it scales down (controller_utils.go ActivePodsWithRanks.Less,
 * with PodDeletionCost and LogarithmicScaleDown, both GA). The first rule that differs decides.
 */
import type { Pod } from '../k8s.ts'
import { ANNOTATIONS, isPodReady, podCondition } from '../objects.ts'
import { fromTimestamp } from '../clock.ts'
import { popBy, pushBy } from '../heap.ts'

export interface RankedPod {
  pod: Pod
  /** active pods of the same Deployment (all its ReplicaSets) on this pod's node, this pod included */
  relatedOnNode: number
}

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }

function deletionCost(pod: Pod): number {
  const v = pod.metadata?.annotations?.[ANNOTATIONS.deletionCost]
  const n = v === undefined ? 0 : Number.parseInt(v, 10)
  return Number.isFinite(n) ? n : 0
}

function maxRestarts(pod: Pod): number {
  let max = 0
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0)
  return max
}

/** floor(log2(now − t in nanoseconds)); -1 when t is not in the past. */
function logBucket(now: number, t: number): number {
  const ns = (now - t) * 1e6
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1
}

/** Negative when `a` should be deleted before `b`. `now` and times are virtual milliseconds. */
export function compareForDeletion(a: RankedPod, b: RankedPod, now: number, epoch: number): number {
  const pa = a.pod
  const pb = b.pod
  // 1. unscheduled before scheduled
  const sa = pa.spec?.nodeName ? 1 : 0
  const sb = pb.spec?.nodeName ? 1 : 0
  if (sa !== sb) return sa - sb
  // 2. Pending < Unknown < Running
  const fa = PHASE_ORDER[pa.status?.phase ?? 'Pending'] ?? 0
  const fb = PHASE_ORDER[pb.status?.phase ?? 'Pending'] ?? 0
  if (fa !== fb) return fa - fb
  // 3. not ready before ready
  const ra = isPodReady(pa) ? 1 : 0
  const rb = isPodReady(pb) ? 1 : 0
  if (ra !== rb) return ra - rb
  // 4. lower pod-deletion-cost first
  const ca = deletionCost(pa)
  const cb = deletionCost(pb)
  if (ca !== cb) return ca - cb
  // 5. more doubled-up first
  if (a.relatedOnNode !== b.relatedOnNode) return b.relatedOnNode - a.relatedOnNode
  // 6. both ready: more recently ready first, in log2 buckets; same bucket → smaller UID, and stop there
  if (ra === 1 && rb === 1) {
    const ta = fromTimestamp(epoch, podCondition(pa, 'Ready')?.lastTransitionTime)
    const tb = fromTimestamp(epoch, podCondition(pb, 'Ready')?.lastTransitionTime)
    if (ta !== tb) {
      if (ta === undefined) return -1
      if (tb === undefined) return 1
      const diff = logBucket(now, ta) - logBucket(now, tb)
      if (diff === 0) return uidOrder(pa, pb)
      return diff
    }
  }
  // 7. higher restart count first
  const xa = maxRestarts(pa)
  const xb = maxRestarts(pb)
  if (xa !== xb) return xb - xa
  // 8. newer first (log2 buckets of creation time; same bucket → smaller UID)
  const ta = fromTimestamp(epoch, pa.metadata?.creationTimestamp)
  const tb = fromTimestamp(epoch, pb.metadata?.creationTimestamp)
  if (ta !== tb) {
    if (ta === undefined) return -1
    if (tb === undefined) return 1
    const diff = logBucket(now, ta) - logBucket(now, tb)
    if (diff === 0) return uidOrder(pa, pb)
    return diff
  }
  return 0
}

function uidOrder(a: Pod, b: Pod): number {
  const ua = a.metadata?.uid ?? ''
  const ub = b.metadata?.uid ?? ''
  return ua < ub ? -1 : ua > ub ? 1 : 0
}

export interface Keys {
  pod: Pod
  scheduled: number
  phase: number
  ready: number
  cost: number
  related: number
  readyAt: number | undefined
  restarts: number
  createdAt: number | undefined
  uid: string
}

const keyCache = new WeakMap<Pod, Keys>()

/** Keys per pod object (pods are immutable once stored); `related` is refreshed on every call. */
export function keysOf(p: RankedPod, epoch: number): Keys {
  const pod = p.pod
  let k = keyCache.get(pod)
  if (!k) {
    k = podKeys(pod, epoch)
    keyCache.set(pod, k)
  }
  k.related = p.relatedOnNode
  return k
}

function podKeys(pod: Pod, epoch: number): Keys {
  return {
    pod,
    related: 0,
    scheduled: pod.spec?.nodeName ? 1 : 0,
    phase: PHASE_ORDER[pod.status?.phase ?? 'Pending'] ?? 0,
    ready: isPodReady(pod) ? 1 : 0,
    cost: deletionCost(pod),
    readyAt: fromTimestamp(epoch, podCondition(pod, 'Ready')?.lastTransitionTime),
    restarts: maxRestarts(pod),
    createdAt: fromTimestamp(epoch, pod.metadata?.creationTimestamp),
    uid: pod.metadata?.uid ?? '',
  }
}

/** compareForDeletion on precomputed keys (the same rules, without re-parsing timestamps in the sort). */
export function compareKeys(a: Keys, b: Keys, now: number): number {
  return compareRanked(a, a.related, b, b.related, now)
}

/** compareKeys with each pod's related-pods count given apart (the deletion plan keeps it per node). */
export function compareRanked(a: Keys, relatedA: number, b: Keys, relatedB: number, now: number): number {
  if (a.scheduled !== b.scheduled) return a.scheduled - b.scheduled
  if (a.phase !== b.phase) return a.phase - b.phase
  if (a.ready !== b.ready) return a.ready - b.ready
  if (a.cost !== b.cost) return a.cost - b.cost
  if (relatedA !== relatedB) return relatedB - relatedA
  if (a.ready === 1 && b.ready === 1 && a.readyAt !== b.readyAt) {
    if (a.readyAt === undefined) return -1
    if (b.readyAt === undefined) return 1
    const diff = logBucket(now, a.readyAt) - logBucket(now, b.readyAt)
    if (diff === 0) return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0
    return diff
  }
  if (a.restarts !== b.restarts) return b.restarts - a.restarts
  if (a.createdAt !== b.createdAt) {
    if (a.createdAt === undefined) return -1
    if (b.createdAt === undefined) return 1
    const diff = logBucket(now, a.createdAt) - logBucket(now, b.createdAt)
    if (diff === 0) return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0
    return diff
  }
  // Upstream leaves full ties to an unstable sort; the UID makes the order total (and deterministic).
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0
}

/** The `count` pods to delete, first-to-delete first. No ranking when every pod goes. */
export function podsToDelete(pods: RankedPod[], count: number, now: number, epoch: number): Pod[] {
  if (count >= pods.length) return pods.map((p) => p.pod)
  const keyed = pods.map((p) => keysOf(p, epoch))
  const cmp = (a: Keys, b: Keys): number => compareKeys(a, b, now)
  if (count * 8 >= keyed.length)
    return keyed
      .sort(cmp)
      .slice(0, count)
      .map((k) => k.pod)
  // Few to delete among many: keep the `count` first in a bounded max-heap (O(n log count)).
  const heap: Keys[] = []
  const later = (a: Keys, b: Keys): boolean => cmp(a, b) > 0
  for (const k of keyed) {
    if (heap.length < count) pushBy(heap, k, later)
    else if (cmp(k, heap[0]!) < 0) {
      popBy(heap, later)
      pushBy(heap, k, later)
    }
  }
  return heap.sort(cmp).map((k) => k.pod)
}
