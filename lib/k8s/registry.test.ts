/** The registry is the one source of each kind's facts; these tests pin what the derived tables say. */
import { describe, expect, it } from 'vitest'
import {
  apiVersionOf,
  groupResource,
  KUBECTL_KINDS,
  qualifiedKind,
  qualifiedSingular,
  RESOURCES,
  resourceInfo,
  STORED_KINDS,
  typeWords,
} from './registry.ts'
import { KIND_API_VERSIONS, UNSIMULATED_KIND_API_VERSIONS } from './kinds.ts'

describe('the resource registry', () => {
  it('names each kind once, and each type word once across kinds kubectl can name', () => {
    expect(new Set(RESOURCES.map((r) => r.kind)).size).toBe(RESOURCES.length)
    const words = KUBECTL_KINDS.flatMap((k) => typeWords(resourceInfo(k)!))
    expect(new Set(words).size).toBe(words.length)
  })

  it('derives the names kubectl and the API server print', () => {
    const deployment = resourceInfo('Deployment')!
    expect(apiVersionOf(deployment)).toBe('apps/v1')
    expect(groupResource(deployment)).toBe('deployments.apps')
    expect(qualifiedSingular(deployment)).toBe('deployment.apps')
    expect(qualifiedKind('Deployment')).toBe('Deployment.apps')
    expect(qualifiedKind('Pod')).toBe('Pod')
    expect(qualifiedKind('Unknown')).toBe('Unknown')
    expect(typeWords(deployment)).toEqual(['deployment', 'deployments', 'deploy', 'deployment.apps', 'deployments.apps'])
    expect(typeWords(resourceInfo('Endpoints')!)).toEqual(['endpoints', 'ep'])
    expect(groupResource(resourceInfo('EndpointSlice')!)).toBe('endpointslices.discovery.k8s.io')
  })

  it('gives lib/k8s its simulated and validated-only kinds with their apiVersions', () => {
    expect(KIND_API_VERSIONS).toEqual({
      Pod: 'v1',
      ReplicaSet: 'apps/v1',
      Deployment: 'apps/v1',
      Service: 'v1',
      Namespace: 'v1',
      ConfigMap: 'v1',
    })
    expect(UNSIMULATED_KIND_API_VERSIONS).toEqual({
      Job: 'batch/v1',
      Ingress: 'networking.k8s.io/v1',
      PodDisruptionBudget: 'policy/v1',
      Secret: 'v1',
      ServiceAccount: 'v1',
    })
  })

  it('keeps the store in a fixed kind order (a namespace is emptied kind by kind in it)', () => {
    expect(STORED_KINDS).toEqual(['Pod', 'ReplicaSet', 'Deployment', 'Service', 'Namespace', 'Node', 'ConfigMap'])
  })
})
