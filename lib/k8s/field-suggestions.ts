/**
 * Where an unknown field was probably meant to go. Most unknown fields in learners' manifests are known fields one
 * indentation level off, so the schema is searched nearest first:
 * 1. the block that ends just above it (the preceding sibling, then that block's own last field, and so on):
 *    a line indented too little joins the parent of the block it was meant to be in;
 * 2. the enclosing objects (ancestors): a line indented too much joins a sibling's block;
 * 3. a near-miss spelling among the fields allowed here;
 * 4. the shortest path anywhere in the kind (a field written in the wrong section altogether).
 */
import { FieldPath } from './field-path.ts'
import { kubernetesSchema, type JsonSchemaNode } from './kubernetes-schema.ts'
import { isObject, type JsonObject } from './object-access.ts'
import type { Compiled } from './schema-check.ts'

type Struct = Extract<Compiled, { t: 'struct' }>

/** The enclosing objects of a field, nearest first, as the schema walk meets them. */
export interface Ancestor {
  struct: Struct
  path: FieldPath
  value: JsonObject
  parent: Ancestor | null
}

export type FieldSuggestion =
  /** under the block just above: indent it further */
  | { kind: 'indent'; to: FieldPath }
  /** under an enclosing object: it is indented too deep */
  | { kind: 'outdent'; to: FieldPath }
  /** a near-miss of a field allowed here */
  | { kind: 'typo'; to: FieldPath; name: string }
  /** somewhere else in the object; `to` is null when the place is one of several list items */
  | { kind: 'elsewhere'; to: FieldPath | null; where: string }

export interface UnknownField {
  kind: string
  name: string
  /** the object the field was found in, its schema type and path */
  struct: Struct
  path: FieldPath
  value: JsonObject
  /** the keys of that object in source order, and this field's index among them */
  keys: readonly string[]
  index: number
  up: Ancestor | null
  /** an object's keys as written (a null or unknown field is gone from the object, yet it ended the block) */
  keysOf: (value: JsonObject) => readonly string[]
}

export function suggestField(f: UnknownField): FieldSuggestion | null {
  for (let j = f.index - 1; j >= 0; j--) {
    const sibling = f.keys[j]
    const type = f.struct.props.get(sibling)
    if (!type) continue // an unknown field above is no block this one can belong to
    const under = blockKnowing(type, f.value[sibling], f.path.child(sibling), f.name, f.keysOf, 0)
    if (under) return { kind: 'indent', to: under.child(f.name) }
    break
  }
  for (let a = f.up; a; a = a.parent) if (a.struct.props.has(f.name)) return { kind: 'outdent', to: a.path.child(f.name) }
  const typo = nearMiss(f.struct.names, f.name)
  if (typo) return { kind: 'typo', to: f.path.child(typo), name: typo }
  for (const sibling of f.keys) {
    const type = f.struct.props.get(sibling)
    if (type && type.t === 'struct' && type.props.has(f.name)) return { kind: 'indent', to: f.path.child(sibling).child(f.name) }
  }
  const where = locations(f.kind).get(f.name)
  if (where === undefined) return null
  const parent = concrete(where, rootOf(f))
  return { kind: 'elsewhere', to: parent.to ? parent.to.child(f.name) : null, where: parent.where }
}

/** The path of the object (in `type`, or in its last field, recursively) that has a field `name`. */
function blockKnowing(
  type: Compiled,
  value: unknown,
  path: FieldPath,
  name: string,
  keysOf: UnknownField['keysOf'],
  depth: number,
): FieldPath | null {
  if (depth > 6) return null
  if (type.t === 'struct') {
    if (type.props.has(name)) return path
    if (!isObject(value)) return null
    const keys = keysOf(value)
    const last = keys[keys.length - 1]
    const lastType = last === undefined ? undefined : type.props.get(last)
    return lastType ? blockKnowing(lastType, value[last], path.child(last), name, keysOf, depth + 1) : null
  }
  if (type.t === 'array') {
    const items = Array.isArray(value) ? value : []
    const i = Math.max(0, items.length - 1)
    return blockKnowing(type.items, items[i], path.index(i), name, keysOf, depth + 1)
  }
  return null
}

function rootOf(f: UnknownField): JsonObject {
  let a = f.up
  if (!a) return f.value
  while (a.parent) a = a.parent
  return a.value
}

/**
 * A path from the kind's index (`spec.template.spec.containers[]`) made concrete for this object: a list with one
 * item becomes `[0]`; with several items the place is not one field (`[*]`, and nothing to move it to).
 */
function concrete(where: string, root: JsonObject): { to: FieldPath | null; where: string } {
  let path = FieldPath.root()
  let value: unknown = root
  let definite = true
  let text = ''
  for (const part of where === '' ? [] : where.split('.')) {
    const name = part.replace(/\[\]/g, '')
    path = path.child(name)
    text += text === '' ? name : `.${name}`
    value = isObject(value) ? value[name] : undefined
    for (let n = (part.match(/\[\]/g) ?? []).length; n > 0; n--) {
      if (Array.isArray(value) && value.length === 1) {
        path = path.index(0)
        text += '[0]'
        value = value[0]
      } else {
        definite = false
        text += '[*]'
        value = undefined
      }
    }
  }
  return { to: definite ? path : null, where: text }
}

/** Whether `name` is a field somewhere in `kind` (an unknown field with such a name is misplaced, not misspelt). */
export function isFieldOfKind(kind: string, name: string): boolean {
  return kubernetesSchema.definitions[kind] !== undefined && locations(kind).has(name)
}

const MAX_DEPTH = 10
const locationIndex = new Map<string, Map<string, string>>()

/** For each field name, the shortest parent path (e.g. `image` → `spec.template.spec.containers[]`) in a kind. */
function locations(kind: string): Map<string, string> {
  const cached = locationIndex.get(kind)
  if (cached) return cached
  const index = new Map<string, string>()
  const defs = kubernetesSchema.definitions
  const seen = new Set<string>()
  const queue: Array<{ s: JsonSchemaNode; path: string; depth: number }> = [{ s: defs[kind], path: '', depth: 0 }]
  while (queue.length > 0) {
    const { s, path, depth } = queue.shift()!
    if (!s || depth > MAX_DEPTH) continue
    if (s.$ref) {
      const name = s.$ref.replace('#/definitions/', '')
      if (seen.has(name)) continue
      seen.add(name)
      queue.push({ s: defs[name], path, depth })
      continue
    }
    if (s.items) queue.push({ s: s.items, path: `${path}[]`, depth: depth + 1 })
    for (const [p, child] of Object.entries(s.properties ?? {})) {
      if (path === '' && p === 'status') continue // learners never write status
      if (!index.has(p)) index.set(p, path)
      queue.push({ s: child, path: path === '' ? p : `${path}.${p}`, depth: depth + 1 })
    }
  }
  locationIndex.set(kind, index)
  return index
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]
    dp[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return dp[b.length]
}

/** The field among `names` that `unknown` is probably a misspelling of (edit distance 1 for short names, else 2). */
export function nearMiss(names: readonly string[], unknown: string): string | undefined {
  const lower = unknown.toLowerCase()
  const budget = unknown.length <= 4 ? 1 : 2
  let best: string | undefined
  let bestDistance = Infinity
  for (const s of names) {
    const d = s.toLowerCase() === lower ? 0 : distance(lower, s.toLowerCase())
    if (d < bestDistance && d <= budget) {
      best = s
      bestDistance = d
    }
  }
  return best
}
