import { describe, expect, it } from 'vitest'
import { ANNOTATIONS } from '../../objects.ts'
import { createCluster } from '../../cluster.ts'
import { get, replicaSetsOf } from '../../../testing/cluster.ts'
import { podTemplateHash } from './history.ts'

const manifest = (
  o: { image?: string; replicas?: number; annotations?: string; templateLabel?: string; maxSurge?: number; limit?: number } = {},
) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web${o.annotations ? `\n  annotations: {${o.annotations}}` : ''}
spec:
  replicas: ${o.replicas ?? 3}${o.limit !== undefined ? `\n  revisionHistoryLimit: ${o.limit}` : ''}${o.maxSurge !== undefined ? `\n  strategy: {rollingUpdate: {maxSurge: ${o.maxSurge}}}` : ''}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web${o.templateLabel ? `, tier: ${o.templateLabel}` : ''}}}
    spec:
      containers: [{name: app, image: "${o.image ?? 'nginx:1.26'}"}]
`

function settled(o = {}) {
  const c = createCluster({ seed: 11 })
  c.apply(manifest(o))
  c.advance(30)
  return c
}

describe('what does and does not create a ReplicaSet (C36)', () => {
  it('(a) re-applying the same manifest changes nothing', () => {
    const c = settled()
    expect(c.apply(manifest()).output).toBe('deployment.apps/web unchanged\n')
    expect(get(c.state, 'Deployment', 'web').metadata!.generation).toBe(1)
  })
  it('(b) replicas 3→5 scales the same ReplicaSet, revision unchanged', () => {
    const c = settled()
    c.apply(manifest({ replicas: 5 }))
    c.advance(30)
    const rss = replicaSetsOf(c.state, 'web')
    expect(rss).toHaveLength(1)
    expect(rss[0]!.spec!.replicas).toBe(5)
    expect(rss[0]!.metadata!.annotations![ANNOTATIONS.revision]).toBe('1')
  })
  it('(c) a Deployment annotation is copied to the current ReplicaSet and bumps generation, no new RS', () => {
    const c = settled()
    c.apply(manifest({ annotations: 'team: x' }))
    c.advance(5)
    const rss = replicaSetsOf(c.state, 'web')
    expect(rss).toHaveLength(1)
    expect(rss[0]!.metadata!.annotations!.team).toBe('x')
    expect(get(c.state, 'Deployment', 'web').metadata!.generation).toBe(2)
  })
  it('(d) rollout restart and (e) a template label each create a new revision', () => {
    const c = settled()
    expect(c.run('kubectl rollout restart deployment/web').output).toBe('deployment.apps/web restarted\n')
    c.advance(60)
    expect(replicaSetsOf(c.state, 'web').map((r) => r.metadata!.annotations![ANNOTATIONS.revision])).toEqual(['1', '2'])
    const c2 = settled()
    c2.apply(manifest({ templateLabel: 'front' }))
    c2.advance(60)
    expect(replicaSetsOf(c2.state, 'web')).toHaveLength(2)
  })
  it('(f) a strategy change only refreshes annotations, no new ReplicaSet', () => {
    const c = settled()
    c.apply(manifest({ maxSurge: 2 }))
    c.advance(5)
    expect(replicaSetsOf(c.state, 'web')).toHaveLength(1)
  })
})

describe('revisionHistoryLimit (C39)', () => {
  it('keeps only the current and the 2 most recent old ReplicaSets', () => {
    const c = createCluster({ seed: 2 })
    for (const tag of ['1.25', '1.26', '1.27', '1.28', 'latest']) {
      c.apply(manifest({ image: `nginx:${tag}`, limit: 2 }))
      c.advance(60)
    }
    const rss = replicaSetsOf(c.state, 'web')
    expect(rss.map((r) => r.metadata!.annotations![ANNOTATIONS.revision]).sort()).toEqual(['3', '4', '5'])
    expect(rss.filter((r) => r.spec!.replicas === 0)).toHaveLength(2)
  })
  it('with limit 0 only the current ReplicaSet remains and undo has no history', () => {
    const c = createCluster({ seed: 2 })
    c.apply(manifest({ image: 'nginx:1.26', limit: 0 }))
    c.advance(60)
    c.apply(manifest({ image: 'nginx:1.27', limit: 0 }))
    c.advance(60)
    expect(replicaSetsOf(c.state, 'web')).toHaveLength(1)
    expect(c.run('kubectl rollout undo deployment/web')).toEqual({
      ok: false,
      output: 'error: no rollout history found for deployment "web"\n',
    })
  })
})

describe('pod-template-hash', () => {
  it('is deterministic per template and uses the safe alphabet digits', () => {
    const t = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } }
    expect(podTemplateHash(t)).toBe(podTemplateHash(structuredClone(t)))
    expect(podTemplateHash(t)).toMatch(/^[456789bcdf]{1,10}$/)
    expect(podTemplateHash(t, 1)).not.toBe(podTemplateHash(t))
  })
})
