/**
 * What one kubelet sync works with: the pod, its runtime copy, the node as the sync sees it (live sets plus
 * the delta it produces), the controller context and the changes it emits; plus the kubelet's timings.
 */
import type { Container, Pod } from '../k8s.ts'
import type { Change, ControllerContext, NodeDelta } from '../changes.ts'
import type { ClusterView } from '../state.ts'
import { resolveProgram, type Program } from './apps.ts'
import type { ImageInfo } from './images.ts'
import type { ContainerRuntime, PodRuntime } from './runtime.ts'
import type { NodeRuntime } from '../model.ts'

/** Virtual durations of the kubelet's own steps (documented in README.md). */
export const TIMINGS = {
  sandboxMs: 1000,
  createMs: 300,
  restartCreateMs: 300,
  plegMs: 1000,
  pullFailedRetryShowMs: 1000,
}

/**
 * The kubelet learns that a container started or exited from PLEG, which relists the runtime every second:
 * such changes surface at the next whole second (the resolution of every status timestamp anyway).
 */
export function relistAfter(t: number): number {
  return Math.floor(t / TIMINGS.plegMs) * TIMINGS.plegMs + TIMINGS.plegMs
}

const programCache = new WeakMap<Container, Map<string, Program>>()

export function programFor(container: Container, image: ImageInfo): Program {
  let m = programCache.get(container)
  if (!m) programCache.set(container, (m = new Map()))
  let p = m.get(image.canonical)
  if (!p) m.set(image.canonical, (p = resolveProgram(image, container)))
  return p
}

export function nodeIp(index: number): string {
  return `172.18.${Math.floor((index + 2) / 256)}.${(index + 2) % 256}`
}

export function podCidrBase(index: number): string {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}`
}

/** host-local IPAM: the next free address after the last one handed out (new pods get new IPs). */
export function allocateIp(node: NodeView): string | null {
  const base = podCidrBase(node.index)
  for (let i = 0; i < 253; i++) {
    const n = ((node.nextIp - 2 + i) % 253) + 2
    const ip = `${base}.${n}`
    if (!node.usedIps.has(ip) && !node.delta.allocatedIps?.includes(ip)) {
      ;(node.delta.allocatedIps ??= []).push(ip)
      node.nextIp = n + 1
      node.delta.nextIp = n + 1
      return ip
    }
  }
  return null
}

/** The node as this sync sees it: live (read-only) sets plus the changes it makes (applied by the engine). */
export interface NodeView {
  name: string
  index: number
  images: Set<string>
  usedIps: Set<string>
  nextIp: number
  pullBusyUntil: number
  pulling: string[]
  delta: NodeDelta
}

export function nodeView(n: NodeRuntime): NodeView {
  return {
    name: n.name,
    index: n.index,
    images: n.images,
    usedIps: n.usedIps,
    nextIp: n.nextIp,
    pullBusyUntil: n.pullBusyUntil,
    pulling: n.pulling,
    delta: {},
  }
}

export function hasImage(node: NodeView, image: string): boolean {
  return node.images.has(image) || !!node.delta.images?.includes(image)
}

export interface SyncEnv {
  state: ClusterView
  ctx: ControllerContext
  pod: Pod
  rt: PodRuntime
  node: NodeView
  changes: Change[]
}

export function event(env: SyncEnv, type: 'Normal' | 'Warning', reason: string, message: string, fieldContainer?: string): void {
  void fieldContainer
  env.changes.push({
    type: 'event',
    event: {
      kind: 'Pod',
      namespace: env.pod.metadata!.namespace,
      name: env.pod.metadata!.name!,
      uid: env.pod.metadata!.uid,
      type,
      reason,
      message,
      source: 'kubelet',
    },
  })
}

export function podRef(pod: Pod): string {
  return `${pod.metadata!.name}_${pod.metadata!.namespace}(${pod.metadata!.uid})`
}

export function specOf(pod: Pod, c: ContainerRuntime): Container | undefined {
  const list = c.init ? pod.spec?.initContainers : pod.spec?.containers
  return list?.find((x) => x.name === c.name)
}

export function envOf(container: Container): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of container.env ?? []) if (e.value !== undefined) out[e.name] = e.value
  return out
}
