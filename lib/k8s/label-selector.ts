/**
 * Label matching (apimachinery labels/selector.go, meta/v1 LabelSelector), one function per meaning:
 * - `labelSelectorMatches`: a workload's LabelSelector (matchLabels AND matchExpressions); missing matches nothing,
 *   `{}` matches everything;
 * - `serviceSelectorMatches`: a Service's `spec.selector` map; missing or `{}` selects no pods;
 * - `labelSetMatches`: `labels.SelectorFromSet(set).Matches(labels)`; an empty or missing set matches everything.
 */
import type { LabelSelector } from './types.ts'

type Labels = Readonly<Record<string, string>>

const hasOwn = Object.prototype.hasOwnProperty
const NO_LABELS: Labels = Object.freeze({})

/** Every key=value of `set` is among `labels`. Plain loops, no closures: controllers match on every sync. */
export function labelSetMatches(set: Labels | null | undefined, labels: Labels | null | undefined): boolean {
  if (!set) return true
  const l = labels ?? NO_LABELS
  for (const k in set) {
    if (!hasOwn.call(set, k)) continue
    if (!hasOwn.call(l, k) || l[k] !== set[k]) return false
  }
  return true
}

/**
 * Whether `labels` satisfy a workload's LabelSelector. A missing (null/undefined) selector matches nothing,
 * the empty selector `{}` matches everything — which is why workloads must not use it.
 */
export function labelSelectorMatches(selector: LabelSelector | null | undefined, labels: Labels | null | undefined): boolean {
  if (selector === null || selector === undefined) return false
  const l = labels ?? NO_LABELS
  if (!labelSetMatches(selector.matchLabels, l)) return false
  if (!selector.matchExpressions?.length) return true
  const has = (k: string): boolean => hasOwn.call(l, k)
  for (const req of selector.matchExpressions) {
    const values = req.values ?? []
    switch (req.operator) {
      case 'In':
        if (!has(req.key) || !values.includes(l[req.key])) return false
        break
      case 'NotIn':
        if (has(req.key) && values.includes(l[req.key])) return false
        break
      case 'Exists':
        if (!has(req.key)) return false
        break
      case 'DoesNotExist':
        if (has(req.key)) return false
        break
      default:
        return false // an unknown operator selects nothing (validation rejects it anyway)
    }
  }
  return true
}

/** A selector that is there but requires nothing (LabelSelectorAsSelector(s).Empty()): it selects every pod. */
export function isEmptyLabelSelector(selector: LabelSelector | null | undefined): boolean {
  if (!selector) return false
  return isEmptyMap(selector.matchLabels) && !(Array.isArray(selector.matchExpressions) && selector.matchExpressions.length > 0)
}

/**
 * Whether a Service with this `spec.selector` selects a pod with these labels. Without a selector the endpoint
 * controllers skip the Service (pkg/controller/endpointslice: `if service.Spec.Selector == nil`), and `selector: {}`
 * is the same: the API server stores an empty map as no selector at all (omitempty; protobuf has no empty map),
 * kubernetes/kubernetes#25836. So neither gets endpoints, although `labels.SelectorFromSet({})` would match all.
 */
export function serviceSelectorMatches(selector: Labels | null | undefined, labels: Labels | null | undefined): boolean {
  return !isEmptyMap(selector) && labelSetMatches(selector, labels)
}

function isEmptyMap(map: Labels | null | undefined): boolean {
  if (map) for (const k in map) if (hasOwn.call(map, k)) return false
  return true
}
