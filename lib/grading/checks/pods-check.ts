import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail } from '../messages.ts'

type PodsCheck = Extract<Check, { type: 'pods' }>

export function evaluatePodsCheck(check: PodsCheck, ctx: CheckContext): CheckVerdict {
  const line = check.line ? ctx.lineOf(check.line.kind, check.line.name, check.line.path) : null
  if (!ctx.final) return { passed: false, line, detail: detail(ctx.lang, 'invalidManifest') }
  const target = check.name ?? Object.entries(check.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',')
  const pods = ctx.final.pods.filter(
    (p) => !p.terminating && (check.name === undefined || p.name === check.name) && Object.entries(check.selector ?? {}).every(([k, v]) => p.labels[k] === v),
  )
  const expectedCount = check.count ?? (check.name ? 1 : undefined)
  if (pods.length === 0 && expectedCount !== 0) return { passed: false, line, detail: detail(ctx.lang, 'podsNone', { target }) }
  if (expectedCount !== undefined && pods.length !== expectedCount)
    return { passed: false, line, detail: detail(ctx.lang, 'podsCount', { target, expected: String(expectedCount), actual: String(pods.length) }) }
  if (check.minCount !== undefined && pods.length < check.minCount)
    return { passed: false, line, detail: detail(ctx.lang, 'podsCount', { target, expected: `≥ ${check.minCount}`, actual: String(pods.length) }) }
  const wrong = pods.find((p) => (check.phase !== undefined && p.phase !== check.phase) || (check.ready !== undefined && p.ready !== check.ready))
  if (wrong) return { passed: false, line, detail: detail(ctx.lang, 'podsState', { pod: wrong.name, status: wrong.status, ready: String(wrong.ready) }) }
  return { passed: true, line }
}
