/**
 * Memory limits: a container whose program holds more than `resources.limits.memory` is killed by the kernel's
 * OOM killer in its cgroup. The kubelet then reports last state Terminated, reason OOMKilled, exit code 137
 * (128 + SIGKILL) — containerd sets the reason from the cgroup's oom_kill count (pkg/kubelet/kuberuntime
 * kuberuntime_container.go toKubeContainerStatus takes the runtime's reason) — and restarts it per
 * restartPolicy with the usual CrashLoopBackOff. On cgroup v2 the kubelet (1.28+) sets memory.oom.group, so
 * the whole container goes, not only its largest process.
 *
 * The limit the runtime gets is the quantity in whole bytes, rounded up (resource.Quantity.Value(), used by
 * pkg/kubelet/kuberuntime/kuberuntime_container_linux.go): `128m` is 0.128 bytes, so 1 byte, and no container
 * starts in that — runc's own init process is OOM-killed first (StartError). CPU limits only throttle and are
 * not simulated.
 */
import type { Container } from '../k8s.ts'
import { resourceAmount } from '../objects.ts'
import { SHELL_MEMORY_BYTES, type Program } from './apps.ts'

const MiB = 1024 * 1024

/** Below this a container cannot even start (runc init needs it; the simulator's threshold, a real node's varies). */
export const RUNTIME_MIN_MEMORY_BYTES = 2 * MiB

/** How long after start a program holds its full size: a server once its workers run, stress after touching its buffers. */
const FILL_MS = { server: 200, stress: 100 }

export const RUNC_INIT_OOM_MESSAGE =
  'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: container init was OOM-killed (memory limit too low?): unknown'

/** The container's memory limit in bytes (rounded up, as the kubelet passes it to the runtime); undefined without one. */
export function memoryLimitBytes(container: Container | undefined): number | undefined {
  const limit = (container?.resources?.limits as Record<string, string | number> | undefined)?.memory
  if (limit === undefined) return undefined
  const bytes = Math.ceil(resourceAmount(limit) - 1e-9)
  return bytes > 0 ? bytes : undefined
}

/** What a program keeps resident once started. */
export function residentBytes(program: Program): number {
  return program.kind === 'server' ? program.memoryBytes : SHELL_MEMORY_BYTES
}

/** Milliseconds after start when the OOM killer ends the program; undefined when it fits its limit. */
export function oomKillAfterMs(program: Program, limitBytes: number | undefined): number | undefined {
  if (limitBytes === undefined || program.kind !== 'server' || residentBytes(program) <= limitBytes) return undefined
  return program.app === 'stress' ? FILL_MS.stress : Math.min(program.startupMs, FILL_MS.server)
}

/** Whether the limit is too small for the runtime to start any process (StartError). */
export function tooSmallToStart(limitBytes: number | undefined): boolean {
  return limitBytes !== undefined && limitBytes < RUNTIME_MIN_MEMORY_BYTES
}

/** The terminated reason of a program that exited on its own or was OOM-killed. */
export function exitReason(exitCode: number, program: Program, container: Container | undefined): string {
  if (exitCode === 0) return 'Completed'
  if (exitCode === 137 && oomKillAfterMs(program, memoryLimitBytes(container)) !== undefined) return 'OOMKilled'
  return 'Error'
}
