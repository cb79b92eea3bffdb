import { describe, expect, it } from 'vitest'
import type { Pod } from './k8s.ts'
import { createCluster } from './cluster.ts'
import { create, get, pod, step, testState } from './test-builders.ts'
import { feasibleNodesToFind, schedulePod, tolerates } from './scheduler.ts'

function withRequests(p: Pod, cpu: string, memory = '64Mi'): Pod {
  return { ...p, spec: { ...p.spec!, containers: [{ ...p.spec!.containers[0]!, resources: { requests: { cpu, memory } } }] } }
}

describe('scheduler', () => {
  it('binds a pod to a feasible node and records Scheduled', () => {
    const state = testState({ nodes: 2 })
    create(state, pod('a'))
    const changes = step(state, schedulePod, 'default/a')
    const bound = get<Pod>(state, 'Pod', 'a')
    expect(['node-1', 'node-2']).toContain(bound.spec!.nodeName)
    expect(changes.find((c) => c.type === 'event')).toMatchObject({ event: { reason: 'Scheduled', message: `Successfully assigned default/a to ${bound.spec!.nodeName}` } })
  })

  it('leaves a pod Pending with FailedScheduling when no node has the CPU it requests', () => {
    const state = testState({ nodes: [{ name: 'small-1', cpu: '1' }, { name: 'small-2', cpu: '1' }] })
    create(state, withRequests(pod('big'), '2'))
    const changes = step(state, schedulePod, 'default/big')
    const p = get<Pod>(state, 'Pod', 'big')
    expect(p.spec!.nodeName).toBeUndefined()
    expect(p.status!.conditions![0]).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' })
    const ev = changes.find((c) => c.type === 'event') as { event: { type: string; message: string } }
    expect(ev.event.type).toBe('Warning')
    expect(ev.event.message).toBe('0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.')
  })

  it('honours nodeSelector and reports the mismatch', () => {
    const state = testState({ nodes: [{ name: 'a', labels: { disk: 'hdd' } }, { name: 'b', labels: { disk: 'ssd' } }] })
    const p = pod('db')
    create(state, { ...p, spec: { ...p.spec!, nodeSelector: { disk: 'ssd' } } })
    step(state, schedulePod, 'default/db')
    expect(get<Pod>(state, 'Pod', 'db').spec!.nodeName).toBe('b')
    const q = pod('nvme')
    create(state, { ...q, spec: { ...q.spec!, nodeSelector: { disk: 'nvme' } } })
    const changes = step(state, schedulePod, 'default/nvme')
    expect((changes.find((c) => c.type === 'event') as { event: { message: string } }).event.message).toContain("2 node(s) didn't match Pod's node affinity/selector")
  })

  it('a pending pod is scheduled once capacity frees up', () => {
    const c = createCluster({ seed: 1, nodes: [{ name: 'only', cpu: '1' }] })
    const yaml = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [{name: a, image: "nginx:1.27", resources: {requests: {cpu: 600m}}}]}\n`
    c.apply(yaml('first'))
    c.apply(yaml('second'))
    c.advance(10)
    expect(c.snapshot().pods.find((p) => p.name === 'second')).toMatchObject({ status: 'Pending', node: null })
    c.run('kubectl delete pod first')
    c.advance(10)
    expect(c.snapshot().pods.find((p) => p.name === 'second')).toMatchObject({ node: 'only', phase: 'Running' })
  })

  it('spreads the replicas of one Deployment over the nodes', () => {
    const c = createCluster({ seed: 12 })
    c.apply(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 6
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: a, image: "nginx:1.27"}]}
`)
    const perNode = new Map<string, number>()
    for (const p of c.snapshot().pods) perNode.set(p.node!, (perNode.get(p.node!) ?? 0) + 1)
    expect([...perNode.values()].sort()).toEqual([2, 2, 2])
  })

  it('bypasses scheduling for spec.nodeName, and a pod on a missing node stays Pending', () => {
    const c = createCluster({ seed: 1 })
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: pinned}\nspec: {nodeName: node-3, containers: [{name: a, image: "nginx:1.27"}]}\n')
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: lost}\nspec: {nodeName: node-9, containers: [{name: a, image: "nginx:1.27"}]}\n')
    c.advance(10)
    expect(c.snapshot().pods.find((p) => p.name === 'pinned')).toMatchObject({ node: 'node-3', phase: 'Running' })
    expect(c.snapshot().pods.find((p) => p.name === 'lost')).toMatchObject({ node: 'node-9', phase: 'Pending', status: 'Pending' })
  })

  it('scores only a share of big clusters (percentageOfNodesToScore) and tolerations match taints', () => {
    expect(feasibleNodesToFind(50)).toBe(50)
    expect(feasibleNodesToFind(100)).toBe(100)
    expect(feasibleNodesToFind(1000)).toBe(420)
    expect(feasibleNodesToFind(5000)).toBe(500)
    expect(tolerates([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }], { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' })).toBe(true)
    expect(tolerates([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }], { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' })).toBe(false)
  })
})
