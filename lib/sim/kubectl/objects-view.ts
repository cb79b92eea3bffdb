/** API-shaped views the store does not keep as objects: legacy Endpoints and EndpointSlices from the controller's state. */
import type { Service } from '../k8s.ts'
import type { ClusterState } from '../state.ts'

export interface EndpointsView {
  apiVersion: 'v1'
  kind: 'Endpoints'
  metadata: { name: string; namespace: string; creationTimestamp?: string; labels?: Record<string, string> }
  subsets?: {
    addresses?: { ip: string; nodeName?: string; targetRef?: { kind: 'Pod'; name: string; namespace: string } }[]
    notReadyAddresses?: { ip: string; nodeName?: string; targetRef?: { kind: 'Pod'; name: string; namespace: string } }[]
    ports: { name?: string; port: number; protocol: string }[]
  }[]
}

export function endpointsView(state: ClusterState, svc: Service): EndpointsView | undefined {
  const key = `${svc.metadata!.namespace}/${svc.metadata!.name}`
  const eps = state.endpoints.get(key)
  if (!eps || (!eps.managed && eps.entries.size === 0)) return undefined
  const ns = svc.metadata!.namespace!
  const view: EndpointsView = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: svc.metadata!.name!,
      namespace: ns,
      creationTimestamp: svc.metadata!.creationTimestamp,
      ...(svc.metadata?.labels ? { labels: svc.metadata.labels } : {}),
    },
  }
  // Legacy Endpoints: ready in addresses, not-ready in notReadyAddresses, terminating left out.
  const groups = new Map<
    string,
    {
      ports: { name?: string; port: number; protocol: string }[]
      addresses: NonNullable<EndpointsView['subsets']>[number]['addresses']
      notReady: NonNullable<EndpointsView['subsets']>[number]['addresses']
    }
  >()
  for (const e of eps.entries.values()) {
    if (e.terminating && !svc.spec?.publishNotReadyAddresses) continue
    if (e.ports.length === 0 && eps.managed) continue
    const sig = JSON.stringify(e.ports)
    let g = groups.get(sig)
    if (!g)
      groups.set(
        sig,
        (g = {
          ports: e.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol })),
          addresses: [],
          notReady: [],
        }),
      )
    const addr = {
      ip: e.ip,
      ...(e.node ? { nodeName: e.node } : {}),
      ...(e.pod ? { targetRef: { kind: 'Pod' as const, name: e.pod, namespace: ns } } : {}),
    }
    if (e.ready) g.addresses!.push(addr)
    else g.notReady!.push(addr)
  }
  if (groups.size) {
    view.subsets = [...groups.values()].map((g) => ({
      ...(g.addresses!.length ? { addresses: g.addresses!.sort((a, b) => a.ip.localeCompare(b.ip, 'en', { numeric: true })) } : {}),
      ...(g.notReady!.length ? { notReadyAddresses: g.notReady!.sort((a, b) => a.ip.localeCompare(b.ip, 'en', { numeric: true })) } : {}),
      ports: g.ports,
    }))
  }
  return view
}

/** ENDPOINTS column: up to three ready ip:port pairs then "+ N more...". */
export function endpointsColumn(view: EndpointsView | undefined): string {
  const list: string[] = []
  for (const s of view?.subsets ?? []) for (const a of s.addresses ?? []) for (const p of s.ports) list.push(`${a.ip}:${p.port}`)
  if (list.length === 0) return '<none>'
  if (list.length <= 3) return list.join(',')
  return `${list.slice(0, 3).join(',')} + ${list.length - 3} more...`
}

export function endpointSliceView(state: ClusterState, svc: Service): Record<string, unknown> | undefined {
  const key = `${svc.metadata!.namespace}/${svc.metadata!.name}`
  const eps = state.endpoints.get(key)
  if (!eps?.managed) return undefined
  const ns = svc.metadata!.namespace!
  const first = [...eps.entries.values()][0]
  const labels: Record<string, string> = {
    'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    'kubernetes.io/service-name': svc.metadata!.name!,
  }
  if (svc.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = ''
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    addressType: 'IPv4',
    metadata: {
      name: `${svc.metadata!.name}-${(svc.metadata!.uid ?? 'xxxxx').replace(/[^a-z0-9]/g, '').slice(0, 5)}`,
      namespace: ns,
      labels,
      creationTimestamp: svc.metadata!.creationTimestamp,
    },
    endpoints: [...eps.entries.values()].map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready, serving: e.serving, terminating: e.terminating },
      nodeName: e.node,
      targetRef: { kind: 'Pod', name: e.pod, namespace: ns },
    })),
    ports: (
      first?.ports ??
      (svc.spec?.ports ?? []).map((p) => ({
        name: p.name ?? '',
        port: typeof p.targetPort === 'number' ? p.targetPort : p.port,
        protocol: p.protocol ?? 'TCP',
      }))
    ).map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
  }
}
