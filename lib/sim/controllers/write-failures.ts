/**
 * A controller's create that the API server refuses is not dropped: like upstream, the controller records a
 * Warning event with the server's error and its work queue retries the key with client-go's per-item
 * exponential backoff (workqueue.DefaultControllerRateLimiter: 5 ms doubling, at most 1000 s), forgotten
 * after a successful create. The engine calls these helpers for a `create` change that carries `onFailure`.
 */
import type { ApiResult } from '../apiserver.ts'
import type { CreateFailure } from '../changes.ts'
import { recordEvent } from '../events.ts'
import { wakeAt } from '../queue.ts'
import type { ClusterState } from '../state.ts'
import { toTimestamp } from '../clock.ts'
import { keyOf } from '../objects.ts'
import { putObject } from '../store.ts'
import { hasProgressDeadline, newCondition, setCondition } from './deployment/status.ts'

export const RETRY_BASE_MS = 5
export const RETRY_MAX_MS = 1_000_000

/** ItemExponentialFailureRateLimiter: the delay before retry number `failures` + 1. */
export function retryDelayMs(failures: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.min(failures, 30), RETRY_MAX_MS)
}

function retryKey(f: CreateFailure): string {
  return `${f.retry.controller}|${f.retry.key}`
}

/** A refused create: its event (not for a namespace being deleted, as pod_control.go does), then the retry. */
export function createFailed(state: ClusterState, f: CreateFailure, error: Extract<ApiResult, { ok: false }>): void {
  // "unable to create new content in namespace … because it is being terminated" (NamespaceTerminatingCause):
  // no event and no retry — the namespace and everything in it is going away
  if (error.message.includes('because it is being terminated')) return
  const message = `${f.event.message}${f.errorText ? f.errorText(error.message) : error.message}`
  recordEvent(state, { ...f.event, type: 'Warning', message })
  if (f.progressingReason) setProgressingFailed(state, keyOf(f.event.namespace, f.event.name), f.progressingReason, message)
  const failures = (state.writeFailures ??= {})
  const key = retryKey(f)
  const prev = failures[key]
  const at = state.now + retryDelayMs(prev?.failures ?? 0)
  // AddRateLimited → AddAfter: a key already waiting keeps its earlier time (one pending retry per key)
  const pending = prev !== undefined && prev.retryAt > state.now && prev.retryAt <= at
  failures[key] = { failures: (prev?.failures ?? 0) + 1, retryAt: pending ? prev.retryAt : at }
  if (!pending) wakeAt(state, at, f.retry.controller, f.retry.key)
}

/** sync.go getNewReplicaSet: with a progress deadline, the refusal is also the Progressing condition. */
function setProgressingFailed(state: ClusterState, key: string, reason: string, message: string): void {
  const d = state.objects.Deployment.get(key)
  if (!d || !hasProgressDeadline(d)) return
  const status = setCondition(
    d.status ?? {},
    newCondition('Progressing', 'False', reason, message, toTimestamp(state.config.epoch, state.now)),
  )
  // an unchanged condition is no write (the API server drops a no-op update), so no informer event either
  if (status !== d.status) putObject(state, { ...d, status })
}

/** A create of this key went through: the rate limiter forgets its failures (workqueue Forget). */
export function createSucceeded(state: ClusterState, f: CreateFailure): void {
  if (state.writeFailures) delete state.writeFailures[retryKey(f)]
}

/** After a refused create in one sync: whether a later change of that sync is skipped (see CreateFailure). */
export function skippedAfterFailure(failed: CreateFailure, next: CreateFailure | undefined): boolean {
  if (failed.abortSync) return true
  return next !== undefined && retryKey(next) === retryKey(failed) && (next.batch ?? 0) > (failed.batch ?? 0)
}
