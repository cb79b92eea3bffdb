/**
 * Virtual time. The cluster counts milliseconds from its start (t = 0); wall-clock timestamps shown to the
 * learner are that offset added to a fixed epoch, so output never depends on when the simulation ran.
 */
export const DEFAULT_EPOCH = Date.UTC(2025, 0, 1, 9, 0, 0)

const stampCache = new Map<number, string>()

export function toTimestamp(epoch: number, ms: number): string {
  const t = epoch + Math.floor(ms / 1000) * 1000
  let s = stampCache.get(t)
  if (s === undefined) {
    if (stampCache.size > 50_000) stampCache.clear()
    s = new Date(t).toISOString().replace('.000Z', 'Z')
    stampCache.set(t, s)
  }
  return s
}

const parseCache = new Map<string, number>()

export function fromTimestamp(epoch: number, timestamp: string | undefined): number | undefined {
  if (!timestamp) return undefined
  let t = parseCache.get(timestamp)
  if (t === undefined) {
    if (parseCache.size > 50_000) parseCache.clear()
    t = Date.parse(timestamp)
    parseCache.set(timestamp, t)
  }
  return Number.isNaN(t) ? undefined : t - epoch
}

/** Moves virtual time forward; going back in time is a bug. */
export function advanceClock(state: { now: number }, to: number): void {
  if (to < state.now) throw new Error(`virtual clock cannot go back from ${state.now} to ${to}`)
  state.now = to
}

/** "90s", "5m", "1m30s", "2h", "1.5s", or a number of seconds → milliseconds; undefined when unreadable. */
export function parseDuration(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? Math.round(input * 1000) : undefined
  if (typeof input !== 'string') return undefined
  const text = input.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g
  let total = 0
  let consumed = 0
  for (const m of text.matchAll(re)) {
    if (m.index !== consumed) return undefined
    consumed += m[0].length
    const n = Number(m[1])
    total += m[2] === 'h' ? n * 3_600_000 : m[2] === 'm' ? n * 60_000 : m[2] === 's' ? n * 1000 : n
  }
  if (consumed !== text.length || consumed === 0) return undefined
  return Math.round(total)
}

/** kubectl's AGE column (k8s.io/apimachinery/pkg/util/duration.HumanDuration). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 120) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 180) return `${minutes}m`
  const hours = Math.floor(minutes / 60)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365
    const y = Math.floor(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${Math.floor(hours / 24 / 365)}y`
}

/** Go's time.Duration.String() for whole and fractional seconds, as kubelet messages print it ("2.5s", "1m30s"). */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s'
  if (ms < 1000) return `${ms}ms`
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const s = (ms % 60_000) / 1000
  const sec = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`
  if (h > 0) return `${h}h${m}m${sec}`
  if (m > 0) return `${m}m${sec}`
  return sec
}
