/**
 * API-server defaulting (pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go, plus the
 * DefaultTolerationSeconds admission plugin for Pods), restated in kubernetes-behaviour.md §2.
 *
 * The server defaults while decoding (apimachinery runtime/serializer/versioning: `c.defaulter.Default(obj)`),
 * before any validation. `spec` and a Deployment's `strategy` and `template` are Go structs, never nil, so
 * their defaults apply even when the manifest leaves them out: validation never sees a strategy without a type.
 */
import { arrayAt, isObject, objectAt, own, type JsonObject } from './object-access.ts'
import type { KubeObject } from './types.ts'

/** API-server defaulting only (no validation); returns a new object. */
export function applyDefaults<T extends KubeObject>(object: T): T {
  const copy = structuredClone(object)
  applyDefaultsInPlace(copy as unknown as JsonObject)
  return copy
}

/** Defaults a decoded object in place; tolerates any shape (validation reports shape problems separately). */
export function applyDefaultsInPlace(obj: JsonObject): void {
  switch (obj.kind) {
    case 'Pod':
      defaultPodSpec(structAt(obj, 'spec'), true)
      break
    case 'Deployment':
      defaultDeploymentSpec(structAt(obj, 'spec'))
      break
    case 'ReplicaSet':
      defaultReplicaSet(obj, structAt(obj, 'spec'))
      break
    case 'Service':
      defaultServiceSpec(structAt(obj, 'spec'))
      break
    // validated only (kubelab validate), never simulated
    case 'Job':
      defaultJobSpec(structAt(obj, 'spec'))
      break
    case 'Secret':
      setIfAbsent(obj, 'type', 'Opaque')
      break
  }
}

/** batch/v1 SetDefaults_Job; the pod template's defaults make an unset restartPolicy Always, which Jobs refuse. */
function defaultJobSpec(spec: JsonObject): void {
  if (spec.completions == null && spec.parallelism == null) spec.completions = 1
  setIfAbsent(spec, 'parallelism', 1)
  if (spec.backoffLimitPerIndex == null) setIfAbsent(spec, 'backoffLimit', 6)
  setIfAbsent(spec, 'completionMode', 'NonIndexed')
  setIfAbsent(spec, 'suspend', false)
  setIfAbsent(spec, 'podReplacementPolicy', spec.podFailurePolicy == null ? 'TerminatingOrFailed' : 'Failed')
  defaultTemplate(spec)
}

/**
 * A nested Go struct (not a pointer) exists even when the manifest leaves it out. Anything that is not an object
 * here already failed to decode (schema-check reports it and drops it), so it is replaced.
 */
function structAt(obj: JsonObject, key: string): JsonObject {
  if (!isObject(obj[key])) obj[key] = {}
  return obj[key] as JsonObject
}

// Go defaulting tests for the zero value: an empty string counts as unset for string fields.
function setIfAbsent(obj: JsonObject, key: string, value: unknown): void {
  const v = obj[key]
  if (v === undefined || v === null || (v === '' && typeof value === 'string')) obj[key] = value
}

/** For non-pointer int fields (probe timings), where an explicit 0 is also replaced. */
function setIfZero(obj: JsonObject, key: string, value: number): void {
  const v = obj[key]
  if (v === undefined || v === null || v === 0) obj[key] = value
}

function defaultDeploymentSpec(spec: JsonObject): void {
  setIfAbsent(spec, 'replicas', 1)
  const strategy = structAt(spec, 'strategy')
  setIfAbsent(strategy, 'type', 'RollingUpdate')
  if (strategy.type === 'RollingUpdate') {
    if (!isObject(strategy.rollingUpdate)) strategy.rollingUpdate = {}
    const ru = strategy.rollingUpdate as JsonObject
    setIfAbsent(ru, 'maxUnavailable', '25%')
    setIfAbsent(ru, 'maxSurge', '25%')
  }
  setIfAbsent(spec, 'revisionHistoryLimit', 10)
  setIfAbsent(spec, 'progressDeadlineSeconds', 600)
  defaultTemplate(spec)
}

function defaultReplicaSet(obj: JsonObject, spec: JsonObject): void {
  setIfAbsent(spec, 'replicas', 1)
  const templateLabels = objectAt(objectAt(objectAt(spec.template)?.metadata)?.labels)
  if (templateLabels && Object.keys(templateLabels).length > 0) {
    if (!isObject(obj.metadata)) obj.metadata = {}
    const meta = obj.metadata as JsonObject
    const labels = objectAt(meta.labels)
    if (!labels || Object.keys(labels).length === 0) meta.labels = { ...templateLabels }
  }
  defaultTemplate(spec)
}

/** SetObjectDefaults_Deployment/ReplicaSet default `&in.Spec.Template.Spec`, which always exists in Go. */
function defaultTemplate(spec: JsonObject): void {
  defaultPodSpec(structAt(structAt(spec, 'template'), 'spec'), false)
}

const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
]

/** @param isPod a bare Pod (not a template): only then are requests copied from limits and tolerations added */
function defaultPodSpec(spec: JsonObject, isPod: boolean): void {
  setIfAbsent(spec, 'restartPolicy', 'Always')
  setIfAbsent(spec, 'dnsPolicy', 'ClusterFirst')
  setIfAbsent(spec, 'terminationGracePeriodSeconds', 30)
  setIfAbsent(spec, 'schedulerName', 'default-scheduler')
  setIfAbsent(spec, 'securityContext', {})
  if (isPod) {
    setIfAbsent(spec, 'enableServiceLinks', true)
    addDefaultTolerations(spec)
  }
  for (const v of arrayAt(spec.volumes)) if (isObject(v)) defaultVolume(v)
  for (const list of ['initContainers', 'containers']) {
    for (const c of arrayAt(spec[list])) if (isObject(c)) defaultContainer(c, isPod, isPod && spec.hostNetwork === true)
  }
}

/** SetDefaults_Volume: every source is a pointer, and a volume with none of them set is an emptyDir. */
function defaultVolume(volume: JsonObject): void {
  for (const key in volume) if (key !== 'name' && volume[key] !== undefined && volume[key] !== null) return
  volume.emptyDir = {}
}

function addDefaultTolerations(spec: JsonObject): void {
  if (spec.tolerations !== undefined && !Array.isArray(spec.tolerations)) return
  const tolerations = (spec.tolerations as unknown[] | undefined) ?? []
  for (const t of DEFAULT_TOLERATIONS) {
    const present = tolerations.some(
      (x) => isObject(x) && x.key === t.key && (x.effect === t.effect || x.effect === undefined || x.effect === ''),
    )
    if (!present) tolerations.push({ ...t })
  }
  spec.tolerations = tolerations
}

/**
 * @param hostNetworkPod a bare Pod with hostNetwork: SetDefaults_Pod's defaultHostNetworkPorts gives each port
 * its containerPort as hostPort (templates are left alone: their Pods get it when they are created)
 */
function defaultContainer(c: JsonObject, isPod: boolean, hostNetworkPod: boolean): void {
  if (typeof c.image === 'string') setIfAbsent(c, 'imagePullPolicy', pullPolicyForImage(c.image))
  setIfAbsent(c, 'terminationMessagePath', '/dev/termination-log')
  setIfAbsent(c, 'terminationMessagePolicy', 'File')
  for (const p of arrayAt(c.ports)) {
    if (!isObject(p)) continue
    setIfAbsent(p, 'protocol', 'TCP')
    if (hostNetworkPod && typeof p.containerPort === 'number' && (p.hostPort === undefined || p.hostPort === null || p.hostPort === 0))
      p.hostPort = p.containerPort
  }
  // SetDefaults_ObjectFieldSelector
  for (const e of arrayAt(c.env)) {
    const fieldRef = objectAt(objectAt(objectAt(e)?.valueFrom)?.fieldRef)
    if (fieldRef) setIfAbsent(fieldRef, 'apiVersion', 'v1')
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const pr = objectAt(c[probe])
    if (pr) defaultProbe(pr)
  }
  // SetDefaults_HTTPGetAction holds for lifecycle hooks too
  const lifecycle = objectAt(c.lifecycle)
  for (const hook of ['postStart', 'preStop']) {
    const http = objectAt(objectAt(lifecycle?.[hook])?.httpGet)
    if (http) defaultHttpGet(http)
  }
  if (isPod) copyLimitsToRequests(c)
}

/** Always for `:latest` or no tag (and no digest), otherwise IfNotPresent. */
export function pullPolicyForImage(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent'
  const lastSlash = image.lastIndexOf('/')
  const colon = image.indexOf(':', lastSlash + 1)
  if (colon < 0) return 'Always'
  return image.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent'
}

function defaultProbe(probe: JsonObject): void {
  setIfZero(probe, 'timeoutSeconds', 1)
  setIfZero(probe, 'periodSeconds', 10)
  setIfZero(probe, 'successThreshold', 1)
  setIfZero(probe, 'failureThreshold', 3)
  const http = objectAt(probe.httpGet)
  if (http) defaultHttpGet(http)
}

function defaultHttpGet(http: JsonObject): void {
  setIfAbsent(http, 'path', '/')
  setIfAbsent(http, 'scheme', 'HTTP')
}

function copyLimitsToRequests(c: JsonObject): void {
  const resources = objectAt(c.resources)
  const limits = objectAt(resources?.limits)
  if (!resources || !limits) return
  if (resources.requests !== undefined && resources.requests !== null && !isObject(resources.requests)) return
  const requests = (objectAt(resources.requests) ?? {}) as JsonObject
  for (const [name, value] of Object.entries(limits)) if (own(requests, name) === undefined) requests[name] = value
  resources.requests = requests
}

function defaultServiceSpec(spec: JsonObject): void {
  setIfAbsent(spec, 'type', 'ClusterIP')
  setIfAbsent(spec, 'sessionAffinity', 'None')
  // SetDefaults_Service: without ClientIP affinity its config is dropped, not refused
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig
  if (spec.sessionAffinity === 'ClientIP') {
    if (!isObject(spec.sessionAffinityConfig)) spec.sessionAffinityConfig = {}
    const cfg = spec.sessionAffinityConfig as JsonObject
    if (!isObject(cfg.clientIP)) cfg.clientIP = {}
    setIfAbsent(cfg.clientIP as JsonObject, 'timeoutSeconds', 10800)
  }
  for (const p of arrayAt(spec.ports)) {
    if (!isObject(p)) continue
    setIfAbsent(p, 'protocol', 'TCP')
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port
  }
  const type = spec.type
  if (type !== 'ExternalName') {
    setIfAbsent(spec, 'internalTrafficPolicy', 'Cluster')
    setIfAbsent(spec, 'ipFamilyPolicy', 'SingleStack')
    setIfAbsent(spec, 'ipFamilies', ['IPv4'])
  }
  if (type === 'NodePort' || type === 'LoadBalancer') setIfAbsent(spec, 'externalTrafficPolicy', 'Cluster')
  if (type === 'LoadBalancer') setIfAbsent(spec, 'allocateLoadBalancerNodePorts', true)
  if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && spec.clusterIPs === undefined) spec.clusterIPs = [spec.clusterIP]
}
