/**
 * kube-scheduler, reduced to what the course needs: filter nodes in the default plugins' order (unschedulable,
 * untainted or tolerated, nodeSelector and required node affinity, requests against allocatable and max pods,
 * DoNotSchedule topology spread, required pod affinity and anti-affinity — scheduler-filters.ts), score the feasible
 * ones (least allocated + spreading the pods of one controller over nodes), break ties with the seeded RNG. Like
 * upstream it stops looking after percentageOfNodesToScore feasible nodes on big clusters, starting from a rotating
 * index, and words a failure as FitError does (framework/types.go).
 */
import type { Pod, Toleration } from './k8s.ts'
import type { Change, ControllerContext } from './changes.ts'
import { controllerOf, isPodTerminal, podCondition, resourceAmount, type Node, type Taint } from './objects.ts'
import { nextInt } from './rng.ts'
import { REASONS, matchesNodeSelectorAndAffinity, placedPodFilters, type NodeRejection } from './scheduler-filters.ts'
import type { ClusterView } from './state.ts'
import type { Controller } from './watch.ts'
import { labelsChanged } from './informers.ts'

/** numFeasibleNodesToFind with the default adaptive percentage (schedule_one.go). */
export function feasibleNodesToFind(total: number): number {
  if (total < 100) return total
  const pct = Math.max(5, 50 - Math.floor(total / 125))
  return Math.max(100, Math.floor((total * pct) / 100))
}

export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  for (const t of tolerations ?? []) {
    if (t.effect && t.effect !== taint.effect) continue
    if (t.operator === 'Exists') {
      if (!t.key || t.key === taint.key) return true
    } else if (t.key === taint.key && (t.value ?? '') === (taint.value ?? '')) return true
  }
  return false
}

function podResources(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0
  let memory = 0
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources?.requests as Record<string, string> | undefined
    cpu += resourceAmount(r?.cpu)
    memory += resourceAmount(r?.memory)
  }
  return { cpu, memory }
}

const allocCache = new WeakMap<object, { cpu: number; memory: number; pods: number }>()

/** Allocatable as numbers, parsed once per Node status object. */
function allocatable(node: Node): { cpu: number; memory: number; pods: number } {
  let a = allocCache.get(node.status.allocatable)
  if (!a) {
    a = {
      cpu: resourceAmount(node.status.allocatable.cpu),
      memory: resourceAmount(node.status.allocatable.memory),
      pods: Number(node.status.allocatable.pods),
    }
    allocCache.set(node.status.allocatable, a)
  }
  return a
}

const NONZERO_CPU = 0.1
const NONZERO_MEMORY = 200 * 1024 * 1024

/** Filters that depend only on the pod spec and the Node object (unschedulable, taints, node affinity), cached
 *  per (spec, node) — every pod of a ReplicaSet shares its spec object. All are UnschedulableAndUnresolvable. */
const staticFilterCache = new WeakMap<object, { slots: NodeSlot[]; results: (string | null | undefined)[] }>()

/** The static filter results of one pod spec for the current node list (indexed like the slots). */
function staticFilters(pod: Pod, slots: NodeSlot[]): (string | null | undefined)[] {
  const spec = pod.spec as object
  let hit = staticFilterCache.get(spec)
  if (!hit || hit.slots !== slots) staticFilterCache.set(spec, (hit = { slots, results: new Array(slots.length) }))
  return hit.results
}

function untoleratedTaint(pod: Pod, node: Node): Taint | undefined {
  return (node.spec.taints ?? []).find(
    (t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations, t),
  )
}

function staticFilter(pod: Pod, node: Node): string | null {
  if (node.spec.unschedulable && !tolerates(pod.spec?.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }))
    return 'node(s) were unschedulable'
  const taint = untoleratedTaint(pod, node)
  if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`
  if (!matchesNodeSelectorAndAffinity(pod, node)) return REASONS.nodeAffinity
  return null
}

interface NodeSlot {
  node: Node
  name: string
  usage: { cpu: number; memory: number; pods: number }
  alloc: { cpu: number; memory: number; pods: number }
}

const slotCache = new WeakMap<object, { generation: number; slots: NodeSlot[] }>()

/** The node list with each node's (live, mutable) usage record and parsed allocatable, rebuilt when a Node changes. */
function nodeSlots(state: ClusterView): NodeSlot[] {
  const hit = slotCache.get(state.indexes)
  if (hit && hit.generation === state.indexes.nodeGeneration) return hit.slots
  const slots: NodeSlot[] = []
  for (const node of state.objects.Node.values() as Iterable<Node>) {
    const name = node.metadata.name!
    let usage = state.indexes.nodeUsage.get(name)
    if (!usage) state.indexes.nodeUsage.set(name, (usage = { cpu: 0, memory: 0, pods: 0 }))
    slots.push({ node, name, usage, alloc: allocatable(node) })
  }
  slotCache.set(state.indexes, { generation: state.indexes.nodeGeneration, slots })
  return slots
}

export function schedulePod(state: ClusterView, key: string, ctx: ControllerContext): Change[] {
  const pod = state.objects.Pod.get(key)
  if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp || isPodTerminal(pod)) return []
  const slots = nodeSlots(state)
  const total = slots.length
  const want = feasibleNodesToFind(total)
  const req = podResources(pod)
  const reasons = new Map<string, number>()
  // per rejected node: would preempting a lower-priority pod help (Unschedulable) or not (…AndUnresolvable)?
  let preemptionMightHelp = 0
  const fail = (r: string): void => {
    reasons.set(r, (reasons.get(r) ?? 0) + 1)
  }
  const feasible: NodeSlot[] = []
  const start = total ? state.schedulerNextStart % total : 0
  let visited = 0
  const filters = staticFilters(pod, slots)
  const placedFilter = placedPodFilters(state, pod, slots, (node) => untoleratedTaint(pod, node) !== undefined)
  for (let i = 0; i < total && feasible.length < want; i++) {
    const idx = (start + i) % total
    const slot = slots[idx]!
    visited++
    let reason = filters[idx]
    if (reason === undefined) reason = filters[idx] = staticFilter(pod, slot.node)
    if (reason) {
      fail(reason)
      continue
    }
    const used = slot.usage
    const alloc = slot.alloc
    let short = false
    if (used.pods + 1 > alloc.pods) {
      fail('Too many pods')
      short = true
    }
    if (req.cpu > 0 && used.cpu + req.cpu > alloc.cpu + 1e-9) {
      fail('Insufficient cpu')
      short = true
    }
    if (req.memory > 0 && used.memory + req.memory > alloc.memory) {
      fail('Insufficient memory')
      short = true
    }
    if (short) {
      preemptionMightHelp++
      continue
    }
    const rejection: NodeRejection | null = placedFilter ? placedFilter(slot.node) : null
    if (rejection) {
      fail(rejection.reason)
      if (rejection.preemptionMightHelp) preemptionMightHelp++
      continue
    }
    feasible.push(slot)
  }
  const next = total ? (start + visited) % total : 0
  const changes: Change[] = []
  const ns = pod.metadata!.namespace!
  const name = pod.metadata!.name!
  if (feasible.length === 0) {
    const message =
      total === 0 ? 'no nodes available to schedule pods' : fitErrorMessage(total, reasons, preemptionMightHelp, pod.spec?.preemptionPolicy)
    const cond = podCondition(pod, 'PodScheduled')
    if (cond?.status !== 'False' || cond.message !== message) {
      const conditions = [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message,
          lastProbeTime: null as unknown as string,
          lastTransitionTime: ctx.timestamp,
        },
      ]
      changes.push({ type: 'status', object: { ...pod, status: { ...pod.status, phase: 'Pending', conditions } } })
      changes.push({
        type: 'event',
        event: {
          kind: 'Pod',
          namespace: ns,
          name,
          uid: pod.metadata!.uid,
          type: 'Warning',
          reason: 'FailedScheduling',
          message,
          source: 'default-scheduler',
        },
      })
    }
    changes.push({ type: 'unschedulable', key })
    return changes
  }
  changes.push({ type: 'schedulerCursor', next })
  const nodeName = pickNode(state, pod, feasible, req, ctx)
  changes.push({
    type: 'update',
    object: {
      ...pod,
      spec: { ...pod.spec!, nodeName },
      status: {
        ...pod.status,
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: ctx.timestamp }],
      },
    },
  })
  changes.push({
    type: 'event',
    event: {
      kind: 'Pod',
      namespace: ns,
      name,
      uid: pod.metadata!.uid,
      reason: 'Scheduled',
      message: `Successfully assigned ${ns}/${name} to ${nodeName}`,
      source: 'default-scheduler',
    },
  })
  return changes
}

/**
 * FitError.Error() (framework/types.go): the reasons counted over the nodes, each "N reason", sorted as strings, then
 * DefaultPreemption's answer in the same form. No pod has a priority here, so preemption finds no victims on any node
 * where it might help, and is "not helpful" on the others.
 */
export function fitErrorMessage(
  total: number,
  reasons: Map<string, number>,
  preemptionMightHelp: number,
  preemptionPolicy?: string,
): string {
  // DefaultPreemption's PodEligibleToPreemptOthers (plugins/defaultpreemption/default_preemption.go)
  if (preemptionPolicy === 'Never')
    return `0/${total} nodes are available: ${histogramOf(reasons)}. preemption: not eligible due to preemptionPolicy=Never.`
  const preemption = histogramOf([
    ['Preemption is not helpful for scheduling', total - preemptionMightHelp],
    ['No preemption victims found for incoming pod', preemptionMightHelp],
  ])
  return `0/${total} nodes are available: ${histogramOf(reasons)}. preemption: 0/${total} nodes are available: ${preemption}.`
}

/** "N reason" for each reason counted, sorted as strings (Go's sort.Strings: "10 …" before "2 …"). */
function histogramOf(counts: Iterable<[string, number]>): string {
  return [...counts]
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${n} ${r}`)
    .sort()
    .join(', ')
}

/** Scores: NodeResourcesFit LeastAllocated (non-zero defaults for pods without requests) + 2 × spreading of
 *  one controller's pods over nodes (the default topology spreading); ties broken with the seeded RNG. */
function pickNode(
  state: ClusterView,
  pod: Pod,
  feasible: NodeSlot[],
  req: { cpu: number; memory: number },
  ctx: ControllerContext,
): string {
  if (feasible.length === 1) return feasible[0]!.name
  const owner = controllerOf(pod)?.uid
  const counts = owner ? state.indexes.ownerNodeCounts.get(owner) : undefined
  const spreadCount = new Array<number>(feasible.length)
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < feasible.length; i++) {
    const c = counts?.get(feasible[i]!.name) ?? 0
    spreadCount[i] = c
    if (c < min) min = c
    if (c > max) max = c
  }
  let best: number[] = []
  let bestScore = -Infinity
  const podCpu = req.cpu || NONZERO_CPU
  const podMem = req.memory || NONZERO_MEMORY
  for (let i = 0; i < feasible.length; i++) {
    const { usage: used, alloc } = feasible[i]!
    const cpuUsed = Math.max(used.cpu, used.pods * NONZERO_CPU) + podCpu
    const memUsed = Math.max(used.memory, used.pods * NONZERO_MEMORY) + podMem
    const least = Math.floor((((alloc.cpu - cpuUsed) / alloc.cpu) * 100 + ((alloc.memory - memUsed) / alloc.memory) * 100) / 2)
    const spread = max > min ? Math.floor(((max - spreadCount[i]!) / (max - min)) * 100) : 100
    const score = least + 2 * spread
    if (score > bestScore) {
      bestScore = score
      best = [i]
    } else if (score === bestScore) best.push(i)
  }
  const pick = best.length === 1 ? best[0]! : best[nextInt(ctx.rng, best.length)]!
  return feasible[pick]!.name
}

/** Pods the scheduler could not place go back to its queue (MoveAllToActiveOrBackoffQueue). */
function retryUnschedulable(state: ClusterView, queue: Set<string>): void {
  for (const p of state.indexes.unschedulable) queue.add(p)
  state.indexes.unschedulable.clear()
}

/**
 * The scheduler: unbound live pods, and the unschedulable ones again when something that made them so may have
 * changed — a Node, capacity freed, a new placement or a placed pod's labels (pod affinity, topology spread).
 */
export const schedulerController: Controller<'scheduler'> = {
  name: 'scheduler',
  sync: schedulePod,
  watches: {
    Node: (state, _key, _old, _obj, queue) => retryUnschedulable(state, queue),
    PodContribution: (state, _key, before, after, queue) => {
      if (before?.placed && (!after?.placed || after.node !== before.node)) retryUnschedulable(state, queue)
      // a new placement may satisfy a waiting pod's pod affinity or topology spread (scheduler-filters.ts)
      else if (after?.placed && !before?.placed) retryUnschedulable(state, queue)
    },
    Pod: (state, key, old, pod, queue) => {
      // a placed pod's new labels may satisfy (or stop blocking) a waiting pod's affinity or spread (scheduler-filters.ts)
      if (old && pod?.spec?.nodeName && labelsChanged(old, pod)) retryUnschedulable(state, queue)
      if (pod && !pod.spec?.nodeName && !pod.metadata?.deletionTimestamp && !isPodTerminal(pod)) {
        if (!old || old.spec !== pod.spec) queue.add(key)
      }
      if (!pod) state.indexes.unschedulable.delete(key)
    },
  },
}
