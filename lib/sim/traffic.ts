/**
 * The traffic generator: steady requests to a Service (`traffic start svc/web --rps 10`). Between two events
 * the cluster does not change, so the requests of that interval are accounted in one go, each one balanced
 * over the ready endpoints with the seeded RNG; a request succeeds when the chosen pod answers.
 */
import type { Service } from './k8s.ts'
import { chooseEndpoint, requestPod } from './network.ts'
import { nextInt } from './rng.ts'
import type { ClusterState } from './state.ts'
import { displayName } from './timeline.ts'

export interface TrafficGenerator {
  svcKey: string
  rps: number
  /** index of the next request (request k is sent at startedAt + k/rps) */
  next: number
  startedAt: number
  path: string
}

export interface TrafficState {
  generators: TrafficGenerator[]
  counters: Record<string, { sent: number; ok: number; failed: number }>
  /** sessionAffinity: ClientIP — the endpoint each (service, client) last used */
  affinity: Record<string, { podKey: string; last: number }>
}

/** The traffic generator's source address (one client, outside the pods). */
export const LOADGEN_CLIENT = '172.18.0.200'

export function emptyTraffic(): TrafficState {
  return { generators: [], counters: {}, affinity: {} }
}

/** Sends every request due before `until` (ms), against the cluster as it is now. */
export function accountTraffic(state: ClusterState, until: number): void {
  for (const g of state.traffic.generators) {
    const first = g.startedAt + Math.round((g.next * 1000) / g.rps)
    if (first >= until) continue
    const [ns, name] = g.svcKey.split('/') as [string, string]
    const label = displayName(ns, name)
    const counter = (state.traffic.counters[label] ??= { sent: 0, ok: 0, failed: 0 })
    const svc = state.objects.Service.get(g.svcKey) as Service | undefined
    // Nothing changes between two instants: the ready endpoints are fixed for the whole interval.
    let ready = svc ? readyTargets(state, svc) : []
    // ClientIP affinity: the generator is one client, so the whole interval goes to its sticky endpoint.
    if (svc?.spec?.sessionAffinity === 'ClientIP' && ready.length > 0) {
      const chosen = chooseEndpoint(state, svc, 0, LOADGEN_CLIENT)
      ready = chosen ? [{ podKey: chosen.ep.podKey, port: chosen.port }] : []
    }
    const answers = new Map<string, { ok: boolean; from: number } | null>()
    for (;;) {
      const at = g.startedAt + Math.round((g.next * 1000) / g.rps)
      if (at >= until) break
      g.next++
      counter.sent++
      if (ready.length === 0) {
        counter.failed++
        continue
      }
      const target = ready.length === 1 ? ready[0]! : ready[nextInt(state.rng, ready.length)]!
      // A pod's answer only depends on whether its app already listens (from a known time) in this interval.
      let a = answers.get(target.podKey)
      if (a === undefined) {
        const r = requestPod(state, target.podKey, target.port, g.path, until - 1)
        const rt = state.pods.get(target.podKey)
        const c = rt?.containers.find((x) => !x.init && x.phase === 'running')
        a = r.ok && r.status < 500 ? { ok: true, from: c?.listeningAt ?? 0 } : null
        answers.set(target.podKey, a)
      }
      if (a && at >= a.from) {
        counter.ok++
        const rt = state.pods.get(target.podKey)
        const c = rt?.containers.find((x) => !x.init && x.phase === 'running')
        if (c) c.served++
      } else counter.failed++
    }
  }
}

function readyTargets(state: ClusterState, svc: Service): { podKey: string; port: number }[] {
  const eps = state.endpoints.get(`${svc.metadata!.namespace}/${svc.metadata!.name}`)
  if (!eps) return []
  const name = svc.spec?.ports?.[0]?.name ?? ''
  const out: { podKey: string; port: number }[] = []
  for (const ep of eps.entries.values()) {
    if (!ep.ready) continue
    const p = ep.ports.find((x) => x.name === name)
    if (p) out.push({ podKey: ep.podKey, port: p.port })
  }
  return out
}

export function startTraffic(state: ClusterState, svcKey: string, rps: number, path = '/'): void {
  accountTraffic(state, state.now)
  state.traffic.generators = state.traffic.generators.filter((g) => g.svcKey !== svcKey)
  state.traffic.generators.push({ svcKey, rps, next: 0, startedAt: state.now, path })
  const [ns, name] = svcKey.split('/') as [string, string]
  state.traffic.counters[displayName(ns, name)] ??= { sent: 0, ok: 0, failed: 0 }
}

export function stopTraffic(state: ClusterState, svcKey?: string): number {
  accountTraffic(state, state.now)
  const before = state.traffic.generators.length
  state.traffic.generators = svcKey ? state.traffic.generators.filter((g) => g.svcKey !== svcKey) : []
  return before - state.traffic.generators.length
}
