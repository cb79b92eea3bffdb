import { describe, expect, it } from 'vitest'
import type { Deployment } from '../../k8s.ts'
import { createCluster } from '../../cluster.ts'
import { deployment } from '../../../testing/cluster.ts'
import { deploymentComplete, deploymentProgressing } from './status.ts'
import { maxSurge, maxUnavailable, resolveFenceposts } from './fenceposts.ts'

describe('fenceposts (C25)', () => {
  const cases: [number, number | string, number | string, [number, number] | 'error'][] = [
    [10, '25%', '25%', [3, 2]],
    [10, '39%', '39%', [4, 3]],
    [0, '0%', '0%', [0, 1]],
    [4, '25%', '25%', [1, 1]],
    [3, '25%', '25%', [1, 0]],
    [1, '25%', '25%', [1, 0]],
    [2, 0, '1%', [0, 1]],
    [10, 'oops', '39%', 'error'],
  ]
  it.each(cases)('R=%i maxSurge=%s maxUnavailable=%s', (r, s, u, expected) => {
    const res = resolveFenceposts(s, u, r)
    if (expected === 'error') expect(res).toBeUndefined()
    else expect([res!.surge, res!.unavailable]).toEqual(expected)
  })
  it('MaxUnavailable is 0 for R=0 and for Recreate', () => {
    expect(maxUnavailable(deployment('a', { replicas: 0, maxSurge: '0%', maxUnavailable: '0%' }))).toBe(0)
    expect(maxUnavailable(deployment('a', { replicas: 3, strategy: 'Recreate' }))).toBe(0)
    expect(maxSurge(deployment('a', { replicas: 3, strategy: 'Recreate' }))).toBe(0)
  })
})

describe('complete / progressing predicates (C42)', () => {
  const complete: [number, number, number, number, boolean][] = [
    [5, 5, 5, 4, false],
    [5, 5, 5, 5, true],
    [5, 5, 4, 5, false],
    [1, 2, 1, 1, false],
    [1, 1, 1, 0, false],
  ]
  it.each(complete)('desired %i current %i updated %i available %i → complete %s', (desired, current, updated, available, expected) => {
    const d = deployment('web', { replicas: desired })
    expect(
      deploymentComplete(
        { ...d, metadata: { ...d.metadata, generation: 1 } },
        { replicas: current, updatedReplicas: updated, availableReplicas: available, observedGeneration: 1 },
      ),
    ).toBe(expected)
  })
  const progress: [number[], number[], boolean][] = [
    [[10, 4, 4, 4], [10, 6, 4, 4], true],
    [[10, 4, 4, 4], [10, 4, 4, 4], false],
    [[10, 4, 6, 6], [8, 4, 6, 6], true],
    [[10, 7, 3, 3], [10, 6, 3, 3], false],
    [[10, 10, 9, 8], [10, 10, 10, 8], true],
  ]
  it.each(progress)('%j → %j progressing %s', (o, n, expected) => {
    const s = (v: number[]) => ({ replicas: v[0], updatedReplicas: v[1], readyReplicas: v[2], availableReplicas: v[3] })
    expect(deploymentProgressing({ ...deployment('web'), status: s(o) }, s(n))).toBe(expected)
  })
})

const web = (image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  progressDeadlineSeconds: 60${extra}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: "${image}"}]
`

describe('progress deadline (C41)', () => {
  it('a rollout with an unpullable image times out ~60 s after its last progress and is not rolled back', () => {
    const c = createCluster({ seed: 5 })
    c.apply(web('nginx:1.26'))
    c.advance(30)
    c.apply(web('nginx:doesnotexist'))
    const cond = (): { status: string; reason: string; message?: string } =>
      (c.state.objects.Deployment.get('default/web') as Deployment).status!.conditions!.find((x) => x.type === 'Progressing') as never
    c.advance(30)
    expect(cond().status).toBe('True')
    c.advance(40)
    expect(cond()).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' })
    expect(cond().message).toMatch(/^ReplicaSet "web-[456789bcdf]+" has timed out progressing\.$/)
    const s = c.snapshot()
    expect(s.deployments[0]).toMatchObject({ availableReplicas: 3, images: ['nginx:doesnotexist'] })
    expect(s.deployments[0]!.conditions.find((x) => x.type === 'Available')).toMatchObject({ status: 'True' })
    expect(c.run('kubectl rollout status deployment/web')).toEqual({
      ok: false,
      output: 'error: deployment "web" exceeded its progress deadline\n',
    })
  })
})
