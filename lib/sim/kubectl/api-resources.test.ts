import { describe, expect, it } from 'vitest'
import { createCluster } from '../cluster.ts'

describe('kubectl api-resources', () => {
  it('lists the kinds kubectl can name here, core group first, as kubectl 1.32 aligns them (padding 3)', () => {
    expect(createCluster({ seed: 1, nodes: 1 }).run('kubectl api-resources').output).toBe(
      [
        'NAME             SHORTNAMES   APIVERSION            NAMESPACED   KIND',
        'configmaps       cm           v1                    true         ConfigMap',
        'endpoints        ep           v1                    true         Endpoints',
        'events           ev           v1                    true         Event',
        'namespaces       ns           v1                    false        Namespace',
        'nodes            no           v1                    false        Node',
        'pods             po           v1                    true         Pod',
        'services         svc          v1                    true         Service',
        'deployments      deploy       apps/v1               true         Deployment',
        'replicasets      rs           apps/v1               true         ReplicaSet',
        'endpointslices                discovery.k8s.io/v1   true         EndpointSlice',
        '',
      ].join('\n'),
    )
  })
})
