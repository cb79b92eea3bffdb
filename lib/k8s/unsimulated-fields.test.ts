/**
 * Pod-spec fields that are valid but that the simulator does not act on come back as warnings on their own line, in
 * both languages; the manifest stays valid, as a real API server would accept it.
 */
import { describe, expect, it } from 'vitest'
import { validateManifests } from './index.ts'

const brief = (text: string) => (validateManifests(text).warnings ?? []).map(({ field, type, line }) => ({ field, type, line }))

const deployment = (podSpecLines: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
${podSpecLines
  .split('\n')
  .map((l) => (l ? `      ${l}` : l))
  .join('\n')}`

describe('fields accepted but not simulated', () => {
  it('warn on the line of the field, with the path, and leave the manifest valid', () => {
    const text = deployment(`affinity:
  podAffinity:
    preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 10
      podAffinityTerm:
        labelSelector: {matchLabels: {app: db}}
        topologyKey: kubernetes.io/hostname
containers:
- name: web
  image: nginx:1.27
`)
    const r = validateManifests(text)
    expect(r.valid).toBe(true)
    expect(r.errors).toEqual([])
    expect(r.objects).toHaveLength(1)
    expect(r.warnings).toHaveLength(1)
    const [w] = r.warnings!
    expect(w).toMatchObject({
      field: 'spec.template.spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution',
      type: 'NotSimulated',
      line: 15,
      kind: 'Deployment',
      name: 'web',
    })
    expect(text.split('\n')[w!.line - 1]).toContain('preferredDuringSchedulingIgnoredDuringExecution:')
    expect(w!.hint.en).toBe(
      '`spec.template.spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution` is accepted but not simulated here: the simulator schedules as if it were absent.',
    )
    expect(w!.hint.ko).toBe(
      '`spec.template.spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution` 필드는 유효하지만 이 시뮬레이터에서는 아직 재현되지 않습니다. 시뮬레이터는 이 필드가 없는 것처럼 스케줄링합니다.',
    )
    expect(w!.message).toBe('accepted but not simulated here: the simulator schedules as if it were absent.')
  })

  it('cover the scheduling and runtime fields the simulator ignores, in the order they are written', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  priorityClassName: high
  priority: 1000
  runtimeClassName: gvisor
  schedulerName: my-scheduler
  schedulingGates: [{name: wait}]
  activeDeadlineSeconds: 60
  readinessGates: [{conditionType: example.com/ready}]
  securityContext: {runAsNonRoot: true}
  affinity:
    nodeAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - {weight: 1, preference: {matchExpressions: [{key: disk, operator: In, values: [ssd]}]}}
    podAntiAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - {weight: 1, podAffinityTerm: {labelSelector: {matchLabels: {app: p}}, topologyKey: kubernetes.io/hostname}}
  topologySpreadConstraints:
  - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: p}}}
  - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: p}}}
  containers:
  - name: a
    image: nginx:1.27
    ports: [{containerPort: 80, hostPort: 8080}]
    resources: {limits: {cpu: 500m, memory: 64Mi}}
    securityContext: {readOnlyRootFilesystem: true}
    lifecycle: {postStart: {exec: {command: [touch, /tmp/up]}}, preStop: {httpGet: {path: /stop, port: 80}}}
`
    expect(validateManifests(text).valid).toBe(true)
    expect(brief(text)).toEqual([
      { field: 'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution', type: 'NotSimulated', line: 15 },
      { field: 'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution', type: 'NotSimulated', line: 18 },
      { field: 'spec.topologySpreadConstraints[0].whenUnsatisfiable', type: 'NotSimulated', line: 21 },
      { field: 'spec.priorityClassName', type: 'NotSimulated', line: 5 },
      { field: 'spec.priority', type: 'NotSimulated', line: 6 },
      { field: 'spec.runtimeClassName', type: 'NotSimulated', line: 7 },
      { field: 'spec.schedulingGates', type: 'NotSimulated', line: 9 },
      { field: 'spec.schedulerName', type: 'NotSimulated', line: 8 },
      { field: 'spec.activeDeadlineSeconds', type: 'NotSimulated', line: 10 },
      { field: 'spec.readinessGates', type: 'NotSimulated', line: 11 },
      { field: 'spec.securityContext', type: 'NotSimulated', line: 12 },
      { field: 'spec.containers[0].resources.limits[cpu]', type: 'NotSimulated', line: 27 },
      { field: 'spec.containers[0].securityContext', type: 'NotSimulated', line: 28 },
      { field: 'spec.containers[0].lifecycle.postStart', type: 'NotSimulated', line: 29 },
      { field: 'spec.containers[0].lifecycle.preStop.httpGet', type: 'NotSimulated', line: 29 },
      { field: 'spec.containers[0].ports[0].hostPort', type: 'NotSimulated', line: 26 },
    ])
  })

  it('say nothing about what is simulated, nor about defaults and no-op values copied from `kubectl get -o yaml`', () => {
    const text = deployment(`schedulerName: default-scheduler
securityContext: {}
priority: 0
nodeSelector: {disk: ssd}
affinity:
  nodeAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      nodeSelectorTerms:
      - matchExpressions: [{key: disk, operator: In, values: [ssd]}]
  podAntiAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
    - labelSelector: {matchLabels: {app: web}}
      topologyKey: kubernetes.io/hostname
topologySpreadConstraints:
- {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}
tolerations: [{key: dedicated, operator: Exists, effect: NoSchedule}]
containers:
- name: web
  image: nginx:1.27
  resources: {requests: {cpu: 100m}}
  readinessProbe: {httpGet: {path: /, port: 80}}
  lifecycle: {preStop: {sleep: {seconds: 5}}}
- name: drain
  image: busybox:1.36
  lifecycle: {preStop: {exec: {command: [sleep, "5"]}}}
`)
    const r = validateManifests(text)
    expect(r.errors).toEqual([])
    expect(r.warnings).toBeUndefined()
  })

  it('are not given for an invalid object: the API server refuses it before any warning', () => {
    const r = validateManifests(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  priorityClassName: high
  containers:
  - {name: a, image: nginx:1.27, ports: [{containerPort: 70000}]}
`)
    expect(r.valid).toBe(false)
    expect(r.warnings).toBeUndefined()
  })
})
