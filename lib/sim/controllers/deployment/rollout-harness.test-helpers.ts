/** A step-by-step rollout driver for the documented [new, old] sequences (conformance section E). */
import { advanceClock } from '../../clock.ts'
import {
  create,
  deployment,
  get,
  replicaSetsOf,
  setReplicaSetStatus,
  step,
  testState,
  update,
  type DeploymentOptions,
} from '../../../testing/cluster.ts'
import type { ClusterState } from '../../state.ts'
import { syncDeployment } from './sync.ts'

export const KEY = 'default/web'

export function settledDeployment(o: DeploymentOptions): ClusterState {
  const state = testState()
  create(state, deployment('web', o))
  step(state, syncDeployment, KEY)
  const [rs] = replicaSetsOf(state, 'web')
  setReplicaSetStatus(state, rs!.metadata!.name!, { replicas: rs!.spec!.replicas! })
  step(state, syncDeployment, KEY)
  advanceClock(state, state.now + 1000)
  return state
}

export function changeImage(state: ClusterState, image: string): void {
  const d = get(state, 'Deployment', 'web')
  const containers = d.spec!.template!.spec!.containers.map((c) => ({ ...c, image }))
  update(state, { ...d, spec: { ...d.spec!, template: { ...d.spec!.template, spec: { ...d.spec!.template!.spec!, containers } } } })
}

export type Availability = 'avail-between-syncs' | 'new-never-ready'

/** Runs Deployment syncs until nothing changes; returns spec.replicas of [newest, ..., oldest] after each sync. */
export function runSyncs(state: ClusterState, mode: Availability, maxSyncs = 30): number[][] {
  const seq: number[][] = []
  for (let i = 0; i < maxSyncs; i++) {
    const changes = step(state, syncDeployment, KEY)
    const scaled = changes.some((c) => c.type === 'create' || (c.type === 'update' && c.object.kind === 'ReplicaSet'))
    const rss = replicaSetsOf(state, 'web')
    if (!scaled) break
    seq.push([...rss].reverse().map((rs) => rs.spec!.replicas!))
    advanceClock(state, state.now + 1000)
    const newest = rss[rss.length - 1]!
    for (const rs of rss) {
      const spec = rs.spec!.replicas!
      const never = mode === 'new-never-ready' && rs === newest
      setReplicaSetStatus(state, rs.metadata!.name!, { replicas: spec, ready: never ? 0 : spec, available: never ? 0 : spec })
    }
  }
  return seq
}

export function scalingEvents(state: ClusterState): string[] {
  const rss = replicaSetsOf(state, 'web')
  const label = (name: string): string => (name === rss[rss.length - 1]!.metadata!.name ? 'new' : 'old')
  return state.events.log
    .filter((e) => e.reason === 'ScalingReplicaSet')
    .map((e) => {
      const m = /Scaled (up|down) replica set (\S+) from \d+ to (\d+)/.exec(e.message)!
      return `${label(m[2]!)}→${m[3]}`
    })
}
