/** Probes and lifecycle hooks (validateProbe, validateHandler, validateLifecycle). */
import type { FieldPath } from '../field-path.ts'
import { forbidden, invalid, notSupported, required, type FieldIssue } from '../field-errors.ts'
import { podHints } from '../hints/pod-hints.ts'
import { NEGATIVE_ERROR, isValidPortName, isValidPortNum } from '../name-rules.ts'
import { arrayAt, numberAt, objectAt, stringAt, type JsonObject } from '../object-access.ts'

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const

export function validateProbe(value: unknown, path: FieldPath, kind: 'liveness' | 'readiness' | 'startup', out: FieldIssue[]): void {
  const probe = objectAt(value)
  if (!probe) return
  validateHandler(probe, HANDLERS, path, out)
  for (const field of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const v = numberAt(probe[field])
    if (v !== undefined && v < 0) out.push(invalid(path.child(field), v, NEGATIVE_ERROR, podHints.nonNegative(field)))
  }
  const grace = numberAt(probe.terminationGracePeriodSeconds)
  if (grace !== undefined && grace <= 0)
    out.push(invalid(path.child('terminationGracePeriodSeconds'), grace, 'must be greater than 0', podHints.probeGrace))
  // a liveness/startup probe that needs several successes would keep killing a healthy container
  const success = numberAt(probe.successThreshold)
  if (kind !== 'readiness' && success !== undefined && success !== 1) {
    out.push(invalid(path.child('successThreshold'), success, 'must be 1', podHints.probeSuccessThreshold))
  }
  // validateReadinessProbe: a readiness failure never kills the container, so there is no grace period to give
  if (kind === 'readiness' && grace !== undefined) {
    out.push(
      invalid(path.child('terminationGracePeriodSeconds'), grace, 'must not be set for readinessProbes', podHints.readinessProbeGrace),
    )
  }
}

export function validateLifecycle(value: unknown, path: FieldPath, gracePeriod: number, out: FieldIssue[]): void {
  const lifecycle = objectAt(value)
  if (!lifecycle) return
  for (const hook of ['postStart', 'preStop']) {
    const h = objectAt(lifecycle[hook])
    if (!h) continue
    validateHandler(h, LIFECYCLE_HANDLERS, path.child(hook), out)
    // validateSleepAction (zero allowed since PodLifecycleSleepActionAllowZero went GA in 1.34): a sleep longer than
    // the grace period would be cut by SIGKILL
    const seconds = numberAt(objectAt(h.sleep)?.seconds)
    if (seconds !== undefined && (seconds < 0 || seconds > gracePeriod)) {
      out.push(
        invalid(
          path.child(hook).child('sleep').child('seconds'),
          seconds,
          `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`,
          podHints.sleepSeconds(gracePeriod),
        ),
      )
    }
  }
}

function validateHandler(h: JsonObject, allowed: readonly string[], path: FieldPath, out: FieldIssue[]): void {
  let count = 0
  for (const name of allowed) {
    const v = objectAt(h[name])
    if (!v) continue
    if (count > 0) {
      out.push(forbidden(path.child(name), 'may not specify more than 1 handler type', podHints.probeHandlerTooMany))
      continue
    }
    count++
    const p = path.child(name)
    if (name === 'exec' && arrayAt(v.command).length === 0) out.push(required(p.child('command'), '', podHints.execCommand))
    if (name === 'httpGet') {
      if ((stringAt(v.path) ?? '') === '') out.push(required(p.child('path'), '', podHints.httpPath))
      validatePortNumOrName(v.port, p.child('port'), out)
      const scheme = stringAt(v.scheme)
      if (scheme !== undefined && scheme !== 'HTTP' && scheme !== 'HTTPS')
        out.push(notSupported(p.child('scheme'), scheme, ['HTTP', 'HTTPS'], podHints.httpScheme(scheme)))
    }
    if (name === 'tcpSocket') validatePortNumOrName(v.port, p.child('port'), out)
    if (name === 'grpc') {
      const port = numberAt(v.port) ?? 0
      for (const msg of isValidPortNum(port)) out.push(invalid(p.child('port'), port, msg, podHints.probePort(port)))
    }
  }
  if (count === 0) out.push(required(path, 'must specify a handler type', podHints.probeHandlerRequired))
}

/** A port given as a number (1–65535) or as the name of a container port (IANA_SVC_NAME). */
export function validatePortNumOrName(value: unknown, path: FieldPath, out: FieldIssue[]): void {
  if (typeof value === 'string') {
    for (const msg of isValidPortName(value)) out.push(invalid(path, value, msg, podHints.probePort(value)))
  } else {
    const n = numberAt(value) ?? 0
    for (const msg of isValidPortNum(n)) out.push(invalid(path, n, msg, podHints.probePort(n)))
  }
}
