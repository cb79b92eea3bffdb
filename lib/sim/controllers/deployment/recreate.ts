/** Recreate (recreate.go): old ReplicaSets to zero, wait until no old pod exists, then the new one at full size. */
import type { ReplicaSet } from '../../k8s.ts'
import type { ClusterView } from '../../state.ts'
import { scaleReplicaSetAndRecordEvent, sumStatus, type DeploymentWork } from './work.ts'

export function scaleDownOldForRecreate(w: DeploymentWork, activeOld: ReplicaSet[]): boolean {
  let scaled = false
  for (const rs of activeOld) if (scaleReplicaSetAndRecordEvent(w, rs, 0).scaled) scaled = true
  return scaled
}

/** oldPodsRunning: old ReplicaSets report replicas, or any of their pods is not terminal (terminating ones count). */
export function oldPodsRunning(state: ClusterView, newRS: ReplicaSet | undefined, allRSs: ReplicaSet[]): boolean {
  const old = allRSs.filter((rs) => rs.metadata!.uid !== newRS?.metadata?.uid)
  if (sumStatus(old, 'replicas') > 0) return true
  for (const rs of old) {
    for (const key of state.indexes.podsByController.get(rs.metadata!.uid!) ?? []) {
      const phase = state.objects.Pod.get(key)!.status?.phase
      if (phase !== 'Succeeded' && phase !== 'Failed') return true
    }
  }
  return false
}
