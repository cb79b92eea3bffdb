/**
 * The cluster network as a client sees it: cluster DNS (<svc>.<ns>.svc.cluster.local with the pod's search
 * path), Service VIPs and node ports balanced over ready endpoints like kube-proxy in iptables mode
 * (uniform random, seeded, following endpoint changes a second late), pod IPs, localhost inside a pod, and what the program on the other end answers.
 */
import { mountedAt } from './kubelet/volumes.ts'
import type { Service } from './k8s.ts'
import { httpResponse } from './kubelet/apps.ts'
import { lookupImage } from './kubelet/images.ts'
import { programFor, nodeIp } from './kubelet/sync.ts'
import { isListening } from './kubelet/probes.ts'
import { nextInt } from './rng.ts'
import type { ClusterState } from './state.ts'
import { proxiedEndpoints } from './endpoint-slices.ts'
import type { Endpoint } from './model.ts'

export type HttpResult =
  /** timeIndependent: the same request answers the same while the pod's runtime does not change */
  { ok: true; status: number; body: string; pod: string; timeIndependent: boolean } | { ok: false; code: number; error: string }

export interface Client {
  /** namespace for the DNS search path */
  namespace: string
  /** the pod the request comes from (localhost), if any */
  podKey?: string
}

export function parseUrl(url: string): { host: string; port?: number; path: string } | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([/?][^#]*)?$/.exec(url.trim())
  if (!m) return undefined
  return { host: m[2]!, port: m[3] ? Number(m[3]) : undefined, path: m[4] && m[4].startsWith('/') ? m[4] : `/${m[4] ?? ''}` }
}

type Target = { kind: 'service'; svc: Service } | { kind: 'pod'; podKey: string } | { kind: 'node'; node: string } | { kind: 'none' }

function resolveHost(state: ClusterState, host: string, client: Client): Target | undefined {
  if (host === 'localhost' || host === '127.0.0.1') return client.podKey ? { kind: 'pod', podKey: client.podKey } : { kind: 'none' }
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    for (const svc of state.objects.Service.values() as Iterable<Service>) if (svc.spec?.clusterIP === host) return { kind: 'service', svc }
    for (const [key, rt] of state.pods) if (rt.ip === host) return { kind: 'pod', podKey: key }
    for (const rt of state.nodes.values()) if (nodeIp(rt.index) === host) return { kind: 'node', node: rt.name }
    return { kind: 'none' }
  }
  const name = host.replace(/\.$/, '')
  const parts = name.split('.')
  const candidates: [string, string][] = []
  if (parts.length === 1) candidates.push([client.namespace, parts[0]!])
  else if (parts.length === 2) candidates.push([parts[1]!, parts[0]!])
  else if (parts[2] === 'svc') candidates.push([parts[1]!, parts[0]!])
  for (const [ns, svcName] of candidates) {
    const svc = state.objects.Service.get(`${ns}/${svcName}`)
    if (svc) return { kind: 'service', svc }
  }
  const node = state.objects.Node.get(name)
  if (node) return { kind: 'node', node: name }
  return undefined
}

/** An HTTP request to a pod IP:port, answered by the container listening there. */
export function requestPod(state: ClusterState, podKey: string, port: number, path: string, at: number): HttpResult {
  const pod = state.objects.Pod.get(podKey)
  const rt = state.pods.get(podKey)
  if (!pod || !rt || !rt.ip) return { ok: false, code: 7, error: 'Failed to connect: No route to host' }
  const node = state.nodes.get(rt.node)
  if (!node?.up) return { ok: false, code: 28, error: `Failed to connect to ${rt.ip} port ${port} after 10001 ms: Timeout was reached` }
  for (const c of rt.containers) {
    if (c.init) continue
    const spec = pod.spec?.containers?.find((x) => x.name === c.name)
    const info = lookupImage(c.image)
    if (!spec || !info) continue
    const program = programFor(spec, info)
    if (!isListening({ runtime: c, program, now: at }, port) || program.kind !== 'server') continue
    const r = httpResponse(program.app, info.tag, {
      podName: pod.metadata!.name!,
      version: info.version,
      path,
      runningMs: at - (c.startedAt ?? at),
      unhealthyAfterMs: program.unhealthyAfterMs,
      webRoot: program.app === 'nginx' ? mountedAt(pod, rt, c.name, '/usr/share/nginx/html') : null,
    })
    if (!r) return { ok: false, code: 52, error: 'Empty reply from server' }
    return { ok: true, status: r.status, body: r.body, pod: pod.metadata!.name!, timeIndependent: program.unhealthyAfterMs === undefined }
  }
  return { ok: false, code: 7, error: `Failed to connect to ${rt.ip} port ${port} after 0 ms: Couldn't connect to server` }
}

/**
 * kube-proxy: an endpoint it routes to (ready, as of PROXY_SYNC_MS ago) with a port for this service port,
 * chosen uniformly at random — or, with
 * `sessionAffinity: ClientIP`, the endpoint this client used last, until it idles for timeoutSeconds.
 */
export function chooseEndpoint(
  state: ClusterState,
  svc: Service,
  portIndex: number,
  client?: string,
): { ep: Endpoint; port: number } | undefined {
  const key = `${svc.metadata!.namespace}/${svc.metadata!.name}`
  const eps = state.endpoints.get(key)
  if (!eps) return undefined
  const name = svc.spec?.ports?.[portIndex]?.name ?? ''
  const ready: { ep: Endpoint; port: number }[] = []
  for (const ep of proxiedEndpoints(eps, state.now)) {
    const p = ep.ports.find((x) => x.name === name)
    if (p) ready.push({ ep, port: p.port })
  }
  if (ready.length === 0) return undefined
  if (svc.spec?.sessionAffinity === 'ClientIP' && client) {
    const timeout = (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) * 1000
    const id = `${key}|${client}`
    const sticky = state.traffic.affinity[id]
    const hit = sticky && state.now - sticky.last < timeout ? ready.find((r) => r.ep.podKey === sticky.podKey) : undefined
    const chosen = hit ?? ready[nextInt(state.rng, ready.length)]!
    state.traffic.affinity[id] = { podKey: chosen.ep.podKey, last: state.now }
    return chosen
  }
  return ready[nextInt(state.rng, ready.length)]
}

/** The source address kube-proxy sees: the pod's IP, or the terminal's (a fixed client outside the pods). */
function clientId(state: ClusterState, client: Client): string {
  return (client.podKey && state.pods.get(client.podKey)?.ip) || '172.18.0.1'
}

export function httpGet(state: ClusterState, url: string, client: Client): HttpResult {
  const u = parseUrl(url)
  if (!u) return { ok: false, code: 3, error: `URL rejected: Malformed input to a URL function` }
  const target = resolveHost(state, u.host, client)
  const port = u.port ?? 80
  if (!target) return { ok: false, code: 6, error: `Could not resolve host: ${u.host}` }
  const now = state.now
  switch (target.kind) {
    case 'none':
      return { ok: false, code: 7, error: `Failed to connect to ${u.host} port ${port} after 0 ms: Couldn't connect to server` }
    case 'pod':
      return requestPod(state, target.podKey, port, u.path, now)
    case 'node': {
      for (const svc of state.objects.Service.values() as Iterable<Service>) {
        const i = (svc.spec?.ports ?? []).findIndex((p) => p.nodePort === port)
        if (i >= 0) return viaService(state, svc, i, u.host, port, u.path, clientId(state, client))
      }
      return { ok: false, code: 7, error: `Failed to connect to ${u.host} port ${port} after 0 ms: Couldn't connect to server` }
    }
    case 'service': {
      const svc = target.svc
      if (svc.spec?.type === 'ExternalName') return { ok: false, code: 6, error: `Could not resolve host: ${svc.spec.externalName}` }
      if (svc.spec?.clusterIP === 'None') {
        const eps = [...(state.endpoints.get(`${svc.metadata!.namespace}/${svc.metadata!.name}`)?.entries.values() ?? [])].filter(
          (e) => e.ready,
        )
        if (eps.length === 0) return { ok: false, code: 6, error: `Could not resolve host: ${u.host}` }
        const ep = eps[nextInt(state.rng, eps.length)]!
        return requestPod(state, ep.podKey, port, u.path, now)
      }
      const i = (svc.spec?.ports ?? []).findIndex((p) => p.port === port)
      if (i < 0) return { ok: false, code: 28, error: `Failed to connect to ${u.host} port ${port} after 10001 ms: Timeout was reached` }
      return viaService(state, svc, i, u.host, port, u.path, clientId(state, client))
    }
  }
}

function viaService(
  state: ClusterState,
  svc: Service,
  portIndex: number,
  host: string,
  port: number,
  path: string,
  client: string,
): HttpResult {
  const chosen = chooseEndpoint(state, svc, portIndex, client)
  if (!chosen) return { ok: false, code: 7, error: `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server` }
  return requestPod(state, chosen.ep.podKey, chosen.port, path, state.now)
}
