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
  stopping: { reason: 'liveness' | 'startup' | 'delete' | 'spec'; at: number } | null
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
}
