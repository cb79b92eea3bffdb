/**
 * One kubelet sync of one pod (SyncPod): create the sandbox and IP, run the containers (containers.ts) in
 * virtual time, terminate on deletion, and report the pod status. Everything due at `now` is processed; the
 * next due time becomes a wake-up.
 */
import type { Change, ControllerContext } from '../changes.ts'
import { deepEqual } from '../objects.ts'
import type { ClusterView } from '../state.ts'
import type { Controller } from '../watch.ts'
import { copyPodRuntime, type PodRuntime } from './runtime.ts'
import { buildPodStatus } from './status.ts'
import { activeContainers, newContainer, nextDue, runContainers } from './containers.ts'
import { cloneProbes, finish, startStop } from './running.ts'
import { allocateIp, event, nodeIp, nodeView, TIMINGS, type SyncEnv } from './env.ts'

export { programFor, nodeIp } from './env.ts'

export function syncPod(state: ClusterView, key: string, ctx: ControllerContext): Change[] {
  const pod = state.objects.Pod.get(key)
  let existing = state.pods.get(key)
  const changes: Change[] = []
  // The Pod was deleted (force, grace 0) and created again under the same name before this sync saw the deletion:
  // the kubelet tracks pods by UID, so the old one's runtime is torn down and the new Pod starts from nothing.
  if (pod && existing && existing.uid !== pod.metadata!.uid) {
    if (existing.ip) changes.push({ type: 'nodeDelta', node: existing.node, delta: { releasedIps: [existing.ip] } })
    changes.push({ type: 'podRuntime', key, runtime: null })
    existing = undefined
  }
  if (!pod) {
    if (existing) {
      if (existing.ip) changes.push({ type: 'nodeDelta', node: existing.node, delta: { releasedIps: [existing.ip] } })
      changes.push({ type: 'podRuntime', key, runtime: null })
    }
    return changes
  }
  const nodeName = pod.spec?.nodeName
  const nodeRt = nodeName ? state.nodes.get(nodeName) : undefined
  if (!nodeRt || !nodeRt.up) return changes
  const now = ctx.now
  const phase = pod.status?.phase
  if (!existing && (phase === 'Succeeded' || phase === 'Failed')) return changes
  if (!existing && pod.metadata?.deletionTimestamp) {
    changes.push({ type: 'delete', kind: 'Pod', key, gracePeriodSeconds: 0 })
    return changes
  }
  const rt: PodRuntime = existing
    ? copyPodRuntime(existing, cloneProbes)
    : {
        uid: pod.metadata!.uid!,
        key,
        node: nodeName!,
        startTime: now,
        sandboxAt: now + TIMINGS.sandboxMs,
        ip: null,
        containers: [
          ...(pod.spec?.initContainers ?? []).map((c) => newContainer(c, true)),
          ...(pod.spec?.containers ?? []).map((c) => newContainer(c, false)),
        ],
        terminatingSince: null,
        removed: false,
        volumes: undefined,
        trafficAnswer: undefined,
        statusShown: undefined,
      }
  const env: SyncEnv = { state, ctx, pod, rt, node: nodeView(nodeRt), changes }

  if (pod.metadata?.deletionTimestamp) {
    terminate(env)
  } else if (phase === 'Succeeded' || phase === 'Failed') {
    // terminal: nothing runs any more
  } else if (now >= rt.sandboxAt) {
    if (!rt.ip) rt.ip = allocateIp(env.node)
    if (rt.ip) runContainers(env)
  }

  if (rt.removed) {
    if (rt.ip) (env.node.delta.releasedIps ??= []).push(rt.ip)
    changes.push({ type: 'delete', kind: 'Pod', key, gracePeriodSeconds: 0 })
    changes.push({ type: 'podRuntime', key, runtime: null })
    changes.push({ type: 'nodeDelta', node: env.node.name, delta: env.node.delta })
    return changes
  }
  // Rebuild the status only when what it shows changed (or someone else, e.g. the node controller, wrote it).
  // (the status a sync left shows `existing`: when it is still the stored one and none of the fields it is built
  // from changed, it would come out the same)
  if (!pod.status || !existing || existing.statusShown !== pod.status || !sameStatusFields(existing, rt)) {
    const status = buildPodStatus(pod, rt, { ip: nodeIpOf(state, nodeName!) }, now, state.config.epoch)
    if (!deepEqual(status, pod.status)) {
      changes.push({ type: 'status', object: { ...pod, status } })
      rt.statusShown = status
    } else rt.statusShown = pod.status
  }
  changes.push({ type: 'podRuntime', key, runtime: rt })
  if (Object.keys(env.node.delta).length) changes.push({ type: 'nodeDelta', node: env.node.name, delta: env.node.delta })
  let next = rt.ip ? Infinity : rt.sandboxAt
  if (rt.ip) for (const c of activeContainers(rt)) next = Math.min(next, nextDue(c), sigtermDue(c, now))
  if (next !== Infinity) changes.push({ type: 'wake', at: next, controller: 'kubelet', key })
  return changes
}

/**
 * The end of a running preStop hook: the app stops listening then, and traffic is accounted between instants,
 * so that moment must be one.
 */
function sigtermDue(c: PodRuntime['containers'][number], now: number): number {
  return c.stopping && c.stopping.sigtermAt > now ? c.stopping.sigtermAt : Infinity
}

/** Whether two runtimes of a pod agree on every field its status is built from. */
function sameStatusFields(a: PodRuntime, b: PodRuntime): boolean {
  if (a.ip !== b.ip || a.startTime !== b.startTime || a.containers.length !== b.containers.length) return false
  for (let i = 0; i < a.containers.length; i++) {
    const x = a.containers[i]!
    const y = b.containers[i]!
    if (
      x.name !== y.name ||
      x.phase !== y.phase ||
      x.waitingReason !== y.waitingReason ||
      x.waitingMessage !== y.waitingMessage ||
      x.ready !== y.ready ||
      x.started !== y.started ||
      x.restartCount !== y.restartCount ||
      x.startedAt !== y.startedAt ||
      x.containerId !== y.containerId ||
      x.image !== y.image ||
      x.terminated?.finishedAt !== y.terminated?.finishedAt ||
      x.lastTermination?.finishedAt !== y.lastTermination?.finishedAt
    )
      return false
  }
  return true
}

export function nodeIpOf(state: ClusterView, node: string): string {
  const n = state.nodes.get(node)
  return n ? nodeIp(n.index) : ''
}

/** Graceful deletion: stop every running container (preStop, SIGTERM, SIGKILL), remove the pod once all have stopped. */
function terminate(env: SyncEnv): void {
  const { rt, ctx } = env
  if (rt.terminatingSince === null) {
    rt.terminatingSince = ctx.now
    for (const c of rt.containers) {
      if (c.phase === 'running' && !c.stopping) {
        event(env, 'Normal', 'Killing', `Stopping container ${c.name}`)
        startStop(env, c, 'delete')
      } else if (c.phase === 'running' && c.stopping) {
        c.stopping = { ...c.stopping, reason: 'delete' }
      } else if (c.phase !== 'done' && c.phase !== 'exited') {
        c.phase = 'done'
        c.nextAt = Infinity
      }
    }
  }
  for (const c of rt.containers) {
    if (c.phase === 'running' && c.stopping && c.stopping.at <= ctx.now) {
      const graceful = !c.stopping.killed
      finish(env, c, graceful ? 0 : 137, graceful ? 'Completed' : 'Error')
      c.phase = 'done'
      c.nextAt = Infinity
    } else if (
      c.phase === 'exited' ||
      c.phase === 'crashBackoff' ||
      c.phase === 'creating' ||
      c.phase === 'pulling' ||
      c.phase === 'pullFailed'
    ) {
      c.phase = 'done'
      c.nextAt = Infinity
    }
  }
  if (rt.containers.every((c) => c.phase !== 'running')) rt.removed = true
  else {
    // wake when the next container has stopped
    for (const c of rt.containers) if (c.stopping) c.nextAt = Math.min(c.nextAt, c.stopping.at)
  }
}

/** The kubelet: a bound pod whose spec, binding or deletion changed (not its own status writes). */
export const kubeletController: Controller<'kubelet'> = {
  name: 'kubelet',
  sync: syncPod,
  watches: {
    Pod: (_state, key, old, pod, queue) => {
      if (pod?.spec?.nodeName && (!old || old.spec !== pod.spec || old.metadata?.deletionTimestamp !== pod.metadata?.deletionTimestamp))
        queue.add(key)
    },
  },
}
