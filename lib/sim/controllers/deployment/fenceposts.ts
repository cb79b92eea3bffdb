/**
 * maxSurge / maxUnavailable resolution (deployment_util.go ResolveFenceposts, MaxSurge, MaxUnavailable):
 * surge rounds up, unavailable rounds down, both zero → unavailable 1.
 */
import type { Deployment, IntOrString } from '../../k8s.ts'
import { resolveIntOrPercent } from '../../k8s.ts'

/** intstr.GetScaledValueFromIntOrPercent; undefined for a malformed percent (validation rejects those). */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean): number | undefined {
  if (value === undefined) return 0
  return resolveIntOrPercent(value, total, roundUp) ?? undefined
}

export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): { surge: number; unavailable: number } | undefined {
  const surge = scaledValue(maxSurge, desired, true)
  const unavailable = scaledValue(maxUnavailable, desired, false)
  if (surge === undefined || unavailable === undefined) return undefined
  if (surge === 0 && unavailable === 0) return { surge, unavailable: 1 }
  return { surge, unavailable }
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate'
}

export function replicasOf(d: Deployment): number {
  return d.spec?.replicas ?? 1
}

export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0
  const ru = d.spec?.strategy?.rollingUpdate
  return resolveFenceposts(ru?.maxSurge ?? '25%', ru?.maxUnavailable ?? '25%', replicasOf(d))?.surge ?? 0
}

export function maxUnavailable(d: Deployment): number {
  const r = replicasOf(d)
  if (!isRollingUpdate(d) || r === 0) return 0
  const ru = d.spec?.strategy?.rollingUpdate
  const u = resolveFenceposts(ru?.maxSurge ?? '25%', ru?.maxUnavailable ?? '25%', r)?.unavailable ?? 0
  return Math.min(u, r)
}
