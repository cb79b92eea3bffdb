/**
 * The EndpointSlice controller, incrementally: a Service's endpoints are recomputed in full when the
 * Service changes, and one pod's entry is updated when that pod changes. Candidates: same namespace,
 * selector matches, phase not Succeeded/Failed, has an IP. ready = publishNotReadyAddresses || (Ready and not
 * terminating); serving = Ready; terminating = deletionTimestamp set. Named targetPorts resolve per pod
 * (name AND protocol); a pod without the named port gets no endpoint port for that service port.
 */
import type { Pod, Service } from './k8s.ts'
import type { Change, ControllerContext } from './changes.ts'
import { isPodReady, isPodTerminal, keyOf, serviceSelectorMatches } from './objects.ts'
import type { ClusterState } from './state.ts'

export interface EndpointPort {
  name: string
  port: number
  protocol: string
}

export interface Endpoint {
  ip: string
  pod: string
  podKey: string
  node: string
  ready: boolean
  serving: boolean
  terminating: boolean
  ports: EndpointPort[]
}

export interface ServiceEndpoints {
  /** by pod key, insertion-ordered */
  entries: Map<string, Endpoint>
  readyCount: number
  /** true for Services the controller manages (selector set, not ExternalName) */
  managed: boolean
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
  }
}

function managed(svc: Service): boolean {
  return !!svc.spec?.selector && svc.spec.type !== 'ExternalName'
}

function sameEndpoint(a: Endpoint | undefined | null, b: Endpoint | undefined | null): boolean {
  if (!a || !b) return !a && !b
  return a.ip === b.ip && a.ready === b.ready && a.serving === b.serving && a.terminating === b.terminating && a.node === b.node && JSON.stringify(a.ports) === JSON.stringify(b.ports)
}

/** Full recompute for one Service (created, changed or deleted). */
export function syncServiceEndpoints(state: ClusterState, svcKey: string, _ctx: ControllerContext): Change[] {
  const svc = state.objects.Service.get(svcKey) as Service | undefined
  if (!svc) return [{ type: 'endpoints', svcKey, value: null }]
  const entries = new Map<string, Endpoint>()
  let readyCount = 0
  if (managed(svc)) {
    const ns = svc.metadata!.namespace!
    for (const podKey of state.indexes.byNamespace.Pod.get(ns) ?? []) {
      const ep = endpointFor(svc, state.objects.Pod.get(podKey) as Pod)
      if (!ep) continue
      entries.set(podKey, ep)
      if (ep.ready) readyCount++
    }
  } else if (svc.metadata!.name === 'kubernetes' && svc.metadata!.namespace === 'default') {
    entries.set('apiserver', { ip: '172.18.0.1', pod: '', podKey: '', node: '', ready: true, serving: true, terminating: false, ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] })
    readyCount = 1
  }
  return [{ type: 'endpoints', svcKey, value: { entries, readyCount, managed: managed(svc) } }]
}

/** One pod changed: update its entry in every Service of the namespace that selects it (or selected it). */
export function syncPodEndpoints(state: ClusterState, podKey: string, _ctx: ControllerContext): Change[] {
  const pod = state.objects.Pod.get(podKey) as Pod | undefined
  const ns = podKey.slice(0, podKey.indexOf('/'))
  const changes: Change[] = []
  for (const svcKey of state.indexes.byNamespace.Service.get(ns) ?? []) {
    const eps = state.endpoints.get(svcKey)
    if (!eps || !eps.managed) continue
    const svc = state.objects.Service.get(svcKey) as Service
    const before = eps.entries.get(podKey)
    const after = pod ? endpointFor(svc, pod) : null
    if (sameEndpoint(before, after)) continue
    changes.push({ type: 'endpoint', svcKey, podKey, endpoint: after })
  }
  return changes
}

/** Applies one endpoint change (the engine's half of the controller). */
export function setEndpoint(eps: ServiceEndpoints, podKey: string, endpoint: Endpoint | null): void {
  const before = eps.entries.get(podKey)
  if (before?.ready) eps.readyCount--
  if (endpoint) {
    eps.entries.set(podKey, endpoint)
    if (endpoint.ready) eps.readyCount++
  } else eps.entries.delete(podKey)
}
