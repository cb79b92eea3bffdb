/**
 * The timeline: the numbers a grader and the UI chart care about, recorded at t=0 and whenever one changes
 * (one point per instant of virtual time, after the controllers have settled).
 */
import type { ClusterState } from './state.ts'
import { compareStrings, sortShort } from './sort.ts'
import type { TimelinePoint } from './model.ts'

/** Names are bare in the default namespace and `namespace/name` elsewhere. */
export function displayName(namespace: string | undefined, name: string): string {
  return !namespace || namespace === 'default' ? name : `${namespace}/${name}`
}

export function timelinePoint(state: ClusterState): TimelinePoint {
  const deployments: TimelinePoint['deployments'] = {}
  const dkeys = sortShort([...state.objects.Deployment.keys()], compareStrings)
  for (const k of dkeys) {
    const d = state.objects.Deployment.get(k)!
    const s = d.status ?? {}
    deployments[displayName(d.metadata!.namespace, d.metadata!.name!)] = {
      replicas: s.replicas ?? 0,
      updatedReplicas: s.updatedReplicas ?? 0,
      readyReplicas: s.readyReplicas ?? 0,
      availableReplicas: s.availableReplicas ?? 0,
    }
  }
  const services: TimelinePoint['services'] = {}
  for (const k of sortShort([...state.objects.Service.keys()], compareStrings)) {
    const [ns, name] = k.split('/') as [string, string]
    services[displayName(ns, name)] = { readyEndpoints: state.endpoints.get(k)?.readyCount ?? 0 }
  }
  return { time: state.now / 1000, deployments, services }
}

function sameRecord<T extends Record<string, Record<string, number>>>(a: T, b: T): boolean {
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) {
    const x = a[k]!
    const y = b[k]
    if (!y) return false
    for (const f in x) if (x[f] !== y[f]) return false
  }
  return true
}

function samePoint(a: TimelinePoint, b: TimelinePoint): boolean {
  return sameRecord(a.deployments, b.deployments) && sameRecord(a.services, b.services)
}

export function recordTimeline(state: ClusterState): void {
  // Only Deployment status and endpoint changes can move these numbers.
  if (!state.indexes.timelineDirty && state.timeline.length > 0) return
  state.indexes.timelineDirty = false
  const point = timelinePoint(state)
  const last = state.timeline[state.timeline.length - 1]
  if (last && samePoint(last, point)) return
  if (last && last.time === point.time) state.timeline[state.timeline.length - 1] = point
  else state.timeline.push(point)
}
