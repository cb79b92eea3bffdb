/**
 * The pod status a kubelet reports, computed from its runtime: phase (kubelet getPhase), conditions with
 * stable lastTransitionTime, container statuses with state/lastState, IPs.
 */
import type { ContainerStatus, Pod, PodCondition } from '../k8s.ts'
import { toTimestamp } from '../clock.ts'
import type { ContainerRuntime, PodRuntime, Termination } from './runtime.ts'
import { lookupImage } from './images.ts'

function terminatedState(t: Termination, epoch: number, containerId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    exitCode: t.exitCode,
    reason: t.reason,
    startedAt: toTimestamp(epoch, t.startedAt),
    finishedAt: toTimestamp(epoch, t.finishedAt),
    containerID: containerId,
  }
  if (t.message) out.message = t.message
  return out
}

function containerStatus(c: ContainerRuntime, epoch: number): ContainerStatus {
  const info = lookupImage(c.image)
  const status: ContainerStatus = {
    name: c.name,
    image: info?.canonical ?? c.image,
    imageID: '',
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.phase === 'running' ? c.started : false,
    state: {},
    lastState: EMPTY_STATE,
  }
  if (c.containerId) status.containerID = c.containerId
  if (info && c.startedAt !== null) status.imageID = `${info.repository}@${info.digest}`
  if (c.phase === 'running') {
    const startedAt = toTimestamp(epoch, c.startedAt!)
    status.state = intern(`r|${startedAt}`, () => ({ running: { startedAt } }))
  } else if ((c.phase === 'exited' || c.phase === 'done') && c.terminated) {
    status.state = { terminated: terminatedState(c.terminated, epoch, c.containerId) as never }
  } else {
    const waiting: Record<string, string> = { reason: c.waitingReason || 'ContainerCreating' }
    if (c.waitingMessage) waiting.message = c.waitingMessage
    status.state = { waiting }
  }
  if (c.lastTermination) status.lastState = { terminated: terminatedState(c.lastTermination, epoch, c.containerId) as never }
  return status
}

/** kubelet getPhase for the regular containers. */
export function podPhase(rt: PodRuntime, restartPolicy: string, initDone: boolean): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  if (!initDone) return 'Pending'
  let waiting = 0
  let running = 0
  let stopped = 0
  let succeeded = 0
  for (const c of rt.containers) {
    if (c.init) continue
    if (c.phase === 'running') running++
    else if ((c.phase === 'exited' || c.phase === 'done') && c.terminated) {
      stopped++
      if (c.terminated.exitCode === 0) succeeded++
    } else if (c.lastTermination) stopped++
    else waiting++
  }
  if (waiting > 0) return 'Pending'
  if (running > 0) return 'Running'
  if (stopped > 0) {
    if (restartPolicy === 'Always') return 'Running'
    if (stopped === succeeded) return 'Succeeded'
    if (restartPolicy === 'Never') return 'Failed'
    // OnFailure: still Running while a failed container will be restarted
    return rt.containers.every((c) => c.init || c.phase === 'done') ? 'Failed' : 'Running'
  }
  return 'Pending'
}

/**
 * Status parts that are the same in many pods (a condition with its transition time, a running state with
 * its start time, a host IP) are shared: objects are never mutated once stored, and a 100,000-pod cluster
 * holds far fewer objects this way.
 */
const shared = new Map<string, unknown>()

function intern<T>(key: string, make: () => T): T {
  let v = shared.get(key) as T | undefined
  if (v === undefined) {
    if (shared.size > 200_000) shared.clear()
    shared.set(key, (v = make()))
  }
  return v
}

const EMPTY_STATE = Object.freeze({}) as ContainerStatus['lastState']

export function buildPodStatus(pod: Pod, rt: PodRuntime, node: { ip: string }, now: number, epoch: number): Pod['status'] {
  const regular = rt.containers.filter((c) => !c.init)
  const inits = rt.containers.filter((c) => c.init)
  const initDone = inits.every((c) => c.phase === 'done' && c.terminated?.exitCode === 0)
  const restartPolicy = pod.spec?.restartPolicy ?? 'Always'
  let phase = podPhase(rt, restartPolicy, initDone)
  const prev = pod.status ?? {}
  if (prev.phase === 'Succeeded' || prev.phase === 'Failed') phase = prev.phase
  if (!initDone && inits.some((c) => c.phase === 'done' && c.terminated && c.terminated.exitCode !== 0) && restartPolicy === 'Never') phase = 'Failed'
  const containersReady = regular.length > 0 && regular.every((c) => c.ready)
  const stamp = toTimestamp(epoch, now)
  const old = new Map((prev.conditions ?? []).map((c) => [c.type, c]))
  const cond = (type: string, ok: boolean, reason?: string): PodCondition => {
    const status = ok ? 'True' : 'False'
    const before = old.get(type)
    const c: PodCondition = { type, status, lastProbeTime: null as unknown as string, lastTransitionTime: before && before.status === status ? before.lastTransitionTime : stamp }
    if (!ok && reason) c.reason = reason
    return c
  }
  const share = (c: PodCondition): PodCondition => intern(`c|${c.type}|${c.status}|${c.reason ?? ''}|${c.message ?? ''}|${c.lastTransitionTime}`, () => c)
  const notReadyReason = phase === 'Succeeded' || phase === 'Failed' ? 'PodCompleted' : 'ContainersNotReady'
  const conditions: PodCondition[] = [
    cond('PodReadyToStartContainers', rt.ip !== null),
    cond('Initialized', initDone, 'ContainersNotInitialized'),
    cond('Ready', containersReady, notReadyReason),
    cond('ContainersReady', containersReady, notReadyReason),
    old.get('PodScheduled') ?? cond('PodScheduled', true),
  ]
  const notReady = regular.filter((c) => !c.ready).map((c) => c.name)
  for (const c of conditions) {
    if ((c.type === 'Ready' || c.type === 'ContainersReady') && c.status === 'False' && notReadyReason === 'ContainersNotReady') {
      c.message = `containers with unready status: [${notReady.join(' ')}]`
    }
    if (c.type === 'Initialized' && c.status === 'False') {
      c.message = `containers with incomplete status: [${inits.filter((i) => i.phase !== 'done').map((i) => i.name).join(' ')}]`
    }
  }
  const status: Pod['status'] = {
    phase,
    conditions: conditions.map(share),
    hostIP: node.ip,
    hostIPs: intern(`h|${node.ip}`, () => [{ ip: node.ip }]),
    startTime: toTimestamp(epoch, rt.startTime),
    containerStatuses: regular.map((c) => containerStatus(c, epoch)),
    qosClass: prev.qosClass ?? 'BestEffort',
  }
  if (inits.length) status.initContainerStatuses = inits.map((c) => containerStatus(c, epoch))
  if (rt.ip) {
    status.podIP = rt.ip
    status.podIPs = [{ ip: rt.ip }]
  }
  return status
}
