/** Label selector semantics (apimachinery labels/selector.go): requirements are ANDed; `{}` matches everything. */
import type { LabelSelector } from './types.ts'

const hasOwn = Object.prototype.hasOwnProperty
const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({})

/**
 * Whether `labels` satisfy a workload's LabelSelector. A missing (null/undefined) selector matches nothing,
 * the empty selector `{}` matches everything — which is why workloads must not use it.
 */
export function labelSelectorMatches(selector: LabelSelector | null | undefined, labels: Readonly<Record<string, string>> | null | undefined): boolean {
  if (selector === null || selector === undefined) return false
  const l = labels ?? NO_LABELS
  // plain loops, no closures: controllers match selectors on every sync
  const matchLabels = selector.matchLabels
  if (matchLabels) {
    for (const k in matchLabels) {
      if (!hasOwn.call(matchLabels, k)) continue
      if (!hasOwn.call(l, k) || l[k] !== matchLabels[k]) return false
    }
  }
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

/**
 * A Service selector is a plain map with equality semantics. An empty or missing one selects no pods
 * (such Services get no automatic endpoints).
 */
export function serviceSelectorMatches(selector: Readonly<Record<string, string>> | null | undefined, labels: Readonly<Record<string, string>> | null | undefined): boolean {
  if (!selector) return false
  const l = labels ?? NO_LABELS
  let empty = true
  for (const k in selector) {
    if (!hasOwn.call(selector, k)) continue
    empty = false
    if (!hasOwn.call(l, k) || l[k] !== selector[k]) return false
  }
  return !empty
}
