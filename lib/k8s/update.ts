/** Update rules (kubernetes-behaviour.md §1.7): what may not change when an object is applied again. */
import { applyDefaults, pullPolicyForImage } from './defaults.ts'
import { toDiagnostic } from './diagnostics.ts'
import { FieldPath } from './field-path.ts'
import { forbidden, invalid, type FieldIssue } from './field-errors.ts'
import { updateHints } from './hints/update-hints.ts'
import { arrayAt, deepEqual, isObject, objectAt, stringAt, type JsonObject } from './object-access.ts'
import { NO_SOURCE } from './source-map.ts'
import type { Diagnostic, KubeObject, SourcePosition } from './types.ts'

export interface UpdateOptions {
  /** gives diagnostics the line of the new manifest, e.g. ManifestObject.positionOf */
  positionOf?: (field: string) => SourcePosition
  document?: number
  file?: string
}

const POD_UPDATE_MESSAGE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'

/** Compares the stored (defaulted) object with the new one; [] when the update is allowed. */
export function validateUpdate(previous: KubeObject, next: KubeObject, options: UpdateOptions = {}): Diagnostic[] {
  let issues: FieldIssue[]
  let nxt: JsonObject
  try {
    const prev = previous as unknown as JsonObject
    nxt = applyDefaults(next) as unknown as JsonObject
    issues = prev.kind === nxt.kind ? updateIssues(prev, nxt) : []
  } catch {
    return [] // not objects at all: nothing to compare (validation reports their shape)
  }
  const name = stringAt(objectAt(nxt.metadata)?.name) ?? null
  return issues.map((i) => {
    const d = toDiagnostic(i, {
      file: options.file,
      document: options.document ?? 0,
      kind: String(nxt.kind ?? ''),
      name,
      source: NO_SOURCE,
    })
    return options.positionOf ? { ...d, ...options.positionOf((i.at ?? i.path).toString()) } : d
  })
}

function updateIssues(prev: JsonObject, next: JsonObject): FieldIssue[] {
  const out: FieldIssue[] = []
  const kind = String(next.kind)
  const pm = objectAt(prev.metadata) ?? {}
  const nm = objectAt(next.metadata) ?? {}
  if (stringAt(nm.name) && stringAt(pm.name) && nm.name !== pm.name) {
    out.push(invalid(FieldPath.of('metadata', 'name'), nm.name, 'field is immutable', updateHints.nameImmutable('metadata.name')))
  }
  const pns = stringAt(pm.namespace) || 'default'
  const nns = stringAt(nm.namespace) || pns
  if (kind !== 'Namespace' && nns !== pns) {
    out.push(invalid(FieldPath.of('metadata', 'namespace'), nns, 'field is immutable', updateHints.nameImmutable('metadata.namespace')))
  }
  const ps = objectAt(prev.spec) ?? {}
  const ns = objectAt(next.spec) ?? {}
  if (kind === 'Deployment' || kind === 'ReplicaSet') {
    if (ns.selector !== undefined && !deepEqual(ps.selector, ns.selector)) {
      out.push(
        invalid(
          FieldPath.of('spec', 'selector'),
          selectorForMessage(ns.selector),
          'field is immutable',
          updateHints.selectorImmutable(kind),
        ),
      )
    }
  } else if (kind === 'Pod') {
    const changed = podSpecChanges(ps, ns)
    if (changed.length > 0) out.push(forbidden(FieldPath.of('spec'), POD_UPDATE_MESSAGE, updateHints.podSpecImmutable(changed)))
  } else if (kind === 'Service') {
    serviceUpdate(ps, ns, out)
  } else if (kind === 'ConfigMap') {
    configMapUpdate(prev, next, out)
  }
  return out
}

/** core/validation ValidateConfigMapUpdate: once `immutable: true` is stored, data, binaryData and the flag stay. */
function configMapUpdate(prev: JsonObject, next: JsonObject, out: FieldIssue[]): void {
  if (prev.immutable !== true) return
  const message = 'field is immutable when `immutable` is set'
  if (next.immutable !== true) out.push(forbidden(FieldPath.of('immutable'), message, updateHints.configMapImmutable('immutable')))
  for (const field of ['data', 'binaryData']) {
    if (!deepEqual(prev[field] ?? {}, next[field] ?? {}))
      out.push(forbidden(FieldPath.of(field), message, updateHints.configMapImmutable(field)))
  }
}

/** A LabelSelector as Go's JSON encoder prints it: matchLabels (keys sorted) before matchExpressions. */
function selectorForMessage(sel: unknown): unknown {
  if (!isObject(sel)) return sel
  const out: JsonObject = {}
  const ml = objectAt(sel.matchLabels)
  if (ml)
    out.matchLabels = Object.fromEntries(
      Object.keys(ml)
        .sort()
        .map((k) => [k, ml[k]]),
    )
  if (sel.matchExpressions !== undefined) out.matchExpressions = sel.matchExpressions
  return out
}

/**
 * Paths that differ after taking the mutable parts from the old spec (ValidatePodUpdate's "munged" spec).
 * Top-level fields the new manifest leaves out keep their stored value, as `kubectl apply` would.
 */
function podSpecChanges(oldSpec: JsonObject, newSpec: JsonObject): string[] {
  const munged: JsonObject = structuredClone(newSpec)
  for (const k of Object.keys(oldSpec)) if (munged[k] === undefined) munged[k] = oldSpec[k]
  for (const list of ['containers', 'initContainers']) {
    const oldList = arrayAt(oldSpec[list])
    const newList = arrayAt(munged[list])
    if (oldList.length !== newList.length) continue
    newList.forEach((c, i) => {
      const o = objectAt(oldList[i])
      if (!isObject(c) || !o) return
      // a pull policy that is merely the default for the new image was not written by the learner; the stored
      // one stays, as `kubectl apply` would leave it
      if (typeof c.image === 'string' && c.imagePullPolicy === pullPolicyForImage(c.image)) c.imagePullPolicy = o.imagePullPolicy
      c.image = o.image
    })
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds
  // tolerations may only be added to
  const oldTol = arrayAt(oldSpec.tolerations)
  const newTol = arrayAt(munged.tolerations)
  if (oldTol.every((t) => newTol.some((n) => deepEqual(n, t)))) munged.tolerations = oldSpec.tolerations
  const oldGrace = oldSpec.terminationGracePeriodSeconds
  if (typeof oldGrace === 'number' && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1)
    munged.terminationGracePeriodSeconds = oldGrace
  for (const k of Object.keys(munged)) if (munged[k] === undefined) delete munged[k]
  return diffPaths(oldSpec, munged, 'spec')
}

function diffPaths(a: unknown, b: unknown, path: string, out: string[] = []): string[] {
  if (deepEqual(a, b)) return out
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => diffPaths(x, b[i], `${path}[${i}]`, out))
  } else if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diffPaths(a[k], b[k], `${path}.${k}`, out)
  } else out.push(path)
  return out
}

function serviceUpdate(ps: JsonObject, ns: JsonObject, out: FieldIssue[]): void {
  const oldIP = stringAt(ps.clusterIP) ?? ''
  const newIP = stringAt(ns.clusterIP) ?? ''
  // switching to ExternalName releases the IP; leaving clusterIP out keeps the allocated one
  if (ns.type === 'ExternalName' || oldIP === '' || newIP === '' || newIP === oldIP) return
  const ips = arrayAt(ns.clusterIPs).length > 0 ? ns.clusterIPs : [newIP]
  out.push(
    invalid(FieldPath.of('spec', 'clusterIPs').index(0), ips, 'may not change once set', updateHints.clusterIPImmutable(oldIP, newIP)),
  )
}
