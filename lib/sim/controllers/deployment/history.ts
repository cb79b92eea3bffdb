/**
 * ReplicaSet identity and history: pod-template-hash, "new" vs "old" ReplicaSets, revision annotations
 * (including revision-history on rollback), annotation copying, and revisionHistoryLimit cleanup.
 */
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../k8s.ts'
import { ANNOTATIONS, deepEqual, POD_TEMPLATE_HASH } from '../../objects.ts'
import { NAME_ALPHABET } from '../../rng.ts'
import { maxSurge, replicasOf } from './fenceposts.ts'
import { sortShort } from '../../sort.ts'

function stableStringify(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null'
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`
  const keys = Object.keys(v)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`).join(',')}}`
}

/** FNV-32a of the template (and collisionCount), printed in decimal, each digit mapped like rand.SafeEncodeString. */
export function podTemplateHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  const text = stableStringify(template) + (collisionCount ? `#${collisionCount}` : '')
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return String(h)
    .split('')
    .map((c) => NAME_ALPHABET[c.charCodeAt(0) % NAME_ALPHABET.length])
    .join('')
}

function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec | undefined {
  if (!t?.metadata?.labels || !(POD_TEMPLATE_HASH in t.metadata.labels)) return t
  const labels = { ...t.metadata.labels }
  delete labels[POD_TEMPLATE_HASH]
  return { ...t, metadata: { ...t.metadata, labels } }
}

const equalMemo = new WeakMap<object, WeakMap<object, boolean>>()

/** EqualIgnoreHash: templates equal once the pod-template-hash label is ignored (memoized: templates are immutable). */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  if (a === b) return true
  if (!a || !b) return deepEqual(withoutHash(a), withoutHash(b))
  let inner = equalMemo.get(a)
  if (!inner) equalMemo.set(a, (inner = new WeakMap()))
  let r = inner.get(b)
  if (r === undefined) inner.set(b, (r = deepEqual(withoutHash(a), withoutHash(b))))
  return r
}

export function creationOrder(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata?.creationTimestamp ?? ''
  const tb = b.metadata?.creationTimestamp ?? ''
  if (ta !== tb) return ta < tb ? -1 : 1
  const na = a.metadata!.name!
  const nb = b.metadata!.name!
  return na < nb ? -1 : na > nb ? 1 : 0
}

export function revisionOf(rs: ReplicaSet): number {
  const v = rs.metadata?.annotations?.[ANNOTATIONS.revision]
  const n = v === undefined ? 0 : Number.parseInt(v, 10)
  return Number.isFinite(n) ? n : 0
}

export function maxRevision(rss: ReplicaSet[]): number {
  let max = 0
  for (const rs of rss) max = Math.max(max, revisionOf(rs))
  return max
}

/** The oldest owned ReplicaSet whose template equals the Deployment's (FindNewReplicaSet). */
export function findNewReplicaSet(d: Deployment, rsList: ReplicaSet[]): ReplicaSet | undefined {
  // the oldest ReplicaSet whose template equals the Deployment's (the list may come in any order)
  let found: ReplicaSet | undefined
  for (const rs of rsList) {
    if ((!found || creationOrder(rs, found) < 0) && equalIgnoreHash(rs.spec?.template, d.spec?.template)) found = rs
  }
  return found
}

const SKIP_ANNOTATIONS = new Set<string>([
  ANNOTATIONS.lastApplied,
  ANNOTATIONS.revision,
  ANNOTATIONS.revisionHistory,
  ANNOTATIONS.desiredReplicas,
  ANNOTATIONS.maxReplicas,
  'deprecated.deployment.rollback.to',
  'deprecated.daemonset.template.generation',
])

export function skipCopyAnnotation(key: string): boolean {
  return SKIP_ANNOTATIONS.has(key)
}

/** SetNewReplicaSetAnnotations: copy D annotations, raise the revision (keeping revision-history), replica annotations on create. */
export function newReplicaSetAnnotations(
  d: Deployment,
  rs: ReplicaSet,
  newRevision: number,
  exists: boolean,
): { annotations: Record<string, string>; changed: boolean } {
  const annotations = { ...(rs.metadata?.annotations ?? {}) }
  let changed = false
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (skipCopyAnnotation(k)) continue
    if (annotations[k] !== v) {
      annotations[k] = v
      changed = true
    }
  }
  const oldRevision = annotations[ANNOTATIONS.revision]
  const had = oldRevision !== undefined
  const oldInt = had ? Number.parseInt(oldRevision, 10) : 0
  if (had && !Number.isFinite(oldInt)) return { annotations, changed }
  if (oldInt < newRevision) {
    annotations[ANNOTATIONS.revision] = String(newRevision)
    changed = true
    if (had) {
      const history = annotations[ANNOTATIONS.revisionHistory]
      annotations[ANNOTATIONS.revisionHistory] = history ? `${history},${oldRevision}` : oldRevision
    }
  }
  if (!exists) {
    const r = replicasOf(d)
    annotations[ANNOTATIONS.desiredReplicas] = String(r)
    annotations[ANNOTATIONS.maxReplicas] = String(r + maxSurge(d))
    changed = true
  }
  return { annotations, changed }
}

/** ReplicaSets to delete for revisionHistoryLimit (cleanupDeployment); never ones that still have pods. */
export function replicaSetsToClean(d: Deployment, oldRSs: ReplicaSet[]): ReplicaSet[] {
  const limit = d.spec?.revisionHistoryLimit
  if (limit === undefined || limit === null) return []
  const cleanable = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp)
  const diff = cleanable.length - limit
  if (diff <= 0) return []
  const sorted = sortShort([...cleanable], (a, b) => revisionOf(a) - revisionOf(b) || creationOrder(a, b))
  const out: ReplicaSet[] = []
  for (let i = 0; i < diff; i++) {
    const rs = sorted[i]!
    if ((rs.status?.replicas ?? 0) !== 0 || (rs.spec?.replicas ?? 0) !== 0) continue
    if ((rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue
    out.push(rs)
  }
  return out
}
