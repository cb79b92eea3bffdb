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
  // Waiting in CrashLoopBackOff: the run that just ended is the last state, as the kubelet moves a Terminated state
  // into lastState when it reports the container Waiting (convertToAPIContainerStatuses, kubelet_pods.go).
  const last = c.phase === 'crashBackoff' && c.terminated ? c.terminated : c.lastTermination
  if (last) status.lastState = { terminated: terminatedState(last, epoch, c.containerId) as never }
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

/**
 * One pod condition: the previous one when nothing about it changed (it is already shared), else a new one,
 * with lastTransitionTime kept while the status stays the same.
 */
function condition(
  prev: PodCondition[] | undefined,
  type: string,
  ok: boolean,
  reason: string | undefined,
  message: string | undefined,
  stamp: string,
): PodCondition {
  const status = ok ? 'True' : 'False'
  if (ok) {
    reason = undefined
    message = undefined
  }
  let before: PodCondition | undefined
  if (prev) for (const c of prev) if (c.type === type) before = c
  if (before && before.status === status && before.reason === reason && before.message === message && before.lastProbeTime === null)
    return before
  const c: PodCondition = {
    type,
    status,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: before && before.status === status ? before.lastTransitionTime : stamp,
  }
  if (reason) c.reason = reason
  if (message !== undefined) c.message = message
  return intern(`c|${c.type}|${c.status}|${c.reason ?? ''}|${c.message ?? ''}|${c.lastTransitionTime}`, () => c)
}

function names(containers: ContainerRuntime[]): string {
  let out = ''
  for (const c of containers) out = out ? `${out} ${c.name}` : c.name
  return out
}

export function buildPodStatus(pod: Pod, rt: PodRuntime, node: { ip: string }, now: number, epoch: number): Pod['status'] {
  const regular: ContainerRuntime[] = []
  const inits: ContainerRuntime[] = []
  for (const c of rt.containers) (c.init ? inits : regular).push(c)
  let initDone = true
  let initFailed = false
  for (const c of inits) {
    if (!(c.phase === 'done' && c.terminated?.exitCode === 0)) initDone = false
    if (c.phase === 'done' && c.terminated && c.terminated.exitCode !== 0) initFailed = true
  }
  const restartPolicy = pod.spec?.restartPolicy ?? 'Always'
  let phase = podPhase(rt, restartPolicy, initDone)
  const prev = pod.status ?? {}
  if (prev.phase === 'Succeeded' || prev.phase === 'Failed') phase = prev.phase
  if (!initDone && initFailed && restartPolicy === 'Never') phase = 'Failed'
  let containersReady = regular.length > 0
  for (const c of regular) if (!c.ready) containersReady = false
  const stamp = toTimestamp(epoch, now)
  const notReadyReason = phase === 'Succeeded' || phase === 'Failed' ? 'PodCompleted' : 'ContainersNotReady'
  const readyMessage =
    notReadyReason === 'ContainersNotReady' ? `containers with unready status: [${names(regular.filter((c) => !c.ready))}]` : undefined
  const initMessage = `containers with incomplete status: [${names(inits.filter((i) => i.phase !== 'done'))}]`
  const old = prev.conditions
  let scheduled: PodCondition | undefined
  if (old) for (const c of old) if (c.type === 'PodScheduled') scheduled = c
  const status: Pod['status'] = {
    phase,
    conditions: [
      condition(old, 'PodReadyToStartContainers', rt.ip !== null, undefined, undefined, stamp),
      condition(old, 'Initialized', initDone, 'ContainersNotInitialized', initMessage, stamp),
      condition(old, 'Ready', containersReady, notReadyReason, readyMessage, stamp),
      condition(old, 'ContainersReady', containersReady, notReadyReason, readyMessage, stamp),
      scheduled ?? condition(undefined, 'PodScheduled', true, undefined, undefined, stamp),
    ],
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
