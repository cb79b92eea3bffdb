import { describe, expect, it } from 'vitest'
import type { Deployment } from '../../k8s.ts'
import { ANNOTATIONS } from '../../objects.ts'
import { get, replicaSetsOf, step, update } from '../../test-builders.ts'
import { changeImage, runSyncs, settledDeployment, KEY } from './rollout-harness.test-helpers.ts'
import { syncDeployment } from './sync.ts'

function stuckRollout() {
  const state = settledDeployment({ replicas: 10, maxSurge: 3, maxUnavailable: 2 })
  changeImage(state, 'nginx:doesnotexist')
  expect(runSyncs(state, 'new-never-ready')).toEqual([[3, 8], [5, 8]])
  return state
}

function scaleTo(state: ReturnType<typeof stuckRollout>, replicas: number): void {
  const d = get<Deployment>(state, 'Deployment', 'web')
  update(state, { ...d, spec: { ...d.spec!, replicas } })
  step(state, syncDeployment, KEY)
}

describe('proportional scaling during a rollout (C30, C31)', () => {
  it('C30: scaling a stuck 10-replica rollout to 15 adds 3 to the old and 2 to the new ReplicaSet', () => {
    const state = stuckRollout()
    scaleTo(state, 15)
    const [oldRS, newRS] = replicaSetsOf(state, 'web')
    expect(oldRS!.spec!.replicas).toBe(11)
    expect(newRS!.spec!.replicas).toBe(7)
    for (const rs of [oldRS!, newRS!]) {
      expect(rs.metadata!.annotations![ANNOTATIONS.desiredReplicas]).toBe('15')
      expect(rs.metadata!.annotations![ANNOTATIONS.maxReplicas]).toBe('18')
    }
    expect(replicaSetsOf(state, 'web')).toHaveLength(2)
    const messages = state.events.log.filter((e) => e.reason === 'ScalingReplicaSet').slice(-2).map((e) => e.message)
    expect(messages).toEqual([`Scaled up replica set ${oldRS!.metadata!.name} from 8 to 11`, `Scaled up replica set ${newRS!.metadata!.name} from 5 to 7`])
  })

  it('C31: scaling the same stuck rollout down to 5 removes from the bigger (older) first: old 5, new 3', () => {
    const state = stuckRollout()
    scaleTo(state, 5)
    const [oldRS, newRS] = replicaSetsOf(state, 'web')
    expect(oldRS!.spec!.replicas).toBe(5)
    expect(newRS!.spec!.replicas).toBe(3)
  })

  it('C43: a paused Deployment records template edits but only scales; resume rolls straight to the last template', () => {
    const state = settledDeployment({ replicas: 3 })
    let d = get<Deployment>(state, 'Deployment', 'web')
    update(state, { ...d, spec: { ...d.spec!, paused: true } })
    step(state, syncDeployment, KEY)
    expect(get<Deployment>(state, 'Deployment', 'web').status!.conditions!.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' })
    changeImage(state, 'nginx:1.27')
    step(state, syncDeployment, KEY)
    changeImage(state, 'nginx:1.28')
    d = get<Deployment>(state, 'Deployment', 'web')
    update(state, { ...d, spec: { ...d.spec!, replicas: 4 } })
    step(state, syncDeployment, KEY)
    d = get<Deployment>(state, 'Deployment', 'web')
    expect(replicaSetsOf(state, 'web')).toHaveLength(1)
    expect(replicaSetsOf(state, 'web')[0]!.spec!.replicas).toBe(4)
    expect(d.metadata!.generation).toBe(5)
    expect(d.status!.observedGeneration).toBe(5)
    update(state, { ...d, spec: { ...d.spec!, paused: false } })
    step(state, syncDeployment, KEY)
    const after = replicaSetsOf(state, 'web')
    expect(after).toHaveLength(2)
    expect(after[1]!.spec!.template!.spec!.containers[0]!.image).toBe('nginx:1.28')
    expect(after[1]!.metadata!.annotations![ANNOTATIONS.revision]).toBe('2')
    const cond = get<Deployment>(state, 'Deployment', 'web').status!.conditions!.find((c) => c.type === 'Progressing')
    expect(cond?.reason).toBe('NewReplicaSetCreated')
  })
})
