/**
 * The State JSON of `simulate --json`: what the cluster looks like at one moment, sorted and plain, for
 * graders and the UI. Built from the store and the kubelet runtime, never from internal references.
 */
import type { Pod } from './k8s.ts'
import { ANNOTATIONS, controllerOf, isPodReady } from './objects.ts'
import type { ClusterState } from './state.ts'
import { podStatusColumn } from './kubectl/pod-status.ts'
import { listAll } from './store.ts'

export interface ContainerState {
  name: string
  image: string
  ready: boolean
  restartCount: number
  state: 'waiting' | 'running' | 'terminated'
  reason: string | null
}

export interface PodState {
  name: string
  namespace: string
  labels: Record<string, string>
  node: string | null
  ip: string | null
  phase: string
  ready: boolean
  terminating: boolean
  status: string
  restarts: number
  owner: string | null
  containers: ContainerState[]
}

export interface State {
  time: number
  nodes: { name: string; ready: boolean }[]
  pods: PodState[]
  replicaSets: {
    name: string
    namespace: string
    owner: string | null
    replicas: number
    readyReplicas: number
    availableReplicas: number
    revision: number | null
    podTemplateHash: string | null
    images: string[]
  }[]
  deployments: {
    name: string
    namespace: string
    replicas: number
    updatedReplicas: number
    readyReplicas: number
    availableReplicas: number
    unavailableReplicas: number
    revision: number | null
    images: string[]
    conditions: { type: string; status: string; reason: string }[]
  }[]
  services: {
    name: string
    namespace: string
    type: string
    clusterIP: string | null
    ports: { name: string | null; port: number; targetPort: number | string; nodePort: number | null; protocol: string }[]
    endpoints: { ip: string; pod: string | null; port: number | null; ready: boolean }[]
  }[]
  traffic: Record<string, { sent: number; ok: number; failed: number }>
}

function revision(annotations: Record<string, string> | undefined): number | null {
  const v = annotations?.[ANNOTATIONS.revision]
  return v === undefined ? null : Number(v)
}

export function podState(pod: Pod): PodState {
  const statuses = pod.status?.containerStatuses ?? []
  const containers: ContainerState[] = (pod.spec?.containers ?? []).map((c) => {
    const s = statuses.find((x) => x.name === c.name)
    const st = s?.state ?? {}
    const state = st.running ? 'running' : st.terminated ? 'terminated' : 'waiting'
    const reason = st.waiting?.reason ?? st.terminated?.reason ?? null
    return {
      name: c.name,
      image: c.image ?? '',
      ready: s?.ready ?? false,
      restartCount: s?.restartCount ?? 0,
      state,
      reason: state === 'waiting' ? (reason ?? 'ContainerCreating') : reason,
    }
  })
  const ctl = controllerOf(pod)
  return {
    name: pod.metadata!.name!,
    namespace: pod.metadata!.namespace!,
    labels: { ...pod.metadata?.labels },
    node: pod.spec?.nodeName ?? null,
    ip: pod.status?.podIP ?? null,
    phase: pod.status?.phase ?? 'Pending',
    ready: isPodReady(pod),
    terminating: !!pod.metadata?.deletionTimestamp,
    status: podStatusColumn(pod),
    restarts: containers.reduce((n, c) => n + c.restartCount, 0),
    owner: ctl ? `${ctl.kind}/${ctl.name}` : null,
    containers,
  }
}

export function snapshot(state: ClusterState): State {
  const nodes = listAll(state, 'Node').map((n) => ({
    name: n.metadata.name!,
    ready: n.status.conditions.find((c) => c.type === 'Ready')?.status === 'True',
  }))
  const pods = listAll(state, 'Pod').map(podState)
  const replicaSets = listAll(state, 'ReplicaSet').map((rs) => {
    const ctl = controllerOf(rs)
    return {
      name: rs.metadata!.name!,
      namespace: rs.metadata!.namespace!,
      owner: ctl ? `${ctl.kind}/${ctl.name}` : null,
      replicas: rs.spec?.replicas ?? 0,
      readyReplicas: rs.status?.readyReplicas ?? 0,
      availableReplicas: rs.status?.availableReplicas ?? 0,
      revision: revision(rs.metadata?.annotations),
      podTemplateHash: rs.metadata?.labels?.['pod-template-hash'] ?? null,
      images: (rs.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ''),
    }
  })
  const deployments = listAll(state, 'Deployment').map((d) => ({
    name: d.metadata!.name!,
    namespace: d.metadata!.namespace!,
    replicas: d.status?.replicas ?? 0,
    updatedReplicas: d.status?.updatedReplicas ?? 0,
    readyReplicas: d.status?.readyReplicas ?? 0,
    availableReplicas: d.status?.availableReplicas ?? 0,
    unavailableReplicas: d.status?.unavailableReplicas ?? 0,
    revision: revision(d.metadata?.annotations),
    images: (d.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ''),
    conditions: (d.status?.conditions ?? []).map((c) => ({ type: c.type, status: c.status, reason: c.reason ?? '' })),
  }))
  const services = listAll(state, 'Service').map((svc) => {
    const key = `${svc.metadata!.namespace}/${svc.metadata!.name}`
    const eps = [...(state.endpoints.get(key)?.entries.values() ?? [])]
    const firstPort = svc.spec?.ports?.[0]?.name ?? ''
    return {
      name: svc.metadata!.name!,
      namespace: svc.metadata!.namespace!,
      type: svc.spec?.type ?? 'ClusterIP',
      clusterIP: svc.spec?.clusterIP ?? null,
      ports: (svc.spec?.ports ?? []).map((p) => ({
        name: p.name ?? null,
        port: p.port,
        targetPort: p.targetPort ?? p.port,
        nodePort: p.nodePort ?? null,
        protocol: p.protocol ?? 'TCP',
      })),
      endpoints: eps
        .map((e) => ({
          ip: e.ip,
          pod: e.pod || null,
          port: (e.ports.find((p) => p.name === firstPort) ?? e.ports[0])?.port ?? null,
          ready: e.ready,
        }))
        .sort((a, b) => (a.pod ?? '').localeCompare(b.pod ?? '') || a.ip.localeCompare(b.ip)),
    }
  })
  const traffic: State['traffic'] = {}
  for (const k of Object.keys(state.traffic.counters).sort()) traffic[k] = { ...state.traffic.counters[k]! }
  return { time: state.now / 1000, nodes, pods, replicaSets, deployments, services, traffic }
}
