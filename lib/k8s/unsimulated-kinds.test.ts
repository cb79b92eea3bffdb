/**
 * Job, Ingress, PodDisruptionBudget, Secret, ConfigMap and ServiceAccount: validated with `kinds: 'all'` (kubelab
 * validate, deploy/kubernetes) — strict schema, defaults, the API server's cheap rules — and still `no matches for
 * kind` for the simulator and the grader, which do not run them.
 */
import { describe, expect, it } from 'vitest'
import { kubernetesSchema, validateManifests } from './index.ts'

const all = (text: string) => validateManifests(text, { kinds: 'all' })
const brief = (text: string) => all(text).errors.map(({ field, type, line, message }) => ({ field, type, line, message }))

const goodJob = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: m
          image: kubelab:0.1.0
          command: [node, dist/kubelab.mjs, db, migrate]
`

describe('kinds that are validated but not simulated', () => {
  it('are `no matches for kind` unless asked for: the simulator and the grader never see them', () => {
    const r = validateManifests(goodJob)
    expect(r.valid).toBe(false)
    expect(r.errors[0]).toMatchObject({ type: 'NoKindMatch', message: 'no matches for kind "Job" in version "batch/v1"' })
    expect(r.unsimulated).toBeUndefined()
  })

  it('come back in `unsimulated` with defaults applied, not among the simulated objects', () => {
    const r = all(goodJob)
    expect(r.errors).toEqual([])
    expect(r.objects).toEqual([])
    expect(r.unsimulated).toHaveLength(1)
    const [o] = r.unsimulated!
    expect(o).toMatchObject({ kind: 'Job', apiVersion: 'batch/v1', name: 'migrate', namespace: 'default', document: 0 })
    expect(o!.object.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      template: { spec: { restartPolicy: 'Never', dnsPolicy: 'ClusterFirst' } },
    })
    const secret = all('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {AUTH_SECRET: x}\n').unsimulated![0]!
    expect(secret.object.type).toBe('Opaque')
  })

  it('keep the editor schema to the simulated kinds and list the others apart', () => {
    expect(Object.keys(kubernetesSchema['x-kubelab-kinds']).sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'Namespace',
      'Pod',
      'ReplicaSet',
      'Service',
    ])
    expect((kubernetesSchema as unknown as Record<string, Record<string, unknown>>)['x-kubelab-validated-kinds']).toEqual({
      Job: { apiVersion: 'batch/v1', definition: 'Job' },
      Ingress: { apiVersion: 'networking.k8s.io/v1', definition: 'Ingress' },
      PodDisruptionBudget: { apiVersion: 'policy/v1', definition: 'PodDisruptionBudget' },
      Secret: { apiVersion: 'v1', definition: 'Secret' },
      ServiceAccount: { apiVersion: 'v1', definition: 'ServiceAccount' },
    })
    expect(kubernetesSchema.definitions.JobSpec!.properties!.backoffLimit).toMatchObject({ type: 'integer', format: 'int32' })
  })

  it('are decoded strictly: unknown fields, wrong types, the right apiVersion', () => {
    expect(brief(goodJob.replace('template:', 'backofLimit: 3\n  template:'))).toEqual([
      {
        field: 'spec.backofLimit',
        type: 'FieldValueNotSupported',
        line: 6,
        message: 'strict decoding error: unknown field "spec.backofLimit"',
      },
    ])
    expect(
      brief(
        'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}, extra: true}\n',
      )[0],
    ).toMatchObject({ field: 'spec.extra', type: 'FieldValueNotSupported' })
    expect(brief('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {replicas: 3}\n')[0]).toMatchObject({
      field: 'data[replicas]',
      type: 'FieldValueTypeInvalid',
    })
    const wrongVersion = all('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\n').errors[0]!
    expect(wrongVersion).toMatchObject({ type: 'NoKindMatch', message: 'no matches for kind "Ingress" in version "extensions/v1beta1"' })
    expect(wrongVersion.hint.en).toContain('`apiVersion: networking.k8s.io/v1`')
  })
})

describe('Job rules', () => {
  it.each([
    [
      'no restartPolicy (Always by default)',
      goodJob.replace('      restartPolicy: Never\n', ''),
      [
        {
          field: 'spec.template.spec.restartPolicy',
          type: 'FieldValueNotSupported',
          message: 'Unsupported value: "Always": supported values: "OnFailure", "Never"',
        },
      ],
    ],
    [
      'a selector without manualSelector',
      goodJob.replace('template:', 'selector: {matchLabels: {app: m}}\n  template:'),
      [
        {
          field: 'spec.selector',
          type: 'FieldValueInvalid',
          message: 'Invalid value: {"matchLabels":{"app":"m"}}: `selector` will be auto-generated',
        },
      ],
    ],
    [
      'manualSelector without a selector',
      goodJob.replace('template:', 'manualSelector: true\n  template:'),
      [{ field: 'spec.selector', type: 'FieldValueRequired', message: 'Required value' }],
    ],
    [
      'a negative backoffLimit',
      goodJob.replace('template:', 'backoffLimit: -1\n  template:'),
      [{ field: 'spec.backoffLimit', type: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0' }],
    ],
    [
      'a container without an image',
      goodJob.replace('          image: kubelab:0.1.0\n', ''),
      [{ field: 'spec.template.spec.containers[0].image', type: 'FieldValueRequired', message: 'Required value' }],
    ],
    [
      'a name longer than a label value',
      goodJob.replace('name: migrate', `name: ${'m'.repeat(64)}`),
      [
        {
          field: 'metadata.name',
          type: 'FieldValueInvalid',
          message: `Invalid value: "${'m'.repeat(64)}": must be no more than 63 characters`,
        },
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(all(text).errors.map(({ field, type, message }) => ({ field, type, message }))).toEqual(expected)
  })

  it('accepts a manual selector that matches the template, and says when it does not', () => {
    const manual = goodJob.replace(
      '  template:\n',
      '  manualSelector: true\n  selector: {matchLabels: {app: m}}\n  template:\n    metadata: {labels: {app: m}}\n',
    )
    expect(all(manual).errors).toEqual([])
    expect(all(manual.replace('labels: {app: m}', 'labels: {app: x}')).errors.map(({ field, message }) => ({ field, message }))).toEqual([
      { field: 'spec.template.metadata.labels', message: 'Invalid value: {"app":"x"}: `selector` does not match template `labels`' },
    ])
  })
})

const ingress = (rules: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n${rules}\n`

describe('Ingress rules', () => {
  const route = (path: string) => ingress(`  rules:\n  - host: kubelab.example.org\n    http:\n      paths:\n      - ${path}`)
  it.each([
    [
      'nothing to route',
      ingress('  ingressClassName: nginx'),
      [
        {
          field: 'spec',
          type: 'FieldValueInvalid',
          message: expect.stringMatching(/either `defaultBackend` or `rules` must be specified$/),
        },
      ],
    ],
    [
      'no pathType',
      route('{path: /, backend: {service: {name: web, port: {number: 80}}}}'),
      [
        {
          field: 'spec.rules[0].http.paths[0].pathType',
          type: 'FieldValueRequired',
          message: 'Required value: pathType must be specified',
        },
      ],
    ],
    [
      'an unknown pathType',
      route('{path: /, pathType: Regex, backend: {service: {name: web, port: {number: 80}}}}'),
      [
        {
          field: 'spec.rules[0].http.paths[0].pathType',
          type: 'FieldValueNotSupported',
          message: 'Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
        },
      ],
    ],
    [
      'a relative Prefix path',
      route('{path: api, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}'),
      [{ field: 'spec.rules[0].http.paths[0].path', type: 'FieldValueInvalid', message: 'Invalid value: "api": must be an absolute path' }],
    ],
    [
      'no backend',
      route('{path: /, pathType: Prefix}'),
      [
        {
          field: 'spec.rules[0].http.paths[0].backend',
          type: 'FieldValueRequired',
          message: 'Required value: a backend must be specified',
        },
      ],
    ],
    [
      'a port with neither name nor number',
      route('{path: /, pathType: Prefix, backend: {service: {name: web, port: {}}}}'),
      [
        {
          field: 'spec.rules[0].http.paths[0].backend.service.port',
          type: 'FieldValueInvalid',
          message: 'Invalid value: {}: port name or number is required',
        },
      ],
    ],
    [
      'a port number out of range',
      route('{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 70000}}}}'),
      [
        {
          field: 'spec.rules[0].http.paths[0].backend.service.port.number',
          type: 'FieldValueInvalid',
          message: 'Invalid value: 70000: must be between 1 and 65535, inclusive',
        },
      ],
    ],
    [
      'an IP address as host',
      ingress('  rules:\n  - host: 10.0.0.1'),
      [
        {
          field: 'spec.rules[0].host',
          type: 'FieldValueInvalid',
          message: 'Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
        },
      ],
    ],
    [
      'a bad wildcard',
      ingress('  rules:\n  - host: "*.-bad"'),
      [
        {
          field: 'spec.rules[0].host',
          type: 'FieldValueInvalid',
          message: expect.stringContaining("a wildcard DNS-1123 subdomain must start with '*.'"),
        },
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(all(text).errors.map(({ field, type, message }) => ({ field, type, message }))).toEqual(expected)
  })

  it('accepts a wildcard host, TLS and a named port', () => {
    expect(
      all(
        route('{path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}').replace(
          'kubelab.example.org',
          '"*.example.org"',
        ),
      ).errors,
    ).toEqual([])
  })
})

describe('PodDisruptionBudget, Secret and ConfigMap rules', () => {
  const pdb = (spec: string) =>
    `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {selector: {matchLabels: {app: web}}, ${spec}}\n`
  it.each([
    [
      'both bounds',
      pdb('minAvailable: 2, maxUnavailable: 1'),
      [{ field: 'spec', type: 'FieldValueInvalid', message: expect.stringMatching(/minAvailable and maxUnavailable cannot be both set$/) }],
    ],
    [
      'a percentage over 100',
      pdb('maxUnavailable: "120%"'),
      [{ field: 'spec.maxUnavailable', type: 'FieldValueInvalid', message: 'Invalid value: "120%": must not be greater than 100%' }],
    ],
    [
      'a bad eviction policy',
      pdb('maxUnavailable: 1, unhealthyPodEvictionPolicy: Never'),
      [
        {
          field: 'spec.unhealthyPodEvictionPolicy',
          type: 'FieldValueNotSupported',
          message: 'Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"',
        },
      ],
    ],
    [
      'a Secret value that is not base64',
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {AUTH_SECRET: "plain text"}\n',
      [
        {
          field: 'data[AUTH_SECRET]',
          type: 'FieldValueTypeInvalid',
          message: 'Invalid value: "plain text": illegal base64 data at input byte 5',
        },
      ],
    ],
    [
      'a Secret key with a space',
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {"auth secret": x}\n',
      [
        {
          field: 'stringData',
          type: 'FieldValueInvalid',
          message: expect.stringContaining("a valid config key must consist of alphanumeric characters, '-', '_' or '.'"),
        },
      ],
    ],
    [
      'a TLS Secret without its key',
      'apiVersion: v1\nkind: Secret\nmetadata: {name: tls}\ntype: kubernetes.io/tls\ndata: {tls.crt: eA==}\n',
      [{ field: 'data[tls.key]', type: 'FieldValueRequired', message: 'Required value' }],
    ],
    [
      'a ConfigMap key in data and binaryData',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: x}\nbinaryData: {a: eA==}\n',
      [{ field: 'data[a]', type: 'FieldValueInvalid', message: 'Invalid value: "a": duplicate of key present in binaryData' }],
    ],
    [
      'a ConfigMap over 1 MiB',
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {big: ${'x'.repeat(1024 * 1024 + 1)}}\n`,
      [{ field: '', type: 'FieldValueTooLong', message: 'Too long: must have at most 1048576 bytes' }],
    ],
    [
      'a ServiceAccount with a bad name',
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: Kubelab}\n',
      [{ field: 'metadata.name', type: 'FieldValueInvalid', message: expect.stringContaining('a lowercase RFC 1123 subdomain') }],
    ],
  ])('%s', (_name, text, expected) => {
    expect(all(text).errors.map(({ field, type, message }) => ({ field, type, message }))).toEqual(expected)
  })

  // pkg/apis/core/validation/validation.go ValidateConfigMap: field.Invalid(field.NewPath("data").Key(key), key, msg),
  // and likewise binaryData — the key is part of the path, as for the duplicate key above.
  it("reports an invalid ConfigMap key at data[key] and binaryData[key], on the key's line", () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  ok: x\n  "bad key": x\nbinaryData:\n  "also/bad": eA==\n'
    const errors = all(text).errors
    expect(errors.map(({ field, type, line }) => ({ field, type, line }))).toEqual([
      { field: 'data[bad key]', type: 'FieldValueInvalid', line: 6 },
      { field: 'binaryData[also/bad]', type: 'FieldValueInvalid', line: 8 },
    ])
    expect(errors[0]!.message).toContain("a valid config key must consist of alphanumeric characters, '-', '_' or '.'")
  })

  it('accepts base64 data with and without padding, and plain stringData', () => {
    expect(
      all('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {a: eA==, b: eHk=, c: eHl6}\nstringData: {d: "anything at all"}\n')
        .errors,
    ).toEqual([])
  })
})
