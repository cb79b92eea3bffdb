/**
 * Every refusal by a limit or a quota goes through recordRefusal: one structured line on the server's log
 * now, and the one place a logger or metrics can hook later.
 */

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
  console.warn(JSON.stringify({ event: 'kubelab.limit.refused', limit, key, retryAfter: retryAfterSeconds, at: new Date().toISOString() }))
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
