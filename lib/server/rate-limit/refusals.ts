/**
 * Every refusal by a limit or a quota goes through recordRefusal: one `limit.refused` line on the server's log
 * (with the request's id), and the listeners: the refusal counter of /api/metrics (instrumentation.ts) and tests.
 */
import { log } from '../observability/log.ts'

export type LimitName =
  | 'signin-account'
  | 'signin-address'
  | 'signup-address'
  | 'grade-user'
  | 'grade-address'
  | 'quiz-user'
  | 'import-user'
  | 'quota-submissions-hour'
  | 'quota-submissions-total'

export type RefusalListener = (limit: LimitName, key: string, retryAfterSeconds: number | null) => void

const listeners: RefusalListener[] = ((globalThis as { __kubelabRefusalListeners?: RefusalListener[] }).__kubelabRefusalListeners ??= [])

/** `key` never holds an email (sign-in keys are hashed) nor a password; user ids and addresses are kept. */
export function recordRefusal(limit: LimitName, key: string, retryAfterSeconds: number | null = null): void {
  log().warn({ event: 'limit.refused', limit, key, retryAfter: retryAfterSeconds }, `limit ${limit} refused a request`)
  for (const listener of listeners) listener(limit, key, retryAfterSeconds)
}

/** Adds a listener (metrics, tests); returns the function that removes it. */
export function onRefusal(listener: RefusalListener): () => void {
  listeners.push(listener)
  return () => {
    const i = listeners.indexOf(listener)
    if (i >= 0) listeners.splice(i, 1)
  }
}
