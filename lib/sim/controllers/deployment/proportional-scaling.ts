/**
 * sync.go scale(): when spec.replicas changes while several ReplicaSets are active (or the Deployment is
 * paused), distribute the change proportionally to their sizes (GetProportion, getReplicaSetFraction).
 */
import type { Deployment, ReplicaSet } from '../../k8s.ts'
import { ANNOTATIONS } from '../../objects.ts'
import { isRollingUpdate, maxSurge, replicasOf } from './fenceposts.ts'
import { creationOrder } from './history.ts'
import { activeReplicaSets, scaleReplicaSet, scaleReplicaSetAndRecordEvent, specReplicas, sumSpec, type DeploymentWork } from './work.ts'
import { sortShort } from '../../sort.ts'

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined
  const olds = sortShort([...oldRSs], creationOrder).reverse()
  const all = activeReplicaSets([...olds, newRS])
  if (all.length === 0) return newRS ?? olds[0]
  if (all.length === 1) return all[0]
  return undefined
}

export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false
  const desired = Number.parseInt(rs.metadata?.annotations?.[ANNOTATIONS.desiredReplicas] ?? '', 10)
  const r = replicasOf(d)
  return desired === r && specReplicas(rs) === r && (rs.status?.availableReplicas ?? 0) === r
}

function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const r = replicasOf(d)
  if (r === 0) return -specReplicas(rs)
  const maxReplicas = r + maxSurge(d)
  let before = Number.parseInt(rs.metadata?.annotations?.[ANNOTATIONS.maxReplicas] ?? '', 10)
  if (!Number.isFinite(before) || before === 0) before = d.status?.replicas ?? 0
  // math.Round: halves away from zero
  const size = (specReplicas(rs) * maxReplicas) / before
  return Math.sign(size) * Math.round(Math.abs(size)) - specReplicas(rs)
}

export function getProportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0
  const fraction = replicaSetFraction(rs, d)
  const allowed = toAdd - added
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed)
}

export function scaleDeployment(w: DeploymentWork, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const d = w.d
  const r = replicasOf(d)
  const one = findActiveOrLatest(newRS, oldRSs)
  if (one) {
    if (specReplicas(one) !== r) scaleReplicaSetAndRecordEvent(w, one, r)
    return
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(w, old, 0)
    return
  }
  if (!isRollingUpdate(d)) return
  const all = activeReplicaSets([...oldRSs, newRS])
  const allowed = r > 0 ? r + maxSurge(d) : 0
  const toAdd = allowed - sumSpec(all)
  let operation = ''
  if (toAdd > 0) {
    // bigger first; same size: newer first
    sortShort(all, (a, b) => specReplicas(b) - specReplicas(a) || creationOrder(b, a))
    operation = 'up'
  } else if (toAdd < 0) {
    // bigger first; same size: older first
    sortShort(all, (a, b) => specReplicas(b) - specReplicas(a) || creationOrder(a, b))
    operation = 'down'
  }
  let added = 0
  const sizes = new Map<string, number>()
  for (const rs of all) {
    if (toAdd !== 0) {
      const p = getProportion(rs, d, toAdd, added)
      sizes.set(rs.metadata!.uid!, specReplicas(rs) + p)
      added += p
    } else sizes.set(rs.metadata!.uid!, specReplicas(rs))
  }
  all.forEach((rs, i) => {
    const uid = rs.metadata!.uid!
    if (i === 0 && toAdd !== 0) sizes.set(uid, Math.max(0, sizes.get(uid)! + toAdd - added))
    scaleReplicaSet(w, rs, sizes.get(uid)!, operation)
  })
}
