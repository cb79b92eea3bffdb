import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail } from '../messages.ts'

type ObjectCheck = Extract<Check, { type: 'object' }>

/** For manifest exercises: the submitted YAML holds the object. For command exercises: the cluster has it. */
export function evaluateObjectCheck(check: ObjectCheck, ctx: CheckContext): CheckVerdict {
  if (ctx.findObject(check.kind, check.name)) return { passed: true, line: ctx.lineOf(check.kind, check.name, 'metadata.name') }
  const state = ctx.moment('end')?.state
  const inCluster =
    ctx.validation.objects.length === 0 &&
    state !== undefined &&
    ((check.kind === 'Pod' && state.pods.some((p) => p.name === check.name)) ||
      (check.kind === 'Deployment' && state.deployments.some((d) => d.name === check.name)) ||
      (check.kind === 'ReplicaSet' && state.replicaSets.some((r) => r.name === check.name)) ||
      (check.kind === 'Service' && state.services.some((s) => s.name === check.name)))
  return inCluster ? { passed: true } : { passed: false, detail: detail(ctx.lang, 'objectMissing', { kind: check.kind, name: check.name }) }
}
