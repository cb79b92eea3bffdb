import { describe, expect, it } from 'vitest'
import { createCluster } from '../cluster.ts'
import type { Deployment } from '../k8s.ts'
import { storedObjects } from '../budget.ts'
import { retryDelayMs } from './write-failures.ts'
import { deploymentYaml, serviceYaml } from '../../testing/cluster.ts'

/** A cluster whose object limit leaves room for `room` more objects once a Service `other` exists. */
function clusterWithRoom(room: number, replicas: number) {
  const probe = createCluster({ seed: 5 })
  const base = storedObjects(probe.state)
  // the Service, the Deployment and its ReplicaSet, then `room` Pods
  const c = createCluster({ seed: 5, limits: { objects: base + 3 + room } })
  c.apply(serviceYaml('other'))
  c.apply(deploymentYaml({ replicas }))
  return c
}

describe('a refused create is reported and retried (pkg/controller/replicaset, controller_utils.go CreatePods)', () => {
  it('client-go workqueue DefaultControllerRateLimiter: 5 ms doubling, capped at 1000 s', () => {
    expect([0, 1, 2, 3, 10].map(retryDelayMs)).toEqual([5, 10, 20, 40, 5120])
    expect(retryDelayMs(30)).toBe(1_000_000)
  })

  it('ReplicaSet: FailedCreate with the API server error; slow start stops after the failing batch', () => {
    const c = clusterWithRoom(2, 5)
    const rs = c.snapshot().replicaSets[0]!.name
    const outcomes = c.events.filter((e) => e.reason === 'SuccessfulCreate' || e.reason === 'FailedCreate')
    // first sync: batch 1 (1 pod) fits, batch 2 (2 pods) has room for one, batch 3 is never tried; every
    // later sync (pods' informer events) tries batch 1 again and is refused again
    expect(outcomes.slice(0, 3).map((e) => e.reason)).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'FailedCreate'])
    expect(outcomes.slice(3).every((e) => e.reason === 'FailedCreate')).toBe(true)
    const failed = outcomes[2]!
    expect(failed).toMatchObject({ type: 'Warning', object: `ReplicaSet/${rs}` })
    expect(failed.message).toBe(
      `Error creating: pods "${rs}-" is forbidden: exceeded the simulator's limit of ${c.state.budget.limits.objects} objects`,
    )
    expect(c.snapshot().pods).toHaveLength(2)
  })

  it('one pending retry per key, its delay doubling per failure; the missing pods come once there is room', () => {
    const c = clusterWithRoom(2, 3)
    const failuresAtStart = c.events.filter((e) => e.reason === 'FailedCreate').length
    c.advance(1)
    const times = [...new Set(c.events.filter((e) => e.reason === 'FailedCreate').map((e) => Math.round(e.time * 1000)))]
    const gaps = times.slice(1).map((t, i) => t - times[i]!)
    // n failures at t=0 leave one retry at 5 ms; each retry that fails doubles the delay from 5·2ⁿ ms
    const n = failuresAtStart
    expect(gaps.slice(0, 4)).toEqual([5, 5 * 2 ** n, 5 * 2 ** (n + 1), 5 * 2 ** (n + 2)])
    const stored = c.run('kubectl get events').output
    expect(stored).toMatch(/Warning\s+FailedCreate\s+replicaset\/web-\S+\s+Error creating: pods "web-\S+-" is forbidden/)
    // room again: nothing else wakes the ReplicaSet, its retry does; the rate limiter then forgets the key
    c.run('kubectl delete service other')
    c.advance(20)
    expect(c.snapshot().pods).toHaveLength(3)
    const rs = c.snapshot().replicaSets[0]!
    expect(c.state.writeFailures?.[`replicaset|default/${rs.name}`]).toBeUndefined()
  })
})

describe('a refused ReplicaSet create (pkg/controller/deployment/sync.go getNewReplicaSet)', () => {
  it('ReplicaSetCreateError with the API server error, no scaling event, the sync ends; retried until it fits', () => {
    const c = clusterWithRoom(2, 2)
    c.advance(30)
    expect(c.snapshot().pods).toHaveLength(2)
    const before = c.events.length
    c.run('kubectl set image deployment/web app=nginx:1.28')
    c.advance(0.1)
    const after = c.events.slice(before)
    const failed = after.filter((e) => e.reason === 'ReplicaSetCreateError')
    expect(failed.length).toBeGreaterThan(0)
    expect(failed[0]).toMatchObject({ type: 'Warning', object: 'Deployment/web' })
    expect(failed[0]!.message).toMatch(
      /^Failed to create new replica set "web-\w+": replicasets\.apps "web-\w+" is forbidden: exceeded the simulator's limit of \d+ objects$/,
    )
    expect(after.filter((e) => e.reason === 'ScalingReplicaSet')).toEqual([])
    expect(c.snapshot().replicaSets).toHaveLength(1)
    const d = c.state.objects.Deployment.get('default/web') as Deployment
    expect(d.status!.conditions!.find((x) => x.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ReplicaSetCreateError',
      message: failed[0]!.message,
    })
    c.run('kubectl delete service other')
    c.advance(60)
    expect(c.snapshot().replicaSets).toHaveLength(2)
    expect(c.events.slice(before).some((e) => e.reason === 'ScalingReplicaSet' && e.message.startsWith('Scaled up'))).toBe(true)
    const progressing = (c.state.objects.Deployment.get('default/web') as Deployment).status!.conditions!.find(
      (x) => x.type === 'Progressing',
    )
    expect(progressing?.reason).not.toBe('ReplicaSetCreateError')
  })
})
