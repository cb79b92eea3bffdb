/** Shared printing helpers: AGE, labels, YAML/JSON output with kubectl's key order. */
import { stringify } from 'yaml'
import { fromTimestamp, humanDuration } from '../clock.ts'
import type { ClusterState } from '../state.ts'

export function age(state: ClusterState, timestamp: string | undefined): string {
  const t = fromTimestamp(state.config.epoch, timestamp)
  return t === undefined ? '<unknown>' : humanDuration(state.now - t)
}

export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep)
  if (v === null || typeof v !== 'object') return v
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k]
    if (x !== undefined) out[k] = sortKeysDeep(x)
  }
  return out
}

/** kubectl -o yaml: keys sorted (the object goes through map[string]interface{}), 2-space indent. */
export function toYaml(obj: unknown): string {
  return stringify(sortKeysDeep(obj), { lineWidth: 0, indent: 2, indentSeq: false, aliasDuplicateObjects: false })
}

export function toJson(obj: unknown): string {
  return `${JSON.stringify(obj, null, 4)}\n`
}

export function labelsString(labels: Record<string, string> | undefined): string {
  const e = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))
  return e.length ? e.map(([k, v]) => `${k}=${v}`).join(',') : '<none>'
}

/** "Wed, 01 Jan 2025 09:00:00 +0000" (describe's time format). */
export function describeTime(state: ClusterState, timestamp: string | undefined): string {
  const t = fromTimestamp(state.config.epoch, timestamp)
  if (t === undefined) return '<unknown>'
  const d = new Date(state.config.epoch + t)
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
}
