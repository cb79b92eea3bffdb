/**
 * The one table of facts about each Kubernetes kind Kubelab knows: its group/version, the resource names kubectl
 * and the API server use, whether it lives in a namespace, and what Kubelab does with it. Every other table
 * (lib/k8s kinds, the simulator's store and API server, kubectl's aliases, qualified names, NotFound plurals and
 * `kubectl api-resources`) is derived from it. Adding a kind starts here (lib/sim/README.md, "Adding a kind").
 *
 * `role`:
 * - `simulated`: learners write it, lib/k8s validates it, the simulator stores and runs it;
 * - `stored`: the simulator stores it but learners never write it (Node);
 * - `listed`: kubectl shows it, the simulator derives it from other objects and stores nothing (Event, Endpoints,
 *   EndpointSlice);
 * - `validated`: lib/k8s validates it with `kinds: 'all'` (`kubelab validate`), the simulator answers `no matches`.
 *
 * The order of the entries is the store's order (a namespace's deletion removes its objects kind by kind in it).
 */
export type ResourceRole = 'simulated' | 'stored' | 'listed' | 'validated'

export interface ResourceInfo {
  kind: string
  /** '' is the core group (`v1`) */
  group: string
  version: string
  /** the resource name (`pods`) */
  plural: string
  /** kubectl's singular name (`pod`; `endpoints` for Endpoints) */
  singular: string
  shortNames: readonly string[]
  namespaced: boolean
  role: ResourceRole
}

export const RESOURCES = [
  { kind: 'Pod', group: '', version: 'v1', plural: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true, role: 'simulated' },
  {
    kind: 'ReplicaSet',
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    namespaced: true,
    role: 'simulated',
  },
  {
    kind: 'Deployment',
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    namespaced: true,
    role: 'simulated',
  },
  {
    kind: 'Service',
    group: '',
    version: 'v1',
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    namespaced: true,
    role: 'simulated',
  },
  {
    kind: 'Namespace',
    group: '',
    version: 'v1',
    plural: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    namespaced: false,
    role: 'simulated',
  },
  { kind: 'Node', group: '', version: 'v1', plural: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false, role: 'stored' },
  {
    kind: 'ConfigMap',
    group: '',
    version: 'v1',
    plural: 'configmaps',
    singular: 'configmap',
    shortNames: ['cm'],
    namespaced: true,
    role: 'simulated',
  },
  { kind: 'Event', group: '', version: 'v1', plural: 'events', singular: 'event', shortNames: ['ev'], namespaced: true, role: 'listed' },
  {
    kind: 'Endpoints',
    group: '',
    version: 'v1',
    plural: 'endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    namespaced: true,
    role: 'listed',
  },
  {
    kind: 'EndpointSlice',
    group: 'discovery.k8s.io',
    version: 'v1',
    plural: 'endpointslices',
    singular: 'endpointslice',
    shortNames: [],
    namespaced: true,
    role: 'listed',
  },
  { kind: 'Job', group: 'batch', version: 'v1', plural: 'jobs', singular: 'job', shortNames: [], namespaced: true, role: 'validated' },
  {
    kind: 'Ingress',
    group: 'networking.k8s.io',
    version: 'v1',
    plural: 'ingresses',
    singular: 'ingress',
    shortNames: ['ing'],
    namespaced: true,
    role: 'validated',
  },
  {
    kind: 'PodDisruptionBudget',
    group: 'policy',
    version: 'v1',
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    shortNames: ['pdb'],
    namespaced: true,
    role: 'validated',
  },
  { kind: 'Secret', group: '', version: 'v1', plural: 'secrets', singular: 'secret', shortNames: [], namespaced: true, role: 'validated' },
  {
    kind: 'ServiceAccount',
    group: '',
    version: 'v1',
    plural: 'serviceaccounts',
    singular: 'serviceaccount',
    shortNames: ['sa'],
    namespaced: true,
    role: 'validated',
  },
] as const satisfies readonly ResourceInfo[]

type Entry = (typeof RESOURCES)[number]
/** Kinds learners write and the simulator runs. */
export type SimulatedKind = Extract<Entry, { role: 'simulated' }>['kind']
/** Kinds the simulator keeps in its store (learners' kinds and Nodes). */
export type StoredKind = Extract<Entry, { role: 'simulated' | 'stored' }>['kind']
/** Kinds kubectl can name (`kubectl get TYPE`): stored ones and those derived from them. */
export type KubectlKind = Extract<Entry, { role: 'simulated' | 'stored' | 'listed' }>['kind']
/** Kinds only `kubelab validate` checks. */
export type ValidatedOnlyKind = Extract<Entry, { role: 'validated' }>['kind']

const BY_KIND = new Map<string, ResourceInfo>(RESOURCES.map((r) => [r.kind, r]))

export function resourceInfo(kind: string): ResourceInfo | undefined {
  return BY_KIND.get(kind)
}

function kindsWith(roles: readonly ResourceRole[]): string[] {
  return RESOURCES.filter((r) => roles.includes(r.role)).map((r) => r.kind)
}

export const SIMULATED_KINDS = kindsWith(['simulated']) as SimulatedKind[]
export const STORED_KINDS = kindsWith(['simulated', 'stored']) as StoredKind[]
export const KUBECTL_KINDS = kindsWith(['simulated', 'stored', 'listed']) as KubectlKind[]
export const VALIDATED_ONLY_KINDS = kindsWith(['validated']) as ValidatedOnlyKind[]

/** `v1`, `apps/v1`. */
export function apiVersionOf(r: ResourceInfo): string {
  return r.group ? `${r.group}/${r.version}` : r.version
}

/** The resource as the API server names it in errors: `pods`, `deployments.apps`. */
export function groupResource(r: ResourceInfo): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural
}

/** The type kubectl prints before a name: `pod/web`, `deployment.apps/web`. */
export function qualifiedSingular(r: ResourceInfo): string {
  return r.group ? `${r.singular}.${r.group}` : r.singular
}

/** The kind as an Invalid error names it: `Deployment.apps`, `Pod` (a kind the registry lacks stays as it is). */
export function qualifiedKind(kind: string): string {
  const group = BY_KIND.get(kind)?.group
  return group ? `${kind}.${group}` : kind
}

/** A record from kind to some fact, for the kinds given, in registry order. */
export function tableOf<K extends string, V>(kinds: readonly K[], fact: (r: ResourceInfo) => V): Record<K, V> {
  return Object.fromEntries(kinds.map((k) => [k, fact(BY_KIND.get(k)!)])) as Record<K, V>
}

/** Every word kubectl takes for a type: singular, plural, short names, and both names qualified by the group. */
export function typeWords(r: ResourceInfo): string[] {
  const words = [r.singular, r.plural, ...r.shortNames]
  if (r.group) words.push(`${r.singular}.${r.group}`, `${r.plural}.${r.group}`)
  return [...new Set(words)]
}
