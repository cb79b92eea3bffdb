/**
 * The kinds Kubelab simulates, the kinds it only validates when asked (`kinds: 'all'`: `kubelab validate`, for
 * deploy/kubernetes), and the `no matches for kind` answer for everything else.
 */
import { FieldPath } from './field-path.ts'
import { decodeError, required, type FieldIssue } from './field-errors.ts'
import { kindHints } from './hints/kind-hints.ts'
import type { SupportedKind, UnsimulatedKind } from './types.ts'
import { apiVersionOf, SIMULATED_KINDS, tableOf, VALIDATED_ONLY_KINDS, type SimulatedKind, type ValidatedOnlyKind } from './registry.ts'

// The registry and the object types must name the same kinds (a compile error here means one of them lacks a kind).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const registryMatchesTypes: [Same<SimulatedKind, SupportedKind>, Same<ValidatedOnlyKind, UnsimulatedKind>] = [true, true]
void registryMatchesTypes

export const KIND_API_VERSIONS: Readonly<Record<SupportedKind, string>> = tableOf(SIMULATED_KINDS, apiVersionOf)

export const SUPPORTED_KINDS: SupportedKind[] = SIMULATED_KINDS

export function isSupportedKind(kind: unknown): kind is SupportedKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KIND_API_VERSIONS, kind)
}

/** Validated with `kinds: 'all'`, never simulated (the simulator's apply still answers `no matches for kind`). */
export const UNSIMULATED_KIND_API_VERSIONS: Readonly<Record<UnsimulatedKind, string>> = tableOf(VALIDATED_ONLY_KINDS, apiVersionOf)

export function isUnsimulatedKind(kind: unknown): kind is UnsimulatedKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(UNSIMULATED_KIND_API_VERSIONS, kind)
}

export type KindCheck = { ok: true; kind: SupportedKind | UnsimulatedKind; apiVersion: string } | { ok: false; issues: FieldIssue[] }

/** Checks `apiVersion` + `kind` of a decoded document, as the REST mapper does before anything else. */
export function checkKind(value: unknown, options: { all?: boolean } = {}): KindCheck {
  const root = FieldPath.root()
  // nothing at all (an object built in code can be null) reads as JSON's {}: no apiVersion, no kind
  if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
    const got = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value
    const message = `json: cannot unmarshal ${got} into Go value of type map[string]interface {}`
    return { ok: false, issues: [decodeError(root, 'FieldValueTypeInvalid', message, kindHints.notAnObject)] }
  }
  const obj = (value ?? {}) as Record<string, unknown>
  const issues: FieldIssue[] = []
  const apiVersion = obj.apiVersion
  const kind = obj.kind
  if (typeof apiVersion !== 'string' || apiVersion === '')
    issues.push(required(root.child('apiVersion'), 'apiVersion not set', kindHints.apiVersionMissing(kind)))
  if (typeof kind !== 'string' || kind === '') issues.push(required(root.child('kind'), 'kind not set', kindHints.kindMissing))
  if (issues.length > 0) return { ok: false, issues }
  const k = kind as string
  const v = apiVersion as string
  if (isSupportedKind(k) && KIND_API_VERSIONS[k] === v) return { ok: true, kind: k, apiVersion: v }
  if (options.all && isUnsimulatedKind(k) && UNSIMULATED_KIND_API_VERSIONS[k] === v) return { ok: true, kind: k, apiVersion: v }
  const issue: FieldIssue = {
    path: root.child('kind'),
    field: 'kind',
    type: 'NoKindMatch',
    message: `no matches for kind "${k}" in version "${v}"`,
    hint: kindHints.noMatch(k, v, suggestKind(k, options.all === true), options.all === true),
  }
  return { ok: false, issues: [issue] }
}

/** The kind a learner probably meant: same letters in another case (`deployment`), or the right apiVersion. */
function suggestKind(kind: string, all: boolean): { kind: string; apiVersion: string } | null {
  const versions: Record<string, string> = all ? { ...KIND_API_VERSIONS, ...UNSIMULATED_KIND_API_VERSIONS } : KIND_API_VERSIONS
  const match = Object.keys(versions).find((k) => k.toLowerCase() === kind.toLowerCase())
  return match ? { kind: match, apiVersion: versions[match]! } : null
}
