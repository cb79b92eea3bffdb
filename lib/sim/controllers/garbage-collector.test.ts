import { describe, expect, it } from 'vitest'
import { createCluster } from '../cluster.ts'
import { clusterWith, deploymentYaml } from '../../testing/cluster.ts'

const WEB = deploymentYaml({ container: 'a' })

describe('garbage collection and namespaces', () => {
  it('deleting a Deployment cascades to its ReplicaSets and pods', () => {
    const c = clusterWith(WEB, { seed: 3, advance: 10 })
    c.run('kubectl delete deployment web')
    expect(c.snapshot().replicaSets).toEqual([])
    expect(c.snapshot().pods.every((p) => p.terminating)).toBe(true)
    c.advance(5)
    expect(c.snapshot().pods).toEqual([])
  })

  it('--cascade=orphan keeps the ReplicaSet and pods, without an owner', () => {
    const c = clusterWith(WEB, { seed: 3, advance: 10 })
    c.run('kubectl delete deployment web --cascade=orphan')
    c.advance(5)
    const s = c.snapshot()
    expect(s.replicaSets).toHaveLength(1)
    expect(s.replicaSets[0]!.owner).toBeNull()
    expect(s.pods.filter((p) => !p.terminating)).toHaveLength(2)
  })

  it('deleting a namespace deletes what it contains, then the namespace', () => {
    const c = createCluster({ seed: 3 })
    c.apply('apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n')
    c.apply(WEB.replace('metadata: {name: web}', 'metadata: {name: web, namespace: team}'))
    c.advance(10)
    expect(c.run('kubectl get pods -n team').output).toContain('Running')
    c.run('kubectl delete namespace team')
    expect(c.run('kubectl get ns team').output).toContain('Terminating')
    expect(c.apply(WEB.replace('metadata: {name: web}', 'metadata: {name: other, namespace: team}')).ok).toBe(false)
    c.advance(10)
    expect(c.run('kubectl get ns team').output).toBe('Error from server (NotFound): namespaces "team" not found\n')
    expect(c.snapshot().pods).toEqual([])
  })
})
