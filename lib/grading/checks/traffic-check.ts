import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail } from '../messages.ts'

type TrafficCheck = Extract<Check, { type: 'traffic' }>

export function evaluateTrafficCheck(check: TrafficCheck, ctx: CheckContext): CheckVerdict {
  const end = ctx.moment('end')
  if (!end) return { passed: false, detail: detail(ctx.lang, 'notRun') }
  const counters = end.state.traffic[check.service] ?? { sent: 0, ok: 0, failed: 0 }
  if (counters.sent < check.minSent) return { passed: false, detail: detail(ctx.lang, 'trafficNone', { service: check.service }) }
  if (counters.failed > check.maxFailed)
    return { passed: false, detail: detail(ctx.lang, 'trafficFailed', { sent: String(counters.sent), failed: String(counters.failed) }) }
  return { passed: true }
}
