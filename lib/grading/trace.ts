/**
 * The replay trace a grade answers with, bounded: a grade is one HTTP response, and a run within the simulator's
 * limits can still record thousands of timeline points, events and command output. The trace is thinned to fit
 * a byte budget — points and events decimated evenly (the first and last always kept), command output cut —
 * and serialised once; `thinned` tells the workspace that what it replays is a sample.
 */
import type { EventRecord, State, TimelinePoint } from '../sim/index.ts'
import { utf8Length } from '../k8s/input-limits.ts'
import type { ExerciseRun } from './run-exercise.ts'

/** What the cluster did, for replay in the workspace (timeline chart, events, final state). */
export interface SimulationTrace {
  timeline: TimelinePoint[]
  events: EventRecord[]
  final: State | null
  commandOutputs: ExerciseRun['commandOutputs']
  /** Present when the trace is a sample: how many points and events the run recorded and how many are here. */
  thinned?: { timeline: [kept: number, of: number]; events: [kept: number, of: number]; outputsCut: number; finalOmitted: boolean }
}

/** No grade answers more than this (the whole JSON body). */
export const MAX_GRADE_RESPONSE_BYTES = 512 * 1024

/** Every `n`-th item so that at most `max` remain, evenly spread, the first and the last always among them. */
export function decimate<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items]
  if (max <= 1) return items.length ? [items[items.length - 1]!] : []
  const out: T[] = []
  const step = (items.length - 1) / (max - 1)
  for (let i = 0; i < max; i++) out.push(items[Math.round(i * step)]!)
  return out
}

function cut(text: string, maxChars: number): { text: string; cut: boolean } {
  if (text.length <= maxChars) return { text, cut: false }
  return { text: `${text.slice(0, maxChars)}\n… (${(text.length - maxChars).toLocaleString('en')} more characters not shown)\n`, cut: true }
}

interface Caps {
  /** bytes for the timeline, events and command outputs each (the final state is sent whole) */
  timelineBytes: number
  eventBytes: number
  outputChars: number
  outputsChars: number
  dropFinal: boolean
}

function sizeOf(value: unknown): number {
  return JSON.stringify(value)?.length ?? 4
}

/** How many items of a list fit `bytes`, judged by its largest sampled item (lists of similar records). */
function fitting(items: readonly unknown[], bytes: number): number {
  if (items.length === 0) return 0
  let widest = 1
  for (const i of decimate(items, 16)) widest = Math.max(widest, sizeOf(i) + 1)
  return Math.max(2, Math.floor(bytes / widest))
}

function thin(trace: SimulationTrace, caps: Caps): SimulationTrace {
  const timeline = decimate(trace.timeline, fitting(trace.timeline, caps.timelineBytes))
  const events = decimate(trace.events, fitting(trace.events, caps.eventBytes))
  let left = caps.outputsChars
  let outputsCut = 0
  const commandOutputs = trace.commandOutputs.map((o) => {
    const c = cut(o.output, Math.max(0, Math.min(caps.outputChars, left)))
    left -= c.text.length
    if (c.cut) outputsCut++
    return c.cut ? { ...o, output: c.text } : o
  })
  const final = caps.dropFinal ? null : trace.final
  const changed = timeline.length < trace.timeline.length || events.length < trace.events.length || outputsCut > 0 || final !== trace.final
  if (!changed) return trace
  return {
    timeline,
    events,
    final,
    commandOutputs,
    thinned: {
      timeline: [timeline.length, trace.timeline.length],
      events: [events.length, trace.events.length],
      outputsCut,
      finalOmitted: final === null && trace.final !== null,
    },
  }
}

/**
 * The trace as JSON within `maxBytes`. Sized caps first (one serialisation in practice); if the final state is
 * so large that the result still does not fit, a second pass keeps less, and the last one leaves the state out.
 */
export function serializeTrace(trace: SimulationTrace | null, maxBytes: number): { json: string; thinned: boolean } {
  if (!trace) return { json: 'null', thinned: false }
  const rest = Math.max(0, maxBytes - sizeOf(trace.final))
  const passes: Caps[] = [
    { timelineBytes: rest * 0.35, eventBytes: rest * 0.3, outputChars: 16 * 1024, outputsChars: rest * 0.25, dropFinal: false },
    { timelineBytes: rest * 0.1, eventBytes: rest * 0.1, outputChars: 2 * 1024, outputsChars: rest * 0.1, dropFinal: false },
    { timelineBytes: maxBytes * 0.3, eventBytes: maxBytes * 0.3, outputChars: 1024, outputsChars: maxBytes * 0.2, dropFinal: true },
  ]
  for (const caps of passes) {
    const thinned = thin(trace, caps)
    const json = JSON.stringify(thinned)
    if (utf8Length(json, maxBytes + 1) <= maxBytes) return { json, thinned: thinned !== trace }
  }
  return { json: 'null', thinned: true }
}
