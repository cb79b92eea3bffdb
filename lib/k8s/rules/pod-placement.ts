/**
 * The PodSpec fields around the containers (ValidatePodSpec in pkg/apis/core/validation): names of other objects
 * (nodeName, priorityClassName, runtimeClassName), DNS (validatePodDNSConfig), hostAliases, and the user and
 * group IDs of the pod and container security contexts (IsValidUserID, IsValidGroupID), and the shape of the
 * scheduling constraints a beginner writes (validateTopologySpreadConstraints, ValidateNodeSelector).
 */
import type { FieldPath } from '../field-path.ts'
import { duplicate, invalid, notSupported, required, type FieldIssue } from '../field-errors.ts'
import { metadataHints } from '../hints/metadata-hints.ts'
import { podHints } from '../hints/pod-hints.ts'
import { IP_ADDRESS_ERROR, inclusiveRangeError, isDNS1123Subdomain, isIP } from '../name-rules.ts'
import { arrayAt, numberAt, objectAt, stringAt, type JsonObject } from '../object-access.ts'

const MAX_ID = 2 ** 31 - 1
const MAX_NAMESERVERS = 3

/** nodeName, priorityClassName and runtimeClassName name other objects: each a DNS subdomain. */
export function validateReferencedNames(spec: JsonObject, path: FieldPath, out: FieldIssue[]): void {
  for (const field of ['nodeName', 'priorityClassName', 'runtimeClassName'] as const) {
    const name = stringAt(spec[field])
    // runtimeClassName is a pointer: an empty string is still checked
    if (name === undefined || (name === '' && field !== 'runtimeClassName')) continue
    for (const msg of isDNS1123Subdomain(name))
      out.push(invalid(path.child(field), name, msg, metadataHints.invalidName(podHints.referencedName(field), name, 'subdomain')))
  }
}

/** validatePodSpecSecurityContext's and ValidateSecurityContext's ID ranges. */
export function validateSecurityContextIds(securityContext: unknown, path: FieldPath, out: FieldIssue[]): void {
  const sc = objectAt(securityContext)
  if (!sc) return
  for (const field of ['fsGroup', 'runAsUser', 'runAsGroup'] as const) checkId(numberAt(sc[field]), path.child(field), field, out)
  arrayAt(sc.supplementalGroups).forEach((g, i) =>
    checkId(numberAt(g), path.child('supplementalGroups').index(i), 'supplementalGroups', out),
  )
}

function checkId(id: number | undefined, path: FieldPath, field: string, out: FieldIssue[]): void {
  if (id !== undefined && (id < 0 || id > MAX_ID))
    out.push(invalid(path, id, inclusiveRangeError(0, MAX_ID), podHints.securityId(field, id)))
}

/** validatePodDNSConfig: `dnsPolicy: None` needs nameservers; at most 3, each an IP; every option named. */
export function validateDNSConfig(spec: JsonObject, path: FieldPath, out: FieldIssue[]): void {
  const config = objectAt(spec.dnsConfig)
  const nameservers = arrayAt(config?.nameservers)
  if (spec.dnsPolicy === 'None') {
    if (!config) {
      out.push(required(path, 'must provide `dnsConfig` when `dnsPolicy` is None', podHints.dnsNoneNeedsConfig))
      return
    }
    if (nameservers.length === 0) {
      out.push(
        required(
          path.child('nameservers'),
          'must provide at least one DNS nameserver when `dnsPolicy` is None',
          podHints.dnsNoneNeedsConfig,
        ),
      )
      return
    }
  }
  if (!config) return
  if (nameservers.length > MAX_NAMESERVERS) {
    out.push(
      invalid(
        path.child('nameservers'),
        nameservers,
        `must not have more than ${MAX_NAMESERVERS} nameservers`,
        podHints.dnsNameserversTooMany,
      ),
    )
  }
  nameservers.forEach((ns, i) => {
    if (typeof ns === 'string' && !isIP(ns))
      out.push(invalid(path.child('nameservers').index(i), ns, IP_ADDRESS_ERROR, podHints.ipAddress(ns)))
  })
  arrayAt(config.options).forEach((o, i) => {
    if ((stringAt(objectAt(o)?.name) ?? '') === '')
      out.push(required(path.child('options').index(i), 'must not be empty', podHints.dnsOptionName))
  })
}

/** ValidateHostAliases: an IP and DNS-subdomain host names. */
export function validateHostAliases(value: unknown, path: FieldPath, out: FieldIssue[]): void {
  arrayAt(value).forEach((a, i) => {
    const alias = objectAt(a)
    if (!alias) return
    const p = path.index(i)
    const ip = stringAt(alias.ip) ?? ''
    if (!isIP(ip)) out.push(invalid(p.child('ip'), ip, IP_ADDRESS_ERROR, podHints.ipAddress(ip)))
    arrayAt(alias.hostnames).forEach((h, j) => {
      const hostname = typeof h === 'string' ? h : ''
      for (const msg of isDNS1123Subdomain(hostname))
        out.push(
          invalid(p.child('hostnames').index(j), hostname, msg, metadataHints.invalidName(podHints.hostAliasName, hostname, 'subdomain')),
        )
    })
  })
}

const SCHEDULE_ACTIONS = ['DoNotSchedule', 'ScheduleAnyway'] as const

/** validateTopologySpreadConstraints: maxSkew, topologyKey, whenUnsatisfiable, the {key, action} pair once, minDomains. */
export function validateTopologySpreadConstraints(value: unknown, path: FieldPath, out: FieldIssue[]): void {
  const constraints = arrayAt(value).map((c) => objectAt(c) ?? {})
  constraints.forEach((c, i) => {
    const at = path.index(i)
    const maxSkew = numberAt(c.maxSkew) ?? 0
    if (maxSkew <= 0) out.push(invalid(at.child('maxSkew'), maxSkew, 'must be greater than zero', podHints.spreadMaxSkew))
    const key = stringAt(c.topologyKey) ?? ''
    if (key === '') out.push(required(at.child('topologyKey'), 'can not be empty', podHints.spreadTopologyKey))
    const action = stringAt(c.whenUnsatisfiable) ?? ''
    if (!(SCHEDULE_ACTIONS as readonly string[]).includes(action))
      out.push(notSupported(at.child('whenUnsatisfiable'), action, SCHEDULE_ACTIONS, podHints.spreadAction(action)))
    if (
      constraints
        .slice(i + 1)
        .some((other) => (stringAt(other.topologyKey) ?? '') === key && (stringAt(other.whenUnsatisfiable) ?? '') === action)
    ) {
      out.push(duplicate(at.child('{topologyKey, whenUnsatisfiable}'), `{${key}, ${action}}`, podHints.spreadRepeated))
    }
    const minDomains = numberAt(c.minDomains)
    if (minDomains !== undefined) {
      if (minDomains <= 0) out.push(invalid(at.child('minDomains'), minDomains, 'must be greater than zero', podHints.spreadMinDomains))
      if (action !== 'DoNotSchedule')
        out.push(
          invalid(
            at.child('minDomains'),
            minDomains,
            `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`,
            podHints.spreadMinDomains,
          ),
        )
    }
  })
}

/** ValidateNodeSelector for required node affinity: at least one term. */
export function validateRequiredNodeAffinity(affinity: unknown, path: FieldPath, out: FieldIssue[]): void {
  const required_ = objectAt(objectAt(objectAt(affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution)
  if (!required_) return
  if (arrayAt(required_.nodeSelectorTerms).length === 0) {
    out.push(
      required(
        path.child('nodeAffinity').child('requiredDuringSchedulingIgnoredDuringExecution').child('nodeSelectorTerms'),
        'must have at least one node selector term',
        podHints.nodeSelectorTerms,
      ),
    )
  }
}
