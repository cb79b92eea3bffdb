/**
 * The working copy one Deployment sync operates on: the Deployment (status and annotations evolve during the
 * sync, like the upstream controller's in-memory object) and its ReplicaSets by uid. Every write is also
 * recorded as a change for the engine to apply.
 */
import type { Deployment, ReplicaSet } from '../../k8s.ts'
import type { Change, ControllerContext } from '../../changes.ts'
import { ANNOTATIONS } from '../../objects.ts'
import { maxSurge, replicasOf } from './fenceposts.ts'

export interface DeploymentWork {
  d: Deployment
  ctx: ControllerContext
  changes: Change[]
}

export function specReplicas(rs: ReplicaSet | undefined): number {
  return rs?.spec?.replicas ?? 0
}

export function sumSpec(rss: (ReplicaSet | undefined)[]): number {
  let n = 0
  for (const rs of rss) n += specReplicas(rs)
  return n
}

export function sumStatus(rss: (ReplicaSet | undefined)[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  let n = 0
  for (const rs of rss) n += rs?.status?.[field] ?? 0
  return n
}

export function activeReplicaSets(rss: (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => !!rs && specReplicas(rs) > 0)
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata?.annotations ?? {}
  return a[ANNOTATIONS.desiredReplicas] !== String(desired) || a[ANNOTATIONS.maxReplicas] !== String(max)
}

/** scaleReplicaSet: size and/or replica annotations; an event when the size changes. Returns the new RS. */
export function scaleReplicaSet(
  w: DeploymentWork,
  rs: ReplicaSet,
  newScale: number,
  operation: string,
): { scaled: boolean; rs: ReplicaSet } {
  const desired = replicasOf(w.d)
  const max = desired + maxSurge(w.d)
  const sizeNeedsUpdate = specReplicas(rs) !== newScale
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs }
  const old = specReplicas(rs)
  const updated: ReplicaSet = {
    ...rs,
    metadata: {
      ...rs.metadata,
      annotations: { ...rs.metadata?.annotations, [ANNOTATIONS.desiredReplicas]: String(desired), [ANNOTATIONS.maxReplicas]: String(max) },
    },
    spec: { ...rs.spec!, replicas: newScale },
  }
  w.changes.push({ type: 'update', object: updated })
  if (sizeNeedsUpdate) {
    w.changes.push({
      type: 'event',
      event: {
        kind: 'Deployment',
        namespace: w.d.metadata!.namespace,
        name: w.d.metadata!.name!,
        uid: w.d.metadata!.uid,
        reason: 'ScalingReplicaSet',
        message: `Scaled ${operation} replica set ${rs.metadata!.name} from ${old} to ${newScale}`,
        source: 'deployment-controller',
      },
    })
  }
  return { scaled: sizeNeedsUpdate, rs: updated }
}

export function scaleReplicaSetAndRecordEvent(w: DeploymentWork, rs: ReplicaSet, newScale: number): { scaled: boolean; rs: ReplicaSet } {
  if (specReplicas(rs) === newScale) return { scaled: false, rs }
  return scaleReplicaSet(w, rs, newScale, specReplicas(rs) < newScale ? 'up' : 'down')
}
