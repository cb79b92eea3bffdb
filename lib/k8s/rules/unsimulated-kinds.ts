/**
 * The API server's cheap rules for the kinds Kubelab validates but does not simulate (`kinds: 'all'`, used by
 * `kubelab validate` for deploy/kubernetes): pkg/apis/batch/validation (Job), networking/validation (Ingress),
 * policy/validation (PodDisruptionBudget), core/validation (Secret, ConfigMap, ServiceAccount). Not checked:
 * Job pod-failure and success policies, Ingress resource backends' API groups, Secret types other than tls.
 */
import type { FieldPath } from '../field-path.ts'
import { FieldPath as Path } from '../field-path.ts'
import { invalid, notSupported, required, tooLong, type FieldIssue } from '../field-errors.ts'
import { unsimulatedHints as h } from '../hints/unsimulated-kind-hints.ts'
import { labelSelectorMatches } from '../label-selector.ts'
import {
  NEGATIVE_ERROR,
  isDNS1035Label,
  isDNS1123Subdomain,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  isConfigMapKey,
  maxLenError,
  regexError,
} from '../name-rules.ts'
import { arrayAt, numberAt, objectAt, stringAt, stringMap, type JsonObject } from '../object-access.ts'
import type { LabelSelector, UnsimulatedKind } from '../types.ts'
import { validateLabelSelector, validateLabels } from './labels.ts'
import { validateObjectMeta } from './object-meta.ts'
import { validatePodSpec } from './pod-spec.ts'

export function validateUnsimulatedKind(kind: UnsimulatedKind, obj: JsonObject, out: FieldIssue[]): void {
  const root = Path.root()
  validateObjectMeta(obj.metadata, root.child('metadata'), { kind, nameRule: 'subdomain', namespaced: true }, out)
  const spec = root.child('spec')
  switch (kind) {
    case 'Job':
      validateJobName(obj.metadata, root.child('metadata').child('name'), out)
      validateJobSpec(objectAt(obj.spec) ?? {}, spec, out)
      break
    case 'Ingress':
      validateIngressSpec(objectAt(obj.spec) ?? {}, spec, out)
      break
    case 'PodDisruptionBudget':
      validateDisruptionBudgetSpec(objectAt(obj.spec) ?? {}, spec, out)
      break
    case 'Secret':
      validateSecret(obj, root, out)
      break
    case 'ServiceAccount':
      break
  }
}

function nonNegative(spec: JsonObject, field: string, path: FieldPath, out: FieldIssue[]): void {
  const v = numberAt(spec[field])
  if (v !== undefined && v < 0) out.push(invalid(path.child(field), v, NEGATIVE_ERROR, h.nonNegative(field)))
}

// --- Job ------------------------------------------------------------------------------------------------------------

/** The name becomes the `job-name` label of the Job's Pods: a label value, 63 characters at most. */
function validateJobName(metadata: unknown, path: FieldPath, out: FieldIssue[]): void {
  const name = stringAt(objectAt(metadata)?.name) ?? ''
  if (name.length > 63) out.push(invalid(path, name, maxLenError(63), h.jobNameLength(name)))
}

const JOB_RESTART_POLICIES = ['OnFailure', 'Never']

function validateJobSpec(spec: JsonObject, path: FieldPath, out: FieldIssue[]): void {
  for (const field of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished'])
    nonNegative(spec, field, path, out)
  const template = objectAt(spec.template) ?? {}
  const templatePath = path.child('template')
  const labels = stringMap(objectAt(template.metadata)?.labels)
  if (spec.manualSelector === true) {
    if (spec.selector === undefined) out.push(required(path.child('selector'), '', h.jobSelectorRequired))
    else {
      validateLabelSelector(spec.selector, path.child('selector'), out)
      if (!labelSelectorMatches(spec.selector as LabelSelector, labels)) {
        out.push(
          invalid(
            templatePath.child('metadata').child('labels'),
            labels,
            '`selector` does not match template `labels`',
            h.jobSelectorMismatch,
          ),
        )
      }
    }
  } else if (spec.selector !== undefined) {
    out.push(invalid(path.child('selector'), spec.selector, '`selector` will be auto-generated', h.jobSelectorGenerated))
  }
  validateLabels(objectAt(template.metadata)?.labels, templatePath.child('metadata').child('labels'), out)
  const podSpec = objectAt(template.spec) ?? {}
  const restartPolicy = podSpec.restartPolicy
  if (typeof restartPolicy === 'string' && !JOB_RESTART_POLICIES.includes(restartPolicy)) {
    out.push(
      notSupported(
        templatePath.child('spec').child('restartPolicy'),
        restartPolicy,
        JOB_RESTART_POLICIES,
        h.jobRestartPolicy(restartPolicy),
      ),
    )
  }
  // `template: true` means a Deployment's or ReplicaSet's (restartPolicy Always); a Job's has the rule above instead
  validatePodSpec(template.spec, templatePath.child('spec'), { template: false }, out)
}

// --- Ingress --------------------------------------------------------------------------------------------------------

const WILDCARD_FMT = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'
const IP_ADDRESS = /^(\d{1,3}\.){3}\d{1,3}$|:/

/** A host: a DNS-1123 subdomain, or `*.` followed by one; never an IP address. */
function hostProblems(host: string): string[] {
  if (IP_ADDRESS.test(host)) return ['must be a DNS name, not an IP address']
  if (host.startsWith('*.')) {
    const rest = isDNS1123Subdomain(host.slice(2))
    return rest.length === 0
      ? []
      : [
          regexError(
            "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
            WILDCARD_FMT,
            '*.example.com',
          ),
        ]
  }
  return [...isDNS1123Subdomain(host)]
}

function validateIngressSpec(spec: JsonObject, path: FieldPath, out: FieldIssue[]): void {
  const rules = arrayAt(spec.rules)
  if (rules.length === 0 && spec.defaultBackend === undefined)
    out.push(invalid(path, spec, 'either `defaultBackend` or `rules` must be specified', h.ingressNothingToRoute))
  const className = stringAt(spec.ingressClassName)
  if (className !== undefined)
    for (const msg of isDNS1123Subdomain(className))
      out.push(invalid(path.child('ingressClassName'), className, msg, h.ingressClassName(className)))
  if (spec.defaultBackend !== undefined) validateBackend(spec.defaultBackend, path.child('defaultBackend'), out)
  arrayAt(spec.tls).forEach((tls, i) => {
    arrayAt(objectAt(tls)?.hosts).forEach((host, j) => {
      if (typeof host !== 'string') return
      for (const msg of hostProblems(host))
        out.push(
          invalid(
            path.child('tls').index(i).child('hosts').index(j),
            host,
            msg,
            IP_ADDRESS.test(host) ? h.ingressHostIp(host) : h.ingressHost(host),
          ),
        )
    })
  })
  rules.forEach((ruleValue, i) => {
    const rule = objectAt(ruleValue) ?? {}
    const rulePath = path.child('rules').index(i)
    const host = stringAt(rule.host)
    if (host)
      for (const msg of hostProblems(host))
        out.push(invalid(rulePath.child('host'), host, msg, IP_ADDRESS.test(host) ? h.ingressHostIp(host) : h.ingressHost(host)))
    if (rule.http === undefined) return
    const http = objectAt(rule.http) ?? {}
    const paths = arrayAt(http.paths)
    if (paths.length === 0) out.push(required(rulePath.child('http').child('paths'), '', h.ingressPathsRequired))
    paths.forEach((p, j) => validateIngressPath(objectAt(p) ?? {}, rulePath.child('http').child('paths').index(j), out))
  })
}

function validateIngressPath(entry: JsonObject, path: FieldPath, out: FieldIssue[]): void {
  const pathType = entry.pathType
  // an unknown pathType is refused by the schema's enum (and dropped), as are completionMode and the eviction policy
  if (pathType === undefined) out.push(required(path.child('pathType'), 'pathType must be specified', h.ingressPathType))
  const value = stringAt(entry.path)
  if ((pathType === 'Exact' || pathType === 'Prefix') && !(value ?? '').startsWith('/'))
    out.push(invalid(path.child('path'), value ?? '', 'must be an absolute path', h.ingressPathAbsolute(value ?? '')))
  else if (pathType === 'ImplementationSpecific' && value && !value.startsWith('/'))
    out.push(invalid(path.child('path'), value, 'must be an absolute path', h.ingressPathAbsolute(value)))
  validateBackend(entry.backend, path.child('backend'), out)
}

function validateBackend(value: unknown, path: FieldPath, out: FieldIssue[]): void {
  const backend = objectAt(value) ?? {}
  const service = objectAt(backend.service)
  const hasResource = backend.resource !== undefined
  if (service && hasResource) {
    out.push(invalid(path, backend, 'cannot set both resource and service backends', h.ingressBackendBoth))
    return
  }
  if (!service) {
    if (!hasResource) out.push(required(path, 'a backend must be specified', h.ingressBackendMissing))
    return
  }
  const name = stringAt(service.name) ?? ''
  if (name === '') out.push(required(path.child('service').child('name'), '', h.ingressServiceName(name)))
  else for (const msg of isDNS1035Label(name)) out.push(invalid(path.child('service').child('name'), name, msg, h.ingressServiceName(name)))
  const port = objectAt(service.port) ?? {}
  const portPath = path.child('service').child('port')
  const portName = stringAt(port.name)
  const number = numberAt(port.number)
  if (portName !== undefined && number !== undefined)
    out.push(invalid(portPath, port, 'cannot set both port name & port number', h.ingressServicePortBoth))
  else if (portName !== undefined)
    for (const msg of isValidPortName(portName)) out.push(invalid(portPath.child('name'), portName, msg, h.portName(portName)))
  else if (number !== undefined)
    for (const msg of isValidPortNum(number)) out.push(invalid(portPath.child('number'), number, msg, h.portNumber(number)))
  else out.push(invalid(portPath, port, 'port name or number is required', h.ingressServicePortNone))
}

// --- PodDisruptionBudget --------------------------------------------------------------------------------------------

function validateDisruptionBudgetSpec(spec: JsonObject, path: FieldPath, out: FieldIssue[]): void {
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined)
    out.push(invalid(path, spec, 'minAvailable and maxUnavailable cannot be both set', h.pdbBoth))
  for (const field of ['minAvailable', 'maxUnavailable']) {
    const v = spec[field]
    const at = path.child(field)
    if (typeof v === 'number' && v < 0) out.push(invalid(at, v, NEGATIVE_ERROR, h.percentOrCount(field, v)))
    else if (typeof v === 'string') {
      const problems = isValidPercent(v)
      for (const msg of problems) out.push(invalid(at, v, msg, h.percentOrCount(field, v)))
      if (problems.length === 0 && Number(v.slice(0, -1)) > 100)
        out.push(invalid(at, v, 'must not be greater than 100%', h.percentOrCount(field, v)))
    }
  }
  validateLabelSelector(spec.selector, path.child('selector'), out)
}

// --- Secret and ConfigMap -------------------------------------------------------------------------------------------

/** A Secret's or ConfigMap's total size (core/validation MaxSecretSize, MaxConfigMapSize). */
const MAX_SIZE = 1024 * 1024
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** `at(key)`: where a bad key is reported — the map for a Secret (as before), `data[key]` for a ConfigMap (upstream's `.Key(key)`). */
function validateKeys(map: unknown, at: (key: string) => FieldPath, out: FieldIssue[]): string[] {
  const keys = Object.keys(objectAt(map) ?? {})
  for (const key of keys) for (const msg of isConfigMapKey(key)) out.push(invalid(at(key), key, msg, h.configKey(key)))
  return keys
}

/** []byte fields decode base64 as Go's encoding/json does: the first byte that cannot be part of it is reported. */
function validateBase64(map: unknown, path: FieldPath, out: FieldIssue[]): number {
  let bytes = 0
  for (const [key, value] of Object.entries(objectAt(map) ?? {})) {
    if (typeof value !== 'string') continue
    if (!BASE64_RE.test(value)) {
      const bad = [...value].findIndex((c, i) => !/[A-Za-z0-9+/=]/.test(c) || (c === '=' && i < value.length - 2))
      out.push({
        ...invalid(
          path.key(key),
          value.length > 40 ? `${value.slice(0, 40)}…` : value,
          `illegal base64 data at input byte ${bad >= 0 ? bad : value.length - (value.length % 4)}`,
          h.base64(key),
        ),
        type: 'FieldValueTypeInvalid',
      })
    } else bytes += Math.floor((value.length * 3) / 4) - (value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0)
  }
  return bytes
}

function textBytes(map: unknown): number {
  let bytes = 0
  for (const value of Object.values(objectAt(map) ?? {})) if (typeof value === 'string') bytes += new TextEncoder().encode(value).length
  return bytes
}

function validateSecret(obj: JsonObject, root: FieldPath, out: FieldIssue[]): void {
  validateKeys(obj.data, () => root.child('data'), out)
  validateKeys(obj.stringData, () => root.child('stringData'), out)
  const size = validateBase64(obj.data, root.child('data'), out) + textBytes(obj.stringData)
  if (size > MAX_SIZE) out.push(tooLong(root.child('data'), `may not be more than ${MAX_SIZE} bytes`, h.tooLarge('Secret')))
  if (obj.type === 'kubernetes.io/tls') {
    const present = new Set([...Object.keys(objectAt(obj.data) ?? {}), ...Object.keys(objectAt(obj.stringData) ?? {})])
    for (const key of ['tls.crt', 'tls.key']) if (!present.has(key)) out.push(required(root.child('data').key(key), '', h.tlsKey(key)))
  }
}

/** ValidateConfigMap: object meta (a DNS subdomain name), keys, no key in both maps, at most 1 MiB. */
export function validateConfigMapObject(obj: JsonObject, out: FieldIssue[]): void {
  const root = Path.root()
  validateObjectMeta(obj.metadata, root.child('metadata'), { kind: 'ConfigMap', nameRule: 'subdomain', namespaced: true }, out)
  validateConfigMap(obj, root, out)
}

function validateConfigMap(obj: JsonObject, root: FieldPath, out: FieldIssue[]): void {
  const dataKeys = validateKeys(obj.data, (key) => root.child('data').key(key), out)
  const binaryKeys = new Set(validateKeys(obj.binaryData, (key) => root.child('binaryData').key(key), out))
  for (const key of dataKeys)
    if (binaryKeys.has(key))
      out.push(invalid(root.child('data').key(key), key, 'duplicate of key present in binaryData', h.configKeyDuplicate(key)))
  const size = textBytes(obj.data) + validateBase64(obj.binaryData, root.child('binaryData'), out)
  if (size > MAX_SIZE) out.push(tooLong(root, `must have at most ${MAX_SIZE} bytes`, h.tooLarge('ConfigMap')))
}
