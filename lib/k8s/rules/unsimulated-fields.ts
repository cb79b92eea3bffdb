/**
 * Warnings, not errors, for valid pod-spec fields the simulator accepts but does not act on, so a learner who writes
 * one is told instead of silently seeing it ignored. The object stays valid, as it would on a real cluster. What the
 * scheduler and the kubelets do honour (lib/sim/README.md) is not listed: required node and pod (anti-)affinity,
 * DoNotSchedule topology spread, nodeSelector, tolerations, requests, probes, restartPolicy, grace periods, volumes.
 * Fields the API server fills in by default (`schedulerName: default-scheduler`, `securityContext: {}`) and values
 * copied from `kubectl get -o yaml` that change nothing (`priority: 0`) are not warned about.
 */
import { FieldPath } from '../field-path.ts'
import type { FieldIssue } from '../field-errors.ts'
import { unsimulatedFieldHint, unsimulatedFieldMessage, type UnsimulatedFieldEffect } from '../hints/unsimulated-field-hints.ts'
import { arrayAt, isObject, numberAt, objectAt, own, stringAt, type JsonObject } from '../object-access.ts'
import type { SupportedKind } from '../types.ts'

function warning(path: FieldPath, effect: UnsimulatedFieldEffect): FieldIssue {
  const field = path.toString()
  return { path, field, type: 'NotSimulated', message: unsimulatedFieldMessage(effect), hint: unsimulatedFieldHint(field, effect) }
}

const nonEmpty = (v: unknown): boolean =>
  Array.isArray(v) ? v.length > 0 : isObject(v) ? Object.keys(v).length > 0 : v !== undefined && v !== null && v !== ''

/** The not-simulated fields of a valid, defaulted object of a simulated kind, in the order they are written. */
export function unsimulatedFieldWarnings(kind: SupportedKind, obj: JsonObject): FieldIssue[] {
  const out: FieldIssue[] = []
  const spec = FieldPath.root().child('spec')
  if (kind === 'Pod') podSpecWarnings(objectAt(obj.spec), spec, out)
  else if (kind === 'Deployment' || kind === 'ReplicaSet')
    podSpecWarnings(objectAt(objectAt(objectAt(obj.spec)?.template)?.spec), spec.child('template').child('spec'), out)
  return out
}

function podSpecWarnings(spec: JsonObject | undefined, path: FieldPath, out: FieldIssue[]): void {
  if (!spec) return
  const affinity = objectAt(own(spec, 'affinity'))
  for (const kind of ['nodeAffinity', 'podAffinity', 'podAntiAffinity']) {
    const preferred = own(objectAt(own(affinity, kind)), 'preferredDuringSchedulingIgnoredDuringExecution')
    if (nonEmpty(preferred))
      out.push(warning(path.child('affinity').child(kind).child('preferredDuringSchedulingIgnoredDuringExecution'), 'preferredScheduling'))
  }
  arrayAt(own(spec, 'topologySpreadConstraints')).forEach((c, i) => {
    if (stringAt(own(objectAt(c), 'whenUnsatisfiable')) === 'ScheduleAnyway')
      out.push(warning(path.child('topologySpreadConstraints').index(i).child('whenUnsatisfiable'), 'scheduleAnyway'))
  })
  if (nonEmpty(own(spec, 'priorityClassName'))) out.push(warning(path.child('priorityClassName'), 'priority'))
  const priority = numberAt(own(spec, 'priority'))
  if (priority !== undefined && priority !== 0) out.push(warning(path.child('priority'), 'priority'))
  if (nonEmpty(own(spec, 'runtimeClassName'))) out.push(warning(path.child('runtimeClassName'), 'runtimeClass'))
  if (nonEmpty(own(spec, 'overhead'))) out.push(warning(path.child('overhead'), 'overhead'))
  if (nonEmpty(own(spec, 'schedulingGates'))) out.push(warning(path.child('schedulingGates'), 'schedulingGates'))
  const schedulerName = stringAt(own(spec, 'schedulerName'))
  if (schedulerName !== undefined && schedulerName !== 'default-scheduler') out.push(warning(path.child('schedulerName'), 'schedulerName'))
  if (nonEmpty(own(spec, 'activeDeadlineSeconds'))) out.push(warning(path.child('activeDeadlineSeconds'), 'activeDeadline'))
  if (nonEmpty(own(spec, 'readinessGates'))) out.push(warning(path.child('readinessGates'), 'readinessGates'))
  if (nonEmpty(own(spec, 'securityContext'))) out.push(warning(path.child('securityContext'), 'securityContext'))
  for (const list of ['initContainers', 'containers']) {
    arrayAt(own(spec, list)).forEach((value, i) => containerWarnings(objectAt(value), path.child(list).index(i), out))
  }
}

function containerWarnings(container: JsonObject | undefined, path: FieldPath, out: FieldIssue[]): void {
  if (!container) return
  // a memory limit is simulated (OOMKilled, lib/sim/kubelet/memory.ts); a CPU limit would only throttle
  const limits = objectAt(own(objectAt(own(container, 'resources')), 'limits'))
  if (nonEmpty(own(limits, 'cpu'))) out.push(warning(path.child('resources').child('limits').key('cpu'), 'limits'))
  if (nonEmpty(own(container, 'securityContext'))) out.push(warning(path.child('securityContext'), 'securityContext'))
  // preStop `sleep` and `exec` run (lib/sim/kubelet/running.ts); a request hook is taken as answered at once
  const lifecycle = objectAt(own(container, 'lifecycle'))
  if (nonEmpty(own(lifecycle, 'postStart'))) out.push(warning(path.child('lifecycle').child('postStart'), 'postStart'))
  const preStop = objectAt(own(lifecycle, 'preStop'))
  for (const handler of ['httpGet', 'tcpSocket'])
    if (own(preStop, handler) !== undefined) out.push(warning(path.child('lifecycle').child('preStop').child(handler), 'preStopRequest'))
  arrayAt(own(container, 'ports')).forEach((port, j) => {
    if (numberAt(own(objectAt(port), 'hostPort')) !== undefined)
      out.push(warning(path.child('ports').index(j).child('hostPort'), 'hostPort'))
  })
}
