import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail } from '../messages.ts'

type OutputCheck = Extract<Check, { type: 'output' }>

export function evaluateOutputCheck(check: OutputCheck, ctx: CheckContext): CheckVerdict {
  if (!ctx.run) return { passed: false, detail: detail(ctx.lang, 'notRun') }
  const pattern = new RegExp(check.matches, 'm')
  if (check.learner) {
    return ctx.run.commandOutputs.some((c) => pattern.test(c.output))
      ? { passed: true }
      : { passed: false, detail: detail(ctx.lang, 'learnerOutputMismatch') }
  }
  const output = ctx.run.run(check.command!)
  return pattern.test(output)
    ? { passed: true }
    : { passed: false, detail: detail(ctx.lang, 'outputMismatch', { command: check.command! }) }
}
