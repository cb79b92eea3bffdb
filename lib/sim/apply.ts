/**
 * `kubectl apply -f` semantics: validate and default through lib/k8s, create what is new, three-way merge
 * (live, last-applied, manifest) what exists, refuse immutable changes, and print created/configured/unchanged.
 */
import type { Diagnostic, KubeObject } from './k8s.ts'
import { applyDefaults, formatKubectlError, validateManifests, validateObject, validateUpdate } from './k8s.ts'
import { createObject, resourceName, updateObject } from './apiserver.ts'
import { ANNOTATIONS, deepEqual, keyOf, NAMESPACED, type AnyObject, type Kind } from './objects.ts'
import type { ClusterState } from './state.ts'
import { qualifiedSingular, resourceInfo } from '../k8s/registry.ts'
import { limitPhrase, manifestDemand, markOverBudget, refuseDemand } from './budget.ts'

export interface ApplyResult {
  ok: boolean
  output: string
  errors: Diagnostic[]
}

/** `deployment.apps`, `pod`: what kubectl prints before `/NAME created`. */
export function resourcePrefix(kind: string): string {
  const info = resourceInfo(kind)
  return info ? qualifiedSingular(info) : kind.toLowerCase()
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Three-way merge of JSON: manifest wins, keys dropped from the manifest since the last apply are removed,
 *  keys set by others (kubectl scale, controllers) are kept. Lists are replaced; `strategy` keeps only its keys. */
export function threeWayMerge(live: unknown, last: unknown, desired: unknown, path = ''): unknown {
  if (!isPlain(desired) || !isPlain(live)) return desired
  if (path === 'spec.strategy') return desired
  const out: Record<string, unknown> = { ...live }
  for (const k of Object.keys(desired))
    out[k] = threeWayMerge(live[k], isPlain(last) ? last[k] : undefined, desired[k], path ? `${path}.${k}` : k)
  if (isPlain(last)) for (const k of Object.keys(last)) if (!(k in desired)) delete out[k]
  return out
}

function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null'
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`
  const keys = Object.keys(v)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`
}

function lastApplied(raw: Record<string, unknown>, namespace: string | undefined): string {
  const metadata = { ...(raw.metadata as Record<string, unknown>) }
  const annotations = { ...((metadata.annotations as Record<string, unknown>) ?? {}) }
  delete annotations[ANNOTATIONS.lastApplied]
  metadata.annotations = annotations
  if (namespace !== undefined) metadata.namespace = namespace
  const copy = { ...raw, metadata }
  return `${stableJson(copy)}\n`
}

/** Fields the API server owns; ignored when deciding whether an apply changed anything. */
function comparable(obj: AnyObject): unknown {
  const { status: _status, ...rest } = obj as AnyObject & { status?: unknown }
  const m = { ...rest.metadata }
  delete m.resourceVersion
  delete m.uid
  delete m.creationTimestamp
  delete m.generation
  delete m.managedFields
  return { ...rest, metadata: m }
}

export function applyObject(
  state: ClusterState,
  manifest: KubeObject,
  raw: Record<string, unknown> | undefined,
  namespaceOverride?: string,
  source = 'STDIN',
): { ok: boolean; line: string; errors: Diagnostic[] } {
  const kind = manifest.kind as Kind
  const name = manifest.metadata!.name!
  const namespace = NAMESPACED[kind] ? (manifest.metadata?.namespace ?? namespaceOverride ?? 'default') : undefined
  const prefix = resourcePrefix(kind)
  const annotation = lastApplied(raw ?? (manifest as unknown as Record<string, unknown>), namespace)
  const desiredRaw = raw ?? (manifest as unknown as Record<string, unknown>)
  const live = state.objects[kind].get(keyOf(namespace, name))
  if (!live) {
    const obj = {
      ...manifest,
      metadata: {
        ...manifest.metadata,
        ...(namespace !== undefined ? { namespace } : {}),
        annotations: { ...manifest.metadata?.annotations, [ANNOTATIONS.lastApplied]: annotation },
      },
    } as AnyObject
    const r = createObject(state, obj)
    if (!r.ok)
      return { ok: false, line: `Error from server (${r.reason}): error when creating ${JSON.stringify(source)}: ${r.message}`, errors: [] }
    return { ok: true, line: `${prefix}/${name} created`, errors: [] }
  }
  const previous = live.metadata?.annotations?.[ANNOTATIONS.lastApplied]
  let last: unknown
  try {
    last = previous ? JSON.parse(previous) : undefined
  } catch {
    last = undefined
  }
  const rawMeta = (desiredRaw.metadata ?? {}) as Record<string, unknown>
  const desired = {
    ...desiredRaw,
    metadata: {
      ...rawMeta,
      ...(namespace !== undefined ? { namespace } : {}),
      annotations: { ...(rawMeta.annotations as object), [ANNOTATIONS.lastApplied]: annotation },
    },
  }
  const merged = threeWayMerge(live, last, desired) as AnyObject
  if (kind === 'Node') return { ok: false, line: 'error: nodes cannot be applied', errors: [] }
  const r = updateFromClient(state, live, merged)
  if (!r.ok)
    return {
      ok: false,
      line: r.errors.length ? formatKubectlError(r.errors) : `Error from server (${r.reason}): error when applying patch: ${r.message}`,
      errors: r.errors,
    }
  return { ok: true, line: `${prefix}/${name} ${r.changed ? 'configured' : 'unchanged'}`, errors: [] }
}

/**
 * The API server's update of a live object by a whole object a client computed (apply's three-way merge,
 * kubectl patch): validated and defaulted through lib/k8s, immutable fields refused, nothing written when only
 * server-owned fields differ (`changed: false`: kubectl's "unchanged" / "patched (no change)").
 */
export function updateFromClient(
  state: ClusterState,
  live: AnyObject,
  merged: AnyObject,
): { ok: true; changed: boolean } | { ok: false; errors: Diagnostic[]; reason?: string; message?: string } {
  const { status: _s, ...withoutStatus } = merged as AnyObject & { status?: unknown }
  const checked = validateObject(withoutStatus)
  if (!checked.object) return { ok: false, errors: checked.errors }
  const next = { ...(applyDefaults(checked.object) as AnyObject), metadata: merged.metadata } as AnyObject
  const immutable = validateUpdate(live as KubeObject, next as KubeObject)
  if (immutable.length > 0) return { ok: false, errors: immutable }
  if (deepEqual(comparable(live), comparable(next))) return { ok: true, changed: false }
  const r = updateObject(state, { ...next, status: (live as { status?: unknown }).status } as AnyObject)
  return r.ok ? { ok: true, changed: true } : { ok: false, errors: [], reason: r.reason, message: r.message }
}

/** `source` names the input in kubectl's "error when creating" lines (a file name; STDIN when omitted). */
export function applyText(
  state: ClusterState,
  text: string,
  options: { namespace?: string; file?: string; source?: string } = {},
): ApplyResult {
  const result = validateManifests(text, { file: options.file, keepRaw: true })
  const syntax = result.errors.filter(
    (e) => e.type === 'YAMLSyntax' || (e.field === '' && e.document === 0 && result.objects.length === 0 && e.type !== 'NoKindMatch'),
  )
  if (syntax.some((e) => e.type === 'YAMLSyntax')) {
    return { ok: false, output: `${formatKubectlError(syntax)}\n`, errors: result.errors }
  }
  const byDoc = new Map<number, { errors: Diagnostic[]; object?: (typeof result.objects)[number] }>()
  for (const e of result.errors) {
    const entry = byDoc.get(e.document) ?? { errors: [] }
    entry.errors.push(e)
    byDoc.set(e.document, entry)
  }
  for (const o of result.objects) {
    const entry = byDoc.get(o.document) ?? { errors: [] }
    entry.object = o
    byDoc.set(o.document, entry)
  }
  const refused = refuseManifest(
    state,
    result.objects.map((o) => o.object),
    options.source,
  )
  if (refused) return { ok: false, output: refused, errors: result.errors }
  // Namespaces first, as kubectl's apply order does for a mixed file? kubectl applies in file order; so do we.
  const lines: string[] = []
  let ok = result.errors.length === 0
  const errors = [...result.errors]
  for (const doc of [...byDoc.keys()].sort((a, b) => a - b)) {
    const entry = byDoc.get(doc)!
    if (entry.errors.length) {
      lines.push(formatKubectlError(entry.errors))
      continue
    }
    if (!entry.object) continue
    const raw = entry.object.raw
    // as kubectl prints the API server's warnings, before what it did with the object
    for (const w of result.warnings ?? []) if (w.document === doc) lines.push(`Warning: ${w.field}: ${w.message}`)
    const r = applyObject(state, entry.object.object, isPlain(raw) ? raw : undefined, options.namespace, options.source)
    if (!r.ok) ok = false
    errors.push(...r.errors.map((e) => ({ ...e, document: doc, ...(options.file ? { file: options.file } : {}) })))
    lines.push(r.line)
  }
  if (byDoc.size === 0) {
    lines.push('error: no objects passed to apply')
    ok = false
  }
  return { ok, output: lines.length ? `${lines.join('\n')}\n` : '', errors }
}

/**
 * A manifest that asks for more than the simulator's limits (its documents, or the Pods its workloads would
 * run) is refused whole, before anything is created: the answer kubectl prints, or null when it fits.
 */
export function refuseManifest(state: ClusterState, objects: readonly KubeObject[], source = 'STDIN'): string | null {
  const demand = manifestDemand(objects)
  const documents = demand.objects
  const over = refuseDemand(state.budget.limits, demand)
  if (!over) return null
  markOverBudget(state, over)
  if (over.limit === 'objects')
    return `Error from server (Forbidden): error when creating ${JSON.stringify(source)}: exceeded ${limitPhrase('objects', over.max)} (this manifest has ${documents} objects)\n`
  const largest = demand.largest ? objects[demand.largest.index]! : undefined
  const what = largest ? `${resourceName(largest.kind)} ${JSON.stringify(largest.metadata?.name ?? '')} is forbidden: ` : ''
  return `Error from server (Forbidden): error when creating ${JSON.stringify(source)}: ${what}exceeded ${limitPhrase('pods', over.max)} (this manifest asks for ${demand.pods} Pods)\n`
}
