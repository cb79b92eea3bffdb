import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail } from '../messages.ts'
import { firstUnreadyCause, podImageLine, podsOfDeployment } from './cause.ts'

type DeploymentCheck = Extract<Check, { type: 'deployment' }>
const counts = ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas'] as const

export function evaluateDeploymentCheck(check: DeploymentCheck, ctx: CheckContext): CheckVerdict {
  const moment = ctx.moment(check.at)
  if (!moment) return { passed: false, detail: detail(ctx.lang, 'notRun') }
  const d = moment.state.deployments.find((x) => x.name === check.name && x.namespace === 'default')
  if (!d) return { passed: false, detail: detail(ctx.lang, 'deploymentMissing', { name: check.name }) }
  const pods = podsOfDeployment(moment.state, check.name)
  // The wrong number asked for: the replicas line. Otherwise too few Pods ready or available: the line of what keeps
  // one of them from being ready. Neither (a rollout that stalled, say): the author's line.
  const desired = (ctx.findObject('Deployment', check.name)?.object as { spec?: { replicas?: number } } | undefined)?.spec?.replicas
  const countLine = (key: (typeof counts)[number], expected: number) => {
    if (desired !== undefined && desired !== expected) return ctx.lineOf('Deployment', check.name, 'spec.replicas')
    return d[key] < expected ? firstUnreadyCause(ctx, pods, moment.state) : null
  }
  const mismatch = (what: string, expected: unknown, actual: unknown, line: number | null = null): CheckVerdict => ({
    passed: false,
    line,
    detail: detail(ctx.lang, 'statusExpected', { what, expected: String(expected), actual: String(actual) }),
  })
  for (const key of counts) {
    const expected = check[key]
    if (expected !== undefined && d[key] !== expected) return mismatch(`status.${key}`, expected, d[key], countLine(key, expected))
  }
  if (check.image !== undefined && (d.images.length !== 1 || d.images[0] !== check.image)) {
    const other = pods.find((p) => p.containers.some((c) => c.image !== check.image))
    const line = other
      ? podImageLine(ctx, other, moment.state, check.image)
      : ctx.lineOf('Deployment', check.name, 'spec.template.spec.containers[*].image')
    return mismatch('image', check.image, d.images.join(', ') || '(none)', line)
  }
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
