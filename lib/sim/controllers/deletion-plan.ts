/**
 * Scale-down selection for big ReplicaSets. A scale-down of thousands of pods runs in bursts of 500 at one
 * instant, and each burst must take the pods a fresh ranking (scale-down-ranking.ts) would put first.
 *
 * Within one instant the ranking keys only change when pods are written, and the bursts only remove pods —
 * which lowers the related-pods count (rule 5) of the pods left on those nodes. Rule 5 is the same for every
 * pod on a node, so the plan keeps, per node, its candidates in ranking order (the order within a node does not
 * depend on rule 5), and a heap of nodes keyed by their first candidate and the node's count. The best pod
 * overall is the first candidate of the best node. A node whose count dropped since it was queued is re-queued
 * with the new count when it comes up (counts only fall within a plan, so a queued position is never too late).
 * Each deletion costs O(log nodes); any other write to an active pod of the Deployment starts a new plan. The
 * result is exactly the fresh ranking's; the plan is a memo outside the cluster state.
 */
import type { Pod } from '../k8s.ts'
import type { ClusterView } from '../state.ts'
import { pushBy, popBy } from '../heap.ts'
import { compareRanked, keysOf, type Keys } from './scale-down-ranking.ts'

interface Item {
  key: string
  keys: Keys
}

interface NodeQueue {
  node: string
  /** candidates in ranking order (rule 5 aside: equal within a node) */
  items: Item[]
  pos: number
  /** the related-pods count this node was queued with */
  related: number
}

interface Plan {
  now: number
  version: string
  heap: NodeQueue[]
}

const plans = new WeakMap<object, Map<string, Plan>>()

export interface Candidate {
  key: string
  pod: Pod
  related: number
}

/** Nodes in ranking order of their first candidate, each with the related-pods count it was queued with. */
function nodeOrder(now: number): (a: NodeQueue, b: NodeQueue) => boolean {
  return (a, b) => compareRanked(a.items[a.pos]!.keys, a.related, b.items[b.pos]!.keys, b.related, now) < 0
}

function buildPlan(candidates: Candidate[], now: number, version: string, epoch: number): Plan {
  const byNode = new Map<string, NodeQueue>()
  for (const c of candidates) {
    const node = c.pod.spec?.nodeName ?? ''
    let q = byNode.get(node)
    if (!q) byNode.set(node, (q = { node, items: [], pos: 0, related: node ? c.related : 0 }))
    q.items.push({ key: c.key, keys: keysOf({ pod: c.pod, relatedOnNode: c.related }, epoch) })
  }
  const heap: NodeQueue[] = []
  const before = nodeOrder(now)
  for (const q of byNode.values()) {
    q.items.sort((a, b) => compareRanked(a.keys, 0, b.keys, 0, now))
    pushBy(heap, q, before)
  }
  return { now, version, heap }
}

/**
 * Keys of the `count` pods to delete first. `version` identifies the state of every active pod of the
 * Deployment (it changes on any write that is not a removal); `gather` lists the candidates when a new
 * ranking is needed; `related` gives the current related-pod count of a node.
 */
export function selectForDeletion(
  state: ClusterView,
  rsUid: string,
  count: number,
  version: string,
  gather: () => Candidate[],
  related: (node: string) => number,
): string[] {
  const now = state.now
  let byRs = plans.get(state.indexes)
  if (!byRs) plans.set(state.indexes, (byRs = new Map()))
  let plan = byRs.get(rsUid)
  if (!plan || plan.now !== now || plan.version !== version) {
    plan = buildPlan(gather(), now, version, state.config.epoch)
    byRs.set(rsUid, plan)
  }
  const { heap } = plan
  const before = nodeOrder(now)
  const out: string[] = []
  // Within one call the counts stay as they are (these deletions land after the sync, like upstream's one sort).
  while (out.length < count) {
    const q = popBy(heap, before)
    if (!q) break
    const it = q.items[q.pos]!
    const pod = state.objects.Pod.get(it.key)
    // gone or no longer active (deleted by an earlier burst): not a candidate any more
    if (!pod || pod !== it.keys.pod || !state.indexes.contributions.get(it.key)?.active) {
      if (++q.pos < q.items.length) pushBy(heap, q, before)
      continue
    }
    const cur = q.node ? related(q.node) : 0
    if (cur !== q.related) {
      q.related = cur
      pushBy(heap, q, before)
      continue
    }
    out.push(it.key)
    if (++q.pos < q.items.length) pushBy(heap, q, before)
  }
  return out
}
