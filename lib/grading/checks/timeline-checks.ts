/** Checks over time: a number that must stay within bounds for a window, or must reach a value in time. */
import type { TimelinePoint } from '../../sim/index.ts'
import { parseDuration } from '../../sim/index.ts'
import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail } from '../messages.ts'

type InvariantCheck = Extract<Check, { type: 'invariant' }>
type EventuallyCheck = Extract<Check, { type: 'eventually' }>

/** The metric's value at a timeline point (0 when the object does not exist yet). */
export function metricValue(point: TimelinePoint, metric: string): number {
  const [group, name, field] = splitMetric(metric)
  const bucket = (group === 'deployments' ? point.deployments : point.services) as Record<string, Record<string, number>>
  return bucket[name]?.[field] ?? 0
}

function splitMetric(metric: string): [string, string, string] {
  const first = metric.indexOf('.')
  const last = metric.lastIndexOf('.')
  return [metric.slice(0, first), metric.slice(first + 1, last), metric.slice(last + 1)]
}

/** Points in effect during [from, to]: the last one at or before `from`, then every one up to `to`. */
export function pointsInWindow(timeline: TimelinePoint[], from: number, to: number): TimelinePoint[] {
  let start = 0
  for (let i = 0; i < timeline.length; i++) if (timeline[i]!.time <= from) start = i
  return timeline.slice(start).filter((p, i) => i === 0 || p.time <= to)
}

const rangeText = (min?: number, max?: number) => `${min ?? '-∞'}..${max ?? '∞'}`

export function evaluateInvariantCheck(check: InvariantCheck, ctx: CheckContext): CheckVerdict {
  const run = ctx.run
  const from = ctx.moment(check.from ?? 'submitted')
  const to = ctx.moment(check.to ?? 'end')
  if (!run || !from || !to) return { passed: false, detail: detail(ctx.lang, 'notRun') }
  for (const point of pointsInWindow(run.timeline, from.time, to.time)) {
    const value = metricValue(point, check.metric)
    if ((check.min !== undefined && value < check.min) || (check.max !== undefined && value > check.max)) {
      return {
        passed: false,
        detail: detail(ctx.lang, 'invariantBroken', {
          time: String(Math.max(point.time, from.time)),
          metric: check.metric,
          actual: String(value),
          range: rangeText(check.min, check.max),
        }),
      }
    }
  }
  return { passed: true }
}

export function evaluateEventuallyCheck(check: EventuallyCheck, ctx: CheckContext): CheckVerdict {
  const run = ctx.run
  const from = ctx.moment(check.from ?? 'submitted')
  const end = ctx.moment('end')
  if (!run || !from || !end) return { passed: false, detail: detail(ctx.lang, 'notRun') }
  const within = (parseDuration(check.within) ?? 0) / 1000
  const ok = (v: number) =>
    (check.equals === undefined || v === check.equals) &&
    (check.min === undefined || v >= check.min) &&
    (check.max === undefined || v <= check.max)
  const window = pointsInWindow(run.timeline, from.time, Math.min(from.time + within, end.time))
  if (window.some((p) => ok(metricValue(p, check.metric)))) return { passed: true }
  const last = window.at(-1)
  const condition = check.equals !== undefined ? `= ${check.equals}` : rangeText(check.min, check.max)
  return {
    passed: false,
    detail: detail(ctx.lang, 'eventuallyNever', {
      within: String(within),
      metric: check.metric,
      condition,
      actual: String(last ? metricValue(last, check.metric) : 0),
    }),
  }
}
