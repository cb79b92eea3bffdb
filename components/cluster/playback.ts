/**
 * The timeline player's arithmetic, kept apart from React so it can be tested: which frame is on screen at a
 * cursor time, which events have happened by then, and how far the cursor moves per animation tick.
 */
import type { EventRecord } from '@/lib/sim/index'

export const SPEEDS = [1, 2, 4, 8] as const
export type Speed = (typeof SPEEDS)[number]

/** Index of the frame shown at `time`: the last one at or before it (the first one before the recording starts). */
export function frameIndexAt(frames: readonly { time: number }[], time: number): number {
  let lo = 0
  let hi = frames.length - 1
  if (hi < 0) return -1
  if (time < frames[0]!.time) return 0
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (frames[mid]!.time <= time) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** How many events (in time order, as the simulator logs them) have happened by `time`. */
export function countUpTo(events: readonly { time: number }[], time: number): number {
  let lo = 0
  let hi = events.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (events[mid]!.time <= time) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Events that have happened by `time`, newest first (in recording order among equal times, reversed). */
export function eventsUpTo(events: readonly EventRecord[], time: number): EventRecord[] {
  return events.slice(0, countUpTo(events, time)).reverse()
}

/**
 * The cursor after `elapsedMs` of wall-clock time at `speed` virtual seconds per second, and whether playback
 * reached the end (the player then stops, like a video).
 */
export function advanceCursor(cursor: number, elapsedMs: number, speed: number, end: number): { cursor: number; ended: boolean } {
  const next = cursor + (Math.max(0, elapsedMs) / 1000) * speed
  return next >= end ? { cursor: end, ended: true } : { cursor: next, ended: false }
}

/** Times of the frames after / before the cursor, for "next change" / "previous change". */
export function nextChange(frames: readonly { time: number }[], time: number): number | null {
  for (const f of frames) if (f.time > time + 1e-6) return f.time
  return null
}
export function previousChange(frames: readonly { time: number }[], time: number): number | null {
  for (let i = frames.length - 1; i >= 0; i--) if (frames[i]!.time < time - 1e-6) return frames[i]!.time
  return null
}

/** `m:ss` (or `h:mm:ss`) of a duration in seconds, for the scrubber and the event list. */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds + 1e-6))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}
