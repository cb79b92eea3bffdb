/**
 * RollingUpdate (rolling.go): scale the new ReplicaSet up within maxSurge, else scale old ones down within
 * maxUnavailable — unhealthy replicas first (cleanupUnhealthyReplicas), then by availability.
 */
import type { Deployment, ReplicaSet } from '../../k8s.ts'
import { maxUnavailable, replicasOf, scaledValue } from './fenceposts.ts'
import { creationOrder } from './history.ts'
import { scaleReplicaSetAndRecordEvent, specReplicas, sumSpec, sumStatus, type DeploymentWork } from './work.ts'
import { sortShort } from '../../sort.ts'

/** NewRSNewReplicas for RollingUpdate: add up to maxSurge over the total, never past spec.replicas. */
export function newRSNewReplicas(
  d: Deployment,
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet | { spec: { replicas: number } },
): number {
  const r = replicasOf(d)
  const cur = newRS.spec?.replicas ?? 0
  if ((d.spec?.strategy?.type ?? 'RollingUpdate') === 'Recreate') return r
  const surge = scaledValue(d.spec?.strategy?.rollingUpdate?.maxSurge ?? '25%', r, true) ?? 0
  const current = sumSpec(allRSs)
  const maxTotal = r + surge
  if (current >= maxTotal) return cur
  return cur + Math.min(maxTotal - current, r - cur)
}

export function reconcileNewReplicaSet(w: DeploymentWork, allRSs: ReplicaSet[], newRS: ReplicaSet): boolean {
  const r = replicasOf(w.d)
  if (specReplicas(newRS) === r) return false
  if (specReplicas(newRS) > r) return scaleReplicaSetAndRecordEvent(w, newRS, r).scaled
  return scaleReplicaSetAndRecordEvent(w, newRS, newRSNewReplicas(w.d, allRSs, newRS)).scaled
}

/** 'refused': the sync must end here (upstream returns an error) and run again once the statuses are current. */
export function reconcileOldReplicaSets(
  w: DeploymentWork,
  allRSs: ReplicaSet[],
  activeOldRSs: ReplicaSet[],
  newRS: ReplicaSet,
): boolean | 'refused' {
  const oldPods = sumSpec(activeOldRSs)
  if (oldPods === 0) return false
  const allPods = sumSpec(allRSs)
  const minAvailable = replicasOf(w.d) - maxUnavailable(w.d)
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0)
  const maxScaledDown = allPods - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return false
  const { oldRSs, cleaned, refused } = cleanupUnhealthyReplicas(w, activeOldRSs, maxScaledDown)
  if (refused) return 'refused'
  const scaledDown = scaleDownOldReplicaSets(w, [...oldRSs, newRS], oldRSs)
  return cleaned + scaledDown > 0
}

/**
 * Scales old ReplicaSets down by their unavailable replicas, oldest first. A ReplicaSet whose status still
 * counts more available pods than its (just reduced) spec would come out *bigger*: rolling.go refuses that
 * ("got invalid request to scale down … %d -> %d") and ends the sync, so no old ReplicaSet is ever scaled up here.
 */
export function cleanupUnhealthyReplicas(
  w: DeploymentWork,
  oldRSs: ReplicaSet[],
  maxCleanup: number,
): { oldRSs: ReplicaSet[]; cleaned: number; refused?: true } {
  const sorted = sortShort([...oldRSs], creationOrder)
  let total = 0
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanup) break
    const rs = sorted[i]!
    const spec = specReplicas(rs)
    const available = rs.status?.availableReplicas ?? 0
    if (spec === 0 || spec === available) continue
    const count = Math.min(maxCleanup - total, spec - available)
    if (count < 0) return { oldRSs: sorted, cleaned: total, refused: true }
    sorted[i] = scaleReplicaSetAndRecordEvent(w, rs, spec - count).rs
    total += count
  }
  return { oldRSs: sorted, cleaned: total }
}

export function scaleDownOldReplicaSets(w: DeploymentWork, allRSs: ReplicaSet[], oldRSs: ReplicaSet[]): number {
  const minAvailable = replicasOf(w.d) - maxUnavailable(w.d)
  const available = sumStatus(allRSs, 'availableReplicas')
  if (available <= minAvailable) return 0
  const target = available - minAvailable
  let total = 0
  for (const rs of sortShort([...oldRSs], creationOrder)) {
    if (total >= target) break
    const spec = specReplicas(rs)
    if (spec === 0) continue
    // 1 ≤ count ≤ spec: never a size above the current one (the case rolling.go refuses cannot arise here)
    const count = Math.min(spec, target - total)
    scaleReplicaSetAndRecordEvent(w, rs, spec - count)
    total += count
  }
  return total
}
