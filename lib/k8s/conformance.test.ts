/**
 * ../shared/reference/conformance-cases.md, sections A (defaults), B (validation), C (updates) and D (Services),
 * one `describe` per case id. Error texts are compared on field path + type + the full Kubernetes message.
 */
import { describe, expect, it } from 'vitest'
import { formatKubectlError, validateManifests, validateServiceAllocation, validateUpdate, type KubeObject, type Service } from './index.ts'
import { deploymentWith, errorsOf, podWith, serviceWith, yaml } from '../testing/validation.ts'

const NGINX = '- name: nginx\n  image: nginx'

function only(text: string) {
  const r = validateManifests(text)
  expect(r.errors).toEqual([])
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads any field of the decoded object
  return r.objects[0].object as unknown as Record<string, any>
}

describe('A. Defaults', () => {
  it('C01 — a bare Deployment gets the API server defaults', () => {
    const d = only(deploymentWith(`containers:\n${NGINX}`))
    expect(d.spec.replicas).toBe(1)
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } })
    expect(d.spec.revisionHistoryLimit).toBe(10)
    expect(d.spec.progressDeadlineSeconds).toBe(600)
    const pod = d.spec.template.spec
    expect(pod).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
    })
    expect(pod.containers[0]).toMatchObject({
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    })
  })

  it.each([
    ['nginx', undefined, 'Always'],
    ['nginx:latest', undefined, 'Always'],
    ['nginx:1.27', undefined, 'IfNotPresent'],
    ['nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', undefined, 'IfNotPresent'],
    ['nginx:1.27', 'Always', 'Always'],
    ['localhost:5000/web', undefined, 'Always'],
  ])('C02 — image %s with imagePullPolicy %s is stored with %s', (image, explicit, expected) => {
    const p = only(podWith(`containers:\n- name: c\n  image: ${image}${explicit ? `\n  imagePullPolicy: ${explicit}` : ''}`))
    expect(p.spec.containers[0].imagePullPolicy).toBe(expected)
  })

  it('C03 — Service defaults: ClusterIP, no affinity, TCP, targetPort = port, no nodePort', () => {
    const s = only(serviceWith('selector: {app: web}\nports: [{port: 80}]'))
    expect(s.spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster' })
    expect(s.spec.ports[0]).toEqual({ port: 80, protocol: 'TCP', targetPort: 80 })
    // the clusterIP itself is allocated by the simulator's registry, not by defaulting
    expect(s.spec.clusterIP).toBeUndefined()
    const affinity = only(serviceWith('selector: {app: web}\nports: [{port: 80}]\nsessionAffinity: ClientIP'))
    expect(affinity.spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } })
  })

  it('C04 — a bare Pod gets requests from limits; a Deployment template does not', () => {
    const resources = `containers:\n- name: c\n  image: nginx\n  resources:\n    limits: {cpu: 500m, memory: 128Mi}`
    expect(only(podWith(resources)).spec.containers[0].resources.requests).toEqual({ cpu: '500m', memory: '128Mi' })
    expect(only(deploymentWith(resources)).spec.template.spec.containers[0].resources.requests).toBeUndefined()
  })
})

describe('B. Validation', () => {
  it('C05 — selector does not match template labels; a superset of labels is fine', () => {
    const text = deploymentWith(`containers:\n${NGINX}`).replace('labels: {app: web}', 'labels: {app: web2}')
    expect(errorsOf(text)).toEqual([
      {
        field: 'spec.template.metadata.labels',
        type: 'FieldValueInvalid',
        line: 10,
        message: 'Invalid value: {"app":"web2"}: `selector` does not match template `labels`',
      },
    ])
    expect(formatKubectlError(validateManifests(text).errors)).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web2"}: `selector` does not match template `labels`',
    )
    expect(errorsOf(deploymentWith(`containers:\n${NGINX}`).replace('labels: {app: web}', 'labels: {app: web, tier: fe}'))).toEqual([])
  })

  it.each(['Deployment', 'ReplicaSet'])('C06 — %s: empty selector is invalid; a missing one also fails the label match', (kind) => {
    const base = deploymentWith(`containers:\n${NGINX}`).replace('kind: Deployment', `kind: ${kind}`)
    expect(errorsOf(base.replace('    matchLabels: {app: web}\n', '').replace('  selector:\n', '  selector: {}\n'))).toEqual([
      {
        field: 'spec.selector',
        type: 'FieldValueInvalid',
        line: 6,
        message: 'Invalid value: {}: empty selector is invalid for deployment',
      },
    ])
    expect(errorsOf(base.replace('  selector:\n    matchLabels: {app: web}\n', ''))).toEqual([
      { field: 'spec.selector', type: 'FieldValueRequired', line: 5, message: 'Required value' },
      {
        field: 'spec.template.metadata.labels',
        type: 'FieldValueInvalid',
        line: 8,
        message: 'Invalid value: {"app":"web"}: `selector` does not match template `labels`',
      },
    ])
  })

  it('C07 — restartPolicy: a template allows only Always, a Pod Always/OnFailure/Never', () => {
    expect(errorsOf(deploymentWith(`restartPolicy: Never\ncontainers:\n${NGINX}`))).toEqual([
      {
        field: 'spec.template.spec.restartPolicy',
        type: 'FieldValueNotSupported',
        line: 12,
        message: 'Unsupported value: "Never": supported values: "Always"',
      },
    ])
    expect(errorsOf(podWith(`restartPolicy: Sometimes\ncontainers:\n${NGINX}`))).toEqual([
      {
        field: 'spec.restartPolicy',
        type: 'FieldValueNotSupported',
        line: 6,
        message: 'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      },
    ])
  })

  it.each([
    ['0', '0', '0'],
    ['"0%"', '0', '0'],
    ['0', '"0%"', '"0%"'],
    ['"0%"', '"0%"', '"0%"'],
  ])('C08 — maxSurge %s with maxUnavailable %s is rejected', (surge, unavailable, rendered) => {
    const text = deploymentWith(
      `containers:\n${NGINX}`,
      `strategy:\n  rollingUpdate:\n    maxSurge: ${surge}\n    maxUnavailable: ${unavailable}`,
    )
    expect(errorsOf(text)).toEqual([
      {
        field: 'spec.strategy.rollingUpdate.maxUnavailable',
        type: 'FieldValueInvalid',
        line: 18,
        message: `Invalid value: ${rendered}: may not be 0 when \`maxSurge\` is 0`,
      },
    ])
  })

  it.each([
    [
      'maxUnavailable: "150%"',
      'spec.strategy.rollingUpdate.maxUnavailable',
      'FieldValueInvalid',
      'Invalid value: "150%": must not be greater than 100%',
    ],
    [
      'maxSurge: "abc"',
      'spec.strategy.rollingUpdate.maxSurge',
      'FieldValueInvalid',
      `Invalid value: "abc": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    ],
    ['maxSurge: -1', 'spec.strategy.rollingUpdate.maxSurge', 'FieldValueInvalid', 'Invalid value: -1: must be greater than or equal to 0'],
  ])('C09 — rollingUpdate %s', (setting, field, type, message) => {
    const text = deploymentWith(`containers:\n${NGINX}`, `strategy:\n  rollingUpdate:\n    ${setting}`)
    expect(errorsOf(text)).toEqual([{ field, type, line: 17, message }])
  })

  it('C09 (d) — Recreate with a rollingUpdate block', () => {
    const text = deploymentWith(`containers:\n${NGINX}`, 'strategy:\n  type: Recreate\n  rollingUpdate: {maxSurge: 1}')
    expect(errorsOf(text)).toEqual([
      {
        field: 'spec.strategy.rollingUpdate',
        type: 'FieldValueForbidden',
        line: 17,
        message: "Forbidden: may not be specified when strategy `type` is 'Recreate'",
      },
    ])
  })

  it('C10 — progressDeadlineSeconds must exceed minReadySeconds; replicas must not be negative', () => {
    expect(errorsOf(deploymentWith(`containers:\n${NGINX}`, 'minReadySeconds: 30\nprogressDeadlineSeconds: 30'))).toEqual([
      {
        field: 'spec.progressDeadlineSeconds',
        type: 'FieldValueInvalid',
        line: 16,
        message: 'Invalid value: 30: must be greater than minReadySeconds',
      },
    ])
    expect(errorsOf(deploymentWith(`containers:\n${NGINX}`, 'replicas: -1'))).toEqual([
      { field: 'spec.replicas', type: 'FieldValueInvalid', line: 15, message: 'Invalid value: -1: must be greater than or equal to 0' },
    ])
  })

  it('C11 — only the second of two containers with one name is reported', () => {
    const containers = 'containers:\n- {name: app, image: a}\n- {name: app, image: b}'
    expect(errorsOf(podWith(containers))).toEqual([
      { field: 'spec.containers[1].name', type: 'FieldValueDuplicate', line: 8, message: 'Duplicate value: "app"' },
    ])
    expect(errorsOf(deploymentWith(containers))).toEqual([
      { field: 'spec.template.spec.containers[1].name', type: 'FieldValueDuplicate', line: 14, message: 'Duplicate value: "app"' },
    ])
  })

  it('C12 — a bad container name and a missing image come back in one response; no containers at all', () => {
    expect(errorsOf(podWith('containers:\n- name: Web_1\n  image: ""'))).toEqual([
      {
        field: 'spec.containers[0].name',
        type: 'FieldValueInvalid',
        line: 7,
        message: `Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      },
      { field: 'spec.containers[0].image', type: 'FieldValueRequired', line: 8, message: 'Required value' },
    ])
    expect(errorsOf(podWith('containers: []'))).toEqual([
      { field: 'spec.containers', type: 'FieldValueRequired', line: 6, message: 'Required value' },
    ])
  })

  const labelsDoc = (labels: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    ${labels}\nspec:\n  containers:\n  - {name: c, image: nginx}\n`
  const QNAME = `must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`
  it.each([
    [
      'env: "hello world"',
      `Invalid value: "hello world": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
    [`env: ${'a'.repeat(64)}`, `Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`],
    [
      '"a/b/c": x',
      `Invalid value: "a/b/c": a qualified name ${QNAME} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ],
    ['"-bad": x', `Invalid value: "-bad": name part ${QNAME}`],
  ])('C13 — label %s is reported on metadata.labels at its own line', (label, message) => {
    expect(errorsOf(labelsDoc(label))).toEqual([{ field: 'metadata.labels', type: 'FieldValueInvalid', line: 6, message }])
  })

  it('C13 (e) — a prefixed key with upper case and a value with _ and . is valid', () => {
    expect(errorsOf(labelsDoc('"example.com/Tier": "Front_End.1"'))).toEqual([])
  })

  const SUBDOMAIN = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`
  const DNS1035 = `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`
  it.each([
    ['Pod MyPod', podWith(`containers:\n${NGINX}`, 'MyPod'), [`Invalid value: "MyPod": ${SUBDOMAIN}`]],
    [
      'Deployment of 254 characters',
      deploymentWith(`containers:\n${NGINX}`, '', 'a'.repeat(254)),
      [`Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`],
    ],
    ['Service 1web', serviceWith('ports: [{port: 80}]', '1web'), [`Invalid value: "1web": ${DNS1035}`]],
    ['Service web.v1', serviceWith('ports: [{port: 80}]', 'web.v1'), [`Invalid value: "web.v1": ${DNS1035}`]],
  ])('C14 — %s is an invalid name', (_title, text, messages) => {
    expect(errorsOf(text)).toEqual(messages.map((message) => ({ field: 'metadata.name', type: 'FieldValueInvalid', line: 4, message })))
  })

  it('C14 (e) — a Deployment may have dots in its name', () => {
    expect(errorsOf(deploymentWith(`containers:\n${NGINX}`, '', 'web.v1'))).toEqual([])
  })

  it('C15 — container ports and protocol', () => {
    const text = podWith(
      'containers:\n- name: c\n  image: nginx\n  ports:\n  - containerPort: 70000\n  - containerPort: 0\n  - containerPort: 80\n    protocol: HTTP\n  - containerPort: 81\n    name: my_http_port_name',
    )
    expect(errorsOf(text)).toEqual([
      {
        field: 'spec.containers[0].ports[0].containerPort',
        type: 'FieldValueInvalid',
        line: 10,
        message: 'Invalid value: 70000: must be between 1 and 65535, inclusive',
      },
      { field: 'spec.containers[0].ports[1].containerPort', type: 'FieldValueRequired', line: 11, message: 'Required value' },
      {
        field: 'spec.containers[0].ports[2].protocol',
        type: 'FieldValueNotSupported',
        line: 13,
        message: 'Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      },
      {
        field: 'spec.containers[0].ports[3].name',
        type: 'FieldValueInvalid',
        line: 15,
        message: 'Invalid value: "my_http_port_name": must be no more than 15 characters',
      },
      {
        field: 'spec.containers[0].ports[3].name',
        type: 'FieldValueInvalid',
        line: 15,
        message: 'Invalid value: "my_http_port_name": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      },
    ])
  })

  it.each([
    [
      'requests: {cpu: 600m}\n    limits: {cpu: 500m}',
      'spec.containers[0].resources.requests',
      'FieldValueInvalid',
      10,
      'Invalid value: "600m": must be less than or equal to cpu limit of 500m',
    ],
    [
      'limits: {memory: 1GB}',
      'spec.containers[0].resources.limits[memory]',
      'FieldValueInvalid',
      10,
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
    [
      'limits: {memory: 500mi}',
      'spec.containers[0].resources.limits[memory]',
      'FieldValueInvalid',
      10,
      "unable to parse quantity's suffix",
    ],
  ])('C16 — resources %s', (resources, field, type, line, message) => {
    const text = podWith(`containers:\n- name: c\n  image: nginx\n  resources:\n    ${resources}`)
    expect(errorsOf(text)).toEqual([{ field, type, line, message }])
  })

  it('C16 (d) — requests below limits are accepted', () => {
    expect(
      errorsOf(podWith('containers:\n- name: c\n  image: nginx\n  resources:\n    requests: {memory: 64Mi}\n    limits: {memory: 128Mi}')),
    ).toEqual([])
  })

  it('C17 — annotations may total 262144 bytes, not one more', () => {
    const withAnnotation = (total: number) =>
      deploymentWith(`containers:\n${NGINX}`).replace(
        '  name: web\n',
        `  name: web\n  annotations:\n    note: "${'x'.repeat(total - 'note'.length)}"\n`,
      )
    expect(errorsOf(withAnnotation(262144))).toEqual([])
    expect(errorsOf(withAnnotation(262145))).toEqual([
      { field: 'metadata.annotations', type: 'FieldValueTooLong', line: 5, message: 'Too long: may not be more than 262144 bytes' },
    ])
  })

  it('C18 — a request body over 3 MiB is refused before validation; 2 MiB still validates', () => {
    const padded = (bytes: number) => {
      const doc = deploymentWith(`containers:\n${NGINX}`)
      return doc + '#'.repeat(bytes - doc.length)
    }
    expect(errorsOf(padded(4 * 1024 * 1024))).toEqual([
      { field: '', type: 'FieldValueTooLong', line: 1, message: 'Request entity too large: limit is 3145728' },
    ])
    expect(errorsOf(padded(2 * 1024 * 1024))).toEqual([])
  })
})

describe('C. Updates / immutability', () => {
  const stored = (text: string) => validateManifests(text).objects[0].object

  it('C19 — a Deployment selector cannot change', () => {
    const before = stored(deploymentWith(`containers:\n${NGINX}`))
    const after = stored(deploymentWith(`containers:\n${NGINX}`).replaceAll('{app: web}', '{app: web, tier: fe}'))
    const errors = validateUpdate(before, after)
    expect(errors.map(({ field, type, message }) => ({ field, type, message }))).toEqual([
      {
        field: 'spec.selector',
        type: 'FieldValueInvalid',
        message: 'Invalid value: {"matchLabels":{"app":"web","tier":"fe"}}: field is immutable',
      },
    ])
    expect(validateUpdate(before, stored(deploymentWith('containers:\n- {name: nginx, image: "nginx:1.27"}', 'replicas: 5')))).toEqual([])
  })

  it('C20 — a Pod may change its image and labels, not its ports', () => {
    const pod = (port: number, image: string, labels = '{}') =>
      stored(yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          labels: ${labels}
        spec:
          containers:
          - name: web
            image: ${image}
            ports: [{containerPort: ${port}}]
      `)
    const before = pod(80, 'nginx:1.26')
    const portChange = validateUpdate(before, pod(8080, 'nginx:1.26'))
    expect(portChange.map(({ field, type, message }) => ({ field, type, message }))).toEqual([
      {
        field: 'spec',
        type: 'FieldValueForbidden',
        message:
          'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      },
    ])
    expect(portChange[0].hint.en).toContain('spec.containers[0].ports[0].containerPort')
    expect(validateUpdate(before, pod(80, 'nginx:1.27'))).toEqual([])
    expect(validateUpdate(before, pod(80, 'nginx:1.26', '{tier: fe}'))).toEqual([])
  })

  it('C21 — a Service keeps its clusterIP; NodePort → ClusterIP must drop nodePort', () => {
    const existing = stored(serviceWith('selector: {app: db}\nports: [{port: 5432}]', 'db')) as Service
    existing.spec!.clusterIP = '10.96.12.34'
    existing.spec!.clusterIPs = ['10.96.12.34']
    const headless = stored(serviceWith('clusterIP: None\nselector: {app: db}\nports: [{port: 5432}]', 'db'))
    expect(validateUpdate(existing, headless).map(({ field, type, message }) => ({ field, type, message }))).toEqual([
      { field: 'spec.clusterIPs[0]', type: 'FieldValueInvalid', message: 'Invalid value: ["None"]: may not change once set' },
    ])
    expect(validateUpdate(existing, stored(serviceWith('selector: {app: db}\nports: [{port: 5432}]', 'db')))).toEqual([])
    expect(errorsOf(serviceWith('type: ClusterIP\nports: [{port: 80, nodePort: 30080}]'))).toEqual([
      {
        field: 'spec.ports[0].nodePort',
        type: 'FieldValueForbidden',
        line: 7,
        message: "Forbidden: may not be used when `type` is 'ClusterIP'",
      },
    ])
  })
})

describe('D. Services validation', () => {
  it('C22 (a) — a nodePort outside 30000-32767', () => {
    expect(errorsOf(serviceWith('type: NodePort\nports:\n- port: 80\n  nodePort: 80'))).toEqual([
      {
        field: 'spec.ports[0].nodePort',
        type: 'FieldValueInvalid',
        line: 9,
        message: 'Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
      },
    ])
  })

  it('C22 (b) — a nodePort another Service holds is already allocated', () => {
    const b = validateManifests(serviceWith('type: NodePort\nports:\n- port: 80\n  nodePort: 30080', 'b')).objects[0]
    const errors = validateServiceAllocation(b.object as Service, { nodePorts: [30080] }, { positionOf: b.positionOf })
    expect(errors.map(({ field, type, line, message }) => ({ field, type, line, message }))).toEqual([
      {
        field: 'spec.ports[0].nodePort',
        type: 'FieldValueInvalid',
        line: 9,
        message: 'Invalid value: 30080: provided port is already allocated',
      },
    ])
    expect(validateServiceAllocation(b.object as Service, { nodePorts: [30081] })).toEqual([])
  })

  it('C22 (c) — the same nodePort twice for one protocol; TCP and UDP may share it', () => {
    expect(
      errorsOf(serviceWith('type: NodePort\nports:\n- {name: a, port: 80, nodePort: 30081}\n- {name: b, port: 81, nodePort: 30081}')),
    ).toEqual([{ field: 'spec.ports[1].nodePort', type: 'FieldValueDuplicate', line: 9, message: 'Duplicate value: 30081' }])
    expect(
      errorsOf(
        serviceWith(
          'type: NodePort\nports:\n- {name: a, port: 53, nodePort: 30053}\n- {name: b, port: 53, protocol: UDP, nodePort: 30053}',
        ),
      ),
    ).toEqual([])
  })

  it('C22 (d) — a NodePort Service without nodePort is valid (the simulator allocates one)', () => {
    expect(errorsOf(serviceWith('type: NodePort\nports: [{port: 80}]'))).toEqual([])
  })

  it('C23 — several ports need names, unique names and unique protocol/port pairs', () => {
    expect(errorsOf(serviceWith('ports:\n- port: 80\n- port: 443'))).toEqual([
      { field: 'spec.ports[0].name', type: 'FieldValueRequired', line: 7, message: 'Required value' },
      { field: 'spec.ports[1].name', type: 'FieldValueRequired', line: 8, message: 'Required value' },
    ])
    expect(errorsOf(serviceWith('ports:\n- {name: web, port: 80}\n- {name: web, port: 443}'))).toEqual([
      { field: 'spec.ports[1].name', type: 'FieldValueDuplicate', line: 8, message: 'Duplicate value: "web"' },
    ])
    expect(errorsOf(serviceWith('ports:\n- {name: a, port: 80}\n- {name: b, port: 80}'))).toEqual([
      { field: 'spec.ports[1]', type: 'FieldValueDuplicate', line: 8, message: 'Duplicate value: {"port":80,"protocol":"TCP"}' },
    ])
  })

  it.each([
    [
      'type: NodePort\nclusterIP: None\nports: [{port: 80}]',
      'spec.clusterIPs[0]',
      'FieldValueInvalid',
      7,
      `Invalid value: "None": may not be set to 'None' for NodePort services`,
    ],
    [
      'type: ExternalName\nexternalName: db.example.com\nclusterIP: 10.96.0.50',
      'spec.clusterIP',
      'FieldValueForbidden',
      8,
      'Forbidden: must be empty for ExternalName services',
    ],
    ['type: ExternalName', 'spec.externalName', 'FieldValueRequired', 5, 'Required value'],
    [
      'type: Ingress\nports: [{port: 80}]',
      'spec.type',
      'FieldValueNotSupported',
      6,
      'Unsupported value: "Ingress": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ],
    ['selector: {app: web}', 'spec.ports', 'FieldValueRequired', 5, 'Required value'],
  ])('C24 — %s', (spec, field, type, line, message) => {
    expect(errorsOf(serviceWith(spec))).toEqual([{ field, type, line, message }])
  })

  it('C24 (f) — a headless Service needs no ports', () => {
    expect(errorsOf(serviceWith('clusterIP: None\nselector: {app: web}'))).toEqual([])
  })
})

describe('kubectl wording across kinds', () => {
  it('prints several causes one per line, as kubectl does', () => {
    const r = validateManifests(podWith('containers:\n- name: Web_1\n  image: ""'))
    expect(formatKubectlError(r.errors).split('\n')).toEqual([
      'The Pod "p" is invalid: ',
      expect.stringMatching(/^\* spec\.containers\[0\]\.name: Invalid value: "Web_1": a lowercase RFC 1123 label/),
      '* spec.containers[0].image: Required value',
    ])
  })

  it('keeps validated objects plain JSON that structuredClone copies', () => {
    const o: KubeObject = validateManifests(deploymentWith(`containers:\n${NGINX}`)).objects[0].object
    expect(structuredClone(o)).toEqual(o)
  })
})

describe('E. Fidelity with upstream validation (issue 15)', () => {
  const withEnv = (env: string) => podWith(`containers:\n- name: c\n  image: nginx\n  env:\n${env}`)

  it('a volume with no source is defaulted to emptyDir: {} and is valid (v1 SetDefaults_Volume, pkg/apis/core/v1/defaults.go)', () => {
    const pod = only(
      podWith('volumes:\n- name: cache\ncontainers:\n- name: c\n  image: nginx\n  volumeMounts: [{name: cache, mountPath: /cache}]'),
    )
    expect(pod.spec.volumes).toEqual([{ name: 'cache', emptyDir: {} }])
    expect(only(deploymentWith('volumes: [{name: cache}]\ncontainers:\n- name: c\n  image: nginx')).spec.template.spec.volumes).toEqual([
      { name: 'cache', emptyDir: {} },
    ])
    // a volume with a source keeps it
    expect(
      only(podWith('volumes: [{name: cfg, configMap: {name: app}}]\ncontainers: [{name: c, image: nginx}]')).spec.volumes[0].emptyDir,
    ).toBeUndefined()
  })

  it.each([
    // pkg/apis/core/validation validateObjectFieldSelector with validEnvDownwardAPIFieldPathExpressions
    [
      'status.phase',
      'FieldValueNotSupported',
      'Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
    ],
    [
      'metadata.labels',
      'FieldValueNotSupported',
      'Unsupported value: "metadata.labels": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
    ],
    // pkg/apis/core/pods ConvertDownwardAPIFieldLabel refuses a path it does not know at all
    [
      'metadata.podName',
      'FieldValueInvalid',
      'Invalid value: "metadata.podName": error converting fieldPath: field label not supported: metadata.podName',
    ],
    [
      "spec.nodeName['x']",
      'FieldValueInvalid',
      `Invalid value: "spec.nodeName['x']": error converting fieldPath: field label does not support subscript: spec.nodeName['x']`,
    ],
  ])('env fieldRef.fieldPath %s is refused', (fieldPath, type, message) => {
    expect(errorsOf(withEnv(`  - name: X\n    valueFrom:\n      fieldRef: {fieldPath: "${fieldPath}"}`))).toEqual([
      { field: 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath', type, line: 12, message },
    ])
  })

  it.each(['metadata.name', 'status.podIP', 'spec.host', "metadata.labels['app']", "metadata.annotations['example.com/Team']"])(
    'env fieldRef.fieldPath %s is accepted, apiVersion defaulted to v1',
    (fieldPath) => {
      const pod = only(withEnv(`  - name: X\n    valueFrom:\n      fieldRef: {fieldPath: "${fieldPath}"}`))
      expect(pod.spec.containers[0].env[0].valueFrom.fieldRef).toEqual({ apiVersion: 'v1', fieldPath })
    },
  )

  it('env valueFrom: a bad label key, another apiVersion, no source, two sources (validateEnvVarValueFrom)', () => {
    expect(errorsOf(withEnv(`  - name: X\n    valueFrom:\n      fieldRef: {fieldPath: "metadata.labels['a b']"}`))).toEqual([
      {
        field: 'spec.containers[0].env[0].valueFrom.fieldRef',
        type: 'FieldValueInvalid',
        line: 12,
        message: expect.stringMatching(/^Invalid value: "a b": name part must consist of alphanumeric characters/),
      },
    ])
    expect(errorsOf(withEnv(`  - name: X\n    valueFrom:\n      fieldRef: {apiVersion: v2, fieldPath: metadata.name}`))).toEqual([
      {
        field: 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath',
        type: 'FieldValueInvalid',
        line: 12,
        message: 'Invalid value: "metadata.name": error converting fieldPath: unsupported pod version: v2',
      },
    ])
    expect(errorsOf(withEnv('  - name: X\n    valueFrom: {}'))).toEqual([
      {
        field: 'spec.containers[0].env[0].valueFrom',
        type: 'FieldValueInvalid',
        line: 11,
        message: 'Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      },
    ])
    expect(
      errorsOf(
        withEnv('  - name: X\n    valueFrom:\n      fieldRef: {fieldPath: metadata.name}\n      secretKeyRef: {name: db, key: password}'),
      ),
    ).toEqual([
      {
        field: 'spec.containers[0].env[0].valueFrom',
        type: 'FieldValueInvalid',
        line: 11,
        message: 'Invalid value: "": may not have more than one field specified at a time',
      },
    ])
    expect(
      errorsOf(
        withEnv(
          '  - name: X\n    valueFrom:\n      configMapKeyRef: {name: app}\n  - name: Z\n    valueFrom:\n      resourceFieldRef: {resource: limits.gpu}',
        ),
      ),
    ).toEqual([
      { field: 'spec.containers[0].env[0].valueFrom.configMapKeyRef.key', type: 'FieldValueRequired', line: 12, message: 'Required value' },
      {
        field: 'spec.containers[0].env[1].valueFrom.resourceFieldRef.resource',
        type: 'FieldValueNotSupported',
        line: 15,
        message:
          'Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"',
      },
    ])
  })

  it('hostNetwork: a Pod hostPort must equal containerPort; an unset one is defaulted to it (validatePodHostNetworkDeps, SetDefaults_Pod)', () => {
    const pod = (ports: string) => podWith(`hostNetwork: true\ncontainers:\n- name: c\n  image: nginx\n  ports: [${ports}]`)
    expect(errorsOf(pod('{containerPort: 80, hostPort: 8080}'))).toEqual([
      {
        field: 'spec.containers[0].ports[0].hostPort',
        type: 'FieldValueInvalid',
        line: 10,
        message: 'Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
      },
    ])
    expect(only(pod('{containerPort: 80}')).spec.containers[0].ports[0]).toEqual({ containerPort: 80, hostPort: 80, protocol: 'TCP' })
    expect(errorsOf(pod('{containerPort: 80, hostPort: 80}'))).toEqual([])
    // without hostNetwork any hostPort goes
    expect(errorsOf(pod('{containerPort: 80, hostPort: 8080}').replace('hostNetwork: true', 'hostNetwork: false'))).toEqual([])
  })

  it('hostNetwork in a template: hostPort may be left unset (its Pods get the default), not set to another port', () => {
    const template = (ports: string) => deploymentWith(`hostNetwork: true\ncontainers:\n- name: c\n  image: nginx\n  ports: [${ports}]`)
    expect(errorsOf(template('{containerPort: 80}'))).toEqual([])
    expect(only(template('{containerPort: 80}')).spec.template.spec.containers[0].ports[0].hostPort).toBeUndefined()
    expect(errorsOf(template('{containerPort: 80, hostPort: 81}'))).toEqual([
      {
        field: 'spec.template.spec.containers[0].ports[0].hostPort',
        type: 'FieldValueInvalid',
        line: 16,
        message: 'Invalid value: 81: must match `containerPort` when `hostNetwork` is true',
      },
    ])
  })

  it.each([
    // ValidateVolumeMounts → validateLocalDescendingPath; upstream names the list's path (no index) for subPath
    ['/html', ['Invalid value: "/html": must be a relative path']],
    ['../etc', ['Invalid value: "../etc": must not contain \'..\'']],
    ['/a/../../b', ['Invalid value: "/a/../../b": must be a relative path', 'Invalid value: "/a/../../b": must not contain \'..\'']],
  ])('volumeMounts subPath %s is refused', (subPath, messages) => {
    const text = podWith(
      `volumes: [{name: web, emptyDir: {}}]\ncontainers:\n- name: c\n  image: nginx\n  volumeMounts:\n  - {name: web, mountPath: /usr/share/nginx/html, subPath: "${subPath}"}`,
    )
    expect(errorsOf(text)).toEqual(
      messages.map((message) => ({ field: 'spec.containers[0].volumeMounts.subPath', type: 'FieldValueInvalid', line: 11, message })),
    )
    expect(errorsOf(text.replace(`"${subPath}"`, 'site/html..old'))).toEqual([])
  })

  it('a volume mount without a name is Required and Not found, as upstream reports both', () => {
    expect(
      errorsOf(podWith('volumes: [{name: a, emptyDir: {}}]\ncontainers:\n- name: c\n  image: nginx\n  volumeMounts: [{mountPath: /a}]')),
    ).toEqual([
      { field: 'spec.containers[0].volumeMounts[0].name', type: 'FieldValueRequired', line: 10, message: 'Required value' },
      { field: 'spec.containers[0].volumeMounts[0].name', type: 'FieldValueNotFound', line: 10, message: 'Not found: ""' },
    ])
  })

  describe('rows of TestValidateContainers / TestValidateInitContainers (pkg/apis/core/validation/validation_test.go)', () => {
    const container = (extra: string) => podWith(`containers:\n- name: c\n  image: nginx\n${extra}`)

    it("host port not unique: the value is AccumulateUniqueHostPorts' protocol/hostIP/port key; TCP and UDP may share a port", () => {
      const text = podWith(
        'containers:\n- {name: a, image: nginx, ports: [{containerPort: 80, hostPort: 80}]}\n- {name: b, image: nginx, ports: [{containerPort: 81, hostPort: 80}]}',
      )
      expect(errorsOf(text)).toEqual([
        { field: 'spec.containers[1].ports[0].hostPort', type: 'FieldValueDuplicate', line: 8, message: 'Duplicate value: "TCP//80"' },
      ])
      expect(errorsOf(container('  ports: [{containerPort: 80, hostPort: 80}, {containerPort: 80, hostPort: 80, protocol: UDP}]'))).toEqual(
        [],
      )
    })

    it('init containers are checked one by one (reported at initContainers[0], as upstream checks a one-element list)', () => {
      const inits = (second: string) =>
        podWith(
          `initContainers:\n- {name: i0, image: busybox, ports: [{containerPort: 80, hostPort: 80}]}\n- {name: i1, image: busybox, ports: [${second}]}\ncontainers:\n- {name: c, image: nginx, ports: [{containerPort: 80, hostPort: 80}]}`,
        )
      expect(errorsOf(inits('{containerPort: 80, hostPort: 80}'))).toEqual([])
      expect(errorsOf(inits('{containerPort: 80, hostPort: 8080}, {containerPort: 81, hostPort: 8080}'))).toEqual([
        {
          field: 'spec.initContainers[0].ports[1].hostPort',
          type: 'FieldValueDuplicate',
          line: 8,
          message: 'Duplicate value: "TCP//8080"',
        },
      ])
    })

    it('invalid readiness probe, terminationGracePeriodSeconds set', () => {
      expect(errorsOf(container('  readinessProbe: {tcpSocket: {port: 80}, terminationGracePeriodSeconds: 10}'))).toEqual([
        {
          field: 'spec.containers[0].readinessProbe.terminationGracePeriodSeconds',
          type: 'FieldValueInvalid',
          line: 9,
          message: 'Invalid value: 10: must not be set for readinessProbes',
        },
      ])
    })

    it('a sleep hook longer than the grace period (validateSleepAction; zero allowed since 1.34, PodLifecycleSleepActionAllowZero GA)', () => {
      expect(errorsOf(container('  lifecycle: {preStop: {sleep: {seconds: 31}}}'))).toEqual([
        {
          field: 'spec.containers[0].lifecycle.preStop.sleep.seconds',
          type: 'FieldValueInvalid',
          line: 9,
          message: 'Invalid value: 31: must be non-negative and less than terminationGracePeriodSeconds (30)',
        },
      ])
      expect(
        errorsOf(
          podWith(
            'terminationGracePeriodSeconds: 10\ncontainers:\n- name: c\n  image: nginx\n  lifecycle: {postStart: {sleep: {seconds: -1}}, preStop: {sleep: {seconds: 15}}}',
          ),
        ),
      ).toEqual([
        expect.objectContaining({
          field: 'spec.containers[0].lifecycle.postStart.sleep.seconds',
          message: 'Invalid value: -1: must be non-negative and less than terminationGracePeriodSeconds (10)',
        }),
        expect.objectContaining({
          field: 'spec.containers[0].lifecycle.preStop.sleep.seconds',
          message: 'Invalid value: 15: must be non-negative and less than terminationGracePeriodSeconds (10)',
        }),
      ])
      expect(errorsOf(container('  lifecycle: {preStop: {sleep: {seconds: 30}}}'))).toEqual([])
      expect(errorsOf(container('  lifecycle: {preStop: {sleep: {seconds: 0}}}'))).toEqual([])
    })

    it('invalid lifecycle, no http path: not reachable, SetDefaults_HTTPGetAction gives a hook path / and scheme HTTP', () => {
      const pod = only(container('  lifecycle: {preStop: {httpGet: {port: 80}}}'))
      expect(pod.spec.containers[0].lifecycle.preStop.httpGet).toEqual({ port: 80, path: '/', scheme: 'HTTP' })
    })

    it('invalid compute resource: a bare name that is no standard resource is refused twice (validateResourceName, validateContainerResourceName)', () => {
      expect(errorsOf(container('  resources: {requests: {gpu: 1}}'))).toEqual([
        {
          field: 'spec.containers[0].resources.requests[gpu]',
          type: 'FieldValueInvalid',
          line: 9,
          message: 'Invalid value: "gpu": must be a standard resource type or fully qualified',
        },
        {
          field: 'spec.containers[0].resources.requests[gpu]',
          type: 'FieldValueInvalid',
          line: 9,
          message: 'Invalid value: "gpu": must be a standard resource for containers',
        },
      ])
      // a standard name that containers cannot request is refused once
      expect(errorsOf(container('  resources: {requests: {storage: 1Gi}}')).map((e) => e.message)).toEqual([
        'Invalid value: "storage": must be a standard resource for containers',
      ])
    })

    it.each([
      [
        "[{configMapRef: {name: 'App_Config'}}]",
        'spec.containers[0].envFrom[0].configMapRef.name',
        'FieldValueInvalid',
        /^Invalid value: "App_Config": a lowercase RFC 1123 subdomain/,
      ],
      ['[{configMapRef: {}}]', 'spec.containers[0].envFrom[0].configMapRef.name', 'FieldValueRequired', /^Required value$/],
      [
        '[{prefix: APP_}]',
        'spec.containers[0].envFrom',
        'FieldValueInvalid',
        /^Invalid value: "": must specify one of: `configMapRef` or `secretRef`$/,
      ],
      [
        '[{configMapRef: {name: a}, secretRef: {name: b}}]',
        'spec.containers[0].envFrom',
        'FieldValueInvalid',
        /^Invalid value: "": may not have more than one field specified at a time$/,
      ],
      [
        "[{prefix: 'A=', secretRef: {name: a}}]",
        'spec.containers[0].envFrom[0].prefix',
        'FieldValueInvalid',
        /^Invalid value: "A=": a valid environment variable name/,
      ],
    ])('invalid env from %s (ValidateEnvFrom)', (envFrom, field, type, message) => {
      expect(errorsOf(container(`  envFrom: ${envFrom}`))).toEqual([{ field, type, line: 9, message: expect.stringMatching(message) }])
    })

    it('a valid envFrom passes, a trailing dash included (the name is a prefix)', () => {
      expect(errorsOf(container('  envFrom: [{configMapRef: {name: app-config}}, {prefix: DB_, secretRef: {name: db-}}]'))).toEqual([])
    })
  })

  describe('rows of TestValidateEnv / TestValidateVolumeMounts (pkg/apis/core/validation/validation_test.go)', () => {
    const env = (entry: string) => podWith(`containers:\n- name: c\n  image: nginx\n  env: [${entry}]`)
    it.each([
      [
        "{name: '=abc'}",
        'spec.containers[0].env[0].name',
        `Invalid value: "=abc": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      ],
      [
        '{name: abc, valueFrom: {fieldRef: {fieldPath: metadata.name}, secretKeyRef: {name: a, key: k}, configMapKeyRef: {name: b, key: k}}}',
        'spec.containers[0].env[0].valueFrom',
        'Invalid value: "": may not have more than one field specified at a time',
      ],
      ['{name: abc, valueFrom: {fieldRef: {apiVersion: v1}}}', 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath', 'Required value'],
      [
        '{name: abc, valueFrom: {fieldRef: {fieldPath: metadata.whoops}}}',
        'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath',
        'Invalid value: "metadata.whoops": error converting fieldPath: field label not supported: metadata.whoops',
      ],
      [
        '{name: abc, valueFrom: {fieldRef: {fieldPath: metadata.annotations}}}',
        'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath',
        expect.stringMatching(/^Unsupported value: "metadata.annotations": supported values: "metadata.name"/),
      ],
      [
        `{name: abc, valueFrom: {fieldRef: {fieldPath: "metadata.annotations['invalid~key']"}}}`,
        'spec.containers[0].env[0].valueFrom.fieldRef',
        expect.stringMatching(/^Invalid value: "invalid~key": name part must consist of/),
      ],
      [
        `{name: abc, valueFrom: {fieldRef: {fieldPath: "metadata.labels['Www.k8s.io/test']"}}}`,
        'spec.containers[0].env[0].valueFrom.fieldRef',
        expect.stringMatching(/^Invalid value: "Www.k8s.io\/test": prefix part a lowercase RFC 1123 subdomain/),
      ],
      [
        "{name: abc, valueFrom: {secretKeyRef: {name: '$%^&*#', key: a-key}}}",
        'spec.containers[0].env[0].valueFrom.secretKeyRef.name',
        expect.stringMatching(/^Invalid value: "\$%\^&\*#": a lowercase RFC 1123 subdomain/),
      ],
    ])('env %s', (entry, field, message) => {
      expect(errorsOf(env(entry)).map(({ field, message }) => ({ field, message }))).toEqual([{ field, message }])
    })

    it.each([
      ['baz/../bat', ["must not contain '..'"]],
      ['./..', ["must not contain '..'"]],
      ['..baz', []],
      ['.baz', []],
    ])('subPath %s', (subPath, problems) => {
      const text = podWith(
        `volumes: [{name: a}]\ncontainers:\n- name: c\n  image: nginx\n  volumeMounts: [{name: a, mountPath: /x, subPath: "${subPath}"}]`,
      )
      expect(errorsOf(text).map((e) => e.message)).toEqual(problems.map((p) => `Invalid value: "${subPath}": ${p}`))
    })

    it('subPath and subPathExpr are mutually exclusive', () => {
      const text = podWith(
        'volumes: [{name: a}]\ncontainers:\n- name: c\n  image: nginx\n  volumeMounts: [{name: a, mountPath: /x, subPath: baz, subPathExpr: $(POD_NAME)}]',
      )
      expect(errorsOf(text)).toEqual([
        {
          field: 'spec.containers[0].volumeMounts[0].subPathExpr',
          type: 'FieldValueInvalid',
          line: 10,
          message: 'Invalid value: "$(POD_NAME)": subPathExpr and subPath are mutually exclusive',
        },
      ])
    })
  })

  describe('rows of TestValidatePodSpec (pkg/apis/core/validation/validation_test.go)', () => {
    const C = 'containers: [{name: c, image: nginx}]'
    const SUBDOMAIN = /: a lowercase RFC 1123 subdomain must consist of/
    it.each([
      ['nodeName: node name', 'spec.nodeName', expect.stringMatching(SUBDOMAIN)],
      ['priorityClassName: InvalidName', 'spec.priorityClassName', expect.stringMatching(SUBDOMAIN)],
      ['runtimeClassName: invalid/sandbox', 'spec.runtimeClassName', expect.stringMatching(SUBDOMAIN)],
      [
        'securityContext: {runAsUser: -1}',
        'spec.securityContext.runAsUser',
        'Invalid value: -1: must be between 0 and 2147483647, inclusive',
      ],
      [
        'securityContext: {fsGroup: 2147483648}',
        'spec.securityContext.fsGroup',
        'Invalid value: 2147483648: must be between 0 and 2147483647, inclusive',
      ],
      [
        'securityContext: {supplementalGroups: [-1, 1234]}',
        'spec.securityContext.supplementalGroups[0]',
        'Invalid value: -1: must be between 0 and 2147483647, inclusive',
      ],
      [
        'hostAliases: [{ip: 999.999.999.999, hostnames: [host1]}]',
        'spec.hostAliases[0].ip',
        'Invalid value: "999.999.999.999": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
      ["hostAliases: [{ip: 12.34.56.78, hostnames: ['@#$^#@#$']}]", 'spec.hostAliases[0].hostnames[0]', expect.stringMatching(SUBDOMAIN)],
      ['dnsPolicy: None', 'spec.dnsConfig', 'Required value: must provide `dnsConfig` when `dnsPolicy` is None'],
      [
        'dnsPolicy: None\ndnsConfig: {searches: [custom]}',
        'spec.dnsConfig.nameservers',
        'Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
      ],
      [
        'dnsConfig: {nameservers: [127.0.0.1, 10.0.0.10, 8.8.8.8, 1.2.3.4]}',
        'spec.dnsConfig.nameservers',
        'Invalid value: ["127.0.0.1","10.0.0.10","8.8.8.8","1.2.3.4"]: must not have more than 3 nameservers',
      ],
      [
        'dnsConfig: {nameservers: [invalid]}',
        'spec.dnsConfig.nameservers[0]',
        'Invalid value: "invalid": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
    ])('%s', (spec, field, message) => {
      expect(errorsOf(podWith(`${spec}\n${C}`)).map(({ field, message }) => ({ field, message }))).toEqual([{ field, message }])
    })

    it('a container securityContext ID is checked too; valid names, IDs, DNS and aliases pass', () => {
      expect(errorsOf(podWith('containers: [{name: c, image: nginx, securityContext: {runAsUser: -1}}]')).map((e) => e.field)).toEqual([
        'spec.containers[0].securityContext.runAsUser',
      ])
      const valid =
        'nodeName: node-1\npriorityClassName: high\nsecurityContext: {runAsUser: 1000, fsGroup: 2000}\ndnsPolicy: None\ndnsConfig: {nameservers: [10.96.0.10], options: [{name: ndots, value: "2"}]}\nhostAliases: [{ip: 10.1.2.3, hostnames: [db.local]}]'
      expect(errorsOf(podWith(`${valid}\n${C}`))).toEqual([])
    })
  })

  describe('rows of TestValidateTopologySpreadConstraints and node affinity in TestValidatePodSpec (pkg/apis/core/validation/validation_test.go)', () => {
    const spec = (extra: string) => podWith(`${extra}\ncontainers:\n- {name: c, image: nginx}`)
    it('maxSkew, topologyKey, whenUnsatisfiable, a repeated pair and minDomains with ScheduleAnyway', () => {
      const text = spec(
        'topologySpreadConstraints:\n- {maxSkew: 0, topologyKey: "", whenUnsatisfiable: Sometimes}\n- {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, minDomains: 2}\n- {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}',
      )
      expect(errorsOf(text).map((e) => [e.field, e.message])).toEqual([
        // the enum is the schema's to refuse, before the rules run (once, not twice)
        [
          'spec.topologySpreadConstraints[0].whenUnsatisfiable',
          'Unsupported value: "Sometimes": supported values: "DoNotSchedule", "ScheduleAnyway"',
        ],
        ['spec.topologySpreadConstraints[0].maxSkew', 'Invalid value: 0: must be greater than zero'],
        ['spec.topologySpreadConstraints[0].topologyKey', 'Required value: can not be empty'],
        ['spec.topologySpreadConstraints[1].{topologyKey, whenUnsatisfiable}', 'Duplicate value: "{zone, ScheduleAnyway}"'],
        [
          'spec.topologySpreadConstraints[1].minDomains',
          'Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway',
        ],
      ])
      expect(
        errorsOf(
          spec(
            'topologySpreadConstraints:\n- {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, minDomains: 2, labelSelector: {matchLabels: {app: web}}}',
          ),
        ),
      ).toEqual([])
    })
    it('a required node affinity with no terms', () => {
      expect(
        errorsOf(spec('affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}')).map(
          (e) => [e.field, e.message],
        ),
      ).toEqual([
        [
          'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms',
          'Required value: must have at least one node selector term',
        ],
      ])
    })
  })

  describe('rows of TestValidateService (pkg/apis/core/validation/validation_test.go)', () => {
    it('sessionAffinityConfig without ClientIP is dropped by SetDefaults_Service, not refused', () => {
      const svc = only(serviceWith('selector: {app: web}\nsessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}\nports: [{port: 80}]'))
      expect(svc.spec.sessionAffinity).toBe('None')
      expect(svc.spec.sessionAffinityConfig).toBeUndefined()
    })

    it('a ClientIP timeout may be a full day (86400), not one second more', () => {
      const affinity = (seconds: number) =>
        serviceWith(`sessionAffinity: ClientIP\nsessionAffinityConfig: {clientIP: {timeoutSeconds: ${seconds}}}\nports: [{port: 80}]`)
      expect(errorsOf(affinity(86400))).toEqual([])
      expect(errorsOf(affinity(86401)).map((e) => e.message)).toEqual(['Invalid value: 86401: must be greater than 0 and less than 86400'])
    })

    it('invalid appProtocol: a qualified name (validateServicePort); http and kubernetes.io/h2c pass', () => {
      expect(errorsOf(serviceWith('ports: [{port: 80, appProtocol: "bad proto!"}]'))).toEqual([
        {
          field: 'spec.ports[0].appProtocol',
          type: 'FieldValueInvalid',
          line: 6,
          message: expect.stringMatching(/^Invalid value: "bad proto!": name part must consist of/),
        },
      ])
      expect(
        errorsOf(serviceWith('ports: [{name: a, port: 80, appProtocol: http}, {name: b, port: 81, appProtocol: kubernetes.io/h2c}]')),
      ).toEqual([])
    })

    it('a headless Service may target another port (the upstream check is commented out for compatibility)', () => {
      expect(errorsOf(serviceWith('clusterIP: None\nselector: {app: web}\nports: [{port: 80, targetPort: 8080}]'))).toEqual([])
    })
  })

  describe('rows of TestValidateDeployment (pkg/apis/apps/validation/validation_test.go)', () => {
    const C = 'containers: [{name: c, image: nginx}]'
    it.each([
      [
        'strategy: {type: randomType}',
        'spec.strategy',
        'Unsupported value: {"type":"randomType"}: supported values: "Recreate", "RollingUpdate"',
      ],
      [
        'strategy: {rollingUpdate: {maxSurge: 20Percent}}',
        'spec.strategy.rollingUpdate.maxSurge',
        expect.stringMatching(/^Invalid value: "20Percent": a valid percent string must be/),
      ],
      [
        'strategy: {rollingUpdate: {maxUnavailable: 110%}}',
        'spec.strategy.rollingUpdate.maxUnavailable',
        'Invalid value: "110%": must not be greater than 100%',
      ],
      [
        'minReadySeconds: 600\nprogressDeadlineSeconds: 600',
        'spec.progressDeadlineSeconds',
        'Invalid value: 600: must be greater than minReadySeconds',
      ],
    ])('%s', (extra, field, message) => {
      expect(errorsOf(deploymentWith(C, extra)).map(({ field, message }) => ({ field, message }))).toEqual([{ field, message }])
    })

    it('ephemeral containers are not allowed in a pod template, nor on a Pod at create', () => {
      expect(
        errorsOf(deploymentWith(`${C}\nephemeralContainers: [{name: ec, image: busybox}]`)).map(({ field, message }) => ({
          field,
          message,
        })),
      ).toEqual([
        { field: 'spec.template.spec.ephemeralContainers', message: 'Forbidden: ephemeral containers not allowed in pod template' },
      ])
      expect(
        errorsOf(podWith(`${C}\nephemeralContainers: [{name: ec, image: busybox}]`)).map(({ field, message }) => ({ field, message })),
      ).toEqual([{ field: 'spec.ephemeralContainers', message: 'Forbidden: cannot be set on create' }])
    })
  })
})
