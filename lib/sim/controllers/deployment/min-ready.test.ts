import { describe, expect, it } from 'vitest'
import { createCluster } from '../../cluster.ts'

const manifest = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  minReadySeconds: 10
  strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: a, image: "${image}"}]}
`

describe('minReadySeconds (C44)', () => {
  it('a ready pod counts as available only minReadySeconds later, and the old ReplicaSet waits for it', () => {
    const c = createCluster({ seed: 4 })
    c.apply(manifest('nginx:1.26'))
    c.advance(60)
    c.apply(manifest('nginx:1.27'))
    // the new pod becomes Ready a few seconds later (pull + start) …
    c.advance(8)
    const d = () => c.snapshot().deployments[0]!
    const rs = () => c.snapshot().replicaSets
    expect(d().readyReplicas).toBe(3)
    expect(d().availableReplicas).toBe(2)
    expect(rs().find((r) => r.revision === 1)!.replicas).toBe(2)
    // … and available 10 s after it became Ready: only then is an old pod removed
    const readyAt = c.timeline.find((p) => p.time > 60 && p.deployments.web!.readyReplicas === 3)!.time
    c.advance(readyAt + 9 - c.now)
    expect(d().availableReplicas).toBe(2)
    expect(rs().find((r) => r.revision === 1)!.replicas).toBe(2)
    c.advance(2)
    expect(rs().find((r) => r.revision === 1)!.replicas).toBe(1)
    c.advance(60)
    expect(d()).toMatchObject({ replicas: 2, updatedReplicas: 2, availableReplicas: 2 })
  })
})
