import { beforeAll, describe, expect, it } from 'vitest'
import { createCluster, wrapState } from './cluster.ts'
import { freezeStoredObjects } from './store.ts'
import type { Pod } from './k8s.ts'
import { parseScenario, runScenario } from './scenario.ts'

const scenario = (seed: number) => `cluster: {seed: ${seed}, nodes: 3}
steps:
  - apply: |
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 5
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: app, image: "kubelab/hello:1.0", ports: [{containerPort: 8080}]}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec: {type: NodePort, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
  - wait: 30s
  - run: traffic start svc/web --rps 50
  - run: kubectl set image deployment/web app=kubelab/hello:2.0
  - wait: 40s
  - run: node fail node-2
  - wait: 6m
  - run: kubectl get pods -o wide
`

function runJson(seed: number): string {
  const { scenario: s, errors } = parseScenario(scenario(seed))
  expect(errors).toEqual([])
  return JSON.stringify(runScenario(s!))
}

describe('determinism', () => {
  // on by default under vitest; said here because these runs are the ones that must not hide a mutation
  beforeAll(() => freezeStoredObjects(true))

  it('runs on a store whose objects are deep-frozen, so a controller mutating one throws', () => {
    const c = createCluster({ seed: 7 })
    c.apply(scenario(7).split('  - apply: |\n')[1]!.split('  - wait')[0]!.replace(/^ {6}/gm, ''))
    c.advance(30)
    const pod = [...c.state.objects.Pod.values()][0] as Pod
    expect(pod.status?.phase).toBe('Running')
    for (const part of [pod, pod.metadata!.labels, pod.spec!.containers[0], pod.status!.conditions![0]])
      expect(Object.isFrozen(part)).toBe(true)
    expect(() => {
      ;(pod.metadata!.labels as Record<string, string>).app = 'other'
    }).toThrow(TypeError)
    expect(() => {
      pod.spec!.containers.push({ name: 'x', image: 'x' })
    }).toThrow(TypeError)
  })

  it('the same seed and scenario give byte-identical output', () => {
    expect(runJson(7)).toBe(runJson(7))
  })

  it('another seed changes names, IPs, node ports and traffic balancing', () => {
    const a = JSON.parse(runJson(7))
    const b = JSON.parse(runJson(8))
    expect(a.final.pods.map((p: { name: string }) => p.name)).not.toEqual(b.final.pods.map((p: { name: string }) => p.name))
    expect(a.final.services[1].ports[0].nodePort).not.toBe(b.final.services[1].ports[0].nodePort)
  })

  it('a cloned state (as posted to a Web Worker) continues exactly like the original', () => {
    const c = createCluster({ seed: 3 })
    c.apply(scenario(3).split('  - apply: |\n')[1]!.split('  - wait')[0]!.replace(/^ {6}/gm, ''))
    c.advance(12)
    const copy = wrapState(structuredClone(c.state))
    for (const x of [c, copy]) {
      x.run('kubectl scale deployment/web --replicas=8')
      x.run('traffic start svc/web')
      x.advance(45)
    }
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(c.snapshot()))
    expect(JSON.stringify(copy.timeline)).toBe(JSON.stringify(c.timeline))
  })
})
