/**
 * Object kinds the simulated API server stores, with the keys and small predicates every controller uses.
 * Objects are plain JSON and are never mutated once stored: a change stores a new object (structural
 * sharing keeps a 100,000-pod cluster cheap).
 */
import type {
  ConfigMap,
  Deployment,
  LabelSelector,
  Namespace,
  ObjectMeta,
  OwnerReference,
  Pod,
  PodCondition,
  ReplicaSet,
  Service,
} from './k8s.ts'
import { STORED_KINDS, tableOf, type StoredKind } from '../k8s/registry.ts'
// Kubernetes helpers live in lib/k8s, one per meaning; the simulator takes them from here with its own.
export { deepEqual, isEmptyLabelSelector, labelSelectorMatches, labelSetMatches, resourceAmount, serviceSelectorMatches } from './k8s.ts'

export interface Taint {
  key: string
  value?: string
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
  timeAdded?: string
}

export interface NodeCondition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  reason: string
  message: string
  lastHeartbeatTime: string
  lastTransitionTime: string
}

/** The Node kind (lib/k8s does not model it: learners never write Nodes). */
export interface Node {
  apiVersion: 'v1'
  kind: 'Node'
  metadata: ObjectMeta
  spec: { podCIDR: string; podCIDRs: string[]; taints?: Taint[]; unschedulable?: boolean }
  status: {
    capacity: Record<string, string>
    allocatable: Record<string, string>
    conditions: NodeCondition[]
    addresses: { type: string; address: string }[]
    nodeInfo: Record<string, string>
  }
}

/** The kinds the API server stores (lib/k8s/registry.ts). */
export type Kind = StoredKind

/**
 * The TypeScript type of each stored kind: the store's maps are typed by it (`state.objects.Pod` holds Pods), so
 * a read needs no cast. A stored kind of the registry needs one entry here (the check below fails otherwise).
 */
export interface StoredObjectTypes {
  Pod: Pod
  ReplicaSet: ReplicaSet
  Deployment: Deployment
  Service: Service
  Namespace: Namespace
  Node: Node
  ConfigMap: ConfigMap
}
export type ObjectOf<K extends Kind> = StoredObjectTypes[K]
export type AnyObject = ObjectOf<Kind>

// Every stored kind has an entry, none other does, and each entry's `kind` is its own name.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const objectTypesMatchRegistry: [Same<keyof StoredObjectTypes, Kind>, Same<{ [K in Kind]: ObjectOf<K>['kind'] }, { [K in Kind]: K }>] = [
  true,
  true,
]
void objectTypesMatchRegistry
export const NAMESPACED: Readonly<Record<Kind, boolean>> = tableOf(STORED_KINDS, (r) => r.namespaced)

export function keyOf(namespace: string | undefined, name: string): string {
  // join() makes a flat string: keys live as long as their objects, a rope would keep two strings alive
  return namespace ? [namespace, name].join('/') : name
}

export function objectKey(obj: Readonly<AnyObject>): string {
  return keyOf(obj.metadata?.namespace, obj.metadata!.name!)
}

export function controllerOf(obj: { metadata?: ObjectMeta }): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((r) => r.controller === true)
}

export function ownerRef(kind: 'Deployment' | 'ReplicaSet', owner: { metadata?: ObjectMeta }): OwnerReference {
  return {
    apiVersion: 'apps/v1',
    kind,
    name: owner.metadata!.name!,
    uid: owner.metadata!.uid!,
    controller: true,
    blockOwnerDeletion: true,
  }
}

export function selectorString(selector: LabelSelector | Record<string, string> | undefined): string {
  if (!selector) return '<none>'
  const s = selector as LabelSelector
  if (s.matchLabels !== undefined || s.matchExpressions !== undefined) {
    const parts = Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`)
    for (const e of s.matchExpressions ?? []) {
      if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`)
      else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`)
      else if (e.operator === 'Exists') parts.push(e.key)
      else parts.push(`!${e.key}`)
    }
    return parts.length ? parts.join(',') : '<none>'
  }
  const parts = Object.entries(selector as Record<string, string>).map(([k, v]) => `${k}=${v}`)
  return parts.length ? parts.join(',') : '<none>'
}

export function podCondition(pod: Pod, type: string): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === type)
}

export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True'
}

export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}

/** controller_utils IsPodActive: not terminal and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !pod.metadata?.deletionTimestamp
}

export const ANNOTATIONS = {
  revision: 'deployment.kubernetes.io/revision',
  revisionHistory: 'deployment.kubernetes.io/revision-history',
  desiredReplicas: 'deployment.kubernetes.io/desired-replicas',
  maxReplicas: 'deployment.kubernetes.io/max-replicas',
  lastApplied: 'kubectl.kubernetes.io/last-applied-configuration',
  changeCause: 'kubernetes.io/change-cause',
  deletionCost: 'controller.kubernetes.io/pod-deletion-cost',
  restartedAt: 'kubectl.kubernetes.io/restartedAt',
} as const

export const POD_TEMPLATE_HASH = 'pod-template-hash'
