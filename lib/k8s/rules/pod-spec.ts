/** PodSpec rules (pkg/apis/core/validation ValidatePodSpec), for Pods and for pod templates. */
import type { FieldPath } from '../field-path.ts'
import { forbidden, invalid, notSupported, type FieldIssue } from '../field-errors.ts'
import { podHints } from '../hints/pod-hints.ts'
import { NEGATIVE_ERROR, inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain } from '../name-rules.ts'
import { arrayAt, numberAt, objectAt, stringAt, type JsonObject } from '../object-access.ts'
import { validateContainerList } from './containers.ts'
import { validateLabels } from './labels.ts'
import {
  validateDNSConfig,
  validateHostAliases,
  validateReferencedNames,
  validateRequiredNodeAffinity,
  validateSecurityContextIds,
  validateTopologySpreadConstraints,
} from './pod-placement.ts'
import { validateVolumes } from './volumes.ts'

export interface PodSpecOptions {
  /** inside a Deployment/ReplicaSet template: restartPolicy must be Always, activeDeadlineSeconds forbidden */
  template: boolean
}

export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
const MAX_INT32 = 2 ** 31 - 1

export function validatePodSpec(specValue: unknown, path: FieldPath, opts: PodSpecOptions, out: FieldIssue[]): void {
  const spec = objectAt(specValue) ?? {}
  const volumeNames = validateVolumes(spec.volumes, path.child('volumes'), out)
  // the grace period a sleep hook must fit in: the pod's, or its default of 30 s (validation runs on the defaulted object)
  const gracePeriod = numberAt(spec.terminationGracePeriodSeconds) ?? 30
  validateContainerList(spec, path, { volumeNames, template: opts.template, gracePeriod }, out)
  if (spec.hostNetwork === true) validateHostNetworkPorts(spec, path, opts, out)

  const restartPolicy = stringAt(spec.restartPolicy)
  if (restartPolicy !== undefined && !(RESTART_POLICIES as readonly string[]).includes(restartPolicy)) {
    out.push(notSupported(path.child('restartPolicy'), restartPolicy, RESTART_POLICIES, podHints.restartPolicy(restartPolicy)))
  }
  const dnsPolicy = stringAt(spec.dnsPolicy)
  if (dnsPolicy !== undefined && !DNS_POLICIES.includes(dnsPolicy))
    out.push(notSupported(path.child('dnsPolicy'), dnsPolicy, DNS_POLICIES, podHints.dnsPolicy(dnsPolicy)))

  const grace = numberAt(spec.terminationGracePeriodSeconds)
  if (grace !== undefined && grace < 0) {
    out.push(
      invalid(path.child('terminationGracePeriodSeconds'), grace, NEGATIVE_ERROR, podHints.nonNegative('terminationGracePeriodSeconds')),
    )
  }
  const deadline = numberAt(spec.activeDeadlineSeconds)
  if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32)) {
    out.push(invalid(path.child('activeDeadlineSeconds'), deadline, inclusiveRangeError(1, MAX_INT32), podHints.activeDeadline))
  }
  validateLabels(spec.nodeSelector, path.child('nodeSelector'), out)
  validateSecurityContextIds(spec.securityContext, path.child('securityContext'), out)
  validateDNSConfig(spec, path.child('dnsConfig'), out)
  for (const field of ['hostname', 'subdomain'] as const) {
    const v = stringAt(spec[field])
    if (v) for (const msg of isDNS1123Label(v)) out.push(invalid(path.child(field), v, msg, podHints.hostname(v)))
  }
  const sa = stringAt(spec.serviceAccountName)
  if (sa)
    for (const msg of isDNS1123Subdomain(sa)) out.push(invalid(path.child('serviceAccountName'), sa, msg, podHints.serviceAccountName(sa)))
  validateReferencedNames(spec, path, out)
  validateTolerations(spec.tolerations, path.child('tolerations'), out)
  validateHostAliases(spec.hostAliases, path.child('hostAliases'), out)
  validateTopologySpreadConstraints(spec.topologySpreadConstraints, path.child('topologySpreadConstraints'), out)
  validateRequiredNodeAffinity(spec.affinity, path.child('affinity'), out)

  if (opts.template) {
    // ValidatePodTemplateSpecForReplicaSet: controllers restart pods forever and never time them out
    if (restartPolicy !== undefined && restartPolicy !== 'Always') {
      out.push(notSupported(path.child('restartPolicy'), restartPolicy, ['Always'], podHints.templateRestartPolicy(restartPolicy)))
    }
    if (spec.activeDeadlineSeconds !== undefined) {
      out.push(
        forbidden(
          path.child('activeDeadlineSeconds'),
          'activeDeadlineSeconds in ReplicaSet is not Supported',
          podHints.templateActiveDeadline,
        ),
      )
    }
  }
  // ephemeral containers are added to a running Pod by `kubectl debug`, never written in a manifest
  if (arrayAt(spec.ephemeralContainers).length > 0) {
    const detail = opts.template ? 'ephemeral containers not allowed in pod template' : 'cannot be set on create'
    out.push(forbidden(path.child('ephemeralContainers'), detail, podHints.ephemeralContainers))
  }
}

/**
 * validatePodHostNetworkDeps: on the node's network a container port is a node port. A Pod's hostPort was defaulted
 * to its containerPort; a template may leave it 0 (its Pods get that default) but not set another number.
 */
function validateHostNetworkPorts(spec: JsonObject, path: FieldPath, opts: PodSpecOptions, out: FieldIssue[]): void {
  arrayAt(spec.containers).forEach((c, i) => {
    arrayAt(objectAt(c)?.ports).forEach((p, j) => {
      const port = objectAt(p)
      if (!port) return
      const hostPort = numberAt(port.hostPort) ?? 0
      const containerPort = numberAt(port.containerPort) ?? 0
      if ((!opts.template || hostPort !== 0) && hostPort !== containerPort) {
        const at = path.child('containers').index(i).child('ports').index(j).child('hostPort')
        out.push(
          invalid(at, hostPort, 'must match `containerPort` when `hostNetwork` is true', podHints.hostNetworkPort(hostPort, containerPort)),
        )
      }
    })
  })
}

const TOLERATION_OPERATORS = ['Equal', 'Exists']
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

function validateTolerations(value: unknown, path: FieldPath, out: FieldIssue[]): void {
  arrayAt(value).forEach((t, i) => {
    const tol = objectAt(t)
    if (!tol) return
    const p = path.index(i)
    const op = stringAt(tol.operator) ?? ''
    if (op !== '' && !TOLERATION_OPERATORS.includes(op))
      out.push(notSupported(p.child('operator'), op, TOLERATION_OPERATORS, podHints.tolerationOperator(op)))
    const v = stringAt(tol.value) ?? ''
    if (op === 'Exists' && v !== '')
      out.push(invalid(p.child('operator'), v, "value must be empty when `operator` is 'Exists'", podHints.tolerationExistsValue))
    const effect = stringAt(tol.effect) ?? ''
    if (effect !== '' && !TAINT_EFFECTS.includes(effect))
      out.push(notSupported(p.child('effect'), effect, TAINT_EFFECTS, podHints.tolerationEffect(effect)))
    if (tol.tolerationSeconds !== undefined && effect !== 'NoExecute') {
      out.push(invalid(p.child('effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set", podHints.tolerationSeconds))
    }
  })
}
