/**
 * Kubernetes events. Each occurrence goes to the scenario's event log; the "API" copy is aggregated like the
 * real event recorder does (same object, type, reason, message and source → count+1), which is what
 * `kubectl get events` and `kubectl describe` show. Events expire after an hour (kube-apiserver --event-ttl).
 */
import type { ClusterState } from './state.ts'
import type { EventInput, StoredEvent } from './model.ts'

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
  const ev = state.events
  const seq = ev.count++
  const prev = ev.stored.get(key) ?? ev.older.get(key)
  if (prev) {
    ev.older.delete(key)
    ev.stored.delete(key)
  }
  const next: StoredEvent =
    prev && state.now - prev.last < EVENT_TTL_MS
      ? { ...prev, count: prev.count + 1, last: state.now, seq }
      : {
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
        }
  ev.stored.set(key, next)
  // Two generations instead of deleting the oldest one by one: at most MAX_STORED_EVENTS are kept.
  if (ev.stored.size >= MAX_STORED_EVENTS / 2) {
    ev.older = ev.stored
    ev.stored = new Map()
  }
}

/** Live (not expired) events, oldest last-seen first, optionally for one object. */
export function listEvents(
  state: ClusterState,
  filter?: { namespace?: string; kind?: string; name?: string; uid?: string },
): StoredEvent[] {
  const out: StoredEvent[] = []
  for (const ev of [...state.events.older.values(), ...state.events.stored.values()]) {
    if (state.now - ev.last >= EVENT_TTL_MS) continue
    if (filter?.namespace !== undefined && ev.namespace !== filter.namespace) continue
    if (filter?.kind && ev.kind !== filter.kind) continue
    if (filter?.name && ev.name !== filter.name) continue
    if (filter?.uid && ev.uid && ev.uid !== filter.uid) continue
    out.push(ev)
  }
  return out.sort((a, b) => a.last - b.last || a.seq - b.seq)
}
