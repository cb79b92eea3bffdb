/**
 * The two patch formats of plain JSON the API server accepts besides strategic merge: JSON merge patch
 * (RFC 7386, `kubectl patch --type merge`) and JSON patch (RFC 6902, `--type json`). Errors are worded as the
 * API server's library words them (github.com/evanphx/json-patch patch.go: "replace operation does not apply:
 * doc is missing key: /spec/x: missing value"). Pure: inputs are never changed.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** RFC 7386 section 2: objects merge key by key, `null` removes a key, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key]
    else out[key] = mergePatch(out[key], value)
  }
  return out
}

export function deepEqualJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqualJson(x, b[i]))
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqualJson(a[k], b[k]))
  }
  return false
}

/** RFC 6901: `/spec/template/spec/containers/0/image`; `~1` is `/`, `~0` is `~`. */
function pointer(path: string): string[] | null {
  if (path === '') return []
  if (!path.startsWith('/')) return null
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
}

type Container = Record<string, unknown> | unknown[]

/** The container holding the pointer's last token, copied along the way so the input stays untouched. */
function parentOf(root: { doc: unknown }, tokens: string[]): { container: Container; key: string } | null {
  if (tokens.length === 0) return null
  let holder: Container = root as unknown as Record<string, unknown>
  let key = 'doc'
  for (const token of tokens) {
    const value: unknown = Array.isArray(holder) ? holder[Number(key)] : holder[key]
    let copy: Container
    if (Array.isArray(value)) copy = [...value]
    else if (isObject(value)) copy = { ...value }
    else return null
    if (Array.isArray(holder)) holder[Number(key)] = copy
    else holder[key] = copy
    if (Array.isArray(copy) && token !== '-' && !/^(0|[1-9]\d*)$/.test(token)) return null
    holder = copy
    key = token
  }
  return { container: holder, key }
}

function get(c: Container, key: string): { value: unknown } | null {
  if (Array.isArray(c)) {
    const i = Number(key)
    return i < c.length ? { value: c[i] } : null
  }
  return Object.hasOwn(c, key) ? { value: c[key] } : null
}

function add(c: Container, key: string, value: unknown, path: string): string | null {
  if (!Array.isArray(c)) {
    c[key] = value
    return null
  }
  const i = key === '-' ? c.length : Number(key)
  if (i > c.length) return `error in add for path: '${path}': Unable to access invalid index: ${i}: invalid index referenced`
  c.splice(i, 0, value)
  return null
}

function remove(c: Container, key: string, path: string): string | null {
  if (Array.isArray(c)) {
    const i = Number(key)
    if (key === '-' || i >= c.length)
      return `error in remove for path: '${path}': Unable to access invalid index: ${key}: invalid index referenced`
    c.splice(i, 1)
    return null
  }
  if (!Object.hasOwn(c, key)) return `error in remove for path: '${path}': Unable to remove nonexistent key: ${key}: missing value`
  delete c[key]
  return null
}

export interface JsonPatchOperation {
  op: string
  path: string
  from?: string
  value?: unknown
}

/** Whether the patch decodes as RFC 6902 operations; else the Go decoder's message kubectl shows. */
export function decodeJsonPatch(patch: unknown): JsonPatchOperation[] | { error: string } {
  if (!Array.isArray(patch)) {
    const type = isObject(patch) ? 'object' : patch === null ? 'null' : typeof patch
    return { error: `json: cannot unmarshal ${type} into Go value of type jsonpatch.Patch` }
  }
  const ops: JsonPatchOperation[] = []
  for (const o of patch) {
    if (!isObject(o))
      return { error: `json: cannot unmarshal ${Array.isArray(o) ? 'array' : typeof o} into Go value of type map[string]*json.RawMessage` }
    ops.push({
      op: typeof o.op === 'string' ? o.op : 'unknown',
      path: typeof o.path === 'string' ? o.path : '',
      from: typeof o.from === 'string' ? o.from : undefined,
      value: o.value,
    })
  }
  return ops
}

/** RFC 6902 section 4, operation by operation; the first failing one stops the patch (nothing is applied). */
export function applyJsonPatch(doc: unknown, operations: JsonPatchOperation[]): { doc: unknown } | { error: string } {
  const root = { doc }
  for (const op of operations) {
    const tokens = pointer(op.path)
    const at = tokens ? parentOf(root, tokens) : null
    let error: string | null = null
    switch (op.op) {
      case 'add':
        error = at
          ? add(at.container, at.key, structuredClone(op.value ?? null), op.path)
          : `add operation does not apply: doc is missing path: "${op.path}": missing value`
        break
      case 'remove':
        error = at
          ? remove(at.container, at.key, op.path)
          : `remove operation does not apply: doc is missing path: "${op.path}": missing value`
        break
      case 'replace':
        if (!at) error = `replace operation does not apply: doc is missing path: ${op.path}: missing value`
        else if (!get(at.container, at.key)) error = `replace operation does not apply: doc is missing key: ${op.path}: missing value`
        else if (Array.isArray(at.container)) at.container[Number(at.key)] = structuredClone(op.value ?? null)
        else at.container[at.key] = structuredClone(op.value ?? null)
        break
      case 'test': {
        const found = at ? get(at.container, at.key) : null
        if (!at) error = `test operation does not apply: is missing path: ${op.path}: missing value`
        else if (!found || !deepEqualJson(found.value, op.value ?? null)) error = `testing value ${op.path} failed: test failed`
        break
      }
      case 'move':
      case 'copy': {
        const fromTokens = pointer(op.from ?? '')
        const source = fromTokens ? parentOf(root, fromTokens) : null
        const value = source ? get(source.container, source.key) : null
        if (!source || !value) {
          error = `${op.op} operation does not apply: doc is missing from path: ${op.from ?? ''}: missing value`
          break
        }
        if (op.op === 'move') error = remove(source.container, source.key, op.from ?? '')
        const target = error ? null : tokens ? parentOf(root, tokens) : null
        if (!error && !target) error = `${op.op} operation does not apply: doc is missing destination path: ${op.path}: missing value`
        if (!error) error = add(target!.container, target!.key, structuredClone(value.value), op.path)
        break
      }
      default:
        error = `Unexpected kind: ${op.op}`
    }
    if (error) return { error }
  }
  return { doc: root.doc }
}
