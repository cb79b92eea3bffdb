/**
 * The replicas chart without a DOM: a Deployment's counts over a time window as step lines (a count holds
 * until the next timeline point), scaled into an SVG box.
 */
import type { TimelinePoint } from '@/lib/sim/index'

export const SERIES = ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas'] as const
export type SeriesName = (typeof SERIES)[number]
export type Counts = Record<SeriesName, number>

export interface Sample {
  time: number
  counts: Counts
}

const ZERO: Counts = { replicas: 0, updatedReplicas: 0, readyReplicas: 0, availableReplicas: 0 }

/** Deployments named anywhere in the timeline, in first-seen order. */
export function deploymentNames(points: TimelinePoint[]): string[] {
  const names = new Set<string>()
  for (const p of points) for (const n of Object.keys(p.deployments)) names.add(n)
  return [...names]
}

/**
 * The counts of one Deployment from `start` to `end`: the value in force at `start` (from the last point at or
 * before it), every change inside the window, and the value at `end`. A Deployment absent from a point has
 * no pods (not created yet, or deleted).
 */
export function deploymentSamples(points: TimelinePoint[], name: string, start: number, end: number): Sample[] {
  const at = (p: TimelinePoint | undefined): Counts => ({ ...ZERO, ...(p?.deployments[name] ?? {}) })
  let before: TimelinePoint | undefined
  const inside: TimelinePoint[] = []
  for (const p of points) {
    if (p.time <= start) before = p
    else if (p.time <= end) inside.push(p)
  }
  const samples: Sample[] = [{ time: start, counts: at(before) }]
  for (const p of inside) samples.push({ time: p.time, counts: at(p) })
  if (end > start) samples.push({ time: end, counts: samples[samples.length - 1]!.counts })
  return samples
}

/** The counts in force at `time` (the last sample at or before it). */
export function countsAt(samples: Sample[], time: number): Counts {
  let found = samples[0]?.counts ?? ZERO
  for (const s of samples) {
    if (s.time > time) break
    found = s.counts
  }
  return found
}

const gridStride = (yMax: number): number => Math.max(1, Math.ceil(yMax / 4))

/** The top of the y axis: the largest count (at least 1), rounded up so at most 5 whole-number gridlines fit. */
export function niceMax(samples: Sample[]): number {
  let max = 1
  for (const s of samples) for (const k of SERIES) max = Math.max(max, s.counts[k])
  const stride = gridStride(max)
  return Math.ceil(max / stride) * stride
}

export interface Box {
  width: number
  height: number
  /** inner padding: left for the y labels, bottom for the time labels */
  padLeft: number
  padRight: number
  padTop: number
  padBottom: number
}

export interface Scale {
  x(time: number): number
  y(count: number): number
  yMax: number
}

export function makeScale(box: Box, start: number, end: number, yMax: number): Scale {
  const span = end > start ? end - start : 1
  const w = box.width - box.padLeft - box.padRight
  const h = box.height - box.padTop - box.padBottom
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    yMax,
    x: (t) => round(box.padLeft + (Math.min(Math.max(t, start), start + span) - start) * (w / span)),
    y: (v) => round(box.padTop + h - (Math.min(Math.max(v, 0), yMax) / yMax) * h),
  }
}

/**
 * An SVG path of one series as a step line (horizontal, then vertical at each change). `offset` nudges the
 * line a pixel or two so series with equal values stay visible side by side instead of hiding each other.
 */
export function stepPath(samples: Sample[], series: SeriesName, scale: Scale, offset = 0): string {
  if (samples.length === 0) return ''
  const parts: string[] = []
  let prevY = 0
  samples.forEach((s, i) => {
    const x = scale.x(s.time)
    const y = Math.round((scale.y(s.counts[series]) + offset) * 10) / 10
    if (i === 0) parts.push(`M${x} ${y}`)
    else {
      parts.push(`H${x}`)
      if (y !== prevY) parts.push(`V${y}`)
    }
    prevY = y
  })
  return parts.join(' ')
}

/** Horizontal gridline values: 0 … yMax, at most 5 of them, whole numbers. */
export function gridValues(yMax: number): number[] {
  const stride = gridStride(yMax)
  const values: number[] = []
  for (let v = 0; v <= yMax; v += stride) values.push(v)
  if (values[values.length - 1] !== yMax) values.push(yMax)
  return values
}

/** Extremes per series over the window, for the chart's text equivalent. */
export function seriesRange(samples: Sample[], series: SeriesName): { min: number; max: number } {
  let min = Infinity
  let max = -Infinity
  for (const s of samples) {
    min = Math.min(min, s.counts[series])
    max = Math.max(max, s.counts[series])
  }
  return samples.length ? { min, max } : { min: 0, max: 0 }
}
