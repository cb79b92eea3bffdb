/**
 * Scale-down selection for big ReplicaSets. A scale-down of thousands of pods runs in bursts of 500 at one
 * instant; re-ranking every pod for each burst costs O(n) per burst. Within one instant the ranking keys
 * only change when pods are written, and the bursts themselves only remove pods — which can only push
 * pods on the affected nodes later in the order (fewer related pods on their node). So the full ranking
 * is computed once per instant and consumed lazily: a pod whose related count dropped is re-queued with its
 * new key (like a lazy priority queue). Any other write to an active pod of the Deployment invalidates the
 * plan. The result is exactly the fresh ranking's; the plan is a memo outside the cluster state.
 */
import type { Pod } from '../k8s.ts'
import type { ClusterState } from '../state.ts'
import { compareKeys, keysOf, type Keys } from './scale-down-ranking.ts'

interface Item {
  key: string
  keys: Keys
}

interface Plan {
  now: number
  version: string
  sorted: Item[]
  pos: number
  deferred: Item[]
}

const plans = new WeakMap<object, Map<string, Plan>>()

export interface Candidate {
  key: string
  pod: Pod
  related: number
}

function push(heap: Item[], it: Item, cmp: (a: Item, b: Item) => number): void {
  heap.push(it)
  let i = heap.length - 1
  while (i > 0) {
    const p = (i - 1) >> 1
    if (cmp(heap[i]!, heap[p]!) >= 0) break
    ;[heap[i], heap[p]] = [heap[p]!, heap[i]!]
    i = p
  }
}

function pop(heap: Item[], cmp: (a: Item, b: Item) => number): Item | undefined {
  const top = heap[0]
  const last = heap.pop()
  if (heap.length && last) {
    heap[0] = last
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && cmp(heap[l]!, heap[m]!) < 0) m = l
      if (r < heap.length && cmp(heap[r]!, heap[m]!) < 0) m = r
      if (m === i) break
      ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
      i = m
    }
  }
  return top
}

/**
 * Keys of the `count` pods to delete first. `version` identifies the state of every active pod of the
 * Deployment (it changes on any write that is not a removal); `gather` lists the candidates when a new
 * ranking is needed; `related` gives the current related-pod count of a node.
 */
export function selectForDeletion(
  state: ClusterState,
  rsUid: string,
  count: number,
  version: string,
  gather: () => Candidate[],
  related: (node: string) => number,
): string[] {
  const now = state.now
  const epoch = state.config.epoch
  let byRs = plans.get(state.indexes)
  if (!byRs) plans.set(state.indexes, (byRs = new Map()))
  let plan = byRs.get(rsUid)
  if (!plan || plan.now !== now || plan.version !== version) {
    const sorted = gather().map((c) => ({ key: c.key, keys: { ...keysOf({ pod: c.pod, relatedOnNode: c.related }, epoch) } }))
    sorted.sort((a, b) => compareKeys(a.keys, b.keys, now))
    plan = { now, version, sorted, pos: 0, deferred: [] }
    byRs.set(rsUid, plan)
  }
  const cmp = (a: Item, b: Item): number => compareKeys(a.keys, b.keys, now)
  const out: string[] = []
  while (out.length < count) {
    const fromSorted = plan.pos < plan.sorted.length ? plan.sorted[plan.pos]! : undefined
    const fromDeferred = plan.deferred[0]
    let it: Item | undefined
    if (fromSorted && (!fromDeferred || cmp(fromSorted, fromDeferred) <= 0)) {
      it = fromSorted
      plan.pos++
    } else it = pop(plan.deferred, cmp)
    if (!it) break
    const pod = state.objects.Pod.get(it.key) as Pod | undefined
    // gone or no longer active (deleted by an earlier burst): not a candidate any more
    if (!pod || pod !== it.keys.pod || !state.indexes.contributions.get(it.key)?.active) continue
    const node = pod.spec?.nodeName
    const cur = node ? related(node) : 0
    if (cur !== it.keys.related) {
      push(plan.deferred, { key: it.key, keys: { ...it.keys, related: cur } }, cmp)
      continue
    }
    out.push(it.key)
  }
  return out
}
