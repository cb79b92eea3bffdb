/**
 * Field errors with apimachinery's wording (pkg/util/validation/field/errors.go): `Required value`,
 * `Invalid value: "Web": …`, `Unsupported value: "X": supported values: "A", "B"`. Each carries a learner hint.
 */
import type { FieldPath } from './field-path.ts'
import type { ErrorType, Localized } from './types.ts'

export interface FieldIssue {
  path: FieldPath
  field: string
  type: ErrorType
  /** Kubernetes wording without the field path */
  message: string
  hint: Localized
  /** where to point in the source when it is more precise than `field` (e.g. the one bad label key) */
  at?: FieldPath
  /** an unknown field's value and the path where it probably belongs (field-suggestions.ts) */
  relocate?: { to: FieldPath; value: unknown }
}

/** Go-style rendering of a bad value: strings quoted, numbers and booleans bare, composites as JSON. */
export function renderValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === null || value === undefined) return 'null'
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

function issue(path: FieldPath, type: ErrorType, message: string, hint: Localized, at?: FieldPath): FieldIssue {
  const out: FieldIssue = { path, field: path.toString(), type, message, hint }
  if (at) out.at = at
  return out
}

export function required(path: FieldPath, detail: string, hint: Localized): FieldIssue {
  return issue(path, 'FieldValueRequired', detail ? `Required value: ${detail}` : 'Required value', hint)
}

export function invalid(path: FieldPath, value: unknown, detail: string, hint: Localized, at?: FieldPath): FieldIssue {
  return issue(path, 'FieldValueInvalid', `Invalid value: ${renderValue(value)}${detail ? `: ${detail}` : ''}`, hint, at)
}

export function notSupported(path: FieldPath, value: unknown, supported: readonly string[], hint: Localized): FieldIssue {
  const list = supported.map((s) => JSON.stringify(s)).join(', ')
  return issue(path, 'FieldValueNotSupported', `Unsupported value: ${renderValue(value)}: supported values: ${list}`, hint)
}

export function duplicate(path: FieldPath, value: unknown, hint: Localized): FieldIssue {
  return issue(path, 'FieldValueDuplicate', `Duplicate value: ${renderValue(value)}`, hint)
}

export function forbidden(path: FieldPath, detail: string, hint: Localized): FieldIssue {
  return issue(path, 'FieldValueForbidden', `Forbidden: ${detail}`, hint)
}

export function tooLong(path: FieldPath, detail: string, hint: Localized): FieldIssue {
  return issue(path, 'FieldValueTooLong', `Too long: ${detail}`, hint)
}

export function notFound(path: FieldPath, value: unknown, hint: Localized): FieldIssue {
  return issue(path, 'FieldValueNotFound', `Not found: ${renderValue(value)}`, hint)
}

/** Decode-time problems (HTTP 400 in Kubernetes, before validation): wrong JSON type, unknown field, bad quantity. */
export function decodeError(path: FieldPath, type: ErrorType, message: string, hint: Localized): FieldIssue {
  return issue(path, type, message, hint)
}

/** Messages of decode-time errors start with these; kubectl prints them as BadRequest, not as "is invalid". */
export const DECODE_MESSAGE_PREFIXES = [
  'strict decoding error:',
  'json: cannot unmarshal',
  'quantities must match',
  "unable to parse quantity's suffix",
]

/** Problems collected per phase and document; past this many only the count is kept (bounded memory). */
export const MAX_ISSUES = 1000

/**
 * An issue list that stops growing at MAX_ISSUES and counts the rest, so a 3 MiB list of wrong values
 * cannot allocate hundreds of thousands of diagnostics.
 */
export class IssueList extends Array<FieldIssue> {
  dropped = 0

  // Array methods (map, filter, slice) build results through this constructor; they must not be capped lists.
  static get [Symbol.species]() {
    return Array
  }

  /** Whether another issue would be kept; callers skip building one (and its hint) when it would not. */
  get full(): boolean {
    return this.length >= MAX_ISSUES
  }

  override push(...items: FieldIssue[]): number {
    for (const item of items) {
      if (this.length < MAX_ISSUES) super.push(item)
      else this.dropped++
    }
    return this.length
  }
}
