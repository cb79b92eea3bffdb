/**
 * The traffic generator: steady requests to a Service (`traffic start svc/web --rps 10`). Between two events
 * the cluster does not change, so the requests of that interval are accounted in one go, each one balanced
 * with the seeded RNG over the endpoints kube-proxy routes to (the ready ones, a second late: a pod that has
 * just started terminating still gets requests for that second); a request succeeds when the chosen pod answers.
 */
import type { Service } from './k8s.ts'
import { chooseEndpoint, requestPod } from './network.ts'
import { proxiedEndpoints } from './endpoint-slices.ts'
import { nextInt } from './rng.ts'
import type { ClusterState } from './state.ts'
import type { ContainerRuntime } from './kubelet/runtime.ts'
import { displayName } from './timeline.ts'
import type { TrafficState } from './model.ts'

/** The traffic generator's source address (one client, outside the pods). */
export const LOADGEN_CLIENT = '172.18.0.200'

export function emptyTraffic(): TrafficState {
  return { generators: [], counters: {}, affinity: {} }
}

/** What one pod answers during an interval: success from `from` on (its app listens), or never (null). */
type Answer = { from: number; container: ContainerRuntime | undefined } | null

/** Sends every request due before `until` (ms), against the cluster as it is now. */
export function accountTraffic(state: ClusterState, until: number): void {
  const generators = state.traffic.generators
  for (let gi = 0; gi < generators.length; gi++) {
    const g = generators[gi]!
    if (g.startedAt + Math.round((g.next * 1000) / g.rps) >= until) continue
    const svc = state.objects.Service.get(g.svcKey)
    const counter = (state.traffic.counters[g.label ?? labelOf(g.svcKey)] ??= { sent: 0, ok: 0, failed: 0 })
    // Nothing changes between two instants (kube-proxy's catch-ups are instants too): the routed endpoints are fixed.
    let ready = svc ? readyTargets(state, g.svcKey, svc) : NO_TARGETS
    // ClientIP affinity: the generator is one client, so the whole interval goes to its sticky endpoint.
    if (svc?.spec?.sessionAffinity === 'ClientIP' && ready.length > 0) {
      const chosen = chooseEndpoint(state, svc, 0, LOADGEN_CLIENT)
      ready = chosen ? [{ podKey: chosen.ep.podKey, port: chosen.port }] : NO_TARGETS
    }
    // A pod's answer only depends on whether its app already listens (from a known time) in this interval;
    // it is asked once, the first time the balancer picks it.
    const answers: (Answer | undefined)[] = ready.length ? new Array<Answer | undefined>(ready.length) : []
    for (;;) {
      const at = g.startedAt + Math.round((g.next * 1000) / g.rps)
      if (at >= until) break
      g.next++
      counter.sent++
      if (ready.length === 0) {
        counter.failed++
        continue
      }
      const i = ready.length === 1 ? 0 : nextInt(state.rng, ready.length)
      let a = answers[i]
      if (a === undefined) a = answers[i] = answerOf(state, ready[i]!, g.path, until - 1)
      if (a && at >= a.from) {
        counter.ok++
        if (a.container) a.container.served++
      } else counter.failed++
    }
  }
}

/**
 * What a pod answers, asked once per runtime: the kubelet replaces a pod's runtime object on every sync, so an
 * answer kept on it (with the pod object, port and path it was for) holds until the next sync. Only answers
 * that cannot change with time alone are kept: successes of apps without a time-based failure.
 */
function answerOf(state: ClusterState, target: { podKey: string; port: number }, path: string, at: number): Answer {
  const rt = state.pods.get(target.podKey)
  const pod = state.objects.Pod.get(target.podKey)
  const kept = rt?.trafficAnswer
  if (kept && kept.pod === pod && kept.port === target.port && kept.path === path && kept.from <= at && state.nodes.get(rt.node)?.up) {
    return kept
  }
  const r = requestPod(state, target.podKey, target.port, path, at)
  if (!r.ok || r.status >= 500) return null
  const container = rt?.containers.find((x) => !x.init && x.phase === 'running')
  const answer = { pod, port: target.port, path, from: container?.listeningAt ?? 0, container }
  if (rt && container && r.timeIndependent) rt.trafficAnswer = answer
  return answer
}

const NO_TARGETS: { podKey: string; port: number }[] = []

function labelOf(svcKey: string): string {
  const [ns, name] = svcKey.split('/') as [string, string]
  return displayName(ns, name)
}

/** The endpoints kube-proxy routes to now (it follows EndpointSlice changes PROXY_SYNC_MS late). */
function readyTargets(state: ClusterState, svcKey: string, svc: Service): { podKey: string; port: number }[] {
  const eps = state.endpoints.get(svcKey)
  if (!eps || (eps.entries.size === 0 && eps.departed.size === 0)) return NO_TARGETS
  const name = svc.spec?.ports?.[0]?.name ?? ''
  const out: { podKey: string; port: number }[] = []
  for (const ep of proxiedEndpoints(eps, state.now)) {
    for (const p of ep.ports) {
      if (p.name !== name) continue
      out.push({ podKey: ep.podKey, port: p.port })
      break
    }
  }
  return out.length ? out : NO_TARGETS
}

export function startTraffic(state: ClusterState, svcKey: string, rps: number, path = '/'): void {
  accountTraffic(state, state.now)
  state.traffic.generators = state.traffic.generators.filter((g) => g.svcKey !== svcKey)
  const label = labelOf(svcKey)
  state.traffic.generators.push({ svcKey, rps, next: 0, startedAt: state.now, path, label })
  state.traffic.counters[label] ??= { sent: 0, ok: 0, failed: 0 }
}

export function stopTraffic(state: ClusterState, svcKey?: string): number {
  accountTraffic(state, state.now)
  const before = state.traffic.generators.length
  state.traffic.generators = svcKey ? state.traffic.generators.filter((g) => g.svcKey !== svcKey) : []
  return before - state.traffic.generators.length
}
