/**
 * The simulator matches labels with lib/k8s (label-selector.ts), one function per meaning. A Service's selector as
 * the endpoint controllers read it: pkg/controller/endpointslice skips a Service whose `spec.selector` is nil, and
 * `selector: {}` is stored as nil (kubernetes/kubernetes#25836), so both get no endpoints.
 */
import { describe, expect, it } from 'vitest'
import { createCluster } from './cluster.ts'
import { deploymentYaml } from '../testing/cluster.ts'

const deployment = deploymentYaml({ port: 80 })

const serviceWith = (name: string, selector: string) => `apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
${selector ? `  selector: ${selector}\n` : ''}  ports: [{port: 80}]
`

describe('Service selector → endpoints', () => {
  it('a Service with selector: {} selects no pods, like one without a selector; {app: web} selects both', () => {
    const c = createCluster({ seed: 31 })
    c.apply(deployment)
    c.apply([serviceWith('all', '{}'), serviceWith('none', ''), serviceWith('web', '{app: web}')].join('---\n'))
    c.advance(20)
    const endpoints = (name: string) => c.snapshot().services.find((s) => s.name === name)!.endpoints
    expect(endpoints('web')).toHaveLength(2)
    expect(endpoints('all')).toEqual([])
    expect(endpoints('none')).toEqual([])
    expect(c.run('curl http://all').output).not.toContain('Welcome to nginx!')
  })
})

describe('ReplicaSet status', () => {
  it('counts a pod as fully labeled when the template has no labels (pkg/controller/replicaset/replica_set_utils.go: SelectorFromSet of an empty set matches all)', () => {
    const c = createCluster({ seed: 5 })
    c.apply(`apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: plain}
spec:
  replicas: 2
  selector: {matchExpressions: [{key: app, operator: DoesNotExist}]}
  template:
    spec:
      containers: [{name: app, image: nginx:1.27}]
`)
    c.advance(10)
    expect(JSON.parse(c.run('kubectl get rs plain -o json').output).status).toMatchObject({ replicas: 2, fullyLabeledReplicas: 2 })
  })
})
