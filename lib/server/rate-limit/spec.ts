/**
 * How limits are written in the environment: `<count>/<window>` (`50/15m`: 50 in any 15 minutes; units s, m, h,
 * d; a bare number is seconds), `off` to switch a limit off, and the sign-in backoff as `<first>-<longest>`
 * (`30s-15m`). Pure, so lib/server/env.ts validates with it and the tests need no server.
 */

export interface Rate {
  points: number
  seconds: number
}

export interface Backoff {
  firstSeconds: number
  maxSeconds: number
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const

/** `90`, `30s`, `15m`, `1h`, `7d` → seconds; null for anything else (or more than 30 days). */
export function parseDuration(text: string): number | null {
  const m = /^(\d{1,7})\s*([smhd]?)$/.exec(text.trim())
  if (!m) return null
  const seconds = Number(m[1]) * UNIT_SECONDS[(m[2] || 's') as keyof typeof UNIT_SECONDS]
  return seconds >= 1 && seconds <= 30 * 86400 ? seconds : null
}

/** `50/15m` → { points: 50, seconds: 900 }; `off` → null; anything else → an error message. */
export function parseRate(text: string): Rate | null | string {
  const value = text.trim().toLowerCase()
  if (value === 'off') return null
  const m = /^(\d{1,7})\s*\/\s*(.+)$/.exec(value)
  const seconds = m ? parseDuration(m[2]!) : null
  if (!m || seconds === null || Number(m[1]) < 1) return 'must be <count>/<window> like 50/15m (units s, m, h, d; at most 30d), or off'
  return { points: Number(m[1]), seconds }
}

/** `30s-15m` → { firstSeconds: 30, maxSeconds: 900 }; an error message when malformed or first > longest. */
export function parseBackoff(text: string): Backoff | string {
  const m = /^([^-]+)-([^-]+)$/.exec(text.trim().toLowerCase())
  const first = m ? parseDuration(m[1]!) : null
  const max = m ? parseDuration(m[2]!) : null
  if (first === null || max === null || first > max) return 'must be <first wait>-<longest wait> like 30s-15m'
  return { firstSeconds: first, maxSeconds: max }
}

export function formatRate(rate: Rate | null): string {
  if (!rate) return 'off'
  return `${rate.points}/${formatDuration(rate.seconds)}`
}

export function formatDuration(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const)
    if (seconds % size === 0) return `${seconds / size}${unit}`
  return `${seconds}s`
}
