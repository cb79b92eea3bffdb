/**
 * Small builders for tests: already-defaulted objects (through lib/k8s applyDefaults), a fresh cluster state,
 * and a harness that runs one controller sync at a time and applies its changes without running any other
 * controller — so tests can assert the exact [new, old] ReplicaSet sizes after each Deployment sync.
 */
import type { Deployment, Pod, ReplicaSet, Service } from './k8s.ts'
import { applyDefaults } from './k8s.ts'
import { createObject, updateObject } from './apiserver.ts'
import { bootstrapState, type ClusterOptions } from './bootstrap.ts'
import { applyChanges, context } from './engine.ts'
import type { Change } from './changes.ts'
import { keyOf, type AnyObject } from './objects.ts'
import type { ClusterState } from './state.ts'
import { putObject } from './store.ts'

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
      : { type: 'RollingUpdate', rollingUpdate: { ...(o.maxSurge !== undefined ? { maxSurge: o.maxSurge } : {}), ...(o.maxUnavailable !== undefined ? { maxUnavailable: o.maxUnavailable } : {}) } }
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

export function replicaSet(name: string, o: { replicas?: number; labels?: Record<string, string>; image?: string; minReadySeconds?: number } = {}): ReplicaSet {
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

export function pod(name: string, o: { labels?: Record<string, string>; image?: string; restartPolicy?: string; command?: string[]; nodeName?: string } = {}): Pod {
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

export function service(name: string, o: { selector?: Record<string, string>; port?: number; targetPort?: number | string; type?: string; publishNotReadyAddresses?: boolean; clusterIP?: string } = {}): Service {
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

export function get<T extends AnyObject>(state: ClusterState, kind: AnyObject['kind'], name: string, namespace = 'default'): T {
  return state.objects[kind as keyof ClusterState['objects']].get(kind === 'Node' || kind === 'Namespace' ? name : keyOf(namespace, name)) as T
}

/** Runs one controller function and applies its changes; no other controller runs. */
export function step(state: ClusterState, fn: (s: ClusterState, key: string, ctx: ReturnType<typeof context>) => Change[], key: string): Change[] {
  const changes = fn(state, key, context(state))
  applyChanges(state, changes)
  return changes
}

/** Sets a ReplicaSet's status as if its pods had become (un)available: the "avail-between-syncs" knob. */
export function setReplicaSetStatus(state: ClusterState, name: string, s: { replicas: number; ready?: number; available?: number }): void {
  const rs = get<ReplicaSet>(state, 'ReplicaSet', name)
  putObject(state, {
    ...rs,
    status: { replicas: s.replicas, readyReplicas: s.ready ?? s.available ?? s.replicas, availableReplicas: s.available ?? s.replicas, observedGeneration: rs.metadata!.generation },
  })
}

export function replicaSetsOf(state: ClusterState, deploymentName: string): ReplicaSet[] {
  const d = get<Deployment>(state, 'Deployment', deploymentName)
  return [...state.objects.ReplicaSet.values()]
    .filter((rs) => rs.metadata?.ownerReferences?.some((r) => r.uid === d.metadata!.uid))
    .sort((a, b) => (a.metadata!.creationTimestamp! < b.metadata!.creationTimestamp! ? -1 : a.metadata!.creationTimestamp! > b.metadata!.creationTimestamp! ? 1 : 0)) as ReplicaSet[]
}
