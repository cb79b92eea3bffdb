import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail } from '../messages.ts'

type EventCheck = Extract<Check, { type: 'event' }>

export function evaluateEventCheck(check: EventCheck, ctx: CheckContext): CheckVerdict {
  const from = ctx.moment(check.from ?? 'setup')
  if (!ctx.run || !from) return { passed: false, detail: detail(ctx.lang, 'notRun') }
  const pattern = check.messageMatches ? new RegExp(check.messageMatches) : null
  const found = ctx.run.events.find(
    (e) =>
      e.time >= from.time &&
      e.reason === check.reason &&
      (check.object === undefined || e.object === check.object) &&
      (check.eventType === undefined || e.type === check.eventType) &&
      (pattern === null || pattern.test(e.message)),
  )
  if (check.absent)
    return found
      ? { passed: false, detail: detail(ctx.lang, 'eventPresent', { reason: check.reason, message: found.message }) }
      : { passed: true }
  return found ? { passed: true } : { passed: false, detail: detail(ctx.lang, 'eventMissing', { reason: check.reason }) }
}
