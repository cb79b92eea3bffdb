/** applyDefaults (§2) beyond conformance A, validateUpdate (§1.7) beyond C, and positions of fields. */
import { describe, expect, it } from 'vitest'
import {
  applyDefaults,
  validateManifests,
  validateObject,
  validateServiceAllocation,
  validateUpdate,
  type KubeObject,
  type Pod,
  type Service,
} from './index.ts'
import { deploymentWith, podWith, serviceWith } from '../testing/validation.ts'

const stored = (text: string) => {
  const r = validateManifests(text)
  expect(r.errors).toEqual([])
  return r.objects[0]
}

describe('applyDefaults', () => {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', image: 'nginx:1.27', livenessProbe: { httpGet: { port: 80 }, periodSeconds: 0 } }] },
  }

  it('returns a new object, leaves the input alone, and is idempotent', () => {
    const before = structuredClone(pod)
    const once = applyDefaults(pod)
    expect(pod).toEqual(before)
    expect(applyDefaults(once)).toEqual(once)
  })

  it('defaults a Pod: policies, grace period, probe timings (0 counts as unset), httpGet path, admission tolerations', () => {
    const p = applyDefaults(pod)
    expect(p.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
      securityContext: {},
    })
    expect(p.spec?.containers[0].livenessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    })
    expect(p.spec?.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ])
  })

  it('copies template labels onto a ReplicaSet without labels', () => {
    const rs = stored(deploymentWith('containers: [{name: c, image: nginx}]').replace('kind: Deployment', 'kind: ReplicaSet')).object
    expect(rs.metadata?.labels).toEqual({ app: 'web' })
    expect(rs.kind === 'ReplicaSet' && rs.spec?.replicas).toBe(1)
  })

  it('keeps an explicit Recreate strategy without rollingUpdate', () => {
    const d = stored(deploymentWith('containers: [{name: c, image: nginx}]', 'strategy: {type: Recreate}')).object
    expect(d.kind === 'Deployment' && d.spec?.strategy).toEqual({ type: 'Recreate' })
  })

  it.each([
    ['NodePort', { externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' }],
    ['LoadBalancer', { externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true }],
  ])('defaults a %s Service', (type, expected) => {
    const s = stored(serviceWith(`type: ${type}\nports: [{port: 80, targetPort: 8080}]`)).object as Service
    expect(s.spec).toMatchObject(expected)
    expect(s.spec?.ports?.[0]).toEqual({ port: 80, targetPort: 8080, protocol: 'TCP' })
  })

  it('gives an ExternalName Service no IP families or traffic policies', () => {
    const s = stored(serviceWith('type: ExternalName\nexternalName: db.example.com')).object as Service
    expect(s.spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' })
  })

  it('validateObject defaults and validates an object built in code, with positions 0', () => {
    const r = validateObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    })
    expect(r.errors).toEqual([])
    expect(r.object?.metadata?.namespace).toBe('default')
    const bad = validateObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'P' }, spec: { containers: [] } })
    expect(bad.object).toBeNull()
    expect(bad.errors.map((e) => [e.field, e.line, e.column])).toEqual([
      ['metadata.name', 0, 0],
      ['spec.containers', 0, 0],
    ])
  })

  it('validateObject never throws on odd input', () => {
    for (const input of [
      null,
      undefined,
      42,
      'x',
      [],
      { kind: 'Pod' },
      { apiVersion: 'v1', kind: 'Pod', spec: 'x' },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [null, 1, 'a'] } },
    ]) {
      expect(() => validateObject(input)).not.toThrow()
      expect(validateObject(input).object).toBeNull()
    }
  })
})

/**
 * Defaulting runs before validation in the API server: the decoding codec calls the defaulter
 * (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/runtime/serializer/versioning/versioning.go,
 * `c.defaulter.Default(obj)` in Decode) and the registry validates afterwards. `Spec`, `Spec.Strategy` and
 * `Spec.Template.Spec` are structs, not pointers, so their defaults apply to a manifest that leaves them out:
 * pkg/apis/apps/v1/defaults.go SetDefaults_Deployment (`strategy := &obj.Spec.Strategy`; Type "" → RollingUpdate;
 * maxUnavailable/maxSurge 25%; revisionHistoryLimit 10; progressDeadlineSeconds 600), pkg/apis/core/v1/defaults.go
 * SetDefaults_PodSpec / SetDefaults_Service. pkg/apis/apps/validation/validation.go ValidateDeploymentStrategy
 * therefore only reports `Unsupported value` for a type someone wrote.
 */
describe('defaults before validation', () => {
  const placeholders = /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/

  it('a Deployment without spec is defaulted (strategy, limits) before its rules run, so nothing reports an unset strategy', () => {
    const r = validateManifests('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n')
    expect(r.errors.map((e) => [e.field, e.type])).toEqual([
      ['spec.selector', 'FieldValueRequired'],
      ['spec.template.metadata.labels', 'FieldValueInvalid'],
      ['spec.template.spec.containers', 'FieldValueRequired'],
    ])
    for (const e of r.errors) expect(`${e.message} ${e.hint.en} ${e.hint.ko}`).not.toMatch(placeholders)
    const d = applyDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } } as KubeObject) as unknown as {
      spec: Record<string, unknown>
    }
    expect(d.spec).toMatchObject({
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: { spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30 } },
    })
  })

  it("an empty strategy type is unset (Go's zero value) and becomes RollingUpdate; a wrong one is reported with its value", () => {
    expect(stored(deploymentWith('containers: [{name: c, image: nginx}]', 'strategy: {type: ""}')).object).toMatchObject({
      spec: { strategy: { type: 'RollingUpdate' } },
    })
    const r = validateManifests(deploymentWith('containers: [{name: c, image: nginx}]', 'strategy: {type: Rolling}'))
    expect(r.errors).toMatchObject([
      {
        field: 'spec.strategy',
        type: 'FieldValueNotSupported',
        message: 'Unsupported value: {"type":"Rolling"}: supported values: "Recreate", "RollingUpdate"',
      },
    ])
    expect(r.errors[0].hint.en).toContain('"Rolling"')
  })

  it.each([
    ['Pod', 'v1', 'spec.containers'],
    ['Service', 'v1', 'spec.ports'],
    ['ReplicaSet', 'apps/v1', 'spec.selector'],
  ])('a %s without spec gets its spec defaults and only the real errors', (kind, apiVersion, first) => {
    const r = validateManifests(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: web\n`)
    expect(r.errors[0]).toMatchObject({ field: first, type: 'FieldValueRequired' })
    for (const e of r.errors) expect(`${e.message} ${e.hint.en} ${e.hint.ko}`).not.toMatch(placeholders)
  })
})

describe('validateUpdate', () => {
  const pod = (spec: string, name = 'p') => stored(podWith(spec, name)).object

  it('allows adding tolerations, and a grace period going from negative to 1', () => {
    const before = pod('containers: [{name: c, image: nginx}]') as Pod
    const after = pod('tolerations: [{key: gpu, operator: Exists}]\ncontainers: [{name: c, image: nginx}]')
    expect(validateUpdate(before, after)).toEqual([])
    const negative = structuredClone(before)
    negative.spec!.terminationGracePeriodSeconds = -1
    expect(validateUpdate(negative, pod('terminationGracePeriodSeconds: 1\ncontainers: [{name: c, image: nginx}]'))).toEqual([])
  })

  it('keeps fields the scheduler set when the new manifest leaves them out', () => {
    const before = pod('containers: [{name: c, image: nginx}]') as Pod
    before.spec!.nodeName = 'node-1'
    expect(validateUpdate(before, pod('containers: [{name: c, image: "nginx:1.27"}]'))).toEqual([])
  })

  it('refuses adding a container, and says what changed', () => {
    const d = validateUpdate(
      pod('containers: [{name: c, image: nginx}]'),
      pod('containers: [{name: c, image: nginx}, {name: d, image: busybox}]'),
    )
    expect(d).toHaveLength(1)
    expect(d[0].hint.en).toContain('spec.containers')
  })

  it('refuses moving an object to another namespace', () => {
    const before = pod('containers: [{name: c, image: nginx}]')
    const after = structuredClone(before) as KubeObject
    after.metadata!.namespace = 'shop'
    expect(validateUpdate(before, after).map((e) => [e.field, e.message])).toEqual([
      ['metadata.namespace', 'Invalid value: "shop": field is immutable'],
    ])
  })

  it('points at the line of the new manifest when given positionOf', () => {
    const before = stored(deploymentWith('containers: [{name: c, image: nginx}]')).object
    const next = stored(deploymentWith('containers: [{name: c, image: nginx}]').replaceAll('{app: web}', '{app: api}'))
    const [e] = validateUpdate(before, next.object, { positionOf: next.positionOf, file: 'web.yaml', document: 0 })
    expect([e.file, e.field, e.line, e.column]).toEqual(['web.yaml', 'spec.selector', 6, 3])
  })

  it('lets a Service become ExternalName, dropping its clusterIP', () => {
    const before = stored(serviceWith('ports: [{port: 80}]')).object as Service
    before.spec!.clusterIP = '10.96.0.10'
    expect(validateUpdate(before, stored(serviceWith('type: ExternalName\nexternalName: db.example.com')).object)).toEqual([])
  })
})

describe('validateServiceAllocation', () => {
  it('refuses a clusterIP that is taken or outside the service CIDR', () => {
    const s = stored(serviceWith('clusterIP: 10.96.0.10\nports: [{port: 80}]'))
    expect(
      validateServiceAllocation(s.object as Service, { clusterIPs: ['10.96.0.10'] }, { positionOf: s.positionOf }).map((e) => [
        e.field,
        e.line,
        e.message,
      ]),
    ).toEqual([['spec.clusterIPs', 6, 'Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated']])
    const outside = stored(serviceWith('clusterIP: 192.168.1.1\nports: [{port: 80}]')).object as Service
    expect(validateServiceAllocation(outside, {})[0].message).toBe(
      'Invalid value: ["192.168.1.1"]: failed to allocate IP 192.168.1.1: the provided IP (192.168.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    )
    expect(
      validateServiceAllocation(stored(serviceWith('clusterIP: 10.100.0.1\nports: [{port: 80}]')).object as Service, {
        clusterIPs: ['10.96.0.10'],
      }),
    ).toEqual([])
  })
})

describe('positionOf', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: &l {app: web, "app.kubernetes.io/name": web}
spec:
  selector:
    matchLabels: *l
  template:
    metadata:
      labels: *l
    spec:
      containers:
      - name: web
        image: nginx
        ports: [{containerPort: 80}, {containerPort: 443}]
`
  it.each([
    ['metadata.labels[app.kubernetes.io/name]', 5, 25],
    ['spec.template.spec.containers[0].ports[1].containerPort', 16, 39],
    ['spec.template.spec.containers[0].ports[1]', 16, 38],
    ['spec.selector.matchLabels[app]', 8, 5],
    ['spec.template.spec.containers[3].image', 13, 7],
    ['spec.replicas', 6, 1],
    ['nonsense', 1, 1],
  ])('%s is at %i:%i (inside an alias: the alias)', (field, line, column) => {
    expect(stored(text).positionOf(field)).toEqual({ line, column })
  })

  it('is the same on the fast path and the ordinary one', () => {
    const plain = text.replace('&l ', '').replaceAll('*l', '{app: web, "app.kubernetes.io/name": web}')
    const fast = stored(plain)
    const slow = stored(`%YAML 1.2\n---\n${plain}`)
    for (const f of ['metadata.labels[app]', 'spec.template.spec.containers[0].image', 'spec.template.spec.containers[0].ports[1]']) {
      const a = fast.positionOf(f)
      const b = slow.positionOf(f)
      expect(b).toEqual({ line: a.line + 2, column: a.column })
    }
  })
})
