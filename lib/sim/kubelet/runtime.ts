/**
 * What a kubelet keeps about a pod beyond the API object: the sandbox, each container's process, pulls,
 * backoff entries, probe workers and the container's files. Plain data (Records, arrays) so it snapshots.
 */
import type { BackoffEntry } from './backoff.ts'
import type { ShellState } from './shell.ts'

export type ContainerPhase =
  | 'new' // not yet looked at
  | 'pulling'
  | 'pullFailed' // ErrImagePull, waiting for backoff
  | 'invalidImage'
  | 'neverPull'
  | 'creating'
  | 'running'
  | 'exited' // terminated, restart decision pending
  | 'crashBackoff' // waiting in CrashLoopBackOff
  | 'done' // terminated for good (restartPolicy)

export interface ProbeWorker {
  nextAt: number
  successes: number
  failures: number
}

export interface Termination {
  exitCode: number
  reason: string
  message?: string
  startedAt: number
  finishedAt: number
}

export interface ContainerRuntime {
  name: string
  image: string
  init: boolean
  phase: ContainerPhase
  waitingReason: string
  waitingMessage?: string
  nextAt: number
  pullBackoff: BackoffEntry | null
  /** when the current pull left the node's pull queue (it was requested at startedAt) */
  pullStart: number | null
  crashBackoff: BackoffEntry | null
  restartCount: number
  startedAt: number | null
  terminated: Termination | null
  lastTermination: Termination | null
  ready: boolean
  started: boolean
  /** the program: listening from this time (servers) */
  listeningAt: number | null
  /** shell programs: current interpreter state; exit time when known */
  shell: ShellState | null
  exitAt: number | null
  exitCode: number
  /** why the current run is being stopped (liveness/startup/termination/image change) */
  /**
   * why the current run is being stopped (liveness/startup/termination/image change), when its preStop hook
   * ends and SIGTERM is sent (the app listens until then), when it has stopped, and whether by SIGKILL
   */
  stopping: { reason: 'liveness' | 'startup' | 'delete' | 'spec'; at: number; sigtermAt: number; killed: boolean } | null
  files: Record<string, string>
  /** lines the program printed; a server's start-up banner is generated on demand (bootLog) */
  logs: string[]
  previousLogs: string[]
  bootLog: { app: string; tag: string; at: number } | null
  previousBootLog: { app: string; tag: string; at: number } | null
  probes: { liveness?: ProbeWorker; readiness?: ProbeWorker; startup?: ProbeWorker }
  containerId: string
  /** requests served (traffic generator); kubectl logs shows the curl ones only */
  served: number
  /** the environment resolved from env/envFrom when the container was created (only when it uses ConfigMaps) */
  env?: Record<string, string>
}

export interface PodRuntime {
  uid: string
  key: string
  node: string
  /** when the kubelet first saw the pod (status.startTime) */
  startTime: number
  sandboxAt: number
  ip: string | null
  containers: ContainerRuntime[]
  /** index of the init container running, or containers.length when all init containers completed */
  terminatingSince: number | null
  removed: boolean
  /** emptyDir volumes: volume name → path inside the volume → content (shared by the containers that mount it) */
  volumes?: Record<string, Record<string, string>>
  /**
   * The traffic generator's last answer from this pod (traffic.ts): valid while this runtime object is the
   * pod's current one, so a copy (every kubelet sync) starts without it.
   */
  trafficAnswer?: { pod: unknown; port: number; path: string; from: number; container: ContainerRuntime | undefined }
  /** the pod status object (as stored) that shows this runtime: written, or found equal, by the last sync */
  statusShown?: object
}

/**
 * The kubelet's copy-on-write of a pod's runtime (controllers return changes, they never edit the state).
 * Field by field rather than by spread: one object shape for every copy, which keeps this hot path fast.
 */
export function copyPodRuntime(rt: PodRuntime, copyProbes: (p: ContainerRuntime['probes']) => ContainerRuntime['probes']): PodRuntime {
  const containers: ContainerRuntime[] = new Array(rt.containers.length)
  for (let i = 0; i < containers.length; i++) containers[i] = copyContainer(rt.containers[i]!, copyProbes(rt.containers[i]!.probes))
  return {
    uid: rt.uid,
    key: rt.key,
    node: rt.node,
    startTime: rt.startTime,
    sandboxAt: rt.sandboxAt,
    ip: rt.ip,
    containers,
    terminatingSince: rt.terminatingSince,
    removed: rt.removed,
    volumes: rt.volumes,
    trafficAnswer: undefined,
    statusShown: rt.statusShown,
  }
}

function copyContainer(c: ContainerRuntime, probes: ContainerRuntime['probes']): ContainerRuntime {
  return {
    name: c.name,
    image: c.image,
    init: c.init,
    phase: c.phase,
    waitingReason: c.waitingReason,
    waitingMessage: c.waitingMessage,
    nextAt: c.nextAt,
    pullBackoff: c.pullBackoff,
    pullStart: c.pullStart,
    crashBackoff: c.crashBackoff,
    restartCount: c.restartCount,
    startedAt: c.startedAt,
    terminated: c.terminated,
    lastTermination: c.lastTermination,
    ready: c.ready,
    started: c.started,
    listeningAt: c.listeningAt,
    shell: c.shell,
    exitAt: c.exitAt,
    exitCode: c.exitCode,
    stopping: c.stopping,
    files: c.files,
    logs: c.logs,
    previousLogs: c.previousLogs,
    bootLog: c.bootLog,
    previousBootLog: c.previousBootLog,
    probes,
    containerId: c.containerId,
    served: c.served,
    env: c.env,
  }
}
