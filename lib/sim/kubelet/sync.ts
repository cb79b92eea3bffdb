/**
 * One kubelet sync of one pod (SyncPod): create the sandbox and IP, pull images, start containers, run
 * their programs and probes in virtual time, restart crashed ones with backoff, terminate on deletion, and
 * report the pod status. Everything due at `now` is processed; the next due time becomes a wake-up.
 */
import type { Container, Pod } from '../k8s.ts'
import type { Change, ControllerContext, NodeDelta } from '../changes.ts'
import { deepEqual, keyOf } from '../objects.ts'
import { goDuration } from '../clock.ts'
import type { ClusterState, NodeRuntime } from '../state.ts'
import { resolveProgram, stopOnSigtermMs, type Program } from './apps.ts'
import { formatBackoff, inBackoffSince, inBackoffSinceUpdate, nextBackoff } from './backoff.ts'
import { lookupImage, parseImageRef, pullDurationMs, type ImageInfo } from './images.ts'
import { evaluateProbe } from './probes.ts'
import type { ContainerRuntime, PodRuntime, ProbeWorker } from './runtime.ts'
import { newShellState, runShell } from './shell.ts'
import { buildPodStatus } from './status.ts'

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

function newContainer(c: Container, init: boolean): ContainerRuntime {
  return {
    name: c.name,
    image: c.image ?? '',
    init,
    phase: 'new',
    waitingReason: init ? 'PodInitializing' : 'ContainerCreating',
    nextAt: 0,
    pullBackoff: null,
    pullStart: null,
    crashBackoff: null,
    restartCount: 0,
    startedAt: null,
    terminated: null,
    lastTermination: null,
    ready: false,
    started: false,
    listeningAt: null,
    shell: null,
    exitAt: null,
    exitCode: 0,
    stopping: null,
    files: {},
    logs: [],
    previousLogs: [],
    bootLog: null,
    previousBootLog: null,
    probes: {},
    containerId: '',
    served: 0,
  }
}

export function nodeIp(index: number): string {
  return `172.18.${Math.floor((index + 2) / 256)}.${(index + 2) % 256}`
}

export function podCidrBase(index: number): string {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}`
}

/** host-local IPAM: the next free address after the last one handed out (new pods get new IPs). */
function allocateIp(node: NodeView): string | null {
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
interface NodeView {
  name: string
  index: number
  images: Set<string>
  usedIps: Set<string>
  nextIp: number
  pullBusyUntil: number
  pulling: string[]
  delta: NodeDelta
}

function nodeView(n: NodeRuntime): NodeView {
  return { name: n.name, index: n.index, images: n.images, usedIps: n.usedIps, nextIp: n.nextIp, pullBusyUntil: n.pullBusyUntil, pulling: n.pulling, delta: {} }
}

function hasImage(node: NodeView, image: string): boolean {
  return node.images.has(image) || !!node.delta.images?.includes(image)
}

interface SyncEnv {
  state: ClusterState
  ctx: ControllerContext
  pod: Pod
  rt: PodRuntime
  node: NodeView
  changes: Change[]
}

function event(env: SyncEnv, type: 'Normal' | 'Warning', reason: string, message: string, fieldContainer?: string): void {
  void fieldContainer
  env.changes.push({
    type: 'event',
    event: { kind: 'Pod', namespace: env.pod.metadata!.namespace, name: env.pod.metadata!.name!, uid: env.pod.metadata!.uid, type, reason, message, source: 'kubelet' },
  })
}

function podRef(pod: Pod): string {
  return `${pod.metadata!.name}_${pod.metadata!.namespace}(${pod.metadata!.uid})`
}

function specOf(pod: Pod, c: ContainerRuntime): Container | undefined {
  const list = c.init ? pod.spec?.initContainers : pod.spec?.containers
  return list?.find((x) => x.name === c.name)
}

/** A containerd-style ID, derived from the pod UID and the restart (deterministic, no RNG draw). */
function containerIdFor(env: SyncEnv, c: ContainerRuntime): string {
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  const text = `${env.pod.metadata!.uid}/${c.name}/${c.restartCount}`
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x5bd1e995) >>> 0
  }
  let s = ''
  let x = h1 ^ h2
  for (let i = 0; i < 8; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    s += ((x ^ (i % 2 ? h1 : h2)) >>> 0).toString(16).padStart(8, '0')
  }
  return `containerd://${s}`
}

function envOf(container: Container): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of container.env ?? []) if (e.value !== undefined) out[e.name] = e.value
  return out
}

export function syncPod(state: ClusterState, key: string, ctx: ControllerContext): Change[] {
  const pod = state.objects.Pod.get(key) as Pod | undefined
  const existing = state.pods.get(key)
  const changes: Change[] = []
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
  if (existing && existing.uid !== pod.metadata!.uid) return changes
  const now = ctx.now
  const phase = pod.status?.phase
  if (!existing && (phase === 'Succeeded' || phase === 'Failed')) return changes
  if (!existing && pod.metadata?.deletionTimestamp) {
    changes.push({ type: 'delete', kind: 'Pod', key, gracePeriodSeconds: 0 })
    return changes
  }
  const rt: PodRuntime = existing
    ? { ...existing, containers: existing.containers.map((c) => ({ ...c, probes: { ...c.probes } })) }
    : {
        uid: pod.metadata!.uid!,
        key,
        node: nodeName!,
        startTime: now,
        sandboxAt: now + TIMINGS.sandboxMs,
        ip: null,
        containers: [...(pod.spec?.initContainers ?? []).map((c) => newContainer(c, true)), ...(pod.spec?.containers ?? []).map((c) => newContainer(c, false))],
        terminatingSince: null,
        removed: false,
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
  const sig = statusSignature(rt)
  if (sig !== statusSigs.get(pod.status ?? rt) || !pod.status) {
    const status = buildPodStatus(pod, rt, { ip: nodeIpOf(state, nodeName!) }, now, state.config.epoch)
    if (!deepEqual(status, pod.status)) {
      changes.push({ type: 'status', object: { ...pod, status } })
      statusSigs.set(status!, sig)
    } else if (pod.status) statusSigs.set(pod.status, sig)
  }
  changes.push({ type: 'podRuntime', key, runtime: rt })
  if (Object.keys(env.node.delta).length) changes.push({ type: 'nodeDelta', node: env.node.name, delta: env.node.delta })
  let next = rt.ip ? Infinity : rt.sandboxAt
  if (rt.ip) for (const c of rt.containers) next = Math.min(next, nextDue(c))
  if (next !== Infinity) changes.push({ type: 'wake', at: next, controller: 'kubelet', key })
  return changes
}

/** The status a kubelet last wrote, by object, with the runtime signature it was built from. */
const statusSigs = new WeakMap<object, string>()

function statusSignature(rt: PodRuntime): string {
  let sig = `${rt.ip ?? ''}|${rt.startTime}`
  for (const c of rt.containers) {
    sig += `|${c.name}:${c.phase}:${c.waitingReason}:${c.waitingMessage ?? ''}:${c.ready ? 1 : 0}:${c.started ? 1 : 0}:${c.restartCount}:${c.startedAt ?? ''}:${c.containerId}:${c.terminated?.finishedAt ?? ''}:${c.lastTermination?.finishedAt ?? ''}`
  }
  return sig
}

export function nodeIpOf(state: ClusterState, node: string): string {
  const n = state.nodes.get(node)
  return n ? nodeIp(n.index) : ''
}

function nextDue(c: ContainerRuntime): number {
  let t = c.nextAt
  if (c.phase === 'running') {
    if (c.stopping) return c.stopping.at
    t = Math.min(t, c.exitAt ?? Infinity)
    for (const w of Object.values(c.probes)) if (w) t = Math.min(t, w.nextAt)
  }
  return t
}

/** Init containers one after another, then all regular containers. */
function runContainers(env: SyncEnv): void {
  const { rt, pod } = env
  for (let guard = 0; guard < 1000; guard++) {
    let progressed = false
    let initPending = false
    for (const c of rt.containers) {
      if (c.init) {
        if (initPending) continue
        if (!(c.phase === 'done' && c.terminated?.exitCode === 0)) {
          initPending = true
          if (stepContainer(env, c)) progressed = true
        }
        continue
      }
      if (initPending) continue
      const spec = specOf(pod, c)
      if (spec && spec.image !== c.image && !c.stopping && c.phase !== 'new') {
        if (c.phase === 'running') {
          event(env, 'Normal', 'Killing', `Container ${c.name} definition changed, will be restarted`)
          startStop(env, c, 'spec')
        } else {
          c.image = spec.image ?? ''
          c.phase = 'new'
          c.nextAt = env.ctx.now
        }
      }
      if (stepContainer(env, c)) progressed = true
    }
    if (!progressed) return
  }
}

function startStop(env: SyncEnv, c: ContainerRuntime, reason: 'liveness' | 'startup' | 'delete' | 'spec'): void {
  const spec = specOf(env.pod, c)
  const image = lookupImage(c.image)
  const program = spec && image ? programFor(spec, image) : undefined
  const grace = (env.pod.metadata?.deletionGracePeriodSeconds ?? env.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000
  const stopMs = program ? stopOnSigtermMs(program) : 0
  c.stopping = { reason, at: env.ctx.now + Math.min(stopMs ?? grace, grace) }
  // probes stop with the container; readiness stays until it has stopped (EndpointSlice serving=true meanwhile)
  c.probes = {}
}

/** Advances one container through everything due now. Returns true when its phase changed. */
function stepContainer(env: SyncEnv, c: ContainerRuntime): boolean {
  const now = env.ctx.now
  const before = c.phase
  for (let guard = 0; guard < 100; guard++) {
    if (c.phase === 'running') {
      if (!stepRunning(env, c)) break
      continue
    }
    if (c.nextAt > now) break
    const progressed = stepWaiting(env, c)
    if (!progressed) break
  }
  return c.phase !== before
}

function stepWaiting(env: SyncEnv, c: ContainerRuntime): boolean {
  const now = env.ctx.now
  const spec = specOf(env.pod, c)
  switch (c.phase) {
    case 'new': {
      if (!spec) return false
      c.image = spec.image ?? ''
      const ref = parseImageRef(c.image)
      if (!ref) {
        c.phase = 'invalidImage'
        c.waitingReason = 'InvalidImageName'
        c.waitingMessage = `Failed to apply default image tag "${c.image}": couldn't parse image name "${c.image}": invalid reference format`
        c.nextAt = Infinity
        event(env, 'Warning', 'InspectFailed', c.waitingMessage)
        event(env, 'Warning', 'Failed', 'Error: InvalidImageName')
        return true
      }
      const info = lookupImage(c.image)
      const policy = spec.imagePullPolicy ?? (ref.tag === 'latest' ? 'Always' : 'IfNotPresent')
      const present = !!info && hasImage(env.node, info.canonical)
      if (policy === 'Never' && !present) {
        c.phase = 'neverPull'
        c.waitingReason = 'ErrImageNeverPull'
        c.waitingMessage = `Container image "${c.image}" is not present with pull policy of Never`
        c.nextAt = Infinity
        event(env, 'Warning', 'ErrImageNeverPull', c.waitingMessage)
        event(env, 'Warning', 'Failed', 'Error: ErrImageNeverPull')
        return true
      }
      if (present && policy !== 'Always') {
        event(env, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`)
        c.phase = 'creating'
        c.nextAt = relistAfter(now + TIMINGS.createMs)
        return true
      }
      beginPull(env, c, info, present)
      return true
    }
    case 'pulling': {
      const info = lookupImage(c.image)
      if (info) {
        ;(env.node.delta.images ??= []).push(info.canonical)
        env.node.pulling = env.node.pulling.filter((x) => x !== info.canonical)
        env.node.delta.pulling = env.node.pulling
        const took = goDuration(now - (c.pullStart ?? c.startedAt ?? now))
        const waited = goDuration(now - (c.startedAt ?? now))
        event(env, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${took} (${waited} including waiting). Image size: ${info.sizeBytes} bytes.`)
        c.pullBackoff = null
        c.phase = 'creating'
        c.waitingReason = c.init ? 'PodInitializing' : 'ContainerCreating'
        c.waitingMessage = undefined
        c.startedAt = null
        c.nextAt = relistAfter(now + TIMINGS.createMs)
        return true
      }
      const ref = parseImageRef(c.image)!
      const full = `${ref.repository}:${ref.tag}`
      const why = `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`
      event(env, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${why}`)
      event(env, 'Warning', 'Failed', 'Error: ErrImagePull')
      c.pullBackoff = nextBackoff(c.pullBackoff, now, now)
      c.phase = 'pullFailed'
      c.waitingReason = 'ErrImagePull'
      c.waitingMessage = `failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`
      c.startedAt = null
      c.nextAt = now + TIMINGS.pullFailedRetryShowMs
      return true
    }
    case 'pullFailed': {
      if (inBackoffSinceUpdate(c.pullBackoff, now)) {
        if (c.waitingReason !== 'ImagePullBackOff') {
          c.waitingReason = 'ImagePullBackOff'
          c.waitingMessage = `Back-off pulling image "${c.image}"`
          event(env, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`)
          event(env, 'Warning', 'Failed', 'Error: ImagePullBackOff')
        }
        c.nextAt = c.pullBackoff!.lastUpdate + c.pullBackoff!.backoffMs
        return c.nextAt <= now
      }
      beginPull(env, c, lookupImage(c.image), false)
      return true
    }
    case 'creating':
      startContainer(env, c)
      return true
    case 'exited':
      decideRestart(env, c)
      return true
    case 'crashBackoff': {
      const finished = c.terminated?.finishedAt ?? now
      if (inBackoffSince(c.crashBackoff, finished, now)) {
        c.nextAt = finished + c.crashBackoff!.backoffMs
        return false
      }
      c.crashBackoff = nextBackoff(c.crashBackoff, finished, now)
      c.phase = 'creating'
      c.nextAt = relistAfter(now + TIMINGS.restartCreateMs)
      return true
    }
    default:
      return false
  }
}

function beginPull(env: SyncEnv, c: ContainerRuntime, info: ImageInfo | null, present: boolean): void {
  const now = env.ctx.now
  event(env, 'Normal', 'Pulling', `Pulling image "${c.image}"`)
  // serializeImagePulls: one pull at a time per node. A pull of an image that is already there (or that an
  // earlier queued pull brings) only resolves the manifest.
  const start = Math.max(now, env.node.pullBusyUntil)
  const queued = !!info && env.node.pulling.includes(info.canonical)
  const end = start + (present || queued ? 100 : pullDurationMs(info))
  if (info && !queued) {
    env.node.pulling = [...env.node.pulling, info.canonical]
    env.node.delta.pulling = env.node.pulling
  }
  env.node.pullBusyUntil = end
  env.node.delta.pullBusyUntil = end
  c.phase = 'pulling'
  c.startedAt = now
  c.pullStart = start
  c.nextAt = end
}

function startContainer(env: SyncEnv, c: ContainerRuntime): void {
  const now = env.ctx.now
  const spec = specOf(env.pod, c)
  const info = lookupImage(c.image)
  if (!spec || !info) return
  const program = programFor(spec, info)
  const isRestart = c.lastTermination !== null || c.terminated !== null
  if (c.terminated) c.lastTermination = c.terminated
  c.terminated = null
  if (isRestart) c.restartCount++
  c.containerId = containerIdFor(env, c)
  c.previousLogs = c.logs
  c.previousBootLog = c.bootLog
  c.logs = []
  c.bootLog = null
  c.files = {}
  if (program.kind === 'startError') {
    event(env, 'Warning', 'Failed', `Error: ${program.message}`)
    c.phase = 'exited'
    c.terminated = { exitCode: 128, reason: 'StartError', message: program.message, startedAt: now, finishedAt: now }
    c.nextAt = relistAfter(now)
    return
  }
  event(env, 'Normal', 'Created', `Created container: ${c.name}`)
  event(env, 'Normal', 'Started', `Started container ${c.name}`)
  c.phase = 'running'
  c.waitingReason = ''
  c.waitingMessage = undefined
  c.startedAt = now
  c.stopping = null
  c.exitAt = null
  c.listeningAt = null
  c.shell = null
  c.nextAt = Infinity
  if (program.kind === 'server') {
    c.listeningAt = now + program.startupMs
    c.bootLog = { app: program.app, tag: info.tag, at: c.listeningAt }
    if (program.crashAfterMs !== undefined) {
      c.exitAt = now + program.crashAfterMs
      c.exitCode = 1
    }
  } else {
    c.shell = newShellState()
    runShellNow(env, c, program)
  }
  const probes: Partial<Container> = c.init ? {} : spec
  c.started = !probes.startupProbe
  c.ready = !c.init && c.started && !probes.readinessProbe
  c.probes = {}
  if (probes.startupProbe) c.probes.startup = firstProbe(now, probes.startupProbe)
  else startLivenessReadiness(c, spec, now)
}

function firstProbe(start: number, probe: { initialDelaySeconds?: number }): ProbeWorker {
  // The prober's first tick comes once the container runs (≥ 1 s) and not before initialDelaySeconds.
  const delay = Math.max((probe.initialDelaySeconds ?? 0) * 1000, 1000)
  return { nextAt: start + delay, successes: 0, failures: 0 }
}

function startLivenessReadiness(c: ContainerRuntime, spec: Container, from: number): void {
  if (c.init) return
  if (spec.livenessProbe) c.probes.liveness = firstProbe(c.startedAt ?? from, spec.livenessProbe)
  if (spec.readinessProbe) c.probes.readiness = firstProbe(c.startedAt ?? from, spec.readinessProbe)
  for (const w of Object.values(c.probes)) if (w && w.nextAt < from) w.nextAt = from
}

function runShellNow(env: SyncEnv, c: ContainerRuntime, program: Extract<Program, { kind: 'shell' }>): void {
  const spec = specOf(env.pod, c)!
  const info = lookupImage(c.image)!
  const files = { ...c.files }
  const r = runShell(program.program, c.shell!, {
    now: env.ctx.now,
    epoch: env.state.config.epoch,
    hostname: env.pod.metadata!.name!,
    tools: info.tools,
    files,
    env: envOf(spec),
  })
  c.files = files
  c.shell = r.state
  if (r.output.length) c.logs = [...c.logs, ...r.output].slice(-1000)
  if (r.exit !== undefined) {
    c.exitAt = env.ctx.now
    c.exitCode = r.exit
  } else c.nextAt = r.sleepUntil ?? Infinity
}

/** Handles everything due for a running container. Returns true when something happened. */
function stepRunning(env: SyncEnv, c: ContainerRuntime): boolean {
  const now = env.ctx.now
  const spec = specOf(env.pod, c)
  const info = lookupImage(c.image)
  if (!spec || !info) return false
  const program = programFor(spec, info)
  if (c.stopping && c.stopping.at <= now) {
    const graceful = stopOnSigtermMs(program) !== undefined
    const byGrace = !graceful
    const code = byGrace ? 137 : program.kind === 'server' && program.app === 'hello' ? 2 : 0
    finish(env, c, code, byGrace ? 'Error' : code === 0 ? 'Completed' : 'Error')
    if (c.stopping?.reason === 'spec') {
      c.image = spec.image ?? ''
      c.phase = 'new'
      c.nextAt = now
      c.lastTermination = c.terminated
      c.terminated = null
    }
    c.stopping = null
    return true
  }
  if (c.exitAt !== null && c.exitAt <= now && !c.stopping) {
    finish(env, c, c.exitCode, c.exitCode === 0 ? 'Completed' : 'Error')
    return true
  }
  if (program.kind === 'shell' && c.nextAt <= now && c.exitAt === null) {
    runShellNow(env, c, program)
    return true
  }
  if (c.stopping) return false
  let happened = false
  const target = {
    container: spec,
    runtime: c,
    program,
    image: info,
    podName: env.pod.metadata!.name!,
    ip: env.rt.ip ?? '',
    now,
    epoch: env.state.config.epoch,
    env: envOf(spec),
  }
  const su = c.probes.startup
  if (su && su.nextAt <= now && spec.startupProbe) {
    happened = true
    const p = spec.startupProbe
    const r = evaluateProbe(p, target)
    su.nextAt = now + (p.periodSeconds ?? 10) * 1000
    if (r.ok) {
      c.started = true
      delete c.probes.startup
      c.ready = !spec.readinessProbe
      startLivenessReadiness(c, spec, now)
    } else {
      su.failures++
      event(env, 'Warning', 'Unhealthy', `Startup probe failed: ${r.message}`)
      if (su.failures >= (p.failureThreshold ?? 3)) {
        event(env, 'Normal', 'Killing', `Container ${c.name} failed startup probe, will be restarted`)
        startStop(env, c, 'startup')
        return true
      }
    }
  }
  const lv = c.probes.liveness
  if (lv && lv.nextAt <= now && spec.livenessProbe) {
    happened = true
    const p = spec.livenessProbe
    const r = evaluateProbe(p, target)
    lv.nextAt = now + (p.periodSeconds ?? 10) * 1000
    if (r.ok) lv.failures = 0
    else {
      lv.failures++
      event(env, 'Warning', 'Unhealthy', `Liveness probe failed: ${r.message}`)
      if (lv.failures >= (p.failureThreshold ?? 3)) {
        event(env, 'Normal', 'Killing', `Container ${c.name} failed liveness probe, will be restarted`)
        startStop(env, c, 'liveness')
        return true
      }
    }
  }
  const rd = c.probes.readiness
  if (rd && rd.nextAt <= now && spec.readinessProbe) {
    happened = true
    const p = spec.readinessProbe
    const r = evaluateProbe(p, target)
    rd.nextAt = now + (p.periodSeconds ?? 10) * 1000
    if (r.ok) {
      rd.failures = 0
      rd.successes++
      if (rd.successes >= (p.successThreshold ?? 1)) c.ready = true
    } else {
      rd.successes = 0
      rd.failures++
      event(env, 'Warning', 'Unhealthy', `Readiness probe failed: ${r.message}`)
      if (rd.failures >= (p.failureThreshold ?? 3) || !c.ready) c.ready = false
    }
  }
  return happened
}

function finish(env: SyncEnv, c: ContainerRuntime, exitCode: number, reason: string): void {
  const now = env.ctx.now
  c.terminated = { exitCode, reason, startedAt: c.startedAt ?? now, finishedAt: now }
  c.phase = 'exited'
  c.ready = false
  c.started = false
  c.exitAt = null
  c.listeningAt = null
  c.probes = {}
  c.nextAt = relistAfter(now)
}

function decideRestart(env: SyncEnv, c: ContainerRuntime): void {
  const now = env.ctx.now
  const policy = c.init ? (env.pod.spec?.restartPolicy === 'Never' ? 'Never' : 'OnFailure') : (env.pod.spec?.restartPolicy ?? 'Always')
  const code = c.terminated?.exitCode ?? 0
  const restart = policy === 'Always' || (policy === 'OnFailure' && code !== 0)
  if (!restart) {
    c.phase = 'done'
    c.nextAt = Infinity
    return
  }
  const finished = c.terminated?.finishedAt ?? now
  if (inBackoffSince(c.crashBackoff, finished, now)) {
    c.phase = 'crashBackoff'
    c.waitingReason = 'CrashLoopBackOff'
    c.waitingMessage = `back-off ${formatBackoff(c.crashBackoff!.backoffMs)} restarting failed container=${c.name} pod=${podRef(env.pod)}`
    c.nextAt = finished + c.crashBackoff!.backoffMs
    event(env, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef(env.pod)}`)
    return
  }
  c.crashBackoff = nextBackoff(c.crashBackoff, finished, now)
  c.phase = 'creating'
  c.waitingReason = 'ContainerCreating'
  c.nextAt = relistAfter(now + TIMINGS.restartCreateMs)
}

/** Graceful deletion: SIGTERM every running container, remove the pod once all have stopped. */
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
      const spec = specOf(env.pod, c)
      const info = lookupImage(c.image)
      const program = spec && info ? programFor(spec, info) : undefined
      const graceful = program ? stopOnSigtermMs(program) !== undefined && c.stopping.at - rt.terminatingSince < ((env.pod.metadata?.deletionGracePeriodSeconds ?? 30) * 1000) : false
      finish(env, c, graceful ? 0 : 137, graceful ? 'Completed' : 'Error')
      c.phase = 'done'
      c.nextAt = Infinity
    } else if (c.phase === 'exited' || c.phase === 'crashBackoff' || c.phase === 'creating' || c.phase === 'pulling' || c.phase === 'pullFailed') {
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

export { keyOf }
