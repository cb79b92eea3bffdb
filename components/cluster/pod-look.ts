/**
 * How a pod looks in the cluster view: one tone (colour + icon) per family of kubectl STATUS values.
 * The STATUS text itself is always shown too; the tone is what the eye picks up first.
 */
import type { PodState } from '@/lib/sim/index'

export type PodTone =
  'creating' | 'running' | 'not-ready' | 'crash' | 'image' | 'terminating' | 'pending' | 'completed' | 'error' | 'unknown'

export const POD_TONES: readonly PodTone[] = [
  'creating',
  'running',
  'not-ready',
  'crash',
  'image',
  'terminating',
  'pending',
  'completed',
  'error',
  'unknown',
]

const IMAGE_REASONS = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull', 'RegistryUnavailable'])
const CREATING_REASONS = new Set(['ContainerCreating', 'PodInitializing'])
const ERROR_REASONS = new Set([
  'Error',
  'StartError',
  'CreateContainerError',
  'CreateContainerConfigError',
  'RunContainerError',
  'OOMKilled',
  'ContainerCannotRun',
  'Evicted',
  'DeadlineExceeded',
])

/** The tone for a pod's kubectl STATUS column (plus readiness, which STATUS alone does not show). */
export function podTone(pod: Pick<PodState, 'status' | 'ready' | 'terminating'>): PodTone {
  const status = pod.status
  if (status === 'Unknown') return 'unknown'
  if (pod.terminating || status === 'Terminating') return 'terminating'
  // Init:CrashLoopBackOff, Init:ErrImagePull … are the same trouble in an init container.
  const reason = status.startsWith('Init:') ? status.slice(5) : status
  if (reason === 'CrashLoopBackOff') return 'crash'
  if (IMAGE_REASONS.has(reason)) return 'image'
  if (CREATING_REASONS.has(reason) || /^\d+\/\d+$/.test(reason)) return 'creating'
  if (status === 'Running') return pod.ready ? 'running' : 'not-ready'
  if (status === 'NotReady') return 'not-ready'
  if (status === 'Pending') return 'pending'
  if (status === 'Completed' || status === 'Succeeded') return 'completed'
  if (ERROR_REASONS.has(reason) || /^(ExitCode|Signal):/.test(reason) || status === 'Failed') return 'error'
  return 'unknown'
}

/** Tones that mean "something is wrong", announced more insistently. */
export function isTroubleTone(tone: PodTone): boolean {
  return tone === 'crash' || tone === 'image' || tone === 'error' || tone === 'unknown'
}

/** The last 5 characters of a generated name (`web-7d4b9c-x2kq9` → `x2kq9`), the part that tells pods apart. */
export function shortPodName(name: string, owner: string | null): string {
  if (!owner) return name
  const ownerName = owner.slice(owner.indexOf('/') + 1)
  return name.startsWith(`${ownerName}-`) ? name.slice(ownerName.length + 1) : name
}

/** The message key of a tone under `cluster.tone` (`not-ready` → `notReady`). */
export function toneKey(tone: PodTone): string {
  return tone.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}
