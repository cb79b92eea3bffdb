/**
 * One container's life in virtual time: image checks and pulls (with pull backoff), create and start, and
 * the restart decision with CrashLoopBackOff. While it runs, running.ts takes over.
 */
import { resolveConfigMapVolumes, resolveContainerEnv, usesConfigMaps } from './config-maps.ts'
import type { Container } from '../k8s.ts'
import { goDuration } from '../clock.ts'
import { formatBackoff, inBackoffSince, inBackoffSinceUpdate, nextBackoff } from './backoff.ts'
import { lookupImage, parseImageRef, pullDurationMs, type ImageInfo } from './images.ts'
import type { ContainerRuntime } from './runtime.ts'
import { newShellState } from './shell.ts'
import { memoryLimitBytes, oomKillAfterMs, RUNC_INIT_OOM_MESSAGE, tooSmallToStart } from './memory.ts'
import { event, hasImage, podRef, programFor, relistAfter, specOf, TIMINGS, type SyncEnv } from './env.ts'
import { firstProbe, NO_FILES, NO_LINES, NO_PROBES, runShellNow, startLivenessReadiness, startStop, stepRunning } from './running.ts'

export function newContainer(c: Container, init: boolean): ContainerRuntime {
  return {
    name: c.name,
    image: c.image ?? '',
    init,
    phase: 'new',
    waitingReason: init ? 'PodInitializing' : 'ContainerCreating',
    waitingMessage: undefined,
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
    files: NO_FILES,
    logs: NO_LINES,
    previousLogs: NO_LINES,
    bootLog: null,
    previousBootLog: null,
    probes: NO_PROBES,
    containerId: '',
    served: 0,
  }
}

/** A containerd-style ID, derived from the pod UID and the restart (deterministic, no RNG draw). */
export function containerIdFor(env: SyncEnv, c: ContainerRuntime): string {
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  const text = `${env.pod.metadata!.uid}/${c.name}/${c.restartCount}`
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x5bd1e995) >>> 0
  }
  const parts = ['containerd://']
  let x = h1 ^ h2
  for (let i = 0; i < 8; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    parts.push(((x ^ (i % 2 ? h1 : h2)) >>> 0).toString(16).padStart(8, '0'))
  }
  return parts.join('')
}

export function nextDue(c: ContainerRuntime): number {
  let t = c.nextAt
  if (c.phase === 'running') {
    if (c.stopping) return c.stopping.at
    t = Math.min(t, c.exitAt ?? Infinity)
    const p = c.probes
    if (p.liveness && p.liveness.nextAt < t) t = p.liveness.nextAt
    if (p.readiness && p.readiness.nextAt < t) t = p.readiness.nextAt
    if (p.startup && p.startup.nextAt < t) t = p.startup.nextAt
  }
  return t
}

/** The containers a sync steps now: the first unfinished init container, else every regular container. */
export function activeContainers(rt: { containers: ContainerRuntime[] }): ContainerRuntime[] {
  const pendingInit = rt.containers.find((c) => c.init && !(c.phase === 'done' && c.terminated?.exitCode === 0))
  return pendingInit ? [pendingInit] : rt.containers.filter((c) => !c.init)
}

/** Init containers one after another, then all regular containers. */
export function runContainers(env: SyncEnv): void {
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

/** Advances one container through everything due now. Returns true when its phase changed. */
export function stepContainer(env: SyncEnv, c: ContainerRuntime): boolean {
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

export function stepWaiting(env: SyncEnv, c: ContainerRuntime): boolean {
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
        event(
          env,
          'Normal',
          'Pulled',
          `Successfully pulled image "${c.image}" in ${took} (${waited} including waiting). Image size: ${info.sizeBytes} bytes.`,
        )
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

export function beginPull(env: SyncEnv, c: ContainerRuntime, info: ImageInfo | null, present: boolean): void {
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

export function startContainer(env: SyncEnv, c: ContainerRuntime): void {
  const now = env.ctx.now
  const spec = specOf(env.pod, c)
  const info = lookupImage(c.image)
  if (!spec || !info) return
  if (!takeConfigMaps(env, c, spec)) return
  const program = programFor(spec, info)
  const isRestart = c.lastTermination !== null || c.terminated !== null
  if (c.terminated) c.lastTermination = c.terminated
  c.terminated = null
  if (isRestart) c.restartCount++
  c.containerId = containerIdFor(env, c)
  c.previousLogs = c.logs
  c.previousBootLog = c.bootLog
  c.logs = NO_LINES
  c.bootLog = null
  c.files = NO_FILES
  const memoryLimit = memoryLimitBytes(spec)
  const startError = program.kind === 'startError' ? program.message : tooSmallToStart(memoryLimit) ? RUNC_INIT_OOM_MESSAGE : undefined
  if (startError !== undefined) {
    event(env, 'Warning', 'Failed', `Error: ${startError}`)
    c.phase = 'exited'
    c.terminated = { exitCode: 128, reason: 'StartError', message: startError, startedAt: now, finishedAt: now }
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
    } else if (program.endAfterMs !== undefined) {
      c.exitAt = now + program.endAfterMs
      c.exitCode = 0
    }
    if (program.startLines) c.logs = program.startLines
    // memory.ts: a program that holds more than its limit is OOM-killed (SIGKILL, exit code 137)
    const oom = oomKillAfterMs(program, memoryLimit)
    if (oom !== undefined && (c.exitAt === null || now + oom < c.exitAt)) {
      c.exitAt = now + oom
      c.exitCode = 137
    }
  } else if (program.kind === 'shell') {
    c.shell = newShellState()
    runShellNow(env, c, program)
  }
  const probes: Partial<Container> = c.init ? {} : spec
  c.started = !probes.startupProbe
  c.ready = !c.init && c.started && !probes.readinessProbe
  c.probes = NO_PROBES
  if (probes.startupProbe) c.probes = { startup: firstProbe(now, probes.startupProbe) }
  else startLivenessReadiness(c, spec, now)
}

export function decideRestart(env: SyncEnv, c: ContainerRuntime): void {
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

/** How long the kubelet's pod worker waits before it tries again after a sync error (pod_workers.go backOffPeriod). */
export const CONFIG_RETRY_MS = 10_000

/**
 * The ConfigMaps a container takes when it is created (kubelet/config-maps.ts): false, with the container left
 * waiting and retried, when one is missing.
 */
function takeConfigMaps(env: SyncEnv, c: ContainerRuntime, spec: Container): boolean {
  if (!usesConfigMaps(env.pod, spec)) {
    c.env = undefined
    return true
  }
  const now = env.ctx.now
  const volumes = resolveConfigMapVolumes(env.state, env.pod)
  if (!volumes.ok) {
    event(env, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${volumes.volume}" : ${volumes.message}`)
    c.nextAt = now + CONFIG_RETRY_MS
    return false
  }
  const resolved = resolveContainerEnv(env.state, env.pod, spec)
  if (!resolved.ok) {
    event(env, 'Warning', 'Failed', `Error: ${resolved.message}`)
    c.waitingReason = 'CreateContainerConfigError'
    c.waitingMessage = resolved.message
    c.nextAt = now + CONFIG_RETRY_MS
    return false
  }
  c.env = resolved.env
  if (Object.keys(volumes.volumes).length) env.rt.volumes = { ...(env.rt.volumes ?? {}), ...volumes.volumes }
  return true
}
