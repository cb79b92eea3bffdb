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

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false
    return true
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a)
    if (ka.length !== Object.keys(b).length) return false
    for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !deepEqual(a[k], b[k])) return false
    return true
  }
  return false
}
