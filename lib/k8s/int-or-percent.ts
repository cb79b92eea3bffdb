/** Int-or-percent values (maxSurge, maxUnavailable), resolved like apimachinery's GetScaledValueFromIntOrPercent. */
import type { IntOrString } from './types.ts'

/**
 * `3` → 3; `"25%"` of `total` → rounded up (maxSurge) or down (maxUnavailable). Returns null for a value
 * Kubernetes cannot resolve (missing, `"oops"`, `"5"` without `%`), so the caller can report it.
 */
export function resolveIntOrPercent(value: IntOrString | null | undefined, total: number, roundUp: boolean): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null
  if (typeof value !== 'string') return null
  const m = /^([0-9]+)%$/.exec(value)
  if (!m) return null
  const scaled = (Number(m[1]) * total) / 100
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled)
}
