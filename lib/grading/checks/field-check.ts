import { deepEqual } from '../../k8s/object-access.ts'
import { resolveCheckPath } from '../check-path.ts'
import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail, show } from '../messages.ts'

type FieldCheck = Extract<Check, { type: 'field' }>

/** Why one value fails the check, or null when it meets it. */
function problemWith(
  check: FieldCheck,
  value: unknown,
): { key: 'fieldMissing' | 'fieldExpected' | 'fieldOutOfRange'; values: Record<string, string> } | null {
  if (check.exists === false)
    return value === undefined ? null : { key: 'fieldExpected', values: { expected: show(undefined), actual: show(value) } }
  if (value === undefined) return { key: 'fieldMissing', values: {} }
  if (check.equals !== undefined && !deepEqual(value, check.equals))
    return { key: 'fieldExpected', values: { expected: show(check.equals), actual: show(value) } }
  if (check.oneOf && !check.oneOf.some((v) => deepEqual(v, value)))
    return { key: 'fieldExpected', values: { expected: check.oneOf.map(show).join(' | '), actual: show(value) } }
  if (check.matches !== undefined && !(typeof value === 'string' && new RegExp(check.matches).test(value)))
    return { key: 'fieldExpected', values: { expected: `/${check.matches}/`, actual: show(value) } }
  if (check.min !== undefined || check.max !== undefined) {
    const n = typeof value === 'number' ? value : Number.NaN
    if (!(n >= (check.min ?? -Infinity) && n <= (check.max ?? Infinity)))
      return { key: 'fieldOutOfRange', values: { actual: show(value), range: `${check.min ?? '-∞'}..${check.max ?? '∞'}` } }
  }
  return null
}

/**
 * A field of the submitted object (after defaults) meets the condition. A path that chooses list items
 * (`containers[name=web]`, `containers[*]`; lib/grading/check-path.ts) passes when any item it names does; when
 * none does, the feedback is about the first, on its line.
 */
export function evaluateFieldCheck(check: FieldCheck, ctx: CheckContext): CheckVerdict {
  const object = ctx.findObject(check.kind, check.name)
  if (!object) return { passed: false, detail: detail(ctx.lang, 'objectMissing', { kind: check.kind, name: check.name }) }
  const { fields, deepest } = resolveCheckPath(object.object, check.path)
  const lineAt = (path: string) => {
    const { line } = object.positionOf(path)
    return line > 0 ? line : null
  }
  if (fields.length === 0)
    return { passed: false, line: lineAt(deepest), detail: detail(ctx.lang, 'fieldNoItem', { path: check.path, list: deepest }) }
  const met = fields.find((f) => problemWith(check, f.value) === null)
  if (met) return { passed: true, line: lineAt(met.path) }
  const first = fields[0]!
  const problem = problemWith(check, first.value)!
  return { passed: false, line: lineAt(first.path), detail: detail(ctx.lang, problem.key, { path: check.path, ...problem.values }) }
}
