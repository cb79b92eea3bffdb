/** Resource type names and aliases kubectl accepts, and how each kind is printed. */
import type { Kind } from '../objects.ts'

export const RESOURCE_ALIASES: Record<string, Kind | 'Event' | 'Endpoints' | 'EndpointSlice' | 'All'> = {
  pod: 'Pod', pods: 'Pod', po: 'Pod',
  deployment: 'Deployment', deployments: 'Deployment', deploy: 'Deployment', 'deployment.apps': 'Deployment', 'deployments.apps': 'Deployment',
  replicaset: 'ReplicaSet', replicasets: 'ReplicaSet', rs: 'ReplicaSet', 'replicaset.apps': 'ReplicaSet', 'replicasets.apps': 'ReplicaSet',
  service: 'Service', services: 'Service', svc: 'Service',
  node: 'Node', nodes: 'Node', no: 'Node',
  namespace: 'Namespace', namespaces: 'Namespace', ns: 'Namespace',
  event: 'Event', events: 'Event', ev: 'Event',
  endpoints: 'Endpoints', ep: 'Endpoints',
  endpointslice: 'EndpointSlice', endpointslices: 'EndpointSlice', 'endpointslices.discovery.k8s.io': 'EndpointSlice',
  all: 'All',
}

export type ResourceKind = (typeof RESOURCE_ALIASES)[string]

export const QUALIFIED: Record<string, string> = {
  Pod: 'pod',
  Deployment: 'deployment.apps',
  ReplicaSet: 'replicaset.apps',
  Service: 'service',
  Node: 'node',
  Namespace: 'namespace',
  Event: 'event',
  Endpoints: 'endpoints',
  EndpointSlice: 'endpointslice.discovery.k8s.io',
}

/** Plural resource name as the API server words NotFound errors: `pods "x" not found`. */
export const PLURAL: Record<string, string> = {
  Pod: 'pods',
  Deployment: 'deployments.apps',
  ReplicaSet: 'replicasets.apps',
  Service: 'services',
  Node: 'nodes',
  Namespace: 'namespaces',
  Event: 'events',
  Endpoints: 'endpoints',
  EndpointSlice: 'endpointslices.discovery.k8s.io',
}

export function resolveResource(word: string): ResourceKind | undefined {
  return RESOURCE_ALIASES[word.toLowerCase()]
}

/** `deploy/web` → [Deployment, web]; undefined when the type is unknown. */
export function splitTypeName(word: string): { kind: ResourceKind; name: string } | { error: string } | undefined {
  const slash = word.indexOf('/')
  if (slash < 0) return undefined
  const type = word.slice(0, slash)
  const kind = resolveResource(type)
  if (!kind) return { error: `error: the server doesn't have a resource type "${type}"` }
  return { kind, name: word.slice(slash + 1) }
}

export function notFound(kind: string, name: string): string {
  return `Error from server (NotFound): ${PLURAL[kind] ?? kind.toLowerCase()} "${name}" not found\n`
}
