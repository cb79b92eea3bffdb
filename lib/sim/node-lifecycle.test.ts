import { describe, expect, it } from 'vitest'
import type { Pod } from './k8s.ts'
import { clusterWith, deploymentYaml, manifests, serviceYaml } from '../testing/cluster.ts'

const WEB = manifests(deploymentYaml({ replicas: 3, container: 'nginx', port: 80 }), serviceYaml())

/**
 * pkg/controller/util/node/controller_utils.go MarkPodsNotReady sets only the Pod's Ready condition to False;
 * kubectl's READY column (pkg/printers/internalversion/printers.go printPod) counts container statuses that
 * are ready and running, which only the (now silent) kubelet writes. So a Pod on a NotReady node reads
 * `1/1 Running` while it has left the Service's endpoints.
 */
describe('pods on a node that became NotReady (MarkPodsNotReady)', () => {
  function failedNode() {
    const c = clusterWith(WEB, { seed: 7, nodes: 3, advance: 30 })
    c.run('node fail node-1')
    c.advance(60)
    const onNode = [...c.state.objects.Pod.values()].filter((p) => (p as Pod).spec?.nodeName === 'node-1') as Pod[]
    expect(onNode.length).toBeGreaterThan(0)
    return { c, onNode }
  }

  it('the Ready condition is False, the container statuses are untouched', () => {
    const { onNode } = failedNode()
    for (const p of onNode) {
      expect(p.status!.conditions!.find((x) => x.type === 'Ready')?.status).toBe('False')
      expect(p.status!.containerStatuses![0]).toMatchObject({ ready: true, state: { running: expect.anything() } })
    }
  })

  it('kubectl get pods shows 1/1 Running for them; the endpoints drop them', () => {
    const { c, onNode } = failedNode()
    const table = c.run('kubectl get pods').output
    for (const p of onNode) expect(table).toMatch(new RegExp(`^${p.metadata!.name}\\s+1/1\\s+Running\\s`, 'm'))
    const endpoints = c.run('kubectl get endpoints web').output
    for (const p of onNode) expect(endpoints).not.toContain(p.status!.podIP!)
    expect(
      c
        .run('kubectl get pods -o wide')
        .output.split('\n')
        .filter((l) => / node-[23] /.test(l))
        .every((l) => / 1\/1 /.test(l)),
    ).toBe(true)
  })

  it('NodeNotReady is recorded once per pod whose condition changed, not for a pod already not ready', () => {
    const c = clusterWith(WEB, { seed: 7, nodes: 1 })
    c.apply(`apiVersion: v1
kind: Pod
metadata: {name: never-ready, labels: {app: other}}
spec:
  containers:
  - name: app
    image: "nginx:1.27"
    readinessProbe: {httpGet: {path: /nope, port: 80}, periodSeconds: 5}
`)
    c.advance(30)
    c.run('node fail node-1')
    c.advance(60)
    const warned = c.events.filter((e) => e.reason === 'NodeNotReady' && e.object.startsWith('Pod/')).map((e) => e.object)
    expect(warned).toHaveLength(3)
    expect(warned).not.toContain('Pod/never-ready')
  })
})
