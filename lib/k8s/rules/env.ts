/** Container env (ValidateEnv, validateEnvVarValueFrom, validateObjectFieldSelector in pkg/apis/core/validation). */
import type { FieldPath } from '../field-path.ts'
import { invalid, notSupported, required, type FieldIssue } from '../field-errors.ts'
import { podHints } from '../hints/pod-hints.ts'
import { unsimulatedHints } from '../hints/unsimulated-kind-hints.ts'
import { isConfigMapKey, isDNS1123Subdomain, isQualifiedName } from '../name-rules.ts'
import { arrayAt, objectAt, stringAt, type JsonObject } from '../object-access.ts'

// RelaxedEnvironmentVariableValidation (on by default in current releases): printable ASCII except '='.
const ENV_NAME = /^[\x20-\x3C\x3E-\x7E]+$/
const ENV_NAME_ERROR = "a valid environment variable name must consist only of printable ASCII characters other than '='"

/** validEnvDownwardAPIFieldPathExpressions, in the sorted order Kubernetes lists them. */
const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]

/** pkg/apis/core/pods ConvertDownwardAPIFieldLabel: the Pod fields a fieldRef can name at all (any consumer). */
const DOWNWARD_API_FIELDS = new Set([
  'metadata.annotations',
  'metadata.labels',
  'spec.restartPolicy',
  'spec.schedulerName',
  'status.phase',
  ...ENV_FIELD_PATHS,
])

/** validContainerResourceFieldPathExpressions, sorted; `requests.hugepages-*` and `limits.hugepages-*` also pass. */
const RESOURCE_FIELD_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
]
const HUGEPAGES_PREFIXES = ['requests.hugepages-', 'limits.hugepages-']

const VALUE_FROM_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'] as const

export function validateEnv(value: unknown, path: FieldPath, out: FieldIssue[]): void {
  arrayAt(value).forEach((e, i) => {
    const env = objectAt(e)
    if (!env) return
    const p = path.index(i)
    const name = stringAt(env.name) ?? ''
    if (name === '') out.push(required(p.child('name'), '', podHints.envNameRequired))
    else if (!ENV_NAME.test(name)) {
      out.push(invalid(p.child('name'), name, ENV_NAME_ERROR, podHints.envName(name)))
    }
    const valueFrom = objectAt(env.valueFrom)
    if (valueFrom) validateValueFrom(valueFrom, stringAt(env.value) ?? '', p.child('valueFrom'), out)
  })
}

/** ValidateEnvFrom. Upstream reports a missing or doubled source on the list's path, without the index. */
export function validateEnvFrom(value: unknown, path: FieldPath, out: FieldIssue[]): void {
  arrayAt(value).forEach((e, i) => {
    const source = objectAt(e)
    if (!source) return
    const p = path.index(i)
    const prefix = stringAt(source.prefix) ?? ''
    if (prefix !== '' && !ENV_NAME.test(prefix)) {
      out.push(invalid(p.child('prefix'), prefix, ENV_NAME_ERROR, podHints.envName(prefix)))
    }
    let sources = 0
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      const ref = objectAt(source[kind])
      if (!ref) continue
      sources++
      const name = stringAt(ref.name) ?? ''
      if (name === '') out.push(required(p.child(kind).child('name'), '', podHints.keyRefName(name)))
      // ValidateConfigMapName/ValidateSecretName with prefix=true: a trailing '-' is allowed
      else
        for (const msg of isDNS1123Subdomain(name.endsWith('-') ? `${name.slice(0, -1)}a` : name))
          out.push(invalid(p.child(kind).child('name'), name, msg, podHints.keyRefName(name)))
    }
    if (sources === 0) out.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`', podHints.envFromSourceRequired))
    else if (sources > 1)
      out.push(invalid(path, '', 'may not have more than one field specified at a time', podHints.envValueFromOneSource))
  })
}

function validateValueFrom(valueFrom: JsonObject, value: string, path: FieldPath, out: FieldIssue[]): void {
  let sources = 0
  for (const source of VALUE_FROM_SOURCES) {
    const selector = objectAt(valueFrom[source])
    if (!selector) continue
    sources++
    const p = path.child(source)
    if (source === 'fieldRef') validateFieldRef(selector, p, out)
    else if (source === 'resourceFieldRef') validateResourceFieldRef(selector, p, out)
    else validateKeySelector(selector, p, out)
  }
  if (sources === 0)
    out.push(
      invalid(
        path,
        '',
        'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
        podHints.envValueFromSourceRequired,
      ),
    )
  else if (value !== '') out.push(invalid(path, '', 'may not be specified when `value` is not empty', podHints.envValueAndFrom))
  else if (sources > 1) out.push(invalid(path, '', 'may not have more than one field specified at a time', podHints.envValueFromOneSource))
}

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['app']` → ['metadata.labels', 'app']. */
function splitSubscript(fieldPath: string): [string, string] | null {
  if (!fieldPath.endsWith("']")) return null
  const inner = fieldPath.slice(0, -2)
  const open = inner.indexOf("['")
  if (open <= 0) return null
  return [inner.slice(0, open), inner.slice(open + 2)]
}

function validateFieldRef(ref: JsonObject, path: FieldPath, out: FieldIssue[]): void {
  // apiVersion is defaulted to v1 (SetDefaults_ObjectFieldSelector), so it is never empty here
  const apiVersion = stringAt(ref.apiVersion) ?? 'v1'
  const fieldPath = stringAt(ref.fieldPath) ?? ''
  const at = path.child('fieldPath')
  if (fieldPath === '') {
    out.push(required(at, '', podHints.fieldPathRequired))
    return
  }
  const conversionError = (detail: string) =>
    invalid(at, fieldPath, `error converting fieldPath: ${detail}`, podHints.envFieldPath(fieldPath))
  if (apiVersion !== 'v1') {
    out.push(
      invalid(at, fieldPath, `error converting fieldPath: unsupported pod version: ${apiVersion}`, podHints.fieldRefApiVersion(apiVersion)),
    )
    return
  }
  const subscripted = splitSubscript(fieldPath)
  if (subscripted) {
    const [field, key] = subscripted
    if (field !== 'metadata.labels' && field !== 'metadata.annotations') {
      out.push(conversionError(`field label does not support subscript: ${fieldPath}`))
      return
    }
    const checked = field === 'metadata.annotations' ? key.toLowerCase() : key
    for (const msg of isQualifiedName(checked)) out.push(invalid(path, checked, msg, podHints.fieldPathKey(key), at))
    return
  }
  const internal = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath // old clients' name for nodeName
  if (!DOWNWARD_API_FIELDS.has(internal)) out.push(conversionError(`field label not supported: ${fieldPath}`))
  else if (!ENV_FIELD_PATHS.includes(internal)) out.push(notSupported(at, internal, ENV_FIELD_PATHS, podHints.envFieldPath(fieldPath)))
}

function validateResourceFieldRef(ref: JsonObject, path: FieldPath, out: FieldIssue[]): void {
  const resource = stringAt(ref.resource) ?? ''
  if (resource === '') out.push(required(path.child('resource'), '', podHints.resourceFieldRefResource('')))
  else if (!RESOURCE_FIELD_PATHS.includes(resource) && !HUGEPAGES_PREFIXES.some((prefix) => resource.startsWith(prefix))) {
    out.push(notSupported(path.child('resource'), resource, RESOURCE_FIELD_PATHS, podHints.resourceFieldRefResource(resource)))
  }
}

/** validateConfigMapKeySelector / validateSecretKeySelector: the object's name as a Secret name, the key as a config key. */
function validateKeySelector(ref: JsonObject, path: FieldPath, out: FieldIssue[]): void {
  const name = stringAt(ref.name) ?? ''
  for (const msg of isDNS1123Subdomain(name)) out.push(invalid(path.child('name'), name, msg, podHints.keyRefName(name)))
  const key = stringAt(ref.key) ?? ''
  if (key === '') out.push(required(path.child('key'), '', podHints.keyRefKeyRequired))
  else for (const msg of isConfigMapKey(key)) out.push(invalid(path.child('key'), key, msg, unsimulatedHints.configKey(key)))
}
