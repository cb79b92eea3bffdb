/**
 * Kubernetes events. Each occurrence goes to the scenario's event log; the "API" copy is aggregated like the
 * real event recorder does (same object, type, reason, message and source → count+1), which is what
 * `kubectl get events` and `kubectl describe` show. Events expire after an hour (kube-apiserver --event-ttl).
 */
import type { ClusterState } from './state.ts'

export interface EventRecord {
  time: number
  type: 'Normal' | 'Warning'
  reason: string
  object: string
  message: string
}

export interface StoredEvent {
  namespace: string
  kind: string
  name: string
  uid: string
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  source: string
  count: number
  first: number
  last: number
  seq: number
}

export interface EventInput {
  kind: string
  namespace: string | undefined
  name: string
  uid?: string
  type?: 'Normal' | 'Warning'
  reason: string
  message: string
  source: string
}

export const EVENT_TTL_MS = 3_600_000
/** Stored (API) events kept at most; the oldest go first. Keeps 100,000-pod clusters within memory. */
export const MAX_STORED_EVENTS = 20_000

export function recordEvent(state: ClusterState, e: EventInput): void {
  const type = e.type ?? 'Normal'
  if (state.config.recordEventLog) {
    state.events.log.push({ time: state.now / 1000, type, reason: e.reason, object: `${e.kind}/${e.name}`, message: e.message })
  }
  const ns = e.namespace ?? 'default'
  // the recorder's aggregation key: object, type, reason, message, source (uid stands for the object)
  const key = `${e.uid ?? `${ns}/${e.kind}/${e.name}`}|${e.reason}|${e.message}`
  const prev = state.events.stored.get(key)
  const seq = state.events.count++
  if (prev && state.now - prev.last < EVENT_TTL_MS) {
    state.events.stored.delete(key)
    state.events.stored.set(key, { ...prev, count: prev.count + 1, last: state.now, seq })
  } else {
    state.events.stored.delete(key)
    state.events.stored.set(key, {
      namespace: ns,
      kind: e.kind,
      name: e.name,
      uid: e.uid ?? '',
      type,
      reason: e.reason,
      message: e.message,
      source: e.source,
      count: 1,
      first: state.now,
      last: state.now,
      seq,
    })
  }
  // Trim in batches: deleting from the front of a Map one at a time degrades (V8 keeps the holes).
  if (state.events.stored.size > MAX_STORED_EVENTS + 4096) {
    const keep = [...state.events.stored].slice(-MAX_STORED_EVENTS)
    state.events.stored = new Map(keep)
  }
  if (seq % 4096 === 0) pruneEvents(state)
}

export function pruneEvents(state: ClusterState): void {
  for (const [k, ev] of state.events.stored) {
    if (state.now - ev.last >= EVENT_TTL_MS) state.events.stored.delete(k)
  }
}

/** Live (not expired) events, oldest last-seen first, optionally for one object. */
export function listEvents(state: ClusterState, filter?: { namespace?: string; kind?: string; name?: string; uid?: string }): StoredEvent[] {
  const out: StoredEvent[] = []
  for (const ev of state.events.stored.values()) {
    if (state.now - ev.last >= EVENT_TTL_MS) continue
    if (filter?.namespace !== undefined && ev.namespace !== filter.namespace) continue
    if (filter?.kind && ev.kind !== filter.kind) continue
    if (filter?.name && ev.name !== filter.name) continue
    if (filter?.uid && ev.uid && ev.uid !== filter.uid) continue
    out.push(ev)
  }
  return out.sort((a, b) => a.last - b.last || a.seq - b.seq)
}
