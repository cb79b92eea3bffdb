import { describe, expect, it } from 'vitest'
import type { Pod, ReplicaSet } from '../k8s.ts'
import { create, get, pod, replicaSet, step, testState } from '../../testing/cluster.ts'
import { context } from '../engine.ts'
import { UNLIMITED } from '../budget.ts'
import { putObject } from '../store.ts'
import { toTimestamp } from '../clock.ts'
import { ownerRef } from '../objects.ts'
import { createCluster } from '../cluster.ts'
import { slowStartBatches, syncReplicaSet } from './replicaset.ts'
import { compareForDeletion, podsToDelete } from './scale-down-ranking.ts'
import type { ClusterState } from '../state.ts'

const EPOCH_TS = (state: ClusterState, secondsAgo: number) => toTimestamp(state.config.epoch, state.now - secondsAgo * 1000)

/** A pod owned by `rs` with the given scheduling/phase/readiness, written straight into the store. */
function ownedPod(
  state: ClusterState,
  rs: ReplicaSet,
  name: string,
  o: {
    node?: string
    phase?: string
    ready?: boolean
    readyAgo?: number
    restarts?: number
    uid?: string
    cost?: number
    createdAgo?: number
  },
): Pod {
  const p = pod(name, { labels: { app: 'web' } })
  const conditions =
    o.ready !== undefined
      ? [{ type: 'Ready', status: o.ready ? 'True' : 'False', lastTransitionTime: EPOCH_TS(state, o.readyAgo ?? 0) }]
      : []
  const obj: Pod = {
    ...p,
    metadata: {
      ...p.metadata,
      uid: o.uid ?? name,
      creationTimestamp: EPOCH_TS(state, o.createdAgo ?? 1000),
      ownerReferences: [ownerRef('ReplicaSet', rs)],
      ...(o.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': String(o.cost) } } : {}),
    },
    spec: { ...p.spec!, ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase: (o.phase ?? 'Running') as 'Running',
      conditions,
      containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: !!o.ready, restartCount: o.restarts ?? 0 }],
    },
  }
  putObject(state, obj)
  return obj
}

function scaleTo(state: ClusterState, rs: ReplicaSet, replicas: number): string[] {
  const cur = get(state, 'ReplicaSet', rs.metadata!.name!)
  putObject(state, { ...cur, spec: { ...cur.spec!, replicas } })
  const r = syncReplicaSet(state, `default/${rs.metadata!.name}`, context(state))
  return r.changes.filter((c) => c.type === 'delete').map((c) => (c as { key: string }).key.split('/')[1]!)
}

describe('scale-down ranking (conformance F)', () => {
  it('C46: unscheduled, then pending, then not-ready with more restarts go first; the ready pod survives', () => {
    const state = testState()
    const rs = create(state, replicaSet('web', { replicas: 5, labels: { app: 'web' } }))
    ownedPod(state, rs, 'a', { phase: 'Pending' })
    ownedPod(state, rs, 'b', { phase: 'Pending', node: 'node-1' })
    ownedPod(state, rs, 'c', { node: 'node-1', ready: false, restarts: 0 })
    ownedPod(state, rs, 'd', { node: 'node-1', ready: false, restarts: 5 })
    ownedPod(state, rs, 'e', { node: 'node-1', ready: true, readyAgo: 100 })
    expect(scaleTo(state, rs, 1)).toEqual(['a', 'b', 'd', 'c'])
  })

  it('C47: ready pods go youngest-ready first by log2 bucket; same bucket → smaller UID, restart counts ignored', () => {
    const state = testState()
    state.now = 10 * 3_600_000
    const rs = create(state, replicaSet('web', { replicas: 4, labels: { app: 'web' } }))
    ownedPod(state, rs, 'p1', { node: 'node-1', ready: true, readyAgo: 10, uid: 'u-4' })
    ownedPod(state, rs, 'p2', { node: 'node-1', ready: true, readyAgo: 3600, uid: 'u-1' })
    ownedPod(state, rs, 'p3', { node: 'node-1', ready: true, readyAgo: 100, restarts: 9, uid: 'u-3' })
    ownedPod(state, rs, 'p4', { node: 'node-1', ready: true, readyAgo: 120, restarts: 0, uid: 'u-2' })
    // p3 and p4 share bucket 36: the smaller UID (p4, u-2) goes, although p3 restarted 9 times
    expect(scaleTo(state, rs, 2)).toEqual(['p1', 'p4'])
  })

  it('C48a: a negative pod-deletion-cost is deleted first', () => {
    const state = testState()
    const rs = create(state, replicaSet('web', { replicas: 3, labels: { app: 'web' } }))
    ownedPod(state, rs, 'x', { node: 'node-1', ready: true, readyAgo: 50 })
    ownedPod(state, rs, 'y', { node: 'node-2', ready: true, readyAgo: 50, cost: -100 })
    ownedPod(state, rs, 'z', { node: 'node-3', ready: true, readyAgo: 50 })
    expect(scaleTo(state, rs, 2)).toEqual(['y'])
  })

  it('C48b: a pod doubled up on a node goes before a pod alone on its node', () => {
    const state = testState()
    const rs = create(state, replicaSet('web', { replicas: 3, labels: { app: 'web' } }))
    ownedPod(state, rs, 'x', { node: 'node-1', ready: true, readyAgo: 50, uid: 'u-9' })
    ownedPod(state, rs, 'y', { node: 'node-1', ready: true, readyAgo: 50, uid: 'u-8' })
    ownedPod(state, rs, 'z', { node: 'node-2', ready: true, readyAgo: 50, uid: 'u-1' })
    expect(['x', 'y']).toContain(scaleTo(state, rs, 2)[0])
  })

  it('compareForDeletion is antisymmetric on the rules', () => {
    const state = testState()
    const rs = create(state, replicaSet('web', { labels: { app: 'web' } }))
    const a = { pod: ownedPod(state, rs, 'a', { phase: 'Pending' }), relatedOnNode: 0 }
    const b = { pod: ownedPod(state, rs, 'b', { node: 'node-1', ready: true }), relatedOnNode: 1 }
    expect(Math.sign(compareForDeletion(a, b, state.now, state.config.epoch))).toBe(-1)
    expect(Math.sign(compareForDeletion(b, a, state.now, state.config.epoch))).toBe(1)
    expect(podsToDelete([a, b], 2, state.now, state.config.epoch)).toHaveLength(2)
  })
})

describe('ReplicaSet sync (conformance F)', () => {
  it('C49a: adopts a matching bare pod and creates only the missing one', () => {
    const state = testState()
    create(state, pod('x', { labels: { app: 'web' } }))
    create(state, replicaSet('web', { replicas: 2, labels: { app: 'web' } }))
    const changes = step(state, (s, k, c) => syncReplicaSet(s, k, c).changes, 'default/web')
    expect(changes.filter((c) => c.type === 'create')).toHaveLength(1)
    const x = get(state, 'Pod', 'x')
    expect(x.metadata!.ownerReferences).toEqual([expect.objectContaining({ kind: 'ReplicaSet', name: 'web', controller: true })])
  })

  it('C49b/c: a relabelled pod is released and replaced; a deleted pod is replaced at once with a new name, UID and IP', () => {
    const c = createCluster({ seed: 9 })
    c.apply(`apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: app, image: "nginx:1.26"}]}
`)
    c.advance(20)
    const [first, second] = c.snapshot().pods
    expect(c.run(`kubectl label pod ${first!.name} app=debug --overwrite`).ok).toBe(true)
    c.advance(1)
    let pods = c.snapshot().pods
    expect(pods.find((p) => p.name === first!.name)).toMatchObject({ owner: null, phase: 'Running' })
    expect(pods.filter((p) => p.owner === 'ReplicaSet/web')).toHaveLength(2)
    expect(c.run(`kubectl delete pod ${second!.name}`).output).toBe(`pod "${second!.name}" deleted\n`)
    pods = c.snapshot().pods
    const replacement = pods.find(
      (p) =>
        p.owner === 'ReplicaSet/web' &&
        p.name !== second!.name &&
        p.name !== first!.name &&
        pods.filter((q) => q.owner === 'ReplicaSet/web').length === 3,
    )
    expect(pods.find((p) => p.name === second!.name)).toMatchObject({ terminating: true, status: 'Terminating' })
    expect(replacement).toBeDefined()
    c.advance(20)
    const after = c.snapshot().pods.find((p) => p.name === replacement!.name)!
    expect(after.ip).not.toBe(second!.ip)
    expect(c.snapshot().pods.some((p) => p.name === second!.name)).toBe(false)
  })

  it('C50: pod names are <rs>-<5 safe chars>, a long name is cut to 58 + 5, creations go in slow-start batches', () => {
    const state = testState()
    const long = 'a'.repeat(60)
    create(state, replicaSet(long, { replicas: 1, labels: { app: 'long' } }))
    const c1 = syncReplicaSet(state, `default/${long}`, context(state)).changes.find((c) => c.type === 'create')!
    expect((c1 as { object: Pod }).object.metadata!.name).toMatch(/^a{58}[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    create(state, replicaSet('web-6b7f9c4d8d', { replicas: 20, labels: { app: 'web' } }))
    const r = syncReplicaSet(state, 'default/web-6b7f9c4d8d', context(state))
    expect(r.batches).toEqual([1, 2, 4, 8, 5])
    const names = r.changes.filter((c) => c.type === 'create').map((c) => (c as { object: Pod }).object.metadata!.name!)
    expect(names).toHaveLength(20)
    for (const n of names) expect(n).toMatch(/^web-6b7f9c4d8d-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(new Set(names).size).toBe(20)
    expect(slowStartBatches(600)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 89])
  })

  it('creates at most 500 pods per sync (burstReplicas)', () => {
    const state = testState({ nodes: 1, limits: UNLIMITED })
    create(state, replicaSet('big', { replicas: 700, labels: { app: 'big' } }))
    const r = syncReplicaSet(state, 'default/big', context(state))
    expect(r.changes.filter((c) => c.type === 'create')).toHaveLength(500)
  })
})
