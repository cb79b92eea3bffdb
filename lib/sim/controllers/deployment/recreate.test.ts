import { describe, expect, it } from 'vitest'
import { createCluster } from '../../cluster.ts'
import { get, replicaSetsOf } from '../../../testing/cluster.ts'

const manifest = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  strategy: {type: Recreate}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      terminationGracePeriodSeconds: 30
      containers:
      - name: app
        image: ${image}
        command: ["sh", "-c", "echo started; sleep 3600"]
`

describe('Recreate (C40)', () => {
  it('scales the old ReplicaSet to 0, waits for every old pod to be gone, then creates the new one at full size', () => {
    const c = createCluster({ seed: 3 })
    c.apply(manifest('busybox:1.36'))
    c.advance(30)
    expect(c.snapshot().deployments[0]).toMatchObject({ availableReplicas: 3 })
    c.apply(manifest('busybox:1.37'))
    let rss = replicaSetsOf(c.state, 'web')
    expect(rss).toHaveLength(1)
    expect(rss[0]!.spec!.replicas).toBe(0)
    // busybox's sleep ignores SIGTERM: the old pods stay Terminating for the whole 30 s grace period
    c.advance(20)
    expect(replicaSetsOf(c.state, 'web')).toHaveLength(1)
    expect(c.snapshot().pods.filter((p) => p.terminating)).toHaveLength(3)
    const d = get(c.state, 'Deployment', 'web')
    expect(d.status!.conditions!.find((x) => x.type === 'Available')).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
    })
    c.advance(11)
    rss = replicaSetsOf(c.state, 'web')
    expect(rss).toHaveLength(2)
    expect(rss[1]!.spec!.replicas).toBe(3)
    const events = c.events.filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message)
    expect(events.slice(-2)).toEqual([
      `Scaled down replica set ${rss[0]!.metadata!.name} from 3 to 0`,
      `Scaled up replica set ${rss[1]!.metadata!.name} from 0 to 3`,
    ])
    c.advance(30)
    expect(c.snapshot().deployments[0]).toMatchObject({ availableReplicas: 3, updatedReplicas: 3 })
  })
})
