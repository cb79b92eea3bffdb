/** Label selector semantics (apimachinery labels/selector.go): requirements are ANDed; `{}` matches everything. */
import type { LabelSelector } from './types.ts'

/**
 * Whether `labels` satisfy a workload's LabelSelector. A missing (null/undefined) selector matches nothing,
 * the empty selector `{}` matches everything — which is why workloads must not use it.
 */
export function labelSelectorMatches(selector: LabelSelector | null | undefined, labels: Readonly<Record<string, string>> | null | undefined): boolean {
  if (selector === null || selector === undefined) return false
  const l = labels ?? {}
  const has = (k: string) => Object.prototype.hasOwnProperty.call(l, k)
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (!has(k) || l[k] !== v) return false
  }
  for (const req of selector.matchExpressions ?? []) {
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
  const entries = Object.entries(selector)
  if (entries.length === 0) return false
  const l = labels ?? {}
  return entries.every(([k, v]) => Object.prototype.hasOwnProperty.call(l, k) && l[k] === v)
}
