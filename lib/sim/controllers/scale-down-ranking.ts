/**
 * Which pods a ReplicaSet deletes first when it scales down (controller_utils.go ActivePodsWithRanks.Less,
 * with PodDeletionCost and LogarithmicScaleDown, both GA). The first rule that differs decides.
 */
import type { Pod } from '../k8s.ts'
import { ANNOTATIONS, isPodReady, podCondition } from '../objects.ts'
import { fromTimestamp } from '../clock.ts'

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

/** The `count` pods to delete, first-to-delete first. No ranking when every pod goes. */
export function podsToDelete(pods: RankedPod[], count: number, now: number, epoch: number): Pod[] {
  if (count >= pods.length) return pods.map((p) => p.pod)
  const sorted = [...pods].sort((a, b) => compareForDeletion(a, b, now, epoch))
  return sorted.slice(0, count).map((p) => p.pod)
}
