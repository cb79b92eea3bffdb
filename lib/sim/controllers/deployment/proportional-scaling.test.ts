import { describe, expect, it } from 'vitest'
import type { ReplicaSet } from '../../k8s.ts'
import { ANNOTATIONS } from '../../objects.ts'
import { context } from '../../engine.ts'
import { deployment, get, replicaSet, replicaSetsOf, step, testState, update } from '../../../testing/cluster.ts'
import { changeImage, runSyncs, settledDeployment, KEY } from './rollout-harness.test-helpers.ts'
import { scaleDeployment } from './proportional-scaling.ts'
import { syncDeployment } from './sync.ts'
import { createCluster } from '../../cluster.ts'
import type { DeploymentWork } from './work.ts'

function stuckRollout() {
  const state = settledDeployment({ replicas: 10, maxSurge: 3, maxUnavailable: 2 })
  changeImage(state, 'nginx:doesnotexist')
  expect(runSyncs(state, 'new-never-ready')).toEqual([
    [3, 8],
    [5, 8],
  ])
  return state
}

function scaleTo(state: ReturnType<typeof stuckRollout>, replicas: number): void {
  const d = get(state, 'Deployment', 'web')
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
    const messages = state.events.log
      .filter((e) => e.reason === 'ScalingReplicaSet')
      .slice(-2)
      .map((e) => e.message)
    expect(messages).toEqual([
      `Scaled up replica set ${oldRS!.metadata!.name} from 8 to 11`,
      `Scaled up replica set ${newRS!.metadata!.name} from 5 to 7`,
    ])
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
    let d = get(state, 'Deployment', 'web')
    update(state, { ...d, spec: { ...d.spec!, paused: true } })
    step(state, syncDeployment, KEY)
    expect(get(state, 'Deployment', 'web').status!.conditions!.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    })
    changeImage(state, 'nginx:1.27')
    step(state, syncDeployment, KEY)
    changeImage(state, 'nginx:1.28')
    d = get(state, 'Deployment', 'web')
    update(state, { ...d, spec: { ...d.spec!, replicas: 4 } })
    step(state, syncDeployment, KEY)
    d = get(state, 'Deployment', 'web')
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
    const cond = get(state, 'Deployment', 'web').status!.conditions!.find((c) => c.type === 'Progressing')
    expect(cond?.reason).toBe('NewReplicaSetCreated')
  })
})

/**
 * Upstream pkg/controller/deployment/sync_test.go TestScale, every row: a Deployment scaled from the old size
 * (whose replicas and surge every ReplicaSet's desired/max-replicas annotations record) to the new one, with
 * upstream's fixtures — maxSurge and maxUnavailable 0 unless given, no status (availableReplicas 0), the
 * newest ReplicaSet created last. `ignored`: rows whose update of that ReplicaSet upstream makes fail
 * (wasntUpdated), so its size stays as it was.
 */
describe('sync.go scale(): upstream TestScale rows', () => {
  interface Row {
    name: string
    from: { replicas: number; maxSurge?: number }
    to: { replicas: number; maxSurge?: number; maxUnavailable?: number; templateChanged?: boolean }
    newRS?: number
    newAvailable?: number
    /** newest first, as upstream lists them */
    oldRSs: number[]
    expectedNew?: number
    expectedOld: number[]
    ignored?: string[]
    desiredAnnotation?: Record<string, number>
  }
  const rows: Row[] = [
    {
      name: 'normal scaling event: 10 -> 12',
      from: { replicas: 10 },
      to: { replicas: 12 },
      newRS: 10,
      oldRSs: [],
      expectedNew: 12,
      expectedOld: [],
    },
    {
      name: 'normal scaling event: 10 -> 5',
      from: { replicas: 10 },
      to: { replicas: 5 },
      newRS: 10,
      oldRSs: [],
      expectedNew: 5,
      expectedOld: [],
    },
    {
      name: 'proportional scaling: 5 -> 10',
      from: { replicas: 5 },
      to: { replicas: 10 },
      newRS: 2,
      oldRSs: [3],
      expectedNew: 4,
      expectedOld: [6],
    },
    {
      name: 'proportional scaling: 5 -> 3',
      from: { replicas: 5 },
      to: { replicas: 3 },
      newRS: 2,
      oldRSs: [3],
      expectedNew: 1,
      expectedOld: [2],
    },
    {
      name: 'proportional scaling: 9 -> 4',
      from: { replicas: 9 },
      to: { replicas: 4 },
      newRS: 8,
      oldRSs: [1],
      expectedNew: 4,
      expectedOld: [0],
    },
    {
      name: 'proportional scaling: 7 -> 10',
      from: { replicas: 7 },
      to: { replicas: 10 },
      newRS: 2,
      oldRSs: [3, 2],
      expectedNew: 3,
      expectedOld: [4, 3],
    },
    {
      name: 'proportional scaling: 13 -> 8',
      from: { replicas: 13 },
      to: { replicas: 8 },
      newRS: 2,
      oldRSs: [8, 3],
      expectedNew: 1,
      expectedOld: [5, 2],
    },
    {
      name: 'leftover distribution: 3 -> 4',
      from: { replicas: 3 },
      to: { replicas: 4 },
      newRS: 1,
      oldRSs: [1, 1],
      expectedNew: 2,
      expectedOld: [1, 1],
    },
    {
      name: 'leftover distribution: 3 -> 2',
      from: { replicas: 3 },
      to: { replicas: 2 },
      newRS: 1,
      oldRSs: [1, 1],
      expectedNew: 1,
      expectedOld: [1, 0],
    },
    { name: 'proportional scaling (no new rs): 4 -> 5', from: { replicas: 4 }, to: { replicas: 5 }, oldRSs: [2, 2], expectedOld: [3, 2] },
    {
      name: 'proportional scaling: 6 -> 0',
      from: { replicas: 6 },
      to: { replicas: 0 },
      newRS: 3,
      oldRSs: [2, 1],
      expectedNew: 0,
      expectedOld: [0, 0],
    },
    {
      name: 'proportional scaling: 0 -> 6',
      from: { replicas: 6 },
      to: { replicas: 6 },
      newRS: 0,
      oldRSs: [0, 0],
      expectedNew: 6,
      expectedOld: [0, 0],
      ignored: ['old-0', 'old-1'],
    },
    {
      name: 'failed rs update',
      from: { replicas: 5 },
      to: { replicas: 5 },
      newRS: 2,
      oldRSs: [1, 1],
      expectedNew: 2,
      expectedOld: [2, 1],
      ignored: ['new', 'old-1'],
      desiredAnnotation: { 'old-0': 3 },
    },
    {
      name: 'deployment with surge pods',
      from: { replicas: 10, maxSurge: 2 },
      to: { replicas: 20, maxSurge: 2 },
      newRS: 6,
      oldRSs: [6],
      expectedNew: 11,
      expectedOld: [11],
    },
    {
      name: 'change both surge and size',
      from: { replicas: 10, maxSurge: 3 },
      to: { replicas: 50, maxSurge: 6 },
      newRS: 5,
      oldRSs: [8],
      expectedNew: 22,
      expectedOld: [34],
    },
    {
      name: 'change both size and template',
      from: { replicas: 10 },
      to: { replicas: 14, templateChanged: true },
      oldRSs: [7, 3],
      expectedOld: [10, 4],
    },
    {
      name: 'saturated but broken new replica set does not affect old pods',
      from: { replicas: 2, maxSurge: 1 },
      to: { replicas: 2, maxSurge: 1, maxUnavailable: 1 },
      newRS: 2,
      newAvailable: 0,
      oldRSs: [1],
      expectedNew: 2,
      expectedOld: [1],
    },
  ]

  function rs(name: string, replicas: number, created: number, desired: number, max: number, available = 0): ReplicaSet {
    const base = replicaSet(name, { replicas, labels: { app: 'web' } })
    return {
      ...base,
      metadata: {
        ...base.metadata,
        uid: name,
        creationTimestamp: `2016-05-20T0${created}:00:00Z`,
        annotations: { [ANNOTATIONS.desiredReplicas]: String(desired), [ANNOTATIONS.maxReplicas]: String(max) },
      },
      status: { replicas: 0, availableReplicas: available },
    }
  }

  it.each(rows)('$name', (row) => {
    const state = testState()
    const d = deployment('web', {
      replicas: row.to.replicas,
      maxSurge: row.to.maxSurge ?? 0,
      maxUnavailable: row.to.maxUnavailable ?? 0,
      image: row.to.templateChanged ? 'nginx:1.27' : 'nginx:1.26',
    })
    const surgeBefore = row.from.maxSurge ?? 0
    const annotated = (name: string) => row.desiredAnnotation?.[name] ?? row.from.replicas
    // upstream lists old ReplicaSets newest first; older ones were created earlier
    const oldRSs = row.oldRSs.map((n, i) =>
      rs(`old-${i}`, n, row.oldRSs.length - i, annotated(`old-${i}`), annotated(`old-${i}`) + surgeBefore),
    )
    const newRS =
      row.newRS === undefined
        ? undefined
        : rs('new', row.newRS, row.oldRSs.length + 1, annotated('new'), annotated('new') + surgeBefore, row.newAvailable)
    const w: DeploymentWork = { d, ctx: context(state), changes: [] }
    scaleDeployment(w, newRS, oldRSs)
    const sizes = new Map<string, number>([...oldRSs, ...(newRS ? [newRS] : [])].map((r) => [r.metadata!.name!, r.spec!.replicas!]))
    for (const c of w.changes) {
      if (c.type !== 'update') continue
      const name = c.object.metadata!.name!
      if (!row.ignored?.includes(name)) sizes.set(name, (c.object as ReplicaSet).spec!.replicas!)
    }
    if (row.expectedNew !== undefined) expect(sizes.get('new')).toBe(row.expectedNew)
    expect(row.oldRSs.map((_, i) => sizes.get(`old-${i}`))).toEqual(row.expectedOld)
  })
})

describe('no old ReplicaSet grows after a proportional scale-down (rolling.go cleanupUnhealthyReplicas)', () => {
  it('a stuck 10-replica rollout scaled to 5, then left to run: the old ReplicaSet only ever shrinks', () => {
    const c = createCluster({ seed: 11, nodes: 3 })
    c.apply(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 10
  strategy: {rollingUpdate: {maxSurge: 3, maxUnavailable: 2}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: app, image: "nginx:1.27"}]}
`)
    c.advance(30)
    const oldName = c.snapshot().replicaSets[0]!.name
    c.run('kubectl set image deployment/web app=nginx:doesnotexist')
    c.advance(30)
    const before = c.events.length
    c.run('kubectl scale deployment/web --replicas=5')
    c.advance(120)
    const after = c.events.slice(before).filter((e) => e.reason === 'ScalingReplicaSet')
    expect(after.some((e) => e.message.includes(`replica set ${oldName} from`))).toBe(true)
    expect(after.filter((e) => e.message.startsWith(`Scaled up replica set ${oldName} `))).toEqual([])
  })
})
