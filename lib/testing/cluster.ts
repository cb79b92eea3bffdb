/**
 * The simulator's test fixtures (tests and bench/sim.bench.ts): manifests as text for whole clusters, a cluster
 * that has applied one and run a while, already-defaulted objects (through lib/k8s applyDefaults), a fresh
 * cluster state, and a harness that runs one controller sync at a time and applies its changes without running
 * any other controller — so tests can assert the exact [new, old] ReplicaSet sizes after each Deployment sync.
 * Imports nothing from vitest: the benchmarks run it under tsx.
 */
import type { Deployment, Pod, ReplicaSet, Service } from '../sim/k8s.ts'
import { applyDefaults } from '../sim/k8s.ts'
import { createObject, updateObject } from '../sim/apiserver.ts'
import { bootstrapState, type ClusterOptions } from '../sim/bootstrap.ts'
import { createCluster, type Cluster } from '../sim/cluster.ts'
import { applyChanges, context } from '../sim/engine.ts'
import type { Change } from '../sim/changes.ts'
import { keyOf, NAMESPACED, type AnyObject, type Kind, type ObjectOf } from '../sim/objects.ts'
import type { ClusterState } from '../sim/state.ts'
import { putObject } from '../sim/store.ts'

export interface DeploymentYamlOptions {
  name?: string
  replicas?: number
  /** the one container's name and image */
  container?: string
  image?: string
  /** a containerPort on the container */
  port?: number
  /** more fields of the container, in flow YAML (`readinessProbe: {httpGet: {path: /, port: 80}}`) */
  containerFields?: string
  /** instead of the one container: the template's `containers:` list as block YAML, indented six spaces */
  containers?: string
  /** more fields of the pod spec, as block YAML written for a Pod's `spec:` (two spaces in) */
  podSpec?: string
}

/**
 * A Deployment's manifest as a learner writes it: `app: NAME` labels its selector and template, one container.
 * The text is what tests apply, so its fields keep this order (they reach last-applied-configuration).
 */
export function deploymentYaml(o: DeploymentYamlOptions = {}): string {
  const name = o.name ?? 'web'
  const fields = [`name: ${o.container ?? 'app'}`, `image: "${o.image ?? 'nginx:1.27'}"`]
  if (o.port !== undefined) fields.push(`ports: [{containerPort: ${o.port}}]`)
  if (o.containerFields) fields.push(o.containerFields)
  const oneContainer = `[{${fields.join(', ')}}]`
  const podSpec = o.containers
    ? `\n      containers:\n${o.containers.replace(/\n$/, '')}`
    : o.podSpec
      ? `\n      containers: ${oneContainer}`
      : ` {containers: ${oneContainer}}`
  const more = o.podSpec ? `${indent(o.podSpec.replace(/\n$/, ''), '    ')}\n` : ''
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${o.replicas ?? 2}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:${podSpec}
${more}`
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n')
}

/** A Service selecting `app: APP` (its own name unless told) on port 80. */
export function serviceYaml(name = 'web', app = name): string {
  return `apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec: {selector: {app: ${app}}, ports: [{port: 80}]}
`
}

/** `a`, `---`, `b`: one manifest of several objects. */
export function manifests(...docs: string[]): string {
  return docs.join('---\n')
}

/** A new cluster that has applied `manifest` (which must succeed) and then run `advance` virtual seconds. */
export function clusterWith(manifest: string, o: ClusterOptions & { advance?: number } = {}): Cluster {
  const { advance, ...options } = o
  const c = createCluster(options)
  const r = c.apply(manifest)
  if (!r.ok) throw new Error(`the fixture's manifest did not apply: ${r.output}`)
  if (advance) c.advance(advance)
  return c
}

export function testState(options: ClusterOptions = {}): ClusterState {
  return bootstrapState({ seed: 42, ...options })
}

export interface DeploymentOptions {
  replicas?: number
  image?: string
  maxSurge?: number | string
  maxUnavailable?: number | string
  strategy?: 'RollingUpdate' | 'Recreate'
  minReadySeconds?: number
  progressDeadlineSeconds?: number
  revisionHistoryLimit?: number
  paused?: boolean
  labels?: Record<string, string>
  readinessProbe?: Record<string, unknown>
  livenessProbe?: Record<string, unknown>
  command?: string[]
}

export function deployment(name: string, o: DeploymentOptions = {}): Deployment {
  const labels = o.labels ?? { app: name }
  const strategy =
    o.strategy === 'Recreate'
      ? { type: 'Recreate' }
      : {
          type: 'RollingUpdate',
          rollingUpdate: {
            ...(o.maxSurge !== undefined ? { maxSurge: o.maxSurge } : {}),
            ...(o.maxUnavailable !== undefined ? { maxUnavailable: o.maxUnavailable } : {}),
          },
        }
  const container: Record<string, unknown> = { name: 'app', image: o.image ?? 'nginx:1.26', ports: [{ containerPort: 80 }] }
  if (o.readinessProbe) container.readinessProbe = o.readinessProbe
  if (o.livenessProbe) container.livenessProbe = o.livenessProbe
  if (o.command) container.command = o.command
  return applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: labels },
      strategy,
      ...(o.minReadySeconds !== undefined ? { minReadySeconds: o.minReadySeconds } : {}),
      ...(o.progressDeadlineSeconds !== undefined ? { progressDeadlineSeconds: o.progressDeadlineSeconds } : {}),
      ...(o.revisionHistoryLimit !== undefined ? { revisionHistoryLimit: o.revisionHistoryLimit } : {}),
      ...(o.paused !== undefined ? { paused: o.paused } : {}),
      template: { metadata: { labels }, spec: { containers: [container] } },
    },
  } as unknown as Deployment)
}

export function replicaSet(
  name: string,
  o: { replicas?: number; labels?: Record<string, string>; image?: string; minReadySeconds?: number } = {},
): ReplicaSet {
  const labels = o.labels ?? { app: name }
  return applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', labels },
    spec: {
      replicas: o.replicas ?? 1,
      minReadySeconds: o.minReadySeconds ?? 0,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: o.image ?? 'nginx:1.26' }] } },
    },
  } as ReplicaSet)
}

export function pod(
  name: string,
  o: { labels?: Record<string, string>; image?: string; restartPolicy?: string; command?: string[]; nodeName?: string } = {},
): Pod {
  return applyDefaults({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: o.labels ?? { app: name } },
    spec: {
      ...(o.restartPolicy ? { restartPolicy: o.restartPolicy } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      containers: [{ name: 'app', image: o.image ?? 'nginx:1.26', ...(o.command ? { command: o.command } : {}) }],
    },
  } as Pod)
}

export function service(
  name: string,
  o: {
    selector?: Record<string, string>
    port?: number
    targetPort?: number | string
    type?: string
    publishNotReadyAddresses?: boolean
    clusterIP?: string
  } = {},
): Service {
  return applyDefaults({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      ...(o.type ? { type: o.type } : {}),
      ...(o.clusterIP ? { clusterIP: o.clusterIP } : {}),
      ...(o.publishNotReadyAddresses ? { publishNotReadyAddresses: true } : {}),
      selector: o.selector ?? { app: name },
      ports: [{ port: o.port ?? 80, ...(o.targetPort !== undefined ? { targetPort: o.targetPort } : {}) }],
    },
  } as Service)
}

/** Creates through the simulated API server (uid, timestamps, admission). */
export function create<T extends AnyObject>(state: ClusterState, obj: T): T {
  const r = createObject(state, obj)
  if (!r.ok) throw new Error(r.message)
  return r.object as T
}

export function update<T extends AnyObject>(state: ClusterState, obj: T): T {
  const r = updateObject(state, obj)
  if (!r.ok) throw new Error(r.message)
  return r.object as T
}

/** The stored object of a kind by name (in `namespace` for a namespaced kind); the test fails later if there is none. */
export function get<K extends Kind>(state: ClusterState, kind: K, name: string, namespace = 'default'): ObjectOf<K> {
  return state.objects[kind].get(NAMESPACED[kind] ? keyOf(namespace, name) : name)!
}

/** Runs one controller function and applies its changes; no other controller runs. */
export function step(
  state: ClusterState,
  fn: (s: ClusterState, key: string, ctx: ReturnType<typeof context>) => Change[],
  key: string,
): Change[] {
  const changes = fn(state, key, context(state))
  applyChanges(state, changes)
  return changes
}

/** Sets a ReplicaSet's status as if its pods had become (un)available: the "avail-between-syncs" knob. */
export function setReplicaSetStatus(state: ClusterState, name: string, s: { replicas: number; ready?: number; available?: number }): void {
  const rs = get(state, 'ReplicaSet', name)
  putObject(state, {
    ...rs,
    status: {
      replicas: s.replicas,
      readyReplicas: s.ready ?? s.available ?? s.replicas,
      availableReplicas: s.available ?? s.replicas,
      observedGeneration: rs.metadata!.generation,
    },
  })
}

export function replicaSetsOf(state: ClusterState, deploymentName: string): ReplicaSet[] {
  const d = get(state, 'Deployment', deploymentName)
  return [...state.objects.ReplicaSet.values()]
    .filter((rs) => rs.metadata?.ownerReferences?.some((r) => r.uid === d.metadata!.uid))
    .sort((a, b) =>
      a.metadata!.creationTimestamp! < b.metadata!.creationTimestamp!
        ? -1
        : a.metadata!.creationTimestamp! > b.metadata!.creationTimestamp!
          ? 1
          : 0,
    )
}
