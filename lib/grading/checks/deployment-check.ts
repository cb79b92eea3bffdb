import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail } from '../messages.ts'

type DeploymentCheck = Extract<Check, { type: 'deployment' }>
const counts = ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas'] as const

export function evaluateDeploymentCheck(check: DeploymentCheck, ctx: CheckContext): CheckVerdict {
  const moment = ctx.moment(check.at)
  if (!moment) return { passed: false, detail: detail(ctx.lang, 'notRun') }
  const d = moment.state.deployments.find((x) => x.name === check.name && x.namespace === 'default')
  if (!d) return { passed: false, detail: detail(ctx.lang, 'deploymentMissing', { name: check.name }) }
  const mismatch = (what: string, expected: unknown, actual: unknown): CheckVerdict => ({
    passed: false,
    detail: detail(ctx.lang, 'statusExpected', { what, expected: String(expected), actual: String(actual) }),
  })
  for (const key of counts) {
    const expected = check[key]
    if (expected !== undefined && d[key] !== expected) return mismatch(`status.${key}`, expected, d[key])
  }
  if (check.image !== undefined && (d.images.length !== 1 || d.images[0] !== check.image)) return mismatch('image', check.image, d.images.join(', ') || '(none)')
  if (check.revision !== undefined && d.revision !== check.revision) return mismatch('revision', check.revision, d.revision)
  if (check.condition) {
    const { type, status, reason } = check.condition
    const found = d.conditions.find((c) => c.type === type)
    if (!found || found.status !== status || (reason !== undefined && found.reason !== reason)) {
      return {
        passed: false,
        detail: detail(ctx.lang, 'conditionMissing', {
          condition: `${type}=${status}${reason ? ` (${reason})` : ''}`,
          actual: d.conditions.map((c) => `${c.type}=${c.status} (${c.reason})`).join(', ') || '(none)',
        }),
      }
    }
  }
  return { passed: true }
}
