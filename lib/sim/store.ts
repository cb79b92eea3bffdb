/**
 * The object store of the simulated API server: keyed maps per kind plus the indexes an informer cache keeps
 * (by uid, namespace, owner, node). Every write goes through putObject/removeObject so indexes stay exact;
 * the informer handlers (informers.ts) then queue the controllers that care.
 */
import { controllerOf, objectKey, type AnyObject, type Kind, type ObjectOf } from './objects.ts'
import type { ClusterState, ClusterView, StoredObjects } from './state.ts'
import { STORED_KINDS, tableOf } from '../k8s/registry.ts'
import { onObjectChange } from './informers.ts'
import type { Indexes } from './model.ts'

export function emptyObjects(): StoredObjects {
  return tableOf(STORED_KINDS, () => new Map())
}

export function emptyIndexes(): Indexes {
  return {
    byUid: new Map(),
    byNamespace: tableOf(STORED_KINDS, () => new Map<string, Set<string>>()),
    podsByController: new Map(),
    replicaSetsByController: new Map(),
    dependents: new Map(),
    podsByNode: new Map(),
    podsWithRequiredAntiAffinity: new Set(),
    orphanPods: new Map(),
    ownerStats: new Map(),
    contributions: new Map(),
    nodeUsage: new Map(),
    ownerNodeCounts: new Map(),
    activeOwnerNodeCounts: new Map(),
    releaseCandidates: new Set(),
    nodeGeneration: 0,
    timelineDirty: true,
    ownerVersions: new Map(),
    placementVersions: new Map(),
    unschedulable: new Set(),
  }
}

/** Every stored object of a kind, by store key. */
export function listAll<K extends Kind>(state: ClusterView, kind: K): Readonly<ObjectOf<K>>[] {
  return [...state.objects[kind].values()].sort((a, b) => {
    const ka = objectKey(a)
    const kb = objectKey(b)
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key)
  if (!set) map.set(key, (set = new Set()))
  set.add(value)
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key)
  if (!set) return
  set.delete(value)
  if (set.size === 0) map.delete(key)
}

function unindex(ix: Indexes, kind: Kind, key: string, obj: AnyObject): void {
  const m = obj.metadata!
  ix.byUid.delete(m.uid!)
  removeFrom(ix.byNamespace[kind], m.namespace ?? '', key)
  const ctl = controllerOf(obj)
  if (ctl && kind === 'Pod') removeFrom(ix.podsByController, ctl.uid, key)
  if (ctl && kind === 'ReplicaSet') removeFrom(ix.replicaSetsByController, ctl.uid, key)
  for (const r of m.ownerReferences ?? []) removeFrom(ix.dependents, r.uid, `${kind}/${key}`)
  if (obj.kind === 'Pod') {
    const node = obj.spec?.nodeName
    if (node) removeFrom(ix.podsByNode, node, key)
    ix.podsWithRequiredAntiAffinity.delete(key)
    if (!ctl) removeFrom(ix.orphanPods, m.namespace ?? '', key)
  }
}

function index(ix: Indexes, kind: Kind, key: string, obj: AnyObject): void {
  const m = obj.metadata!
  ix.byUid.set(m.uid!, { kind, key })
  addTo(ix.byNamespace[kind], m.namespace ?? '', key)
  const ctl = controllerOf(obj)
  if (ctl && kind === 'Pod') addTo(ix.podsByController, ctl.uid, key)
  if (ctl && kind === 'ReplicaSet') addTo(ix.replicaSetsByController, ctl.uid, key)
  for (const r of m.ownerReferences ?? []) addTo(ix.dependents, r.uid, `${kind}/${key}`)
  if (obj.kind === 'Pod') {
    const node = obj.spec?.nodeName
    if (node) addTo(ix.podsByNode, node, key)
    if (node && obj.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length)
      ix.podsWithRequiredAntiAffinity.add(key)
    if (!ctl) addTo(ix.orphanPods, m.namespace ?? '', key)
  }
}

/**
 * Stored objects are never mutated: a change stores a new object, and the informers' watches tell what changed
 * by reference (`old.spec !== obj.spec`). Under vitest (`process.env.VITEST`) every stored object is
 * deep-frozen, so a mutation of a stored object anywhere throws a TypeError where it happens instead of
 * silently hiding a change from the watches. Production and benchmarks skip the walk.
 */
let freezing = typeof process !== 'undefined' && !!process.env?.VITEST

/** Turns the deep-freezing of stored objects on or off (tests; on by default under vitest). */
export function freezeStoredObjects(on: boolean): void {
  freezing = on
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object') return
  Object.freeze(value)
  for (const k in value) deepFreeze((value as Record<string, unknown>)[k])
}

/** Stores an object (create or replace), bumps resourceVersion, keeps indexes and notifies informers. */
export function putObject<T extends AnyObject>(state: ClusterState, obj: T): T {
  const kind: Kind = obj.kind
  const key = objectKey(obj)
  // the one place a map is written whatever its kind: `obj.kind` names the map of obj's own type
  const map: Map<string, AnyObject> = state.objects[kind]
  const old = map.get(key)
  state.resourceVersion++
  const stored: T = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(state.resourceVersion) } }
  // Status writes (most writes) leave every indexed field alone: skip re-indexing them.
  const same =
    old &&
    old.metadata!.uid === stored.metadata!.uid &&
    old.metadata!.ownerReferences === stored.metadata!.ownerReferences &&
    (old.kind !== 'Pod' || stored.kind !== 'Pod' || old.spec?.nodeName === stored.spec?.nodeName)
  if (old && !same) unindex(state.indexes, kind, key, old)
  if (freezing) deepFreeze(stored)
  map.set(key, stored)
  if (!same) index(state.indexes, kind, key, stored)
  onObjectChange(state, kind, key, old, stored)
  return stored
}

export function removeObject<K extends Kind>(state: ClusterState, kind: K, key: string): ObjectOf<K> | undefined {
  const map: Map<string, ObjectOf<K>> = state.objects[kind]
  const old = map.get(key)
  if (!old) return undefined
  map.delete(key)
  unindex(state.indexes, kind, key, old)
  state.resourceVersion++
  onObjectChange(state, kind, key, old, undefined)
  return old
}
