/**
 * One table per rule family of kubernetes-behaviour.md §1 beyond the conformance cases: each row is a manifest
 * and the exact errors (field path, ErrorType, line, Kubernetes message) it must produce — [] for valid ones.
 */
import { describe, expect, it } from 'vitest'
import { validateManifests } from './index.ts'
import { deploymentWith, errorsOf, podWith, serviceWith, type Brief } from '../testing/validation.ts'

type Row = [title: string, text: string, expected: Brief[]]

function table(name: string, rows: Row[]) {
  describe(name, () => {
    it.each(rows)('%s', (_title, text, expected) => {
      expect(errorsOf(text)).toEqual(expected)
      // every error explains itself to the learner in both languages
      for (const { hint } of validateManifests(text).errors) {
        expect(hint.ko).toMatch(/[가-힣]/)
        expect(hint.en.length).toBeGreaterThan(20)
        expect(`${hint.ko}${hint.en}`).not.toContain('{{')
      }
    })
  })
}

const c = (extra: string) => `containers:\n- name: c\n  image: nginx\n${extra.replace(/^/gm, '  ')}`
const err = (field: string, type: Brief['type'], line: number, message: string): Brief => ({ field, type, line, message })

table('names (V-NAME)', [
  ['a Namespace name is a DNS-1123 label', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n', []],
  [
    'a Namespace name may not contain dots',
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop.v1\n',
    [err('metadata.name', 'FieldValueInvalid', 4, 'Invalid value: "shop.v1": must not contain dots')],
  ],
  [
    'a Namespace object may not name a namespace',
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  namespace: default\n',
    [err('metadata.namespace', 'FieldValueForbidden', 5, 'Forbidden: not allowed on this type')],
  ],
  [
    'a missing name',
    'apiVersion: v1\nkind: Pod\nmetadata: {}\nspec:\n  containers: [{name: c, image: nginx}]\n',
    [err('metadata.name', 'FieldValueRequired', 3, 'Required value: name or generateName is required')],
  ],
  [
    'generateName with a trailing dash is enough',
    'apiVersion: v1\nkind: Pod\nmetadata: {generateName: web-}\nspec:\n  containers: [{name: c, image: nginx}]\n',
    [],
  ],
  [
    'an invalid namespace on a Pod',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: Shop\nspec:\n  containers: [{name: c, image: nginx}]\n',
    [
      err(
        'metadata.namespace',
        'FieldValueInvalid',
        5,
        `Invalid value: "Shop": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ),
    ],
  ],
  ['a Service name of exactly 63 characters', serviceWith('ports: [{port: 80}]', `a${'b'.repeat(62)}`), []],
])

table('labels, annotations and selectors (V-LBL)', [
  [
    'an empty label value is valid',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {tier: ""}\nspec:\n  containers: [{name: c, image: nginx}]\n',
    [],
  ],
  [
    'an empty prefix',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {"/app": x}\nspec:\n  containers: [{name: c, image: nginx}]\n',
    [err('metadata.labels', 'FieldValueInvalid', 5, 'Invalid value: "/app": prefix part must be non-empty')],
  ],
  [
    'annotation keys ignore case',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {"Example.COM/Note": anything at all}\nspec:\n  containers: [{name: c, image: nginx}]\n',
    [],
  ],
  [
    'an invalid label in a Deployment template is reported at spec.template.labels, as Kubernetes does',
    deploymentWith(`containers:\n- {name: c, image: nginx}`).replace('labels: {app: web}', 'labels: {app: web, bad: "a b"}'),
    [
      err(
        'spec.template.labels',
        'FieldValueInvalid',
        10,
        `Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ),
    ],
  ],
  [
    'matchExpressions In without values',
    deploymentWith(`containers:\n- {name: c, image: nginx}`).replace(
      '    matchLabels: {app: web}\n',
      '    matchLabels: {app: web}\n    matchExpressions: [{key: tier, operator: In}]\n',
    ),
    [
      err(
        'spec.selector.matchExpressions[0].values',
        'FieldValueRequired',
        8,
        "Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ),
      err(
        'spec.selector',
        'FieldValueInvalid',
        6,
        'Invalid value: {"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In"}]}: invalid label selector',
      ),
    ],
  ],
  [
    'matchExpressions Exists with values, and an unknown operator',
    deploymentWith(`containers:\n- {name: c, image: nginx}`).replace(
      '    matchLabels: {app: web}\n',
      '    matchLabels: {app: web}\n    matchExpressions:\n    - {key: tier, operator: Exists, values: [a]}\n    - {key: env, operator: Equals, values: [a]}\n',
    ),
    [
      err(
        'spec.selector.matchExpressions[0].values',
        'FieldValueForbidden',
        9,
        "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ),
      err('spec.selector.matchExpressions[1].operator', 'FieldValueInvalid', 10, 'Invalid value: "Equals": not a valid selector operator'),
      expect.objectContaining({ field: 'spec.selector', message: expect.stringContaining('invalid label selector') }),
    ],
  ],
  [
    'a matchExpressions selector that matches the template is fine',
    deploymentWith(`containers:\n- {name: c, image: nginx}`).replace(
      '    matchLabels: {app: web}\n',
      '    matchExpressions: [{key: app, operator: In, values: [web, api]}]\n',
    ),
    [],
  ],
  [
    'a Service selector is validated as labels',
    serviceWith('selector: {app: "my app"}\nports: [{port: 80}]'),
    [expect.objectContaining({ field: 'spec.selector', type: 'FieldValueInvalid', line: 6 })],
  ],
])

table('containers (V-POD)', [
  [
    'a missing container name',
    podWith('containers:\n- image: nginx'),
    [err('spec.containers[0].name', 'FieldValueRequired', 7, 'Required value')],
  ],
  [
    'an init container may not reuse a container name',
    podWith('containers:\n- {name: app, image: a}\ninitContainers:\n- {name: app, image: b}'),
    [err('spec.initContainers[0].name', 'FieldValueDuplicate', 9, 'Duplicate value: "app"')],
  ],
  [
    'a Pod image with spaces around it',
    podWith('containers:\n- name: c\n  image: " nginx"'),
    [err('spec.containers[0].image', 'FieldValueInvalid', 8, 'Invalid value: " nginx": must not have leading or trailing whitespace')],
  ],
  [
    'imagePullPolicy outside the enum',
    podWith(c('imagePullPolicy: Sometimes')),
    [
      err(
        'spec.containers[0].imagePullPolicy',
        'FieldValueNotSupported',
        9,
        'Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      ),
    ],
  ],
  [
    'a regular container may not set restartPolicy',
    podWith(c('restartPolicy: Always')),
    [err('spec.containers[0].restartPolicy', 'FieldValueForbidden', 9, 'Forbidden: may not be set for non-init containers')],
  ],
  [
    'duplicate port names in one container',
    podWith(c('ports:\n- {name: http, containerPort: 80}\n- {name: http, containerPort: 81}')),
    [err('spec.containers[0].ports[1].name', 'FieldValueDuplicate', 11, 'Duplicate value: "http"')],
  ],
  [
    'a port name without letters and with a leading hyphen',
    podWith(c('ports:\n- {name: "-80", containerPort: 80}')),
    [
      err('spec.containers[0].ports[0].name', 'FieldValueInvalid', 10, 'Invalid value: "-80": must contain at least one letter (a-z)'),
      err('spec.containers[0].ports[0].name', 'FieldValueInvalid', 10, 'Invalid value: "-80": must not begin or end with a hyphen'),
    ],
  ],
  [
    'a hostPort out of range',
    podWith(c('ports:\n- {containerPort: 80, hostPort: 70000}')),
    [err('spec.containers[0].ports[0].hostPort', 'FieldValueInvalid', 10, 'Invalid value: 70000: must be between 1 and 65535, inclusive')],
  ],
  [
    'two containers binding one hostPort',
    podWith(
      'containers:\n- {name: a, image: x, ports: [{containerPort: 80, hostPort: 8080}]}\n- {name: b, image: x, ports: [{containerPort: 81, hostPort: 8080}]}',
    ),
    // AccumulateUniqueHostPorts' key: protocol/hostIP/hostPort
    [err('spec.containers[1].ports[0].hostPort', 'FieldValueDuplicate', 8, 'Duplicate value: "TCP//8080"')],
  ],
  [
    'an env var without a name',
    podWith(c('env:\n- value: x')),
    [err('spec.containers[0].env[0].name', 'FieldValueRequired', 10, 'Required value')],
  ],
  [
    'an env var name with =',
    podWith(c('env:\n- {name: "A=B", value: x}')),
    [
      err(
        'spec.containers[0].env[0].name',
        'FieldValueInvalid',
        10,
        `Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      ),
    ],
  ],
  [
    'env with value and valueFrom',
    podWith(c('env:\n- name: A\n  value: x\n  valueFrom: {fieldRef: {fieldPath: metadata.name}}')),
    [
      err(
        'spec.containers[0].env[0].valueFrom',
        'FieldValueInvalid',
        12,
        'Invalid value: "": may not be specified when `value` is not empty',
      ),
    ],
  ],
])

table('pod spec (V-POD)', [
  [
    'dnsPolicy outside the enum',
    podWith('dnsPolicy: Cluster\ncontainers: [{name: c, image: nginx}]'),
    [
      err(
        'spec.dnsPolicy',
        'FieldValueNotSupported',
        6,
        'Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      ),
    ],
  ],
  [
    'negative terminationGracePeriodSeconds',
    podWith('terminationGracePeriodSeconds: -5\ncontainers: [{name: c, image: nginx}]'),
    [err('spec.terminationGracePeriodSeconds', 'FieldValueInvalid', 6, 'Invalid value: -5: must be greater than or equal to 0')],
  ],
  [
    'activeDeadlineSeconds below 1',
    podWith('activeDeadlineSeconds: 0\ncontainers: [{name: c, image: nginx}]'),
    [err('spec.activeDeadlineSeconds', 'FieldValueInvalid', 6, 'Invalid value: 0: must be between 1 and 2147483647, inclusive')],
  ],
  ['activeDeadlineSeconds is fine on a Pod', podWith('activeDeadlineSeconds: 60\ncontainers: [{name: c, image: nginx}]'), []],
  [
    'activeDeadlineSeconds is forbidden in a template',
    deploymentWith('activeDeadlineSeconds: 60\ncontainers: [{name: c, image: nginx}]'),
    [
      err(
        'spec.template.spec.activeDeadlineSeconds',
        'FieldValueForbidden',
        12,
        'Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
      ),
    ],
  ],
  [
    'an unsupported restartPolicy in a template fails both checks',
    deploymentWith('restartPolicy: Sometimes\ncontainers: [{name: c, image: nginx}]'),
    [
      err(
        'spec.template.spec.restartPolicy',
        'FieldValueNotSupported',
        12,
        'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ),
      err('spec.template.spec.restartPolicy', 'FieldValueNotSupported', 12, 'Unsupported value: "Sometimes": supported values: "Always"'),
    ],
  ],
  [
    'nodeSelector values are labels',
    podWith('nodeSelector: {disk: "s s d"}\ncontainers: [{name: c, image: nginx}]'),
    [expect.objectContaining({ field: 'spec.nodeSelector', type: 'FieldValueInvalid', line: 6 })],
  ],
  [
    'toleration operator Exists with a value; tolerationSeconds without NoExecute',
    podWith(
      'tolerations:\n- {key: a, operator: Exists, value: x}\n- {key: b, operator: Equal, value: z, effect: NoSchedule, tolerationSeconds: 5}\ncontainers: [{name: c, image: nginx}]',
    ),
    [
      err('spec.tolerations[0].operator', 'FieldValueInvalid', 7, 'Invalid value: "x": value must be empty when `operator` is \'Exists\''),
      err(
        'spec.tolerations[1].effect',
        'FieldValueInvalid',
        8,
        'Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
      ),
    ],
  ],
])

table('volumes and mounts (V-POD)', [
  [
    'a mount of a declared volume',
    podWith('volumes: [{name: data, emptyDir: {}}]\n' + c('volumeMounts: [{name: data, mountPath: /data}]')),
    [],
  ],
  [
    'a mount of an undeclared volume',
    podWith(c('volumeMounts:\n- {name: data, mountPath: /data}')),
    [err('spec.containers[0].volumeMounts[0].name', 'FieldValueNotFound', 10, 'Not found: "data"')],
  ],
  [
    'two mounts on one path',
    podWith(
      'volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}]\n' +
        c('volumeMounts:\n- {name: a, mountPath: /x}\n- {name: b, mountPath: /x}'),
    ),
    [err('spec.containers[0].volumeMounts[1].mountPath', 'FieldValueInvalid', 12, 'Invalid value: "/x": must be unique')],
  ],
  [
    'a mount without mountPath',
    podWith('volumes: [{name: a, emptyDir: {}}]\n' + c('volumeMounts:\n- {name: a}')),
    [err('spec.containers[0].volumeMounts[0].mountPath', 'FieldValueRequired', 11, 'Required value')],
  ],
  // SetDefaults_Volume (pkg/apis/core/v1/defaults.go) makes it an emptyDir before validation
  ['a volume without a type', podWith('volumes:\n- name: a\n' + 'containers: [{name: c, image: nginx}]'), []],
  [
    'a volume with two types',
    podWith('volumes:\n- name: a\n  emptyDir: {}\n  configMap: {name: cfg}\ncontainers: [{name: c, image: nginx}]'),
    [err('spec.volumes[0].configMap', 'FieldValueForbidden', 9, 'Forbidden: may not specify more than 1 volume type')],
  ],
  [
    'two volumes with one name',
    podWith('volumes:\n- {name: a, emptyDir: {}}\n- {name: a, emptyDir: {}}\ncontainers: [{name: c, image: nginx}]'),
    [err('spec.volumes[1].name', 'FieldValueDuplicate', 8, 'Duplicate value: "a"')],
  ],
])

table('resources (V-POD)', [
  [
    'memory requests above limits',
    podWith(c('resources:\n  requests: {memory: 256Mi}\n  limits: {memory: 128Mi}')),
    [
      err(
        'spec.containers[0].resources.requests',
        'FieldValueInvalid',
        10,
        'Invalid value: "256Mi": must be less than or equal to memory limit of 128Mi',
      ),
    ],
  ],
  [
    'requests equal to limits in other units',
    podWith(c('resources:\n  requests: {cpu: "0.5", memory: 1Gi}\n  limits: {cpu: 500m, memory: 1024Mi}')),
    [],
  ],
  [
    'a negative quantity (a bare Pod copies it to requests first, so both are reported)',
    podWith(c('resources:\n  limits: {cpu: "-1"}')),
    [
      err('spec.containers[0].resources.limits[cpu]', 'FieldValueInvalid', 10, 'Invalid value: "-1": must be greater than or equal to 0'),
      err('spec.containers[0].resources.requests[cpu]', 'FieldValueInvalid', 9, 'Invalid value: "-1": must be greater than or equal to 0'),
    ],
  ],
  [
    'a resource name that is not a container resource',
    podWith(c('resources:\n  limits: {cpus: 1}')),
    [
      // validateResourceName, then validateContainerResourceName; the bare Pod copied the limit to requests
      err(
        'spec.containers[0].resources.limits[cpus]',
        'FieldValueInvalid',
        10,
        'Invalid value: "cpus": must be a standard resource type or fully qualified',
      ),
      err(
        'spec.containers[0].resources.limits[cpus]',
        'FieldValueInvalid',
        10,
        'Invalid value: "cpus": must be a standard resource for containers',
      ),
      err(
        'spec.containers[0].resources.requests[cpus]',
        'FieldValueInvalid',
        9,
        'Invalid value: "cpus": must be a standard resource type or fully qualified',
      ),
      err(
        'spec.containers[0].resources.requests[cpus]',
        'FieldValueInvalid',
        9,
        'Invalid value: "cpus": must be a standard resource for containers',
      ),
    ],
  ],
  [
    'an extended resource must request exactly its limit',
    podWith(c('resources:\n  requests: {example.com/gpu: 1}\n  limits: {example.com/gpu: 2}')),
    [
      err(
        'spec.containers[0].resources.requests',
        'FieldValueInvalid',
        10,
        'Invalid value: "1": must be equal to example.com/gpu limit of 2',
      ),
    ],
  ],
  ['numbers are quantities too', podWith(c('resources:\n  limits: {cpu: 0.5, memory: 134217728}')), []],
])

table('probes (V-POD)', [
  [
    'an httpGet probe with a named port',
    podWith(c('ports: [{name: http, containerPort: 80}]\nreadinessProbe:\n  httpGet: {path: /, port: http}')),
    [],
  ],
  [
    'a probe without a handler',
    podWith(c('livenessProbe:\n  periodSeconds: 5')),
    [err('spec.containers[0].livenessProbe', 'FieldValueRequired', 9, 'Required value: must specify a handler type')],
  ],
  [
    'a probe with two handlers',
    podWith(c('livenessProbe:\n  exec: {command: [cat]}\n  tcpSocket: {port: 80}')),
    [err('spec.containers[0].livenessProbe.tcpSocket', 'FieldValueForbidden', 11, 'Forbidden: may not specify more than 1 handler type')],
  ],
  [
    'a liveness probe needing two successes',
    podWith(c('livenessProbe:\n  tcpSocket: {port: 80}\n  successThreshold: 2')),
    [err('spec.containers[0].livenessProbe.successThreshold', 'FieldValueInvalid', 11, 'Invalid value: 2: must be 1')],
  ],
  ['a readiness probe may need two successes', podWith(c('readinessProbe:\n  tcpSocket: {port: 80}\n  successThreshold: 2')), []],
  [
    'a negative initialDelaySeconds',
    podWith(c('readinessProbe:\n  tcpSocket: {port: 80}\n  initialDelaySeconds: -1')),
    [
      err(
        'spec.containers[0].readinessProbe.initialDelaySeconds',
        'FieldValueInvalid',
        11,
        'Invalid value: -1: must be greater than or equal to 0',
      ),
    ],
  ],
  [
    'a probe port out of range',
    podWith(c('readinessProbe:\n  httpGet: {path: /, port: 0}')),
    [
      err(
        'spec.containers[0].readinessProbe.httpGet.port',
        'FieldValueInvalid',
        10,
        'Invalid value: 0: must be between 1 and 65535, inclusive',
      ),
    ],
  ],
  [
    'exec without a command',
    podWith(c('livenessProbe:\n  exec: {}')),
    [err('spec.containers[0].livenessProbe.exec.command', 'FieldValueRequired', 10, 'Required value')],
  ],
  [
    'a plain init container may not have probes',
    podWith(
      'initContainers:\n- name: init\n  image: busybox\n  readinessProbe: {tcpSocket: {port: 80}}\ncontainers: [{name: c, image: nginx}]',
    ),
    [
      err(
        'spec.initContainers[0].readinessProbe',
        'FieldValueForbidden',
        9,
        'Forbidden: may not be set for init containers without restartPolicy=Always',
      ),
    ],
  ],
  [
    'a sidecar init container may',
    podWith(
      'initContainers:\n- name: proxy\n  image: envoy\n  restartPolicy: Always\n  readinessProbe: {tcpSocket: {port: 80}}\ncontainers: [{name: c, image: nginx}]',
    ),
    [],
  ],
])

table('workloads (V-WL)', [
  ['replicas 0 is allowed', deploymentWith('containers: [{name: c, image: nginx}]', 'replicas: 0'), []],
  ['revisionHistoryLimit 0 is allowed', deploymentWith('containers: [{name: c, image: nginx}]', 'revisionHistoryLimit: 0'), []],
  [
    'a negative revisionHistoryLimit',
    deploymentWith('containers: [{name: c, image: nginx}]', 'revisionHistoryLimit: -1'),
    [err('spec.revisionHistoryLimit', 'FieldValueInvalid', 13, 'Invalid value: -1: must be greater than or equal to 0')],
  ],
  [
    'a negative minReadySeconds',
    deploymentWith('containers: [{name: c, image: nginx}]', 'minReadySeconds: -1'),
    [err('spec.minReadySeconds', 'FieldValueInvalid', 13, 'Invalid value: -1: must be greater than or equal to 0')],
  ],
  [
    'an unknown strategy type',
    deploymentWith('containers: [{name: c, image: nginx}]', 'strategy:\n  type: BlueGreen'),
    [
      err(
        'spec.strategy',
        'FieldValueNotSupported',
        14,
        'Unsupported value: {"type":"BlueGreen"}: supported values: "Recreate", "RollingUpdate"',
      ),
    ],
  ],
  ['Recreate alone is fine', deploymentWith('containers: [{name: c, image: nginx}]', 'strategy:\n  type: Recreate'), []],
  [
    'maxSurge over 100% is fine',
    deploymentWith('containers: [{name: c, image: nginx}]', 'strategy:\n  rollingUpdate: {maxSurge: "200%", maxUnavailable: 0}'),
    [],
  ],
  [
    'maxSurge 0 with maxUnavailable "1%" passes validation',
    deploymentWith('containers: [{name: c, image: nginx}]', 'strategy:\n  rollingUpdate: {maxSurge: 0, maxUnavailable: "1%"}'),
    [],
  ],
  [
    'a percent without %, which also counts as zero',
    deploymentWith('containers: [{name: c, image: nginx}]', 'strategy:\n  rollingUpdate: {maxSurge: "5", maxUnavailable: 0}'),
    [
      err(
        'spec.strategy.rollingUpdate.maxSurge',
        'FieldValueInvalid',
        14,
        `Invalid value: "5": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
      ),
    ],
  ],
  [
    'a ReplicaSet with a mismatched selector',
    deploymentWith('containers: [{name: c, image: nginx}]')
      .replace('kind: Deployment', 'kind: ReplicaSet')
      .replace('labels: {app: web}', 'labels: {app: api}'),
    [
      err(
        'spec.template.metadata.labels',
        'FieldValueInvalid',
        10,
        'Invalid value: {"app":"api"}: `selector` does not match template `labels`',
      ),
    ],
  ],
  [
    'a ReplicaSet has no strategy',
    deploymentWith('containers: [{name: c, image: nginx}]', 'strategy: {}').replace('kind: Deployment', 'kind: ReplicaSet'),
    [err('spec.strategy', 'FieldValueNotSupported', 13, 'strict decoding error: unknown field "spec.strategy"')],
  ],
])

table('Services (V-SVC)', [
  ['a named targetPort', serviceWith('ports: [{port: 80, targetPort: http}]'), []],
  [
    'a targetPort name that is not an IANA_SVC_NAME',
    serviceWith('ports: [{port: 80, targetPort: web_http}]'),
    [
      err(
        'spec.ports[0].targetPort',
        'FieldValueInvalid',
        6,
        'Invalid value: "web_http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ),
    ],
  ],
  [
    'a targetPort out of range',
    serviceWith('ports: [{port: 80, targetPort: 70000}]'),
    [err('spec.ports[0].targetPort', 'FieldValueInvalid', 6, 'Invalid value: 70000: must be between 1 and 65535, inclusive')],
  ],
  [
    'a port of 0',
    serviceWith('ports: [{port: 0, targetPort: 80}]'),
    [err('spec.ports[0].port', 'FieldValueInvalid', 6, 'Invalid value: 0: must be between 1 and 65535, inclusive')],
  ],
  [
    'a protocol outside the enum',
    serviceWith('ports: [{port: 80, protocol: HTTP}]'),
    [err('spec.ports[0].protocol', 'FieldValueNotSupported', 6, 'Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"')],
  ],
  [
    'a port name that is not a DNS label',
    serviceWith('ports: [{name: HTTP, port: 80}]'),
    [
      expect.objectContaining({
        field: 'spec.ports[0].name',
        type: 'FieldValueInvalid',
        line: 6,
        message: expect.stringContaining('a lowercase RFC 1123 label'),
      }),
    ],
  ],
  [
    'LoadBalancer headless',
    serviceWith('type: LoadBalancer\nclusterIP: None\nports: [{port: 80}]'),
    [err('spec.clusterIPs[0]', 'FieldValueInvalid', 7, `Invalid value: "None": may not be set to 'None' for LoadBalancer services`)],
  ],
  [
    'a clusterIP that is not an IP',
    serviceWith('clusterIP: 10.96.0.300\nports: [{port: 80}]'),
    [
      err(
        'spec.clusterIPs[0]',
        'FieldValueInvalid',
        6,
        'Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ),
    ],
  ],
  ['an IPv6 clusterIP', serviceWith('clusterIP: "fd00::10"\nports: [{port: 80}]'), []],
  [
    'an externalName that is not a DNS name',
    serviceWith('type: ExternalName\nexternalName: db_example'),
    [
      expect.objectContaining({
        field: 'spec.externalName',
        type: 'FieldValueInvalid',
        line: 7,
        message: expect.stringContaining('a lowercase RFC 1123 subdomain'),
      }),
    ],
  ],
  [
    'sessionAffinity outside the enum',
    serviceWith('sessionAffinity: Sticky\nports: [{port: 80}]'),
    [err('spec.sessionAffinity', 'FieldValueNotSupported', 6, 'Unsupported value: "Sticky": supported values: "ClientIP", "None"')],
  ],
  [
    'a ClientIP timeout over a day',
    serviceWith('sessionAffinity: ClientIP\nsessionAffinityConfig: {clientIP: {timeoutSeconds: 90000}}\nports: [{port: 80}]'),
    [
      err(
        'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
        'FieldValueInvalid',
        7,
        'Invalid value: 90000: must be greater than 0 and less than 86400',
      ),
    ],
  ],
  // SetDefaults_Service drops the config of a Service without ClientIP affinity, so validation never sees it
  [
    'sessionAffinityConfig without ClientIP',
    serviceWith('sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}\nports: [{port: 80}]'),
    [],
  ],
  [
    'externalTrafficPolicy on a ClusterIP Service',
    serviceWith('externalTrafficPolicy: Local\nports: [{port: 80}]'),
    [
      err(
        'spec.externalTrafficPolicy',
        'FieldValueInvalid',
        6,
        'Invalid value: "Local": may only be set for externally-accessible services',
      ),
    ],
  ],
  [
    'externalTrafficPolicy Local on a NodePort Service',
    serviceWith('type: NodePort\nexternalTrafficPolicy: Local\nports: [{port: 80}]'),
    [],
  ],
])
