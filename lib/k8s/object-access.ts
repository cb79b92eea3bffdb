/** Narrowing helpers for decoded JSON, so rules never trust the shape of learner input. */

export type JsonObject = Record<string, unknown>

export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

export function objectAt(v: unknown): JsonObject | undefined {
  return isObject(v) ? v : undefined
}

export function arrayAt(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}

export function stringAt(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}

export function numberAt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** Own property lookup; plain `obj[key]` would find `constructor` & co. on the prototype. */
export function own(obj: JsonObject | undefined, key: string): unknown {
  return obj !== undefined && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined
}

export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isObject(v)) return out
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val
  return out
}

/**
 * Deep equality of JSON-shaped data: key order does not matter and a key holding `undefined` is absent, as in JSON.
 * Plain loops, no key arrays: the simulator's kubelet compares every pod status it builds with the stored one.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    if (a.length !== bb.length) return false
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false
    return true
  }
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  let defined = 0
  for (const k in ra) {
    if (!hasOwn.call(ra, k) || ra[k] === undefined) continue
    defined++
    if (!hasOwn.call(rb, k) || !deepEqual(ra[k], rb[k])) return false
  }
  for (const k in rb) if (hasOwn.call(rb, k) && rb[k] !== undefined) defined--
  return defined === 0
}

const hasOwn = Object.prototype.hasOwnProperty
