import { describe, expect, it } from 'vitest'
import { createCluster } from '@/lib/sim/index'
import { clusterLayout } from './cluster-layout'
import { deployment, pod, service } from './test-manifests'

describe('clusterLayout', () => {
  it('puts every pod in the box of its node, grouped by its ReplicaSet with revision and image', () => {
    const cluster = createCluster({ seed: 5, nodes: 2 })
    cluster.apply(deployment('web', 'nginx:1.27', 4))
    cluster.advance(30)
    const layout = clusterLayout(cluster.snapshot())
    expect(layout.nodes.map((n) => n.name)).toEqual(['node-1', 'node-2'])
    const placed = layout.nodes.flatMap((n) => n.groups.flatMap((g) => g.pods.map((p) => [p.name, p.node, n.name])))
    expect(placed).toHaveLength(4)
    for (const [, node, box] of placed) expect(node).toBe(box)
    const group = layout.nodes[0]!.groups[0]!
    expect(group).toMatchObject({ deployment: 'Deployment/web', revision: 1, images: ['nginx:1.27'], age: 0 })
    expect(layout.pending).toEqual([])
  })

  it('during a rolling update, separates the new revision from the old one on the same node', () => {
    const cluster = createCluster({ seed: 5, nodes: 1 })
    cluster.apply(deployment('web', 'nginx:1.27', 3))
    cluster.advance(30)
    cluster.run('kubectl set image deployment/web app=nginx:1.28')
    cluster.advance(1)
    const [node] = clusterLayout(cluster.snapshot()).nodes
    const groups = node!.groups.map((g) => ({ revision: g.revision, images: g.images, age: g.age }))
    expect(groups).toEqual([
      { revision: 2, images: ['nginx:1.28'], age: 0 },
      { revision: 1, images: ['nginx:1.27'], age: 1 },
    ])
  })

  it('keeps pods no node can take outside the nodes', () => {
    const cluster = createCluster({ seed: 5, nodes: 1 })
    cluster.apply(pod('huge', 'nginx:1.27', '    resources:\n      requests:\n        cpu: "64"\n'))
    cluster.advance(5)
    const layout = clusterLayout(cluster.snapshot())
    expect(layout.pending.flatMap((g) => g.pods.map((p) => p.name))).toEqual(['huge'])
    expect(layout.nodes[0]!.podCount).toBe(0)
  })

  it('links a Service to its ready endpoints only, with its traffic counters, and hides the kubernetes Service', () => {
    const cluster = createCluster({ seed: 5, nodes: 2 })
    cluster.apply(deployment('web', 'nginx:1.27', 2) + '---\n' + service('web'))
    cluster.advance(30)
    cluster.run('traffic start svc/web --rps 1')
    cluster.advance(3)
    const state = cluster.snapshot()
    const layout = clusterLayout(state)
    expect(layout.services.map((s) => s.name)).toEqual(['web'])
    const web = layout.services[0]!
    expect(web.readyPods.sort()).toEqual(state.pods.map((p) => `default/${p.name}`).sort())
    expect(web.readyCount).toBe(2)
    expect(web.traffic).toEqual({ sent: 3, ok: 3, failed: 0 })
    expect(web.ports).toBe('80→80/TCP')
  })

  it('drops a pod from the Service lines when it stops being ready', () => {
    const cluster = createCluster({ seed: 5, nodes: 1 })
    cluster.apply(deployment('web', 'nginx:1.27', 2) + '---\n' + service('web'))
    cluster.advance(30)
    const victim = cluster.snapshot().pods[0]!.name
    cluster.run(`kubectl delete pod ${victim}`)
    const web = clusterLayout(cluster.snapshot()).services[0]!
    expect(web.readyPods).not.toContain(`default/${victim}`)
  })

  it('lists Deployments with their ReplicaSets newest first', () => {
    const cluster = createCluster({ seed: 5, nodes: 1 })
    cluster.apply(deployment('web', 'nginx:1.27', 1))
    cluster.advance(10)
    cluster.run('kubectl set image deployment/web app=nginx:1.28')
    cluster.advance(30)
    const [web] = clusterLayout(cluster.snapshot()).deployments
    expect(web!.replicaSets.map((rs) => [rs.revision, rs.images[0], rs.replicas])).toEqual([
      [2, 'nginx:1.28', 1],
      [1, 'nginx:1.27', 0],
    ])
  })
})
