import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail } from '../messages.ts'

type ObjectCheck = Extract<Check, { type: 'object' }>

export function evaluateObjectCheck(check: ObjectCheck, ctx: CheckContext): CheckVerdict {
  const object = ctx.findObject(check.kind, check.name)
  if (object) return { passed: true, line: ctx.lineOf(check.kind, check.name, 'metadata.name') }
  return { passed: false, detail: detail(ctx.lang, 'objectMissing', { kind: check.kind, name: check.name }) }
}
