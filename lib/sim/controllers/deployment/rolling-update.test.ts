import { describe, expect, it } from 'vitest'
import { advanceClock } from '../../clock.ts'
import { changeImage, runSyncs, scalingEvents, settledDeployment } from './rollout-harness.test-helpers.ts'
import { get, replicaSetsOf, setReplicaSetStatus, step, testState, create, deployment, replicaSet } from '../../../testing/cluster.ts'
import { syncDeployment } from './sync.ts'
import {
  cleanupUnhealthyReplicas,
  newRSNewReplicas,
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  scaleDownOldReplicaSets,
} from './rolling-update.ts'
import type { DeploymentWork } from './work.ts'
import { context } from '../../engine.ts'
import type { Deployment, ReplicaSet } from '../../k8s.ts'
import { ANNOTATIONS } from '../../objects.ts'

describe('RollingUpdate step sequences (conformance E)', () => {
  it('C27: 3 replicas with default strategy roll 1→3 in the documented steps and events', () => {
    const state = settledDeployment({ replicas: 3, image: 'nginx:1.26' })
    state.events.log.length = 0
    changeImage(state, 'nginx:1.27')
    const seq = runSyncs(state, 'avail-between-syncs')
    expect(seq).toEqual([
      [1, 3],
      [1, 2],
      [2, 2],
      [2, 1],
      [3, 1],
      [3, 0],
    ])
    expect(scalingEvents(state)).toEqual(['new→1', 'old→2', 'new→2', 'old→1', 'new→3', 'old→0'])
    for (const [n, o] of seq) expect(n! + o!).toBeLessThanOrEqual(4)
    const d = get(state, 'Deployment', 'web')
    expect(d.metadata!.annotations![ANNOTATIONS.revision]).toBe('2')
    expect(replicaSetsOf(state, 'web')[1]!.metadata!.annotations![ANNOTATIONS.revision]).toBe('2')
  })

  it('C28: 4 replicas, maxSurge 1, maxUnavailable 1', () => {
    const state = settledDeployment({ replicas: 4, maxSurge: 1, maxUnavailable: 1 })
    changeImage(state, 'nginx:1.27')
    expect(runSyncs(state, 'avail-between-syncs')).toEqual([
      [1, 3],
      [2, 3],
      [2, 1],
      [4, 1],
      [4, 0],
    ])
  })

  it('C28: the same rollout stalls at [2,3] when new pods never become ready', () => {
    const state = settledDeployment({ replicas: 4, maxSurge: 1, maxUnavailable: 1 })
    changeImage(state, 'nginx:1.27')
    expect(runSyncs(state, 'new-never-ready')).toEqual([
      [1, 3],
      [2, 3],
    ])
  })

  it('C29: 10 replicas and a bad image stop at new 5 / old 8 with Available still True', () => {
    const state = settledDeployment({ replicas: 10 })
    changeImage(state, 'nginx:doesnotexist')
    expect(runSyncs(state, 'new-never-ready')).toEqual([
      [3, 8],
      [5, 8],
    ])
    step(state, syncDeployment, 'default/web')
    const d = get(state, 'Deployment', 'web')
    expect(d.status).toMatchObject({ replicas: 13, updatedReplicas: 5, readyReplicas: 8, availableReplicas: 8, unavailableReplicas: 5 })
    expect(d.status!.conditions!.find((c) => c.type === 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' })
  })

  it('C34: maxSurge 0 with maxUnavailable 1% on 2 replicas still makes progress (unavailable forced to 1)', () => {
    const state = settledDeployment({ replicas: 2, maxSurge: 0, maxUnavailable: '1%' })
    changeImage(state, 'nginx:1.27')
    expect(runSyncs(state, 'avail-between-syncs')).toEqual([
      [0, 1],
      [1, 1],
      [1, 0],
      [2, 0],
    ])
  })

  it('C35: a template change mid-rollout creates a third ReplicaSet at once and scales both old ones down oldest first', () => {
    const state = settledDeployment({ replicas: 5 })
    changeImage(state, 'nginx:1.27')
    runSyncs(state, 'new-never-ready', 2)
    changeImage(state, 'nginx:1.28')
    step(state, syncDeployment, 'default/web')
    const rss = replicaSetsOf(state, 'web')
    expect(rss).toHaveLength(3)
    expect(rss.map((r) => r.metadata!.annotations![ANNOTATIONS.revision])).toEqual(['1', '2', '3'])
    advanceClock(state, state.now + 1000)
    for (const rs of rss)
      setReplicaSetStatus(state, rs.metadata!.name!, { replicas: rs.spec!.replicas!, available: rs === rss[0] ? rs.spec!.replicas! : 0 })
    const seq = runSyncs(state, 'avail-between-syncs')
    const last = seq[seq.length - 1]!
    expect(last).toEqual([5, 0, 0])
  })
})

function work(state: ReturnType<typeof testState>, d: Deployment): DeploymentWork {
  return { d, ctx: context(state), changes: [] }
}

function rsWith(name: string, spec: number, available: number, created: number): ReplicaSet {
  const rs = replicaSet(name, { replicas: spec })
  return {
    ...rs,
    metadata: { ...rs.metadata, uid: name, creationTimestamp: `2025-01-01T00:00:0${created}Z` },
    status: { replicas: spec, availableReplicas: available },
  }
}

describe('reconcileNewReplicaSet (C32)', () => {
  const cases: [number, number, number, number | 'down'][] = [
    // maxSurge, oldSpec, newSpec, expected new
    [0, 10, 0, 0],
    [2, 10, 0, 2],
    [2, 5, 0, 7],
    [2, 10, 2, 2],
    [2, 2, 11, 10],
  ]
  it.each(cases)('maxSurge %i, old %i, new %i → new %s', (surge, oldSpec, newSpec, expected) => {
    const state = testState()
    const d = deployment('web', { replicas: 10, maxSurge: surge, maxUnavailable: 0 })
    const oldRS = rsWith('old', oldSpec, oldSpec, 1)
    const newRS = rsWith('new', newSpec, 0, 2)
    const w = work(state, d)
    reconcileNewReplicaSet(w, [oldRS, newRS], newRS)
    const updated = w.changes.find((c) => c.type === 'update')
    expect(updated ? (updated.object as ReplicaSet).spec!.replicas : newSpec).toBe(expected)
  })

  it('NewRSNewReplicas never exceeds spec.replicas', () => {
    expect(newRSNewReplicas(deployment('web', { replicas: 3, maxSurge: 5 }), [rsWith('a', 0, 0, 1)], { spec: { replicas: 0 } })).toBe(3)
  })
})

describe('reconcileOldReplicaSets and cleanupUnhealthyReplicas (C33)', () => {
  const cases: [string, number, number, number, number, number][] = [
    // name, old spec, old available, new spec, new available, expected old
    ['all healthy', 10, 10, 0, 0, 8],
    ['two unhealthy are cleaned first', 10, 8, 0, 0, 8],
    ['one unhealthy cleaned + one healthy removed', 10, 9, 0, 0, 8],
    ['no budget when the new ones are unavailable', 8, 8, 2, 0, 8],
  ]
  it.each(cases)('%s', (_name, oldSpec, oldAvail, newSpec, newAvail, expected) => {
    const state = testState()
    const d = deployment('web', { replicas: 10, maxSurge: 0, maxUnavailable: 2 })
    const oldRS = rsWith('old', oldSpec, oldAvail, 1)
    const newRS = rsWith('new', newSpec, newAvail, 2)
    const w = work(state, d)
    reconcileOldReplicaSets(w, [oldRS, newRS], [oldRS], newRS)
    const updates = w.changes.filter((c) => c.type === 'update').map((c) => (c.object as ReplicaSet).spec!.replicas)
    expect(updates.length ? updates[updates.length - 1] : oldSpec).toBe(expected)
  })
})

describe('Deployment creation (C26)', () => {
  it('creates one ReplicaSet at full size with hash label, selector and revision annotations', () => {
    const state = testState()
    create(state, deployment('web', { replicas: 3, image: 'nginx:1.26' }))
    step(state, syncDeployment, 'default/web')
    const [rs] = replicaSetsOf(state, 'web')
    const hash = rs!.metadata!.labels!['pod-template-hash']!
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/)
    expect(rs!.metadata!.name).toBe(`web-${hash}`)
    expect(rs!.spec!.replicas).toBe(3)
    expect(rs!.spec!.selector!.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash })
    expect(rs!.spec!.template!.metadata!.labels).toEqual({ app: 'web', 'pod-template-hash': hash })
    expect(rs!.metadata!.annotations).toMatchObject({
      [ANNOTATIONS.revision]: '1',
      [ANNOTATIONS.desiredReplicas]: '3',
      [ANNOTATIONS.maxReplicas]: '4',
    })
    const d = get(state, 'Deployment', 'web')
    expect(d.metadata!.annotations![ANNOTATIONS.revision]).toBe('1')
    expect(d.status!.conditions!.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetCreated',
      message: `Created new replica set "web-${hash}"`,
    })
    setReplicaSetStatus(state, rs!.metadata!.name!, { replicas: 3 })
    step(state, syncDeployment, 'default/web')
    const done = get(state, 'Deployment', 'web')
    expect(done.status).toMatchObject({
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      unavailableReplicas: 0,
      observedGeneration: 1,
    })
    expect(done.status!.conditions!.find((c) => c.type === 'Progressing')).toMatchObject({
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "web-${hash}" has successfully progressed.`,
    })
    expect(done.status!.conditions!.find((c) => c.type === 'Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
    })
  })
})

/** Upstream pkg/controller/deployment/rolling_test.go: the rows not replayed above (C32, C33). */
describe('rolling.go tables (rolling_test.go)', () => {
  it.each([
    // TestDeploymentController_reconcileOldReplicaSets rows 1-2: maxUnavailable, expected old
    [0, 9],
    [2, 8],
  ])('reconcileOldReplicaSets: 10 healthy old, maxUnavailable %i → old %i', (unavailable, expected) => {
    const state = testState()
    const d = deployment('web', { replicas: 10, maxSurge: 0, maxUnavailable: unavailable })
    const oldRS = rsWith('old', 10, 10, 1)
    const newRS = rsWith('new', 0, 0, 2)
    const w = work(state, d)
    expect(reconcileOldReplicaSets(w, [oldRS, newRS], [oldRS], newRS)).toBe(true)
    const updates = w.changes.filter((c) => c.type === 'update').map((c) => (c.object as ReplicaSet).spec!.replicas)
    expect(updates[updates.length - 1]).toBe(expected)
  })

  it.each([
    // TestDeploymentController_cleanupUnhealthyReplicas: old spec, available, maxCleanup, cleaned
    [10, 8, 1, 1],
    [10, 8, 3, 2],
    [10, 8, 0, 0],
    [10, 10, 3, 0],
  ])('cleanupUnhealthyReplicas: old %i with %i available, at most %i → %i cleaned', (spec, available, max, cleaned) => {
    const state = testState()
    const w = work(state, deployment('web', { replicas: 10, maxSurge: 2, maxUnavailable: 2 }))
    expect(cleanupUnhealthyReplicas(w, [rsWith('old', spec, available, 1)], max)).toMatchObject({ cleaned })
  })

  it.each([
    // TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate: maxUnavailable, available, old spec, expected (undefined: no scaling)
    [0, 10, 10, 9],
    [2, 10, 10, 8],
    [2, 8, 10, undefined],
    [2, 10, 0, undefined],
    [2, 1, 10, undefined],
  ])('scaleDownOldReplicaSets: maxUnavailable %i, %i available, old %i → %s', (unavailable, available, spec, expected) => {
    const state = testState()
    const w = work(state, deployment('web', { replicas: 10, maxSurge: 0, maxUnavailable: unavailable }))
    const oldRS = rsWith('old', spec, available, 1)
    const scaled = scaleDownOldReplicaSets(w, [oldRS], [oldRS])
    const updates = w.changes.filter((c) => c.type === 'update').map((c) => (c.object as ReplicaSet).spec!.replicas)
    expect(expected === undefined ? scaled : updates).toEqual(expected === undefined ? 0 : [expected])
  })

  // rolling.go cleanupUnhealthyReplicas and scaleDownOldReplicaSetsForRollingUpdate refuse a "scale down" to a
  // size above the current one (an error: the sync ends and is retried once the ReplicaSet's status is current).
  it('an old ReplicaSet whose status still counts more available pods than its new size is never scaled up', () => {
    const state = testState()
    const w = work(state, deployment('web', { replicas: 5, maxSurge: 3, maxUnavailable: 2 }))
    // proportional scaling just took the old ReplicaSet from 8 to 5; its status still says 8 available
    const oldRS = rsWith('old', 5, 8, 1)
    const newRS = rsWith('new', 3, 0, 2)
    const r = cleanupUnhealthyReplicas(w, [oldRS], 4)
    expect(r).toMatchObject({ cleaned: 0, refused: true })
    expect(w.changes.filter((c) => c.type === 'update')).toEqual([])
    const v = work(state, w.d)
    reconcileOldReplicaSets(v, [oldRS, newRS], [oldRS], newRS)
    for (const c of v.changes) if (c.type === 'update') expect((c.object as ReplicaSet).spec!.replicas).toBeLessThanOrEqual(5)
  })
})
