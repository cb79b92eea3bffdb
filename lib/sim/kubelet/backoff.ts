/**
 * client-go flowcontrol.Backoff as the kubelet uses it for crashing containers and failed image pulls:
 * 10 s initial, doubling to a 300 s cap, forgotten once 2 × 300 s pass without an update.
 */
export interface BackoffEntry {
  backoffMs: number
  lastUpdate: number
}

export const INITIAL_BACKOFF_MS = 10_000
export const MAX_BACKOFF_MS = 300_000

function expired(eventTime: number, lastUpdate: number): boolean {
  return eventTime - lastUpdate > MAX_BACKOFF_MS * 2
}

/** IsInBackOffSince(eventTime): now − eventTime < current backoff (and the entry has not expired). */
export function inBackoffSince(entry: BackoffEntry | null, eventTime: number, now: number): boolean {
  if (!entry || expired(eventTime, entry.lastUpdate)) return false
  return now - eventTime < entry.backoffMs
}

/** IsInBackOffSinceUpdate(now): now − lastUpdate < current backoff. */
export function inBackoffSinceUpdate(entry: BackoffEntry | null, now: number): boolean {
  if (!entry || expired(now, entry.lastUpdate)) return false
  return now - entry.lastUpdate < entry.backoffMs
}

/** Next(eventTime): start at 10 s (or after expiry), else double up to the cap; lastUpdate = now. */
export function nextBackoff(entry: BackoffEntry | null, eventTime: number, now: number): BackoffEntry {
  if (!entry || expired(eventTime, entry.lastUpdate)) return { backoffMs: INITIAL_BACKOFF_MS, lastUpdate: now }
  return { backoffMs: Math.min(entry.backoffMs * 2, MAX_BACKOFF_MS), lastUpdate: now }
}

export function formatBackoff(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}m0s`
  if (ms > 60_000) return `${Math.floor(ms / 60_000)}m${(ms % 60_000) / 1000}s`
  return `${ms / 1000}s`
}
