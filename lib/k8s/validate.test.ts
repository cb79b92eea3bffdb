import { describe, expect, it } from 'vitest'
import { validateManifests } from './index.ts'

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`

describe('validateManifests', () => {
  it('accepts a valid Deployment and returns it defaulted, in the default namespace', () => {
    const r = validateManifests(deployment)
    expect(r.errors).toEqual([])
    expect(r.valid).toBe(true)
    expect(r.objects).toHaveLength(1)
    const o = r.objects[0]
    expect([o.kind, o.name, o.namespace, o.apiVersion]).toEqual(['Deployment', 'web', 'default', 'apps/v1'])
    expect(o.object.kind === 'Deployment' && o.object.spec?.replicas).toBe(1)
  })

  it('maps a field path to its line and column, falling back to the nearest parent', () => {
    const o = validateManifests(deployment).objects[0]
    expect(o.positionOf('spec.template.metadata.labels')).toEqual({ line: 10, column: 7 })
    expect(o.positionOf('spec.template.spec.containers[0].image')).toEqual({ line: 14, column: 9 })
    expect(o.positionOf('spec.replicas')).toEqual({ line: 5, column: 1 })
  })

  it('reports an unknown apiVersion/kind pair with kubectl wording', () => {
    const r = validateManifests('apiVersion: v1\nkind: Deployment\nmetadata: {name: x}\n')
    expect(r.errors).toMatchObject([
      { type: 'NoKindMatch', field: 'kind', line: 2, message: 'no matches for kind "Deployment" in version "v1"' },
    ])
  })

  it('skips empty documents but keeps document indices of the stream', () => {
    const r = validateManifests(`---\n---\n${deployment}`)
    expect(r.objects.map((o) => o.document)).toEqual([1])
  })
})
