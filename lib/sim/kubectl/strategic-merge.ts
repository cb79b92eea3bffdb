/**
 * Strategic merge patch, the default of `kubectl patch` (k8s.io/apimachinery/pkg/util/strategicpatch
 * patch.go mergeMap/mergeSlice): like a JSON merge patch, except that the lists the API marks with a patch merge
 * key are merged item by item — containers by `name`, a container's ports by `containerPort` and env by `name`,
 * volumes by `name`, a Service's ports by `port` (the `patchMergeKey` tags of k8s.io/api/core/v1/types.go) —
 * and the directives `$patch: replace|delete|merge`, `$retainKeys`, `$deleteFromPrimitiveList/FIELD` and
 * `$setElementOrder/FIELD` are understood. Lists without a merge key (command, args, tolerations) are replaced.
 */

type Field = { mergeKey?: string; primitiveSet?: boolean; type?: string }
type Schema = Record<string, Field>

/** The fields of the simulated kinds whose patch strategy is not "replace" (types.go tags), by Go type. */
const TYPES: Record<string, Schema> = {
  Deployment: { metadata: { type: 'ObjectMeta' }, spec: { type: 'WorkloadSpec' } },
  ReplicaSet: { metadata: { type: 'ObjectMeta' }, spec: { type: 'WorkloadSpec' } },
  Pod: { metadata: { type: 'ObjectMeta' }, spec: { type: 'PodSpec' } },
  Service: { metadata: { type: 'ObjectMeta' }, spec: { type: 'ServiceSpec' } },
  Namespace: { metadata: { type: 'ObjectMeta' } },
  Node: { metadata: { type: 'ObjectMeta' }, spec: { type: 'NodeSpec' } },
  ObjectMeta: { finalizers: { primitiveSet: true }, ownerReferences: { mergeKey: 'uid' } },
  WorkloadSpec: { template: { type: 'PodTemplateSpec' } },
  PodTemplateSpec: { metadata: { type: 'ObjectMeta' }, spec: { type: 'PodSpec' } },
  PodSpec: {
    containers: { mergeKey: 'name', type: 'Container' },
    initContainers: { mergeKey: 'name', type: 'Container' },
    volumes: { mergeKey: 'name' },
    imagePullSecrets: { mergeKey: 'name' },
    hostAliases: { mergeKey: 'ip' },
    topologySpreadConstraints: { mergeKey: 'topologyKey' },
  },
  Container: {
    ports: { mergeKey: 'containerPort' },
    env: { mergeKey: 'name' },
    volumeMounts: { mergeKey: 'mountPath' },
    volumeDevices: { mergeKey: 'devicePath' },
  },
  ServiceSpec: { ports: { mergeKey: 'port' } },
  NodeSpec: { taints: { mergeKey: 'key' } },
}

const PATCH = '$patch'
const RETAIN_KEYS = '$retainKeys'
const DELETE_FROM = '$deleteFromPrimitiveList/'
const ELEMENT_ORDER = '$setElementOrder/'

type Obj = Record<string, unknown>

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A value from the patch as stored: directives removed (they say how to merge, they are not data). */
function withoutDirectives(v: unknown): unknown {
  if (Array.isArray(v))
    return v.filter((x) => !(isObject(x) && x[PATCH] !== undefined && Object.keys(x).length === 1)).map(withoutDirectives)
  if (!isObject(v)) return v
  const out: Obj = {}
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$') && x !== null) out[k] = withoutDirectives(x)
  return out
}

export class StrategicMergeError extends Error {}

function mergeMap(original: Obj, patch: Obj, type: string | undefined): Obj | undefined {
  const directive = patch[PATCH]
  if (directive === 'delete') return undefined
  if (directive === 'replace') return withoutDirectives(patch) as Obj
  if (directive !== undefined && directive !== 'merge')
    throw new StrategicMergeError(`Unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`)
  const schema = type ? TYPES[type] : undefined
  let out: Obj = { ...original }
  const retain = patch[RETAIN_KEYS]
  if (Array.isArray(retain)) out = Object.fromEntries(Object.entries(out).filter(([k]) => retain.includes(k) || k in patch))
  for (const [key, value] of Object.entries(patch)) {
    if (key === PATCH || key === RETAIN_KEYS || key.startsWith(ELEMENT_ORDER)) continue
    if (key.startsWith(DELETE_FROM)) {
      const field = key.slice(DELETE_FROM.length)
      const drop = Array.isArray(value) ? value : []
      if (Array.isArray(out[field])) out[field] = (out[field] as unknown[]).filter((x) => !drop.includes(x))
      continue
    }
    if (value === null) {
      delete out[key]
      continue
    }
    const field = schema?.[key]
    const current = out[key]
    if (isObject(value) && isObject(current)) {
      const merged = mergeMap(current, value, field?.type)
      if (merged === undefined) delete out[key]
      else out[key] = merged
    } else if (Array.isArray(value) && Array.isArray(current) && (field?.mergeKey || field?.primitiveSet)) {
      out[key] = mergeList(current, value, field)
    } else if (isObject(value) && value[PATCH] === 'delete') {
      delete out[key]
    } else out[key] = withoutDirectives(value)
  }
  return out
}

function mergeList(original: unknown[], patch: unknown[], field: Field): unknown[] {
  if (patch.some((x) => isObject(x) && x[PATCH] === 'replace')) return withoutDirectives(patch) as unknown[]
  if (field.primitiveSet) return [...original, ...patch.filter((x) => !original.includes(x))]
  const key = field.mergeKey!
  let out = [...original]
  for (const item of patch) {
    if (!isObject(item)) throw new StrategicMergeError(`unable to find api field in struct for the merge key "${key}"`)
    if (item[key] === undefined) throw new StrategicMergeError(`map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`)
    const at = out.findIndex((x) => isObject(x) && x[key] === item[key])
    if (item[PATCH] === 'delete') {
      out = out.filter((x) => !(isObject(x) && x[key] === item[key]))
      continue
    }
    if (at < 0) out.push(withoutDirectives(item))
    else {
      const merged = mergeMap(out[at] as Obj, item, field.type)
      if (merged === undefined) out.splice(at, 1)
      else out[at] = merged
    }
  }
  return out
}

/** The object after a strategic merge patch; `kind` picks the schema (an unknown kind merges like JSON merge patch). */
export function strategicMergePatch(original: Obj, patch: Obj, kind: string): Obj {
  return mergeMap(original, patch, kind) ?? {}
}
