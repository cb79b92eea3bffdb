import type { Check } from '../exercise-schema.ts'
import type { CheckContext, CheckVerdict } from '../context.ts'
import { detail } from '../messages.ts'

type ServiceCheck = Extract<Check, { type: 'service' }>

export function evaluateServiceCheck(check: ServiceCheck, ctx: CheckContext): CheckVerdict {
  const moment = ctx.moment(check.at)
  if (!moment) return { passed: false, detail: detail(ctx.lang, 'notRun') }
  const s = moment.state.services.find((x) => x.name === check.name && x.namespace === 'default')
  if (!s) return { passed: false, detail: detail(ctx.lang, 'serviceMissing', { name: check.name }) }
  const mismatch = (what: string, expected: unknown, actual: unknown): CheckVerdict => ({
    passed: false,
    detail: detail(ctx.lang, 'statusExpected', { what, expected: String(expected), actual: String(actual) }),
  })
  if (check.serviceType !== undefined && s.type !== check.serviceType) return mismatch('spec.type', check.serviceType, s.type)
  if (check.headless !== undefined && (s.clusterIP === 'None') !== check.headless) return mismatch('spec.clusterIP', check.headless ? 'None' : 'an address', s.clusterIP)
  if (check.port) {
    const want = check.port
    const port = s.ports.find((p) => p.port === want.port)
    if (!port) return { passed: false, detail: detail(ctx.lang, 'servicePortMissing', { port: String(want.port), actual: s.ports.map((p) => p.port).join(', ') || '(none)' }) }
    if (want.targetPort !== undefined && String(port.targetPort) !== String(want.targetPort)) return mismatch('targetPort', want.targetPort, port.targetPort)
    if (want.nodePort !== undefined && port.nodePort !== want.nodePort) return mismatch('nodePort', want.nodePort, port.nodePort)
  }
  const ready = s.endpoints.filter((e) => e.ready).length
  if (check.readyEndpoints !== undefined && ready !== check.readyEndpoints) return mismatch('ready endpoints', check.readyEndpoints, ready)
  if (check.minReadyEndpoints !== undefined && ready < check.minReadyEndpoints) return mismatch('ready endpoints', `≥ ${check.minReadyEndpoints}`, ready)
  return { passed: true }
}
