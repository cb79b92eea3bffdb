import { describe, expect, it } from 'vitest'
import { createCluster } from './cluster.ts'
import { allControllers, emptyQueues } from './controllers/index.ts'
import { putObject, removeObject } from './store.ts'
import type { Pod } from './k8s.ts'
import { deploymentYaml, manifests, serviceYaml } from '../testing/cluster.ts'

const WEB = manifests(deploymentYaml({ image: 'kubelab/hello:1.0' }), serviceYaml())

function settled() {
  const c = createCluster({ seed: 1, nodes: 2 })
  expect(c.apply(WEB).ok).toBe(true)
  c.advance(20)
  return c
}

function queued(c: ReturnType<typeof createCluster>): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [name, q] of Object.entries(c.state.queues)) if (q.size) out[name] = [...q]
  return out
}

describe('controllers and their watches', () => {
  it('are listed once, in the order their queues are drained', () => {
    expect(allControllers().map((c) => c.name)).toEqual([
      'availability',
      'namespace',
      'nodeLifecycle',
      'garbageCollector',
      'deployment',
      'replicaset',
      'scheduler',
      'kubelet',
      'endpoints',
      'endpointPods',
    ])
    expect(Object.keys(emptyQueues())).toEqual(allControllers().map((c) => c.name))
  })

  it('a status write of a pod queues only what watches its status: its endpoints', () => {
    const c = settled()
    expect(queued(c)).toEqual({})
    const pod = [...c.state.objects.Pod.values()][0] as Pod
    putObject(c.state, { ...pod, status: { ...pod.status, podIP: '10.244.9.9' } })
    expect(queued(c)).toEqual({ endpointPods: [`default/${pod.metadata!.name}`] })
  })

  it('relabelling an owned pod queues its ReplicaSet (release) and its endpoints, not the kubelet', () => {
    const c = settled()
    const pod = [...c.state.objects.Pod.values()][0] as Pod
    const rs = [...c.state.objects.ReplicaSet.values()][0]!
    putObject(c.state, { ...pod, metadata: { ...pod.metadata, labels: { app: 'debug' } } })
    expect(queued(c)).toEqual({ replicaset: [`default/${rs.metadata!.name}`], endpointPods: [`default/${pod.metadata!.name}`] })
    expect(c.state.indexes.releaseCandidates.has(`default/${pod.metadata!.name}`)).toBe(true)
  })

  it('removing a Deployment queues it and the garbage collector for its uid', () => {
    const c = settled()
    const uid = c.state.objects.Deployment.get('default/web')!.metadata!.uid!
    removeObject(c.state, 'Deployment', 'default/web')
    expect(queued(c)).toEqual({ garbageCollector: [uid], deployment: ['default/web'] })
  })

  it('stored objects are deep-frozen under vitest without asking', () => {
    const c = settled()
    const pod = [...c.state.objects.Pod.values()][0] as Pod
    expect(Object.isFrozen(pod.spec!.containers[0])).toBe(true)
    expect(() => {
      ;(pod.status as { phase?: string }).phase = 'Failed'
    }).toThrow(TypeError)
  })
})
