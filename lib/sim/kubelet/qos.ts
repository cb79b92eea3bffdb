/**
 * A pod's QoS class, as upstream computes it when the pod is created (pkg/apis/core/helper/qos/qos.go
 * ComputePodQOS, stored by pkg/registry/core/pod/strategy.go into status.qosClass):
 *
 * - only `cpu` and `memory` count, and only quantities above zero;
 * - requests and limits are summed per resource over every container, init containers included;
 * - no request and no limit anywhere: BestEffort;
 * - every container has both a cpu and a memory limit and, per resource, the summed requests equal the summed
 *   limits: Guaranteed;
 * - anything else: Burstable.
 *
 * The API server's defaulting runs first (pkg/apis/core/v1/defaults.go SetDefaults_Pod): a container's limit is
 * copied to its request when the request is not set, so `limits` alone make a Guaranteed pod. lib/k8s copies
 * them for a bare Pod's manifest; a pod a ReplicaSet creates gets them in the simulated API server
 * (apiserver.ts), and this function copies them again so that it is right on any spec.
 */
import type { Container, Pod } from '../k8s.ts'
import { resourceAmount } from '../objects.ts'

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort'

const QOS_RESOURCES = ['cpu', 'memory'] as const

type Amounts = Record<string, string | number> | undefined

export function podQOSClass(pod: Pod): QOSClass {
  const spec = pod.spec
  const requests: Record<string, number> = {}
  const limits: Record<string, number> = {}
  let guaranteed = true
  const all: Container[] = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]
  for (const c of all) {
    const lim = c.resources?.limits as Amounts
    const req = c.resources?.requests as Amounts
    let limitsFound = 0
    for (const name of QOS_RESOURCES) {
      const l = lim?.[name] !== undefined ? resourceAmount(lim[name]) : 0
      // SetDefaults_Pod: an unset request takes the limit's value
      const r = req?.[name] !== undefined ? resourceAmount(req[name]) : l
      if (r > 0) requests[name] = (requests[name] ?? 0) + r
      if (l > 0) {
        limitsFound++
        limits[name] = (limits[name] ?? 0) + l
      }
    }
    if (limitsFound < QOS_RESOURCES.length) guaranteed = false
  }
  const requestNames = Object.keys(requests)
  const limitNames = Object.keys(limits)
  if (requestNames.length === 0 && limitNames.length === 0) return 'BestEffort'
  if (guaranteed) {
    for (const name of requestNames) {
      if (limits[name] === undefined || !sameAmount(limits[name]!, requests[name]!)) {
        guaranteed = false
        break
      }
    }
  }
  return guaranteed && requestNames.length === limitNames.length ? 'Guaranteed' : 'Burstable'
}

/** Quantities compare exactly upstream; parsed to floating point here, `0.1` and `100m` must still be equal. */
function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 1e-12
}

/**
 * SetDefaults_Pod's copy of limits to unset requests, for a pod the API server creates from a template
 * (a template itself is not defaulted this way: its pods are). Returns the same container list when
 * nothing is copied.
 */
export function withRequestsFromLimits(containers: Container[] | undefined): Container[] | undefined {
  if (!containers) return containers
  let out: Container[] | undefined
  containers.forEach((c, i) => {
    const limits = c.resources?.limits as Amounts
    if (!limits) return
    const requests = (c.resources?.requests ?? {}) as Record<string, string | number>
    const missing = Object.keys(limits).filter((k) => requests[k] === undefined)
    if (missing.length === 0) return
    const filled: Record<string, string | number> = { ...requests }
    for (const k of missing) filled[k] = limits[k]!
    out ??= [...containers]
    out[i] = { ...c, resources: { ...c.resources, requests: filled as never } }
  })
  return out ?? containers
}
