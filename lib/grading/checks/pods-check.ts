import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail } from '../messages.ts'
import { labelledPods, podCauseLine, podImageLine, podLabelsLine, podLabelsText } from './cause.ts'

type PodsCheck = Extract<Check, { type: 'pods' }>

export function evaluatePodsCheck(check: PodsCheck, ctx: CheckContext): CheckVerdict {
  const moment = ctx.moment(check.at)
  if (!moment) return { passed: false, detail: detail(ctx.lang, 'notRun') }
  const target =
    check.name ??
    Object.entries(check.selector ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',')
  const pods = moment.state.pods.filter(
    (p) =>
      !p.terminating &&
      (check.name === undefined || p.name === check.name) &&
      Object.entries(check.selector ?? {}).every(([k, v]) => p.labels[k] === v),
  )
  const fail = (key: Parameters<typeof detail>[1], values: Record<string, string>): CheckVerdict => ({
    passed: false,
    detail: detail(ctx.lang, key, values),
  })
  const expectedCount = check.count ?? (check.name ? 1 : undefined)
  if (pods.length === 0 && expectedCount !== 0) {
    // Pods that the selector misses: name both sides (the labels, on their line), and neither as the one to change
    const others = check.selector && check.name === undefined ? labelledPods(moment.state.pods) : []
    if (others.length === 0) return fail('podsNone', { target })
    return {
      passed: false,
      line: podLabelsLine(ctx, others[0]!, moment.state),
      detail: `${detail(ctx.lang, 'podsNone', { target })} ${detail(ctx.lang, 'podsHaveLabels', { labels: podLabelsText(others, check.selector!) })}`,
    }
  }
  if (expectedCount !== undefined && pods.length !== expectedCount)
    return fail('podsCount', { target, expected: String(expectedCount), actual: String(pods.length) })
  if (check.minCount !== undefined && pods.length < check.minCount)
    return fail('podsCount', { target, expected: `≥ ${check.minCount}`, actual: String(pods.length) })
  const wrong = pods.find(
    (p) => (check.phase !== undefined && p.phase !== check.phase) || (check.ready !== undefined && p.ready !== check.ready),
  )
  if (wrong)
    return {
      ...fail('podsState', { pod: wrong.name, status: wrong.status, ready: String(wrong.ready) }),
      line: podCauseLine(ctx, wrong, moment.state),
    }
  if (check.image !== undefined) {
    const other = pods.find((p) => p.containers.some((c) => c.image !== check.image))
    if (other)
      return {
        ...fail('podsImage', { pod: other.name, actual: other.containers.map((c) => c.image).join(', ') }),
        line: podImageLine(ctx, other, moment.state, check.image),
      }
  }
  if (check.minNodes !== undefined) {
    const nodes = new Set(pods.map((p) => p.node).filter(Boolean))
    if (nodes.size < check.minNodes) return fail('podsNodes', { expected: String(check.minNodes), actual: String(nodes.size) })
  }
  if (check.replacedSince !== undefined) {
    const before = ctx.moment(check.replacedSince)?.state.pods ?? []
    const names = new Set(before.map((p) => p.name))
    const ips = new Set(before.map((p) => p.ip).filter(Boolean))
    const old = pods.find((p) => names.has(p.name) || (p.ip !== null && ips.has(p.ip)))
    if (old) return fail('podsNotReplaced', { pod: old.name, moment: check.replacedSince })
  }
  if (check.notOnNode !== undefined) {
    const stuck = pods.find((p) => p.node === check.notOnNode)
    if (stuck) return fail('podsOnNode', { pod: stuck.name, node: check.notOnNode })
  }
  return { passed: true }
}
