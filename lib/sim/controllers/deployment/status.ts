/**
 * Deployment status and conditions (sync.go calculateStatus, progress.go syncRolloutStatus,
 * deployment_util.go DeploymentComplete / DeploymentProgressing / DeploymentTimedOut).
 */
import type { Deployment, DeploymentCondition, ReplicaSet } from '../../k8s.ts'
import { fromTimestamp } from '../../clock.ts'
import { maxUnavailable, replicasOf } from './fenceposts.ts'
import { sumSpec, sumStatus } from './work.ts'

type DeploymentStatus = NonNullable<Deployment['status']>

export const REASONS = {
  newRSAvailable: 'NewReplicaSetAvailable',
  replicaSetUpdated: 'ReplicaSetUpdated',
  timedOut: 'ProgressDeadlineExceeded',
  newReplicaSet: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minAvailable: 'MinimumReplicasAvailable',
  minUnavailable: 'MinimumReplicasUnavailable',
} as const

export function newCondition(type: string, status: string, reason: string, message: string, timestamp: string): DeploymentCondition {
  return { type, status, reason, message, lastUpdateTime: timestamp, lastTransitionTime: timestamp }
}

export function getCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type)
}

/** SetDeploymentCondition: no-op for the same status+reason; keeps lastTransitionTime when the status is unchanged; appends. */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): DeploymentStatus {
  const cur = getCondition(status, condition.type)
  if (cur && cur.status === condition.status && cur.reason === condition.reason) return status
  const c = cur && cur.status === condition.status ? { ...condition, lastTransitionTime: cur.lastTransitionTime } : condition
  return { ...status, conditions: [...(status.conditions ?? []).filter((x) => x.type !== condition.type), c] }
}

export function removeCondition(status: DeploymentStatus, type: string): DeploymentStatus {
  const conditions = (status.conditions ?? []).filter((c) => c.type !== type)
  return { ...status, conditions }
}

export function calculateStatus(allRSs: ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment, timestamp: string): DeploymentStatus {
  const available = sumStatus(allRSs, 'availableReplicas')
  const total = sumSpec(allRSs)
  let status: DeploymentStatus = {
    observedGeneration: d.metadata?.generation ?? 1,
    replicas: sumStatus(allRSs, 'replicas'),
    updatedReplicas: newRS ? (newRS.status?.replicas ?? 0) : 0,
    readyReplicas: sumStatus(allRSs, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    conditions: [...(d.status?.conditions ?? [])],
  }
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    status = setCondition(
      status,
      newCondition('Available', 'True', REASONS.minAvailable, 'Deployment has minimum availability.', timestamp),
    )
  } else {
    status = setCondition(
      status,
      newCondition('Available', 'False', REASONS.minUnavailable, 'Deployment does not have minimum availability.', timestamp),
    )
  }
  return status
}

export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const r = replicasOf(d)
  return (
    (s.updatedReplicas ?? 0) === r &&
    (s.replicas ?? 0) === r &&
    (s.availableReplicas ?? 0) === r &&
    (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 1)
  )
}

export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {}
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0)
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  )
}

export function hasProgressDeadline(d: Deployment): boolean {
  const p = d.spec?.progressDeadlineSeconds
  return p !== undefined && p !== null && p !== 2147483647
}

/** Virtual ms after which the rollout counts as timed out, or undefined when it cannot time out now. */
export function timeoutAt(d: Deployment, s: DeploymentStatus, epoch: number): number | undefined {
  if (!hasProgressDeadline(d)) return undefined
  const c = getCondition(s, 'Progressing')
  if (!c || c.reason === REASONS.newRSAvailable || c.reason === REASONS.timedOut) return undefined
  const from = fromTimestamp(epoch, c.lastUpdateTime)
  if (from === undefined) return undefined
  return from + d.spec!.progressDeadlineSeconds! * 1000
}

export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, now: number, epoch: number): boolean {
  const c = getCondition(s, 'Progressing')
  if (!hasProgressDeadline(d) || !c || c.reason === REASONS.newRSAvailable) return false
  if (c.reason === REASONS.timedOut) return true
  const at = timeoutAt(d, s, epoch)
  return at !== undefined && at < now
}

/** syncRolloutStatus: the new status with the Progressing condition advanced. */
export function rolloutStatus(
  allRSs: ReplicaSet[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  now: number,
  timestamp: string,
  epoch: number,
): DeploymentStatus {
  let status = calculateStatus(allRSs, newRS, d, timestamp)
  if (!hasProgressDeadline(d)) status = removeCondition(status, 'Progressing')
  const current = getCondition(d.status, 'Progressing')
  const complete = status.replicas === status.updatedReplicas && current?.reason === REASONS.newRSAvailable
  if (hasProgressDeadline(d) && !complete) {
    const rsName = newRS?.metadata?.name
    if (deploymentComplete(d, status)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" has successfully progressed.`
        : `Deployment "${d.metadata!.name}" has successfully progressed.`
      status = setCondition(status, newCondition('Progressing', 'True', REASONS.newRSAvailable, msg, timestamp))
    } else if (deploymentProgressing(d, status)) {
      const msg = rsName ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${d.metadata!.name}" is progressing.`
      let c = newCondition('Progressing', 'True', REASONS.replicaSetUpdated, msg, timestamp)
      if (current) {
        if (current.status === 'True') c = { ...c, lastTransitionTime: current.lastTransitionTime }
        status = removeCondition(status, 'Progressing')
      }
      status = setCondition(status, c)
    } else if (deploymentTimedOut(d, status, now, epoch)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" has timed out progressing.`
        : `Deployment "${d.metadata!.name}" has timed out progressing.`
      status = setCondition(status, newCondition('Progressing', 'False', REASONS.timedOut, msg, timestamp))
    }
  }
  return status
}
