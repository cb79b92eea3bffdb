/**
 * The garbage collector (background propagation): when an owner disappears, dependents that have no other
 * live owner are deleted (pods gracefully); dependents with another live owner only lose the dangling ref.
 * Also the namespace controller: a terminating namespace empties itself, then goes away.
 */
import type { Change, ControllerContext } from '../changes.ts'
import { NAMESPACED, type AnyObject, type Kind } from '../objects.ts'
import type { ClusterView } from '../state.ts'
import { queueWrittenKey, type Controller } from '../watch.ts'

export function collectGarbage(state: ClusterView, ownerUid: string, _ctx: ControllerContext): Change[] {
  if (state.indexes.byUid.has(ownerUid)) return []
  const changes: Change[] = []
  for (const ref of state.indexes.dependents.get(ownerUid) ?? []) {
    const slash = ref.indexOf('/')
    const kind = ref.slice(0, slash) as Kind
    const key = ref.slice(slash + 1)
    const dep = state.objects[kind].get(key)
    if (!dep || dep.metadata?.deletionTimestamp) continue
    const live = (dep.metadata?.ownerReferences ?? []).filter((r) => r.uid !== ownerUid && state.indexes.byUid.has(r.uid))
    if (live.length > 0) {
      changes.push({ type: 'update', object: { ...dep, metadata: { ...dep.metadata, ownerReferences: live } } as AnyObject })
    } else {
      changes.push({ type: 'delete', kind, key })
    }
  }
  return changes
}

const CONTENT_KINDS = (Object.keys(NAMESPACED) as Kind[]).filter((k) => NAMESPACED[k])

export function syncNamespace(state: ClusterView, name: string, ctx: ControllerContext): Change[] {
  const ns = state.objects.Namespace.get(name)
  if (!ns?.metadata?.deletionTimestamp) return []
  const changes: Change[] = []
  let remaining = 0
  for (const kind of CONTENT_KINDS) {
    for (const key of state.indexes.byNamespace[kind].get(name) ?? []) {
      remaining++
      const obj = state.objects[kind].get(key)!
      if (!obj.metadata?.deletionTimestamp) changes.push({ type: 'delete', kind, key })
    }
  }
  if (remaining === 0) changes.push({ type: 'delete', kind: 'Namespace', key: name, gracePeriodSeconds: 0 })
  else changes.push({ type: 'wake', at: ctx.now + 1000, controller: 'namespace', key: name })
  return changes
}

/** Background cascading deletion: an owner (Deployment, ReplicaSet) deleted queues its uid. */
export const garbageCollectorController: Controller<'garbageCollector'> = {
  name: 'garbageCollector',
  sync: collectGarbage,
  watches: {
    Deployment: (_state, _key, old, obj, queue) => {
      if (!obj && old) queue.add(old.metadata!.uid!)
    },
    ReplicaSet: (_state, _key, old, obj, queue) => {
      if (!obj && old) queue.add(old.metadata!.uid!)
    },
  },
}

export const namespaceController: Controller<'namespace'> = {
  name: 'namespace',
  sync: syncNamespace,
  watches: {
    Namespace: queueWrittenKey,
  },
}
