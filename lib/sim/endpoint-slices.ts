/**
 * The EndpointSlice controller, incrementally: a Service's endpoints are recomputed in full when the
 * Service changes, and one pod's entry is updated when that pod changes. Candidates: same namespace,
 * selector matches, phase not Succeeded/Failed, has an IP. ready = publishNotReadyAddresses || (Ready and not
 * terminating); serving = Ready; terminating = deletionTimestamp set. Named targetPorts resolve per pod
 * (name AND protocol); a pod without the named port gets no endpoint port for that service port.
 *
 * kube-proxy follows these changes late: every change of an endpoint (and its removal) takes effect in the
 * proxy's rules PROXY_SYNC_MS later (`routedAt`). Until then kube-proxy still routes as before — to a pod that
 * has started terminating, or to none yet for a pod that has just become ready.
 */
import type { Pod, Service } from './k8s.ts'
import type { Change, ControllerContext } from './changes.ts'
import { isPodReady, isPodTerminal, keyOf, serviceSelectorMatches } from './objects.ts'
import type { ClusterView } from './state.ts'
import { queueWrittenKey, type Controller } from './watch.ts'
import { hasSelectingService, labelsChanged } from './informers.ts'
import type { Endpoint, EndpointPort, ServiceEndpoints } from './model.ts'

/**
 * How long kube-proxy takes to apply an endpoint change. Upstream's iptables (and nftables) proxier runs its
 * sync through a bounded-frequency runner with minSyncPeriod 1 s (pkg/proxy/apis/config/v1alpha1/defaults.go),
 * so under a stream of changes — a rolling update — a change waits up to a second; the simulator always waits
 * that bound, which keeps the lag deterministic.
 */
export const PROXY_SYNC_MS = 1000

/** Whether kube-proxy routes new connections to this endpoint at `now`. */
export function routedAt(ep: Endpoint, now: number): boolean {
  return now >= ep.changedAt + PROXY_SYNC_MS ? ep.ready : ep.routedBefore
}

/** The endpoints kube-proxy may route to at `now`: the current ones and those removed less than PROXY_SYNC_MS ago. */
export function* proxiedEndpoints(eps: ServiceEndpoints, now: number): Generator<Endpoint> {
  for (const ep of eps.entries.values()) if (routedAt(ep, now)) yield ep
  for (const ep of eps.departed.values()) if (routedAt(ep, now)) yield ep
}

export function servicePortsFor(svc: Service, pod: Pod): EndpointPort[] {
  const out: EndpointPort[] = []
  for (const sp of svc.spec?.ports ?? []) {
    const protocol = sp.protocol ?? 'TCP'
    const target = sp.targetPort ?? sp.port
    let port: number | undefined
    if (typeof target === 'number') port = target
    else if (/^\d+$/.test(String(target))) port = Number(target)
    else {
      for (const c of pod.spec?.containers ?? []) {
        const p = c.ports?.find((cp) => cp.name === target && (cp.protocol ?? 'TCP') === protocol)
        if (p) {
          port = p.containerPort
          break
        }
      }
    }
    if (port !== undefined) out.push({ name: sp.name ?? '', port, protocol })
  }
  return out
}

export function endpointFor(svc: Service, pod: Pod): Endpoint | null {
  if (!serviceSelectorMatches(svc.spec?.selector, pod.metadata?.labels)) return null
  if (isPodTerminal(pod) || !pod.status?.podIP) return null
  const terminating = !!pod.metadata?.deletionTimestamp
  const podReady = isPodReady(pod)
  return {
    ip: pod.status.podIP,
    pod: pod.metadata!.name!,
    podKey: keyOf(pod.metadata!.namespace, pod.metadata!.name!),
    node: pod.spec?.nodeName ?? '',
    ready: svc.spec?.publishNotReadyAddresses === true || (podReady && !terminating),
    serving: podReady,
    terminating,
    ports: servicePortsFor(svc, pod),
    changedAt: 0,
    routedBefore: false,
  }
}

/**
 * The endpoint as stored at `now`: unchanged, the one before it; changed without a change of readiness (serving,
 * ports, …), kube-proxy's timing carries over; otherwise stamped with the change and with what kube-proxy
 * routed until then.
 */
function stamped(before: Endpoint | undefined, after: Endpoint, now: number): Endpoint {
  if (before && sameEndpoint(before, after)) return before
  const carried = before !== undefined && before.ready === after.ready
  after.changedAt = carried ? before.changedAt : now
  after.routedBefore = carried ? before.routedBefore : before ? routedAt(before, now) : false
  return after
}

/**
 * A removed endpoint, kept for kube-proxy's lag: it stops being routed PROXY_SYNC_MS from now — or from when it
 * stopped being ready, when it was not ready any more (a terminating pod that has just gone).
 */
function departure(before: Endpoint, now: number): Endpoint {
  if (!before.ready) return { ...before, serving: false, terminating: true }
  return { ...before, ready: false, serving: false, terminating: true, changedAt: now, routedBefore: true }
}

function managed(svc: Service): boolean {
  return !!svc.spec?.selector && svc.spec.type !== 'ExternalName'
}

function sameEndpoint(a: Endpoint | undefined | null, b: Endpoint | undefined | null): boolean {
  if (!a || !b) return !a && !b
  return (
    a.ip === b.ip &&
    a.ready === b.ready &&
    a.serving === b.serving &&
    a.terminating === b.terminating &&
    a.node === b.node &&
    JSON.stringify(a.ports) === JSON.stringify(b.ports)
  )
}

/** Full recompute for one Service (created, changed or deleted). */
export function syncServiceEndpoints(state: ClusterView, svcKey: string, ctx: ControllerContext): Change[] {
  const svc = state.objects.Service.get(svcKey)
  if (!svc) return [{ type: 'endpoints', svcKey, value: null }]
  const previous = state.endpoints.get(svcKey)
  const entries = new Map<string, Endpoint>()
  const departed = new Map<string, Endpoint>()
  const changes: Change[] = []
  let readyCount = 0
  if (managed(svc)) {
    const ns = svc.metadata!.namespace!
    for (const podKey of state.indexes.byNamespace.Pod.get(ns) ?? []) {
      const after = endpointFor(svc, state.objects.Pod.get(podKey)!)
      if (!after) continue
      const before = previous?.entries.get(podKey) ?? previous?.departed.get(podKey)
      const ep = stamped(before, after, ctx.now)
      if (ep.changedAt === ctx.now) changes.push(proxyCatchUp(ep, podKey))
      entries.set(podKey, ep)
      if (ep.ready) readyCount++
    }
  } else if (svc.metadata!.name === 'kubernetes' && svc.metadata!.namespace === 'default') {
    const apiserver: Endpoint = {
      ip: '172.18.0.1',
      pod: '',
      podKey: '',
      node: '',
      ready: true,
      serving: true,
      terminating: false,
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
      changedAt: 0,
      routedBefore: true,
    }
    entries.set('apiserver', apiserver)
    readyCount = 1
  }
  // endpoints the recompute dropped (selector changed, …) stay reachable for kube-proxy's lag
  for (const [podKey, before] of previous?.entries ?? []) {
    if (entries.has(podKey) || !routedAt(before, ctx.now)) continue
    const gone = departure(before, ctx.now)
    departed.set(podKey, gone)
    if (gone.changedAt === ctx.now) changes.push(proxyCatchUp(gone, podKey))
  }
  for (const [podKey, gone] of previous?.departed ?? []) {
    if (!entries.has(podKey) && !departed.has(podKey) && routedAt(gone, ctx.now)) departed.set(podKey, gone)
  }
  changes.unshift({ type: 'endpoints', svcKey, value: { entries, readyCount, managed: managed(svc), departed } })
  return changes
}

/**
 * A wake-up when kube-proxy applies this change: traffic is accounted between instants, so the moment the
 * proxy's rules change must be one (the woken sync finds nothing to do).
 */
function proxyCatchUp(ep: Endpoint, podKey: string): Change {
  return { type: 'wake', at: ep.changedAt + PROXY_SYNC_MS, controller: 'endpointPods', key: podKey }
}

/** One pod changed: update its entry in every Service of the namespace that selects it (or selected it). */
export function syncPodEndpoints(state: ClusterView, podKey: string, ctx: ControllerContext): Change[] {
  const pod = state.objects.Pod.get(podKey)
  const ns = podKey.slice(0, podKey.indexOf('/'))
  const changes: Change[] = []
  for (const svcKey of state.indexes.byNamespace.Service.get(ns) ?? []) {
    const eps = state.endpoints.get(svcKey)
    if (!eps || !eps.managed) continue
    const svc = state.objects.Service.get(svcKey)!
    const before = eps.entries.get(podKey)
    const after = pod ? endpointFor(svc, pod) : null
    if (sameEndpoint(before, after)) continue
    if (after) {
      const ep = stamped(before ?? eps.departed.get(podKey), after, ctx.now)
      changes.push({ type: 'endpoint', svcKey, podKey, endpoint: ep })
      if (ep.changedAt === ctx.now) changes.push(proxyCatchUp(ep, podKey))
    } else if (routedAt(before!, ctx.now)) {
      const gone = departure(before!, ctx.now)
      changes.push({ type: 'endpoint', svcKey, podKey, endpoint: null, departed: gone })
      if (gone.changedAt === ctx.now) changes.push(proxyCatchUp(gone, podKey))
    } else changes.push({ type: 'endpoint', svcKey, podKey, endpoint: null })
  }
  return changes
}

/**
 * Applies one endpoint change (the engine's half of the controller). A removed endpoint moves to `departed`
 * while kube-proxy may still route to it; departed ones it no longer routes to are dropped here.
 */
export function setEndpoint(eps: ServiceEndpoints, podKey: string, endpoint: Endpoint | null, departed?: Endpoint): void {
  const before = eps.entries.get(podKey)
  if (before?.ready) eps.readyCount--
  // (a change's time is the latest one known here; pruning by it never drops an endpoint still routed)
  const now = (endpoint ?? departed)?.changedAt
  if (now !== undefined) for (const [key, gone] of eps.departed) if (!routedAt(gone, now)) eps.departed.delete(key)
  eps.departed.delete(podKey)
  if (endpoint) {
    eps.entries.set(podKey, endpoint)
    if (endpoint.ready) eps.readyCount++
  } else {
    eps.entries.delete(podKey)
    if (departed && routedAt(departed, departed.changedAt)) eps.departed.set(podKey, departed)
  }
}

/** The EndpointSlice controller for a whole Service: any write of the Service. */
export const endpointsController: Controller<'endpoints'> = {
  name: 'endpoints',
  sync: syncServiceEndpoints,
  watches: {
    Service: queueWrittenKey,
  },
}

/** The EndpointSlice controller for one pod: anything a Service's endpoints depend on (only when the namespace has Services). */
export const endpointPodsController: Controller<'endpointPods'> = {
  name: 'endpointPods',
  sync: syncPodEndpoints,
  watches: {
    Pod: (state, key, old, pod, queue) => {
      if (!hasSelectingService(state, (pod ?? old)!.metadata!.namespace!)) return
      if (
        !old ||
        !pod ||
        labelsChanged(old, pod) ||
        old.status?.podIP !== pod.status?.podIP ||
        isPodReady(old) !== isPodReady(pod) ||
        old.metadata?.deletionTimestamp !== pod.metadata?.deletionTimestamp ||
        old.status?.phase !== pod.status?.phase ||
        old.spec !== pod.spec
      ) {
        queue.add(key)
      }
    },
  },
}
