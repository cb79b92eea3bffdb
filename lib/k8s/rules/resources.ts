/** Container resources (ValidateResourceRequirements): names, non-negative quantities, requests ≤ limits. */
import type { FieldPath } from '../field-path.ts'
import { invalid, type FieldIssue } from '../field-errors.ts'
import { podHints } from '../hints/pod-hints.ts'
import { NEGATIVE_ERROR, isQualifiedName } from '../name-rules.ts'
import { isObject, objectAt } from '../object-access.ts'
import { parseQuantityStrict } from '../quantity.ts'

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage'])
// Only cpu and memory may be requested below their limit; other resources cannot be overcommitted.
const OVERCOMMITTABLE = new Set(['cpu', 'memory', 'ephemeral-storage'])

function isStandardContainerResource(name: string): boolean {
  return STANDARD.has(name) || name.startsWith('hugepages-')
}

/** Kubernetes prints the quantity back in canonical form; the text as written is what the learner recognises. */
function quantityText(v: unknown): string {
  return String(v)
}

export function validateResources(value: unknown, path: FieldPath, out: FieldIssue[]): void {
  const resources = objectAt(value)
  if (!resources) return
  const limits = objectAt(resources.limits) ?? {}
  const requests = objectAt(resources.requests) ?? {}
  for (const [group, map] of [
    ['limits', limits],
    ['requests', requests],
  ] as const) {
    for (const [name, q] of Object.entries(map)) {
      const p = path.child(group).key(name)
      validateResourceName(name, p, out)
      const parsed = parseQuantityStrict(q as string | number)
      if (parsed.ok && parsed.value < 0) out.push(invalid(p, quantityText(q), NEGATIVE_ERROR, podHints.quantityNegative(p.toString())))
    }
  }
  if (!isObject(resources.requests)) return
  for (const [name, q] of Object.entries(requests)) {
    if (!Object.prototype.hasOwnProperty.call(limits, name)) continue
    const req = parseQuantityStrict(q as string | number)
    const lim = parseQuantityStrict(limits[name] as string | number)
    if (!req.ok || !lim.ok) continue
    const reqPath = path.child('requests')
    if (!OVERCOMMITTABLE.has(name) && req.value !== lim.value) {
      out.push(
        invalid(
          reqPath,
          quantityText(q),
          `must be equal to ${name} limit of ${quantityText(limits[name])}`,
          podHints.requestOverLimit(name, quantityText(q), quantityText(limits[name])),
          reqPath.key(name),
        ),
      )
    } else if (req.value > lim.value) {
      out.push(
        invalid(
          reqPath,
          quantityText(q),
          `must be less than or equal to ${name} limit of ${quantityText(limits[name])}`,
          podHints.requestOverLimit(name, quantityText(q), quantityText(limits[name])),
          reqPath.key(name),
        ),
      )
    }
  }
}

/** helper.IsStandardResourceName: the names the API knows without a domain (quota names included). */
const STANDARD_RESOURCE_NAMES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
])

/** validateContainerResourceName: validateResourceName's checks, then the container rule. */
function validateResourceName(name: string, path: FieldPath, out: FieldIssue[]): void {
  const qualified = isQualifiedName(name)
  for (const msg of qualified) out.push(invalid(path, name, msg, podHints.resourceName(name)))
  const standard = STANDARD_RESOURCE_NAMES.has(name) || name.startsWith('hugepages-') || name.startsWith('requests.hugepages-')
  if (qualified.length === 0 && !name.includes('/') && !standard) {
    out.push(invalid(path, name, 'must be a standard resource type or fully qualified', podHints.resourceName(name)))
  }
  if (!name.includes('/')) {
    if (!isStandardContainerResource(name))
      out.push(invalid(path, name, 'must be a standard resource for containers', podHints.resourceName(name)))
  } else if (!name.includes('kubernetes.io/') && name.startsWith('requests.')) {
    out.push(invalid(path, name, "doesn't follow extended resource name standard", podHints.resourceName(name)))
  }
}
