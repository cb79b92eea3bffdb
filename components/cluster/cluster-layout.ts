/**
 * The cluster view's model, computed from a State without any DOM: which pods sit on which node, grouped by
 * ReplicaSet (and so by Deployment revision), which are unscheduled, and which pods each Service reaches.
 */
import type { PodState, State } from '@/lib/sim/index'

export type ReplicaSetInfo = State['replicaSets'][number]
export type DeploymentInfo = State['deployments'][number]
export type ServiceInfo = State['services'][number]

/** Pods of one owner on one node (or among the unscheduled ones). */
export interface PodGroup {
  key: string
  /** `Deployment/web`, `ReplicaSet/web-7d4b9c`, or null for a bare pod */
  deployment: string | null
  replicaSet: string | null
  revision: number | null
  images: string[]
  /** 0 for the newest revision of its Deployment, 1 for the one before, …; drives the stripe colour */
  age: number
  pods: PodState[]
}

export interface NodeView {
  name: string
  ready: boolean
  /** false for a node named by a pod but absent from the node list (deleted) */
  known: boolean
  groups: PodGroup[]
  podCount: number
}

export interface ServiceView {
  key: string
  name: string
  namespace: string
  type: string
  clusterIP: string | null
  ports: string
  /** pod keys (`namespace/name`) of ready endpoints */
  readyPods: string[]
  readyCount: number
  notReadyCount: number
  traffic: { sent: number; ok: number; failed: number } | null
}

export interface DeploymentView {
  key: string
  info: DeploymentInfo
  replicaSets: (ReplicaSetInfo & { age: number })[]
}

export interface ClusterLayout {
  nodes: NodeView[]
  /** pods no node has taken yet */
  pending: PodGroup[]
  services: ServiceView[]
  deployments: DeploymentView[]
  podCount: number
}

export const podKey = (p: { namespace: string; name: string }): string => `${p.namespace}/${p.name}`
const displayName = (namespace: string, name: string): string => (namespace === 'default' ? name : `${namespace}/${name}`)

/** Revision order per Deployment: newest first. */
function replicaSetAges(state: State): Map<string, number> {
  const ages = new Map<string, number>()
  const byDeployment = new Map<string, ReplicaSetInfo[]>()
  for (const rs of state.replicaSets) {
    if (!rs.owner) continue
    const k = `${rs.namespace}/${rs.owner}`
    byDeployment.set(k, [...(byDeployment.get(k) ?? []), rs])
  }
  for (const list of byDeployment.values()) {
    list.sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0) || a.name.localeCompare(b.name))
    list.forEach((rs, i) => ages.set(`${rs.namespace}/${rs.name}`, i))
  }
  return ages
}

function groupPods(pods: PodState[], state: State, ages: Map<string, number>): PodGroup[] {
  const rsByKey = new Map(state.replicaSets.map((rs) => [`${rs.namespace}/ReplicaSet/${rs.name}`, rs]))
  const groups = new Map<string, PodGroup>()
  for (const pod of pods) {
    const key = pod.owner ? `${pod.namespace}/${pod.owner}` : `${pod.namespace}/Pod`
    let group = groups.get(key)
    if (!group) {
      const rs = pod.owner ? rsByKey.get(`${pod.namespace}/${pod.owner}`) : undefined
      group = {
        key,
        deployment: rs?.owner ?? null,
        replicaSet: rs ? rs.name : null,
        revision: rs?.revision ?? null,
        images: rs?.images ?? [],
        age: rs ? (ages.get(`${rs.namespace}/${rs.name}`) ?? 0) : 0,
        pods: [],
      }
      groups.set(key, group)
    }
    group.pods.push(pod)
  }
  // Newest revision first inside a node, bare pods last; pods by name so a frame change never reshuffles.
  const list = [...groups.values()]
  for (const g of list) g.pods.sort((a, b) => a.name.localeCompare(b.name))
  return list.sort((a, b) => (a.deployment ?? '~').localeCompare(b.deployment ?? '~') || a.age - b.age || a.key.localeCompare(b.key))
}

function portsLabel(svc: ServiceInfo): string {
  return svc.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}→${p.targetPort}/${p.protocol}`).join(', ')
}

export function clusterLayout(state: State): ClusterLayout {
  const ages = replicaSetAges(state)
  const byNode = new Map<string, PodState[]>()
  const pendingPods: PodState[] = []
  for (const pod of state.pods) {
    if (!pod.node) pendingPods.push(pod)
    else byNode.set(pod.node, [...(byNode.get(pod.node) ?? []), pod])
  }
  const nodes: NodeView[] = state.nodes.map((n) => {
    const pods = byNode.get(n.name) ?? []
    return { name: n.name, ready: n.ready, known: true, groups: groupPods(pods, state, ages), podCount: pods.length }
  })
  // A pod can outlive its node object (deleted node): keep it visible rather than dropping it.
  for (const [name, pods] of byNode) {
    if (!state.nodes.some((n) => n.name === name))
      nodes.push({ name, ready: false, known: false, groups: groupPods(pods, state, ages), podCount: pods.length })
  }
  const services: ServiceView[] = state.services
    .filter((s) => !(s.namespace === 'default' && s.name === 'kubernetes'))
    .map((s) => {
      const ready = s.endpoints.filter((e) => e.ready && e.pod)
      return {
        key: `${s.namespace}/${s.name}`,
        name: s.name,
        namespace: s.namespace,
        type: s.type,
        clusterIP: s.clusterIP,
        ports: portsLabel(s),
        readyPods: [...new Set(ready.map((e) => `${s.namespace}/${e.pod}`))],
        readyCount: ready.length,
        notReadyCount: s.endpoints.filter((e) => !e.ready).length,
        traffic: state.traffic[displayName(s.namespace, s.name)] ?? null,
      }
    })
  const deployments: DeploymentView[] = state.deployments.map((d) => ({
    key: `${d.namespace}/${d.name}`,
    info: d,
    replicaSets: state.replicaSets
      .filter((rs) => rs.namespace === d.namespace && rs.owner === `Deployment/${d.name}`)
      .map((rs) => ({ ...rs, age: ages.get(`${rs.namespace}/${rs.name}`) ?? 0 }))
      .sort((a, b) => a.age - b.age),
  }))
  return { nodes, pending: groupPods(pendingPods, state, ages), services, deployments, podCount: state.pods.length }
}
