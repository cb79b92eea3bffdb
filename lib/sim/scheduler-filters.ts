/**
 * The scheduler's filters beyond one node's own fields: required node affinity (plugins/nodeaffinity), pod topology
 * spread with `whenUnsatisfiable: DoNotSchedule` (plugins/podtopologyspread/filtering.go) and required inter-pod
 * affinity and anti-affinity, the anti-affinity of pods already placed included (plugins/interpodaffinity/filtering.go).
 * The counts come from the placed pods once per scheduling attempt (upstream's PreFilter), then each node is asked.
 */
import {
  labelSelectorMatches,
  type LabelSelector,
  type NodeSelectorRequirement,
  type NodeSelectorTerm,
  type Pod,
  type PodAffinityTerm,
  type TopologySpreadConstraint,
} from './k8s.ts'
import { isPodTerminal, type Node } from './objects.ts'
import type { ClusterView } from './state.ts'

/** Upstream's reason strings; `preemptionMightHelp` is false for UnschedulableAndUnresolvable statuses. */
export const REASONS = {
  nodeAffinity: "node(s) didn't match Pod's node affinity/selector",
  podAffinity: "node(s) didn't match pod affinity rules",
  podAntiAffinity: "node(s) didn't match pod anti-affinity rules",
  existingAntiAffinity: "node(s) didn't satisfy existing pods anti-affinity rules",
  spread: "node(s) didn't match pod topology spread constraints",
  spreadMissingLabel: "node(s) didn't match pod topology spread constraints (missing required label)",
} as const

export interface NodeRejection {
  reason: string
  /** Unschedulable (a lower-priority victim could make room) rather than UnschedulableAndUnresolvable */
  preemptionMightHelp: boolean
}

/** the scheduler's node list entries (only the Node is read here) */
interface NodeEntry {
  node: Node
}

type Labels = Readonly<Record<string, string>> | undefined

function requirementMatches(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = req.values ?? []
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value)
    case 'NotIn':
      return value === undefined || !values.includes(value)
    case 'Exists':
      return value !== undefined
    case 'DoesNotExist':
      return value === undefined
    case 'Gt':
    case 'Lt': {
      // one integer value, compared with the label read as an integer (component-helpers nodeaffinity)
      if (value === undefined || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0]!)) return false
      return req.operator === 'Gt' ? Number(value) > Number(values[0]) : Number(value) < Number(values[0])
    }
    default:
      return false
  }
}

/** A term matches when all its expressions and fields do; a term with neither matches no node. */
function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Node): boolean {
  const expressions = term.matchExpressions ?? []
  const fields = term.matchFields ?? []
  if (expressions.length === 0 && fields.length === 0) return false
  const labels = node.metadata.labels ?? {}
  for (const req of expressions) if (!requirementMatches(req, Object.hasOwn(labels, req.key) ? labels[req.key] : undefined)) return false
  for (const req of fields) if (req.key !== 'metadata.name' || !requirementMatches(req, node.metadata.name)) return false
  return true
}

/** nodeSelector (every pair) and required node affinity (any term) both hold. */
export function matchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  const selector = pod.spec?.nodeSelector
  if (selector) for (const k in selector) if (node.metadata.labels?.[k] !== selector[k]) return false
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  return !required || (required.nodeSelectorTerms ?? []).some((t) => nodeSelectorTermMatches(t, node))
}

/** Placed pods as the scheduler's cache holds them: bound to a node and not finished. */
function placedPods(state: ClusterView, node: string): Pod[] {
  const out: Pod[] = []
  for (const key of state.indexes.podsByNode.get(node) ?? []) {
    const p = state.objects.Pod.get(key)
    if (p && !isPodTerminal(p)) out.push(p)
  }
  return out
}

/** The term's selector with matchLabelKeys / mismatchLabelKeys folded in from the owner's labels, as the API server does on create. */
function termSelector(
  owner: Pod,
  term: { labelSelector?: LabelSelector; matchLabelKeys?: string[]; mismatchLabelKeys?: string[] },
): LabelSelector | undefined {
  const labels = owner.metadata?.labels ?? {}
  const extra: NonNullable<LabelSelector['matchExpressions']> = []
  for (const k of term.matchLabelKeys ?? []) if (Object.hasOwn(labels, k)) extra.push({ key: k, operator: 'In', values: [labels[k]!] })
  for (const k of (term as { mismatchLabelKeys?: string[] }).mismatchLabelKeys ?? [])
    if (Object.hasOwn(labels, k)) extra.push({ key: k, operator: 'NotIn', values: [labels[k]!] })
  if (extra.length === 0 || !term.labelSelector) return term.labelSelector
  return { ...term.labelSelector, matchExpressions: [...(term.labelSelector.matchExpressions ?? []), ...extra] }
}

/** Whether `target` is one of the pods an affinity term of `owner` names (namespaces, namespaceSelector, labelSelector). */
function affinityTermMatches(state: ClusterView, owner: Pod, term: PodAffinityTerm, target: Pod): boolean {
  const ns = target.metadata!.namespace!
  const namespaces = term.namespaces ?? []
  if (namespaces.length === 0 && !term.namespaceSelector) {
    if (ns !== owner.metadata!.namespace) return false
  } else if (!namespaces.includes(ns)) {
    const nsLabels = (state.objects.Namespace.get(ns)?.metadata?.labels ?? {}) as Labels
    if (!term.namespaceSelector || !labelSelectorMatches(term.namespaceSelector, nsLabels)) return false
  }
  return labelSelectorMatches(termSelector(owner, term), target.metadata?.labels)
}

type Counts = Map<string, number>
const pairKey = (key: string, value: string): string => `${key}\u0000${value}`

function bumpPair(counts: Counts, node: Node, key: string): void {
  const value = node.metadata.labels?.[key]
  if (value === undefined) return
  const k = pairKey(key, value)
  counts.set(k, (counts.get(k) ?? 0) + 1)
}

/** Required (anti-)affinity of the incoming pod and of the placed pods, as topology-pair counts. */
function interPodAffinityCheck(state: ClusterView, pod: Pod, nodes: readonly NodeEntry[]): ((node: Node) => NodeRejection | null) | null {
  const affinityTerms = pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []
  const antiTerms = pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []
  const affinityCounts: Counts = new Map()
  const antiCounts: Counts = new Map()
  const existingAntiCounts: Counts = new Map()
  // symmetry: a placed pod's anti-affinity keeps the incoming pod out of its topology domain too (indexed, so plain
  // pods never scan every placed pod)
  for (const key of state.indexes.podsWithRequiredAntiAffinity) {
    const other = state.objects.Pod.get(key)
    const node = other && !isPodTerminal(other) ? state.objects.Node.get(other.spec!.nodeName!) : undefined
    if (!node) continue
    for (const t of other!.spec!.affinity!.podAntiAffinity!.requiredDuringSchedulingIgnoredDuringExecution!) {
      if (affinityTermMatches(state, other!, t, pod)) bumpPair(existingAntiCounts, node, t.topologyKey)
    }
  }
  if (affinityTerms.length > 0 || antiTerms.length > 0) {
    for (const { node } of nodes) {
      for (const other of placedPods(state, node.metadata.name!)) {
        if (affinityTerms.length > 0 && affinityTerms.every((t) => affinityTermMatches(state, pod, t, other)))
          for (const t of affinityTerms) bumpPair(affinityCounts, node, t.topologyKey)
        for (const t of antiTerms) if (affinityTermMatches(state, pod, t, other)) bumpPair(antiCounts, node, t.topologyKey)
      }
    }
  }
  if (affinityTerms.length === 0 && antiTerms.length === 0 && existingAntiCounts.size === 0) return null
  // the first pod of a group that wants to be with its own kind may go anywhere its topology keys exist
  const selfAffine =
    affinityCounts.size === 0 && affinityTerms.length > 0 && affinityTerms.every((t) => affinityTermMatches(state, pod, t, pod))
  return (node) => {
    const labels = node.metadata.labels ?? {}
    for (const t of affinityTerms) {
      const value = labels[t.topologyKey]
      if (value === undefined || (!selfAffine && !((affinityCounts.get(pairKey(t.topologyKey, value)) ?? 0) > 0)))
        return { reason: REASONS.podAffinity, preemptionMightHelp: false }
    }
    for (const t of antiTerms) {
      const value = labels[t.topologyKey]
      if (value !== undefined && (antiCounts.get(pairKey(t.topologyKey, value)) ?? 0) > 0)
        return { reason: REASONS.podAntiAffinity, preemptionMightHelp: true }
    }
    for (const key in labels) {
      if ((existingAntiCounts.get(pairKey(key, labels[key]!)) ?? 0) > 0)
        return { reason: REASONS.existingAntiAffinity, preemptionMightHelp: true }
    }
    return null
  }
}

interface SpreadCount {
  constraint: TopologySpreadConstraint
  selector: LabelSelector | undefined
  /** matching pods per topology value, over the eligible domains */
  perValue: Map<string, number>
  selfMatch: number
}

/** DoNotSchedule topology spread: skew = pods in the node's domain + the pod itself − the global minimum ≤ maxSkew. */
function topologySpreadCheck(
  state: ClusterView,
  pod: Pod,
  nodes: readonly NodeEntry[],
  untoleratedTaint: (node: Node) => boolean,
): ((node: Node) => NodeRejection | null) | null {
  const written = pod.spec?.topologySpreadConstraints
  if (!written?.length) return null
  const constraints = written.filter((c) => c.whenUnsatisfiable === 'DoNotSchedule')
  if (constraints.length === 0) return null
  const ns = pod.metadata!.namespace!
  const counts: SpreadCount[] = constraints.map((c) => ({
    constraint: c,
    selector: termSelector(pod, c),
    perValue: new Map(),
    selfMatch: labelSelectorMatches(termSelector(pod, c), pod.metadata?.labels) ? 1 : 0,
  }))
  for (const { node } of nodes) {
    const labels = node.metadata.labels ?? {}
    // a node counts only if it carries every constraint's key
    if (!constraints.every((c) => Object.hasOwn(labels, c.topologyKey))) continue
    const placed = placedPods(state, node.metadata.name!)
    for (const sc of counts) {
      const c = sc.constraint
      if ((c.nodeAffinityPolicy ?? 'Honor') === 'Honor' && !matchesNodeSelectorAndAffinity(pod, node)) continue
      if (c.nodeTaintsPolicy === 'Honor' && untoleratedTaint(node)) continue
      const value = labels[c.topologyKey]!
      let n = sc.perValue.get(value) ?? 0
      for (const p of placed)
        if (!p.metadata?.deletionTimestamp && p.metadata!.namespace === ns && labelSelectorMatches(sc.selector, p.metadata?.labels)) n++
      sc.perValue.set(value, n)
    }
  }
  const minimum = counts.map((sc) => {
    if (sc.perValue.size < (sc.constraint.minDomains ?? 1)) return 0
    let min = Infinity
    for (const n of sc.perValue.values()) min = Math.min(min, n)
    return min
  })
  return (node) => {
    const labels = node.metadata.labels ?? {}
    for (let i = 0; i < counts.length; i++) {
      const sc = counts[i]!
      const value = labels[sc.constraint.topologyKey]
      if (value === undefined) return { reason: REASONS.spreadMissingLabel, preemptionMightHelp: false }
      const skew = (sc.perValue.get(value) ?? 0) + sc.selfMatch - minimum[i]!
      if (skew > sc.constraint.maxSkew) return { reason: REASONS.spread, preemptionMightHelp: true }
    }
    return null
  }
}

/**
 * The filters that count placed pods, in upstream's plugin order (PodTopologySpread before InterPodAffinity); null
 * when the pod has no such rule and no placed pod's anti-affinity concerns it, so plain pods cost one scan.
 */
export function placedPodFilters(
  state: ClusterView,
  pod: Pod,
  nodes: readonly NodeEntry[],
  untoleratedTaint: (node: Node) => boolean,
): ((node: Node) => NodeRejection | null) | null {
  const spread = topologySpreadCheck(state, pod, nodes, untoleratedTaint)
  const affinity = interPodAffinityCheck(state, pod, nodes)
  if (!spread) return affinity
  if (!affinity) return spread
  return (node) => spread(node) ?? affinity(node)
}
