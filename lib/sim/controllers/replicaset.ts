/**
 * The ReplicaSet controller (pkg/controller/replicaset): claim pods (adopt matching orphans, release owned
 * pods whose labels no longer match), create or delete pods to reach spec.replicas (burst 500, slow-start
 * batches), and publish status. Pod counts come from the informer-side aggregates (OwnerStats).
 */
import type { Pod, ReplicaSet } from '../k8s.ts'
import type { Change, ControllerContext } from '../changes.ts'
import { randomString } from '../rng.ts'
import { controllerOf, isPodActive, keyOf, ownerRef, labelSelectorMatches } from '../objects.ts'
import type { ClusterView } from '../state.ts'
import { queueWrittenKey, type Controller } from '../watch.ts'
import { enqueueByUid, labelsChanged } from '../informers.ts'
import { selectForDeletion, type Candidate } from './deletion-plan.ts'
import { limitPhrase } from '../budget.ts'

export const BURST_REPLICAS = 500

/** slowStartBatch: 1, 2, 4, 8, … capped by what is left. */
export function slowStartBatches(count: number): number[] {
  const out: number[] = []
  let size = 1
  let left = count
  while (left > 0) {
    const n = Math.min(size, left)
    out.push(n)
    left -= n
    size *= 2
  }
  return out
}

/** `<base>` truncated to 58 characters + 5 random characters (apiserver names.SimpleNameGenerator). */
export function generateName(state: ClusterView, ctx: ControllerContext, base: string, namespace: string, taken?: Set<string>): string {
  const prefix = base.length > 58 ? base.slice(0, 58) : base
  for (;;) {
    const name = [prefix, randomString(ctx.rng, 5)].join('')
    if (!state.objects.Pod.has(keyOf(namespace, name)) && !taken?.has(name)) return name
  }
}

type OwnerRefs = NonNullable<NonNullable<Pod['metadata']>['ownerReferences']>
const ownerRefsCache = new WeakMap<object, { uid: string; refs: OwnerRefs }>()

/** The controller ownerReference list, shared by every pod of the same ReplicaSet template. */
function ownerRefsFor(rs: ReplicaSet): OwnerRefs {
  const key = rs.spec!.template as object
  const hit = ownerRefsCache.get(key)
  if (hit && hit.uid === rs.metadata!.uid) return hit.refs
  const refs = [ownerRef('ReplicaSet', rs)]
  ownerRefsCache.set(key, { uid: rs.metadata!.uid!, refs })
  return refs
}

const generateNames = new Map<string, string>()

function generateNameOf(rs: ReplicaSet): string {
  const n = rs.metadata!.name!
  let g = generateNames.get(n)
  if (g === undefined) {
    if (generateNames.size > 10_000) generateNames.clear()
    generateNames.set(n, (g = `${n}-`))
  }
  return g
}

export function podFromTemplate(rs: ReplicaSet, name: string): Pod {
  const t = rs.spec!.template!
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: generateNameOf(rs),
      namespace: rs.metadata!.namespace,
      labels: t.metadata?.labels,
      ownerReferences: ownerRefsFor(rs),
    },
    spec: t.spec!,
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  }
  if (t.metadata?.annotations) pod.metadata!.annotations = t.metadata.annotations
  return pod
}

export interface ReplicaSetSyncResult {
  changes: Change[]
  /** release candidates this sync looked at */
  handled: string[]
  /** sizes of the creation batches (slow start), for tests and traces */
  batches: number[]
}

export function syncReplicaSet(state: ClusterView, key: string, ctx: ControllerContext): ReplicaSetSyncResult {
  const result: ReplicaSetSyncResult = { changes: [], handled: [], batches: [] }
  const rs = state.objects.ReplicaSet.get(key)
  if (!rs || rs.metadata?.deletionTimestamp) return result
  const ns = rs.metadata!.namespace!
  const uid = rs.metadata!.uid!
  const selector = rs.spec?.selector
  const changes = result.changes
  const stats = state.indexes.ownerStats.get(uid) ?? { active: 0, ready: 0, available: 0, fullyLabeled: 0 }
  let active = stats.active
  const released = new Set<string>()
  const adopted: Pod[] = []

  // Release owned pods whose labels stopped matching.
  for (const podKey of state.indexes.releaseCandidates) {
    const pod = state.objects.Pod.get(podKey)
    const ctl = pod ? controllerOf(pod) : undefined
    if (!pod || ctl?.uid !== uid) continue
    result.handled.push(podKey)
    if (!labelSelectorMatches(selector, pod.metadata?.labels)) {
      released.add(podKey)
      if (isPodActive(pod)) active--
      const refs = (pod.metadata?.ownerReferences ?? []).filter((r) => r.uid !== uid)
      changes.push({ type: 'update', object: { ...pod, metadata: { ...pod.metadata, ownerReferences: refs.length ? refs : undefined } } })
    }
  }
  // Adopt matching orphans (not being deleted).
  for (const podKey of state.indexes.orphanPods.get(ns) ?? []) {
    const pod = state.objects.Pod.get(podKey)!
    if (!isPodActive(pod) || !labelSelectorMatches(selector, pod.metadata?.labels)) continue
    adopted.push(pod)
    active++
    changes.push({
      type: 'update',
      object: {
        ...pod,
        metadata: { ...pod.metadata, ownerReferences: [...(pod.metadata?.ownerReferences ?? []), ownerRef('ReplicaSet', rs)] },
      },
    })
  }

  const want = rs.spec?.replicas ?? 1
  const diff = active - want
  if (diff < 0) {
    const wanted = Math.min(-diff, BURST_REPLICAS)
    // The simulator's Pod limit acts like a ResourceQuota: creations past it are refused (FailedCreate, once).
    const room = Math.max(0, state.budget.limits.pods - state.objects.Pod.size)
    const count = Math.min(wanted, room)
    if (count < wanted) {
      const max = state.budget.limits.pods
      const told = state.budget.refusedOwners.includes(key)
      changes.push({ type: 'overBudget', over: { limit: 'pods', max }, owner: key })
      if (!told) {
        const message = `Error creating: pods "${generateNameOf(rs)}" is forbidden: exceeded ${limitPhrase('pods', max)}`
        changes.push({
          type: 'event',
          event: {
            kind: 'ReplicaSet',
            namespace: ns,
            name: rs.metadata!.name!,
            uid,
            type: 'Warning',
            reason: 'FailedCreate',
            message,
            source: 'replicaset-controller',
          },
        })
      }
    }
    result.batches = slowStartBatches(count)
    const taken = new Set<string>()
    const owner = { kind: 'ReplicaSet', namespace: ns, name: rs.metadata!.name!, uid, source: 'replicaset-controller' }
    let batch = 0
    let leftInBatch = result.batches[0] ?? 0
    for (let i = 0; i < count; i++) {
      if (leftInBatch === 0) leftInBatch = result.batches[++batch]!
      leftInBatch--
      const name = generateName(state, ctx, `${rs.metadata!.name}-`, ns, taken)
      taken.add(name)
      changes.push({
        type: 'create',
        object: podFromTemplate(rs, name),
        onSuccess: [{ type: 'event', event: { ...owner, reason: 'SuccessfulCreate', message: `Created pod: ${name}` } }],
        // pod_control.go: "Error creating: <err>"; the server names the pod by its generateName (admission runs
        // before the name is generated); slowStartBatch stops after a batch with a failure; the sync is retried
        onFailure: {
          event: { ...owner, reason: 'FailedCreate', message: 'Error creating: ' },
          errorText: (err) => err.replace(`"${name}"`, `"${generateNameOf(rs)}"`),
          retry: { controller: 'replicaset', key },
          batch,
        },
      })
    }
  } else if (diff > 0) {
    const count = Math.min(diff, BURST_REPLICAS)
    const related = relatedCounts(state, rs)
    const gather = (): Candidate[] => {
      const out: Candidate[] = []
      for (const podKey of state.indexes.podsByController.get(uid) ?? []) {
        if (released.has(podKey)) continue
        const c = state.indexes.contributions.get(podKey)
        if (!c?.active) continue
        const pod = state.objects.Pod.get(podKey)!
        out.push({ key: podKey, pod, related: pod.spec?.nodeName ? related.count(pod.spec.nodeName) : 0 })
      }
      for (const pod of adopted) {
        out.push({ key: keyOf(ns, pod.metadata!.name!), pod, related: pod.spec?.nodeName ? related.count(pod.spec.nodeName) : 0 })
      }
      return out
    }
    // adoption/release in this sync changes the candidates: no plan reuse then
    const version = released.size || adopted.length ? `fresh:${ctx.now}:${changes.length}` : related.version
    const live = (node: string): number => related.live(node)
    for (const podKey of selectForDeletion(state, uid, count, version, gather, live)) {
      const podName = podKey.slice(podKey.indexOf('/') + 1)
      changes.push({ type: 'delete', kind: 'Pod', key: podKey })
      changes.push({
        type: 'event',
        event: {
          kind: 'ReplicaSet',
          namespace: ns,
          name: rs.metadata!.name!,
          uid,
          reason: 'SuccessfulDelete',
          message: `Deleted pod: ${podName}`,
          source: 'replicaset-controller',
        },
      })
    }
  }

  // Status from the pods observed at the start of this sync (as calculateStatus does).
  const status = {
    replicas: stats.active,
    fullyLabeledReplicas: stats.fullyLabeled,
    readyReplicas: stats.ready,
    availableReplicas: stats.available,
    observedGeneration: rs.metadata!.generation,
  }
  const cur: NonNullable<ReplicaSet['status']> = rs.status ?? { replicas: 0 }
  if (
    cur.replicas !== status.replicas ||
    cur.fullyLabeledReplicas !== status.fullyLabeledReplicas ||
    cur.readyReplicas !== status.readyReplicas ||
    cur.availableReplicas !== status.availableReplicas ||
    cur.observedGeneration !== status.observedGeneration
  ) {
    changes.push({ type: 'status', object: { ...rs, status: { ...cur, ...status } } })
  }
  return result
}

/** Rule 5 needs, per node, the active pods of every ReplicaSet of the same Deployment (from the informer
 *  index), and a version of all those pods (for the deletion plan memo). */
function relatedCounts(
  state: ClusterView,
  rs: ReplicaSet,
): { count: (node: string) => number; live: (node: string) => number; version: string } {
  const ctl = controllerOf(rs)
  const related = ctl
    ? [...(state.indexes.replicaSetsByController.get(ctl.uid) ?? [])].map((k) => state.objects.ReplicaSet.get(k)!.metadata!.uid!)
    : [rs.metadata!.uid!]
  const maps = related.map((uid) => state.indexes.activeOwnerNodeCounts.get(uid)).filter((m): m is Map<string, number> => !!m)
  const live = (node: string): number => {
    let n = 0
    for (const m of maps) n += m.get(node) ?? 0
    return n
  }
  const memo = new Map<string, number>()
  const count = (node: string): number => {
    let n = memo.get(node)
    if (n === undefined) memo.set(node, (n = live(node)))
    return n
  }
  // own pods: any write; related ReplicaSets: only more pods on a node (rule 5 counts growing)
  const own = rs.metadata!.uid!
  const version = `${state.indexes.ownerVersions.get(own) ?? 0}|${related
    .map((uid) => `${uid}:${state.indexes.placementVersions.get(uid) ?? 0}`)
    .sort()
    .join(',')}`
  return { count, live, version }
}

/**
 * The ReplicaSet controller's triggers: its own writes; a change in how a pod counts for its owner
 * (informers.ts contributions); an orphan whose labels may now match (adoption) or an owned pod whose
 * labels changed (release).
 */
export const replicaSetController: Controller<'replicaset'> = {
  name: 'replicaset',
  sync: (state, key, ctx) => {
    const r = syncReplicaSet(state, key, ctx)
    const changes: Change[] = r.changes
    for (const k of r.handled) changes.push({ type: 'releaseHandled', key: k })
    return changes
  },
  watches: {
    PodContribution: (state, _key, before, after, queue) => {
      const a = before?.owner
      const b = after?.owner
      if (a) enqueueByUid(state, queue, a)
      if (b && b !== a) enqueueByUid(state, queue, b)
    },
    Pod: (state, key, old, pod, queue) => {
      if (!pod || !labelsChanged(old, pod)) return
      const ctl = controllerOf(pod)
      if (!ctl && isPodActive(pod)) {
        for (const rsKey of state.indexes.byNamespace.ReplicaSet.get(pod.metadata!.namespace!) ?? []) {
          const rs = state.objects.ReplicaSet.get(rsKey)!
          if (labelSelectorMatches(rs.spec?.selector, pod.metadata?.labels)) queue.add(rsKey)
        }
      } else if (ctl && old) {
        state.indexes.releaseCandidates.add(key)
        enqueueByUid(state, queue, ctl.uid)
      }
    },
    ReplicaSet: queueWrittenKey,
  },
}
