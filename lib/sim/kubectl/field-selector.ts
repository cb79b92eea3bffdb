/**
 * `--field-selector`: the fields the API server lets a list filter on, per resource (field label conversion
 * funcs upstream), with `=`, `==` and `!=`, requirements ANDed. Errors are the API server's BadRequest.
 */
export interface FieldRequirement {
  field: string
  op: '=' | '!='
  value: string
}

const COMMON = ['metadata.name', 'metadata.namespace']

const FIELDS: Record<string, string[]> = {
  Pod: [
    ...COMMON,
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Node: [...COMMON, 'spec.unschedulable'],
  ReplicaSet: [...COMMON, 'status.replicas'],
  Event: [
    ...COMMON,
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
}

const RESOURCE: Record<string, string> = {
  Pod: '/v1, Resource=pods',
  Node: '/v1, Resource=nodes',
  Service: '/v1, Resource=services',
  Event: '/v1, Resource=events',
  Namespace: '/v1, Resource=namespaces',
  Endpoints: '/v1, Resource=endpoints',
  EndpointSlice: 'discovery.k8s.io/v1, Resource=endpointslices',
  Deployment: 'apps/v1, Resource=deployments',
  ReplicaSet: 'apps/v1, Resource=replicasets',
}

export function parseFieldSelector(text: string): FieldRequirement[] | { error: string } {
  const out: FieldRequirement[] = []
  for (const part of text.split(',')) {
    const term = part.trim()
    if (!term) continue
    const m = /^([^!=\s]+)\s*(!=|==|=)\s*(.*)$/.exec(term)
    if (!m) return { error: `invalid selector: '${text}'; can't understand '${term}'` }
    out.push({ field: m[1]!, op: m[2] === '!=' ? '!=' : '=', value: m[3]!.trim() })
  }
  return out
}

/** The requirements this resource cannot filter on, as the API server words it (null when all are fine). */
export function unsupportedField(kind: string, reqs: FieldRequirement[], labelSelector: string, fieldSelector: string): string | null {
  const known = FIELDS[kind] ?? COMMON
  const bad = reqs.find((r) => !known.includes(r.field))
  if (!bad) return null
  return `Error from server (BadRequest): Unable to find "${RESOURCE[kind] ?? kind}" that match label selector "${labelSelector}", field selector "${fieldSelector}": field label not supported: ${bad.field}\n`
}

export function matchesFields(reqs: FieldRequirement[], value: (field: string) => string): boolean {
  for (const r of reqs) {
    const v = value(r.field)
    if (r.op === '=' ? v !== r.value : v === r.value) return false
  }
  return true
}

/** A field of an API object, as the field selector reads it (absent fields are empty, booleans as text). */
export function objectField(obj: unknown, field: string): string {
  let cur: unknown = obj
  for (const part of field.split('.')) {
    if (cur === null || typeof cur !== 'object') return ''
    cur = (cur as Record<string, unknown>)[part]
  }
  if (cur === undefined || cur === null) return field === 'spec.unschedulable' || field === 'spec.hostNetwork' ? 'false' : ''
  return String(cur)
}
