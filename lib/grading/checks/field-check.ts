import { parseFieldPath } from '../../k8s/field-path.ts'
import { deepEqual } from '../../k8s/object-access.ts'
import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail, show } from '../messages.ts'

type FieldCheck = Extract<Check, { type: 'field' }>

/** The value at a Kubernetes field path (`spec.template.spec.containers[0].ports[0].containerPort`). */
export function valueAt(object: unknown, path: string): unknown {
  let current: unknown = object
  for (const segment of parseFieldPath(path)) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string | number, unknown>)[segment]
  }
  return current
}

export function evaluateFieldCheck(check: FieldCheck, ctx: CheckContext): CheckVerdict {
  const object = ctx.findObject(check.kind, check.name)
  if (!object) return { passed: false, detail: detail(ctx.lang, 'objectMissing', { kind: check.kind, name: check.name }) }
  const line = ctx.lineOf(check.kind, check.name, check.path)
  const value = valueAt(object.object, check.path)
  const fail = (key: 'fieldMissing' | 'fieldExpected' | 'fieldOutOfRange', values: Record<string, string>): CheckVerdict => ({
    passed: false,
    line,
    detail: detail(ctx.lang, key, { path: check.path, ...values }),
  })

  if (check.exists === false) return value === undefined ? { passed: true, line } : fail('fieldExpected', { expected: show(undefined), actual: show(value) })
  if (value === undefined) return fail('fieldMissing', {})
  if (check.equals !== undefined && !deepEqual(value, check.equals)) return fail('fieldExpected', { expected: show(check.equals), actual: show(value) })
  if (check.oneOf && !check.oneOf.some((v) => deepEqual(v, value))) return fail('fieldExpected', { expected: check.oneOf.map(show).join(' | '), actual: show(value) })
  if (check.matches !== undefined && !(typeof value === 'string' && new RegExp(check.matches).test(value))) return fail('fieldExpected', { expected: `/${check.matches}/`, actual: show(value) })
  if (check.min !== undefined || check.max !== undefined) {
    const n = typeof value === 'number' ? value : Number.NaN
    if (!(n >= (check.min ?? -Infinity) && n <= (check.max ?? Infinity))) return fail('fieldOutOfRange', { actual: show(value), range: `${check.min ?? '-∞'}..${check.max ?? '∞'}` })
  }
  return { passed: true, line }
}
