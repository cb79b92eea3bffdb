/**
 * Decode-time structural check against the generated schema, as the API server's strict decoder does:
 * unknown fields (`strict decoding error: unknown field "…"`), JSON types (`json: cannot unmarshal …`),
 * quantities, and enum values. Values that fail to decode are removed so later rules see typed data.
 */
import { FieldPath } from './field-path.ts'
import { IssueList, decodeError, notSupported } from './field-errors.ts'
import { schemaHints, type ExpectedType } from './hints/schema-hints.ts'
import { kubernetesSchema, type JsonSchemaNode } from './kubernetes-schema.ts'
import { isObject, type JsonObject } from './object-access.ts'
import { parseQuantityStrict } from './quantity.ts'
import type { SupportedKind, UnsimulatedKind } from './types.ts'
import { suggestField, type Ancestor } from './field-suggestions.ts'

export type Compiled =
  | { t: 'struct'; name: string; props: Map<string, Compiled>; names: string[] }
  | { t: 'map'; values: Compiled }
  | { t: 'array'; items: Compiled }
  | { t: 'string'; enum: string[] | null }
  | { t: 'integer'; bits: 32 | 64 }
  | { t: 'boolean' }
  | { t: 'intOrString' }
  | { t: 'quantity' }
  | { t: 'any' }

const compiledDefs = new Map<string, Compiled>()

/** Compiles a definition once; structs are registered before their fields so recursive types terminate. */
export function compileDefinition(name: string): Compiled {
  const cached = compiledDefs.get(name)
  if (cached) return cached
  const def = kubernetesSchema.definitions[name]
  if (!def) return { t: 'any' }
  if (def['x-kubernetes-format'] === 'quantity') return remember(name, { t: 'quantity' })
  if (def['x-kubernetes-int-or-string']) return remember(name, { t: 'intOrString' })
  if (def.type === 'object' && def.properties) {
    const node: Compiled = { t: 'struct', name, props: new Map(), names: Object.keys(def.properties) }
    compiledDefs.set(name, node)
    for (const [p, s] of Object.entries(def.properties)) node.props.set(p, compileNode(s))
    return node
  }
  return remember(name, compileNode(def))
}

function remember(name: string, c: Compiled): Compiled {
  compiledDefs.set(name, c)
  return c
}

function compileNode(s: JsonSchemaNode): Compiled {
  if (s.$ref) return compileDefinition(s.$ref.replace('#/definitions/', ''))
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : []
  if (type.includes('integer') && type.includes('string')) return { t: 'intOrString' }
  if (type.length !== 1) return { t: 'any' }
  switch (type[0]) {
    case 'string':
      return { t: 'string', enum: Array.isArray(s.enum) ? (s.enum as string[]) : null }
    case 'integer':
      return { t: 'integer', bits: s.format === 'int64' ? 64 : 32 }
    case 'boolean':
      return { t: 'boolean' }
    case 'array':
      return { t: 'array', items: s.items ? compileNode(s.items) : { t: 'any' } }
    case 'object':
      if (s.properties)
        return {
          t: 'struct',
          name: 'object',
          props: new Map(Object.entries(s.properties).map(([k, v]) => [k, compileNode(v)])),
          names: Object.keys(s.properties),
        }
      if (s.additionalProperties && typeof s.additionalProperties === 'object')
        return { t: 'map', values: compileNode(s.additionalProperties) }
      return { t: 'any' }
    default:
      return { t: 'any' }
  }
}

/**
 * Enums the validation rules check themselves, because Kubernetes lists the supported values in its own
 * order (restartPolicy: "Always", "OnFailure", "Never") or on another path (spec.strategy).
 */
const RULE_OWNED_ENUMS = new Set([
  'PodSpec.restartPolicy',
  'PodSpec.dnsPolicy',
  'Container.imagePullPolicy',
  'ContainerPort.protocol',
  'ServicePort.protocol',
  'ServiceSpec.type',
  'ServiceSpec.sessionAffinity',
  'ServiceSpec.externalTrafficPolicy',
  'ServiceSpec.internalTrafficPolicy',
  'DeploymentStrategy.type',
  'Toleration.operator',
  'Toleration.effect',
  'HTTPGetAction.scheme',
])

interface Walk {
  out: IssueList
  kind: SupportedKind | UnsimulatedKind
  /** the keys as written, for objects that lost some (nulls, unknown fields): where a block ended */
  written: WeakMap<object, readonly string[]>
}

/** Reports unknown fields and wrong types; drops badly typed and null values from `obj` in place. */
export function checkSchema(kind: SupportedKind | UnsimulatedKind, obj: JsonObject): IssueList {
  const root = compileDefinition(kind)
  const w: Walk = { out: new IssueList(), kind, written: new WeakMap() }
  if (root.t === 'struct') checkStruct(obj, root, FieldPath.root(), w, null)
  return w.out
}

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return 'array'
  return 'object'
}

function goType(c: Compiled): string {
  switch (c.t) {
    case 'struct':
      return `v1.${c.name}`
    case 'map':
      return `map[string]${goType(c.values)}`
    case 'array':
      return `[]${goType(c.items)}`
    case 'string':
      return 'string'
    case 'integer':
      return c.bits === 64 ? 'int64' : 'int32'
    case 'boolean':
      return 'bool'
    case 'intOrString':
      return 'intstr.IntOrString'
    case 'quantity':
      return 'resource.Quantity'
    default:
      return 'interface {}'
  }
}

function expected(c: Compiled): ExpectedType {
  switch (c.t) {
    case 'struct':
      return 'object'
    case 'intOrString':
      return 'int-or-string'
    case 'any':
      return 'object'
    default:
      return c.t
  }
}

function typeError(value: unknown, got: string, c: Compiled, path: FieldPath, structName: string, w: Walk): void {
  if (w.out.full) {
    w.out.dropped++
    return
  }
  const names = path.fieldNames()
  const message = `json: cannot unmarshal ${got} into Go struct field ${structName}.${names.join('.')} of type ${goType(c)}`
  w.out.push(decodeError(path, 'FieldValueTypeInvalid', message, schemaHints.wrongType(path.toString(), expected(c), got, value)))
}

/** @returns false when the value cannot be decoded into `c` (the caller removes it) */
/** @param up the objects enclosing `value`, for suggestions where an unknown field belongs */
function check(value: unknown, c: Compiled, path: FieldPath, structName: string, w: Walk, up: Ancestor | null): boolean {
  switch (c.t) {
    case 'any':
      return true
    case 'string':
      if (typeof value !== 'string') {
        typeError(value, jsonKind(value), c, path, structName, w)
        return false
      }
      if (c.enum && !c.enum.includes(value))
        w.out.push(notSupported(path, value, c.enum, schemaHints.enumValue(path.toString(), value, c.enum)))
      return true
    case 'integer':
      return checkInteger(value, c.bits, c, path, structName, w)
    case 'boolean':
      if (typeof value !== 'boolean') {
        typeError(value, jsonKind(value), c, path, structName, w)
        return false
      }
      return true
    case 'intOrString':
      if (typeof value === 'string') return true
      return checkInteger(value, 32, c, path, structName, w)
    case 'quantity': {
      if (typeof value !== 'string' && typeof value !== 'number') {
        typeError(value, jsonKind(value), c, path, structName, w)
        return false
      }
      const parsed = parseQuantityStrict(value)
      if (!parsed.ok) {
        w.out.push(decodeError(path, 'FieldValueInvalid', parsed.error, schemaHints.badQuantity(path.toString(), String(value))))
        return false
      }
      return true
    }
    case 'array':
      if (!Array.isArray(value)) {
        typeError(value, jsonKind(value), c, path, structName, w)
        return false
      }
      for (let i = 0; i < value.length; i++) {
        // null items decode to zero values; wrong ones are blanked (not spliced) so indices stay true
        if (value[i] === null) continue
        if (!check(value[i], c.items, path.index(i), structName, w, up)) value[i] = null
      }
      return true
    case 'map':
      if (!isObject(value)) {
        typeError(value, jsonKind(value), c, path, structName, w)
        return false
      }
      for (const k of Object.keys(value)) {
        const v = value[k]
        if (v === null) delete value[k]
        else if (!check(v, c.values, path.key(k), structName, w, up)) delete value[k]
      }
      return true
    case 'struct':
      if (!isObject(value)) {
        typeError(value, jsonKind(value), c, path, structName, w)
        return false
      }
      checkStruct(value, c, path, w, up)
      return true
  }
}

function checkInteger(value: unknown, bits: 32 | 64, c: Compiled, path: FieldPath, structName: string, w: Walk): boolean {
  if (typeof value !== 'number') {
    typeError(value, jsonKind(value), c, path, structName, w)
    return false
  }
  const limit = bits === 32 ? 2 ** 31 : 2 ** 63
  if (!Number.isInteger(value) || value >= limit || value < -limit) {
    typeError(value, `number ${String(value)}`, c, path, structName, w)
    return false
  }
  return true
}

function checkStruct(obj: JsonObject, c: Extract<Compiled, { t: 'struct' }>, path: FieldPath, w: Walk, up: Ancestor | null): void {
  const keys = Object.keys(obj)
  let self: Ancestor | null = null
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]
    const v = obj[k]
    const child = c.props.get(k)
    const childPath = path.child(k)
    if (!child) {
      unknownField(obj, c, path, keys, i, w, up)
      w.written.set(obj, keys)
      delete obj[k]
      continue
    }
    if (v === null) {
      w.written.set(obj, keys)
      delete obj[k] // null decodes to the zero value: "not set"
      continue
    }
    if (child.t === 'string' && child.enum && RULE_OWNED_ENUMS.has(`${c.name}.${k}`)) {
      if (typeof v !== 'string') {
        typeError(v, jsonKind(v), child, childPath, c.name, w)
        delete obj[k]
      }
      continue
    }
    self ??= { struct: c, path, value: obj, parent: up }
    if (!check(v, child, childPath, c.name, w, self)) delete obj[k]
  }
}

/**
 * `strict decoding error: unknown field "…"`, with where the field was probably meant to go. The value travels with
 * the issue, so the validator can ask what else would change if it were there (validate.ts, misplaced fields).
 */
function unknownField(
  obj: JsonObject,
  c: Extract<Compiled, { t: 'struct' }>,
  path: FieldPath,
  keys: readonly string[],
  index: number,
  w: Walk,
  up: Ancestor | null,
): void {
  if (w.out.full) {
    w.out.dropped++
    return
  }
  const name = keys[index]
  const childPath = path.child(name)
  const suggestion = suggestField({
    kind: w.kind,
    name,
    struct: c,
    path,
    value: obj,
    keys,
    index,
    up,
    keysOf: (o) => w.written.get(o) ?? Object.keys(o),
  })
  const issue = decodeError(
    childPath,
    'FieldValueNotSupported',
    `strict decoding error: unknown field "${childPath.toString()}"`,
    schemaHints.unknownField(name, path.toString(), suggestion),
  )
  if (suggestion?.to) issue.relocate = { to: suggestion.to, value: obj[name] }
  w.out.push(issue)
}
