import { serviceSelectorMatches } from '../../k8s/label-selector.ts'
import type { State } from '../../sim/index.ts'
import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail } from '../messages.ts'
import { firstUnreadyCause, labelledPods, labelText, podLabelsText } from './cause.ts'

type ServiceCheck = Extract<Check, { type: 'service' }>

/** The Service's selector: from the submitted YAML, or (command exercises) from the cluster as kubectl shows it. */
function selectorOf(ctx: CheckContext, name: string): Record<string, string> | null {
  const submitted = ctx.findObject('Service', name)
  const fromYaml = (submitted?.object as { spec?: { selector?: Record<string, string> } } | undefined)?.spec?.selector
  if (submitted) return fromYaml ?? null
  if (!ctx.run) return null
  try {
    const shown = JSON.parse(ctx.run.run(`kubectl get service ${name} -o json`)) as { spec?: { selector?: Record<string, string> } }
    return shown.spec?.selector ?? null
  } catch {
    return null
  }
}

/**
 * Why a Service has fewer ready endpoints than expected, from the run: its selector matches no Pod (both sides
 * named, and neither called the one to change: the instructions fixed one of them), or the Pods it matches are
 * not ready (the line of their cause).
 */
function endpointsCause(ctx: CheckContext, check: ServiceCheck, state: State): Pick<CheckVerdict, 'detail' | 'line'> | null {
  const selector = selectorOf(ctx, check.name)
  const pods = labelledPods(state.pods)
  if (selector && Object.keys(selector).length > 0 && pods.length > 0 && !pods.some((p) => serviceSelectorMatches(selector, p.labels))) {
    return {
      detail: detail(ctx.lang, 'selectorMatchesNothing', { selector: labelText(selector), labels: podLabelsText(pods, selector) }),
      line: ctx.lineOf('Service', check.name, 'spec.selector'),
    }
  }
  const selected = selector ? pods.filter((p) => serviceSelectorMatches(selector, p.labels)) : []
  const line = firstUnreadyCause(ctx, selected, state)
  return line === null ? null : { line }
}

export function evaluateServiceCheck(check: ServiceCheck, ctx: CheckContext): CheckVerdict {
  const moment = ctx.moment(check.at)
  if (!moment) return { passed: false, detail: detail(ctx.lang, 'notRun') }
  const s = moment.state.services.find((x) => x.name === check.name && x.namespace === 'default')
  if (!s) return { passed: false, detail: detail(ctx.lang, 'serviceMissing', { name: check.name }) }
  const lineOf = (path: string) => ctx.lineOf('Service', check.name, path)
  const mismatch = (what: string, expected: unknown, actual: unknown, line: number | null): CheckVerdict => ({
    passed: false,
    line,
    detail: detail(ctx.lang, 'statusExpected', { what, expected: String(expected), actual: String(actual) }),
  })
  if (check.serviceType !== undefined && s.type !== check.serviceType)
    return mismatch('spec.type', check.serviceType, s.type, lineOf('spec.type'))
  if (check.headless !== undefined && (s.clusterIP === 'None') !== check.headless)
    return mismatch('spec.clusterIP', check.headless ? 'None' : 'an address', s.clusterIP, lineOf('spec.clusterIP'))
  if (check.port) {
    const want = check.port
    const port = s.ports.find((p) => p.port === want.port)
    if (!port)
      return {
        passed: false,
        line: lineOf('spec.ports'),
        detail: detail(ctx.lang, 'servicePortMissing', {
          port: String(want.port),
          actual: s.ports.map((p) => p.port).join(', ') || '(none)',
        }),
      }
    const portPath = `spec.ports[port=${want.port}]`
    if (want.targetPort !== undefined && String(port.targetPort) !== String(want.targetPort))
      return mismatch('targetPort', want.targetPort, port.targetPort, lineOf(`${portPath}.targetPort`))
    if (want.nodePort !== undefined && port.nodePort !== want.nodePort)
      return mismatch('nodePort', want.nodePort, port.nodePort, lineOf(`${portPath}.nodePort`))
  }
  const ready = s.endpoints.filter((e) => e.ready).length
  const expected = check.readyEndpoints ?? check.minReadyEndpoints
  if (expected !== undefined && (check.readyEndpoints !== undefined ? ready !== expected : ready < expected)) {
    const shown = check.readyEndpoints !== undefined ? expected : `≥ ${expected}`
    const failed = mismatch('ready endpoints', shown, ready, null)
    // fewer than expected: say why, from the run (more than expected is a count the learner sets, not a cause)
    const cause = ready < expected ? endpointsCause(ctx, check, moment.state) : null
    return cause
      ? { ...failed, line: cause.line ?? null, detail: cause.detail ? `${failed.detail} ${cause.detail}` : failed.detail }
      : failed
  }
  return { passed: true }
}
