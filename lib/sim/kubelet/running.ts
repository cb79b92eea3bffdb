/**
 * A running container: its program (shell scripts advance in virtual time), its probes (startup, liveness,
 * readiness), stopping it (preStop hook, SIGTERM, grace period, SIGKILL) and its exit.
 */
import { filesSeenBy, storeFiles } from './volumes.ts'
import type { Container, LifecycleHandler, Probe } from '../k8s.ts'
import { stopOnSigtermMs, type Program } from './apps.ts'
import { lookupImage, type ImageInfo } from './images.ts'
import { compileExec, evaluateProbe, type ProbeTarget } from './probes.ts'
import type { ContainerRuntime, ProbeWorker } from './runtime.ts'
import { newShellState, runShell } from './shell.ts'
import { exitReason } from './memory.ts'
import { envOf, event, programFor, relistAfter, specOf, type SyncEnv } from './env.ts'

/** Shared empty values (frozen: a write to them is a bug and throws). */
export const NO_PROBES = Object.freeze({}) as ContainerRuntime['probes']

export const NO_FILES = Object.freeze({}) as Record<string, string>

export const NO_LINES = Object.freeze([]) as unknown as string[]

export function cloneProbes(p: ContainerRuntime['probes']): ContainerRuntime['probes'] {
  if (p === NO_PROBES) return p
  const out: ContainerRuntime['probes'] = {}
  if (p.liveness) out.liveness = { ...p.liveness }
  if (p.readiness) out.readiness = { ...p.readiness }
  if (p.startup) out.startup = { ...p.startup }
  return out
}

/** The kubelet always leaves SIGTERM at least this long after a preStop hook (minimumGracePeriodInSeconds). */
export const MIN_GRACE_AFTER_HOOK_MS = 2000

/**
 * Stops a running container as the kubelet's killContainer does (pkg/kubelet/kuberuntime/kuberuntime_container.go):
 * the preStop hook first, for at most the grace period, the app still serving meanwhile; then SIGTERM with what
 * is left of the grace period (its whole seconds the hook took are subtracted; never less than 2 s); SIGKILL
 * when the app has not exited by then.
 */
export function startStop(env: SyncEnv, c: ContainerRuntime, reason: 'liveness' | 'startup' | 'delete' | 'spec'): void {
  const now = env.ctx.now
  const spec = specOf(env.pod, c)
  const image = lookupImage(c.image)
  const program = spec && image ? programFor(spec, image) : undefined
  const grace = (env.pod.metadata?.deletionGracePeriodSeconds ?? env.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000
  const hook = spec?.lifecycle?.preStop
  let hookMs = 0
  let left = grace
  if (hook && grace > 0 && image) {
    const run = runPreStopHook(env, c, hook, image, grace)
    // (recorded when the hook starts: the simulator knows its outcome then; the kubelet records it when it ends)
    if (run.failed) event(env, 'Warning', 'FailedPreStopHook', 'PreStopHook failed')
    hookMs = run.ms
    left = Math.max(grace - Math.floor(hookMs / 1000) * 1000, MIN_GRACE_AFTER_HOOK_MS)
  }
  const stopMs = program ? stopOnSigtermMs(program) : 0
  const killed = stopMs === undefined || stopMs > left
  const sigtermAt = now + hookMs
  c.stopping = { reason, sigtermAt, at: sigtermAt + (killed ? left : stopMs), killed }
  // probes stop with the container; readiness stays until it has stopped (EndpointSlice serving=true meanwhile)
  c.probes = NO_PROBES
}

/**
 * How long a preStop hook runs (cut at the grace period) and whether it failed. `sleep` waits its seconds
 * (pkg/kubelet/lifecycle/handlers.go runSleepHandler); `exec` runs in the container's shell in virtual time;
 * httpGet and tcpSocket answer at once in the simulator.
 */
function runPreStopHook(
  env: SyncEnv,
  c: ContainerRuntime,
  hook: LifecycleHandler,
  image: ImageInfo,
  graceMs: number,
): { ms: number; failed: boolean } {
  if (hook.sleep) return { ms: Math.min(Math.max(hook.sleep.seconds ?? 0, 0) * 1000, graceMs), failed: false }
  if (!hook.exec) return { ms: 0, failed: false }
  const program = compileExec(hook.exec.command ?? [], image)
  if ('error' in program) return { ms: 0, failed: true }
  const start = env.ctx.now
  const spec = specOf(env.pod, c)!
  let shell = newShellState()
  let at = start
  // the shell returns at each sleep; a loop that never ends is cut by the grace period like any other hook
  for (let steps = 0; steps < 10_000; steps++) {
    const r = runShell(program, shell, {
      now: at,
      epoch: env.state.config.epoch,
      hostname: env.pod.metadata!.name!,
      tools: image.tools,
      files: { ...c.files },
      env: c.env ?? envOf(spec),
    })
    if (r.exit !== undefined) return { ms: Math.min(at - start, graceMs), failed: r.exit !== 0 && at - start < graceMs }
    if (r.sleepUntil === undefined || r.sleepUntil - start >= graceMs) break
    shell = r.state
    at = r.sleepUntil
  }
  return { ms: graceMs, failed: false }
}

export function firstProbe(start: number, probe: { initialDelaySeconds?: number }): ProbeWorker {
  // The prober's first tick comes once the container runs (≥ 1 s) and not before initialDelaySeconds.
  const delay = Math.max((probe.initialDelaySeconds ?? 0) * 1000, 1000)
  return { nextAt: start + delay, successes: 0, failures: 0 }
}

export function startLivenessReadiness(c: ContainerRuntime, spec: Container, from: number): void {
  if (c.init) return
  if (!spec.livenessProbe && !spec.readinessProbe) return
  const probes = { ...c.probes }
  if (spec.livenessProbe) probes.liveness = firstProbe(c.startedAt ?? from, spec.livenessProbe)
  if (spec.readinessProbe) probes.readiness = firstProbe(c.startedAt ?? from, spec.readinessProbe)
  for (const w of Object.values(probes)) if (w && w.nextAt < from) w.nextAt = from
  c.probes = probes
}

export function runShellNow(env: SyncEnv, c: ContainerRuntime, program: Extract<Program, { kind: 'shell' }>): void {
  const spec = specOf(env.pod, c)!
  const info = lookupImage(c.image)!
  const files = filesSeenBy(env.pod, env.rt, c)
  const r = runShell(program.program, c.shell!, {
    now: env.ctx.now,
    epoch: env.state.config.epoch,
    hostname: env.pod.metadata!.name!,
    tools: info.tools,
    files,
    env: c.env ?? envOf(spec),
  })
  storeFiles(env.pod, env.rt, c, files)
  c.shell = r.state
  if (r.output.length) c.logs = [...c.logs, ...r.output].slice(-1000)
  if (r.exit !== undefined) {
    c.exitAt = env.ctx.now
    c.exitCode = r.exit
  } else c.nextAt = r.sleepUntil ?? Infinity
}

/** Handles everything due for a running container. Returns true when something happened. */
export function stepRunning(env: SyncEnv, c: ContainerRuntime): boolean {
  const now = env.ctx.now
  const spec = specOf(env.pod, c)
  const info = lookupImage(c.image)
  if (!spec || !info) return false
  const program = programFor(spec, info)
  if (c.stopping && c.stopping.at <= now) {
    const byGrace = c.stopping.killed
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
    finish(env, c, c.exitCode, exitReason(c.exitCode, program, spec))
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
  }
  const su = c.probes.startup
  const startup = probeNow(su, spec.startupProbe, target, now)
  if (startup) {
    happened = true
    if (startup.ok) {
      c.started = true
      const { startup: _done, ...others } = c.probes
      c.probes = Object.keys(others).length ? others : NO_PROBES
      c.ready = !spec.readinessProbe
      startLivenessReadiness(c, spec, now)
    } else if (failedToRestart(env, c, su!, spec.startupProbe!, 'startup', startup.message)) return true
  }
  const lv = c.probes.liveness
  const liveness = probeNow(lv, spec.livenessProbe, target, now)
  if (liveness) {
    happened = true
    if (liveness.ok) lv!.failures = 0
    else if (failedToRestart(env, c, lv!, spec.livenessProbe!, 'liveness', liveness.message)) return true
  }
  const rd = c.probes.readiness
  const readiness = probeNow(rd, spec.readinessProbe, target, now)
  if (readiness) {
    happened = true
    const p = spec.readinessProbe!
    if (readiness.ok) {
      rd!.failures = 0
      rd!.successes++
      if (rd!.successes >= (p.successThreshold ?? 1)) c.ready = true
    } else {
      rd!.successes = 0
      rd!.failures++
      event(env, 'Warning', 'Unhealthy', `Readiness probe failed: ${readiness.message}`)
      if (rd!.failures >= (p.failureThreshold ?? 3) || !c.ready) c.ready = false
    }
  }
  return happened
}

/** A probe whose period has come: evaluated now and scheduled a period later; null when it is not due. */
function probeNow(
  worker: ProbeWorker | undefined,
  probe: Probe | undefined,
  target: ProbeTarget,
  now: number,
): { ok: boolean; message: string } | null {
  if (!worker || worker.nextAt > now || !probe) return null
  const result = evaluateProbe(probe, target)
  worker.nextAt = now + (probe.periodSeconds ?? 10) * 1000
  return result
}

/**
 * A failed startup or liveness probe: the kubelet reports it, and after failureThreshold failures in a row
 * kills the container to restart it. Returns true when the container is being stopped.
 */
function failedToRestart(
  env: SyncEnv,
  c: ContainerRuntime,
  worker: ProbeWorker,
  probe: Probe,
  kind: 'startup' | 'liveness',
  message: string,
): boolean {
  worker.failures++
  const title = kind === 'startup' ? 'Startup' : 'Liveness'
  event(env, 'Warning', 'Unhealthy', `${title} probe failed: ${message}`)
  if (worker.failures < (probe.failureThreshold ?? 3)) return false
  event(env, 'Normal', 'Killing', `Container ${c.name} failed ${kind} probe, will be restarted`)
  startStop(env, c, kind)
  return true
}

export function finish(env: SyncEnv, c: ContainerRuntime, exitCode: number, reason: string): void {
  const now = env.ctx.now
  c.terminated = { exitCode, reason, startedAt: c.startedAt ?? now, finishedAt: now }
  c.phase = 'exited'
  c.ready = false
  c.started = false
  c.exitAt = null
  c.listeningAt = null
  c.probes = NO_PROBES
  c.nextAt = relistAfter(now)
}
