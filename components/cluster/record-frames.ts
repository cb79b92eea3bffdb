/**
 * Recording a run for the timeline player: advance the cluster in fixed steps and keep a frame only when the
 * picture changed. Virtual time is the only thing that differs between two quiet moments, so it is left out
 * of the comparison; a five-minute run of a settled Deployment is then a few dozen frames, not 600.
 */
import type { Cluster, State } from '@/lib/sim/index'

export interface Frame {
  time: number
  state: State
}

function signature(state: State): string {
  const { time: _time, ...rest } = state
  return JSON.stringify(rest)
}

/**
 * Frames from now to now + `seconds`, one look every `step` seconds: the state as it is now, every look that
 * differs from the previous frame, and the final look (so the recording's length is known).
 */
export function recordFrames(cluster: Cluster, seconds: number, step: number): Frame[] {
  let latest = cluster.snapshot()
  const frames: Frame[] = [{ time: latest.time, state: latest }]
  if (!(seconds > 0) || !Number.isFinite(seconds)) return frames
  // Virtual time moves in whole milliseconds: a step below one (or not a number) would never move it.
  const stride = step >= 0.001 && Number.isFinite(step) ? step : 1
  let last = signature(latest)
  const end = cluster.now + seconds
  while (end - cluster.now >= 0.001) {
    cluster.advance(Math.min(stride, end - cluster.now))
    latest = cluster.snapshot()
    const sig = signature(latest)
    if (sig !== last) {
      frames.push({ time: latest.time, state: latest })
      last = sig
    }
  }
  // The final look is kept even when nothing changed, so the player knows how long the recording is.
  if (frames[frames.length - 1]!.time !== latest.time) frames.push({ time: latest.time, state: latest })
  return frames
}
