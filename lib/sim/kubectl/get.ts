/** kubectl get: tables with kubectl's columns, -o wide|yaml|json|name, -l, -n/-A, several types and `all`. */
import type { ConfigMap, Deployment, Namespace, Pod, ReplicaSet, Service } from '../k8s.ts'
import { selectorString, type AnyObject, type Node } from '../objects.ts'
import type { ClusterState } from '../state.ts'
import { listEvents } from '../events.ts'
import { humanDuration, fromTimestamp } from '../clock.ts'
import { flag, boolFlag, listFlag, type ParsedArgs } from './args.ts'
import { age, labelsString, toJson, toYaml } from './format.ts'
import { matchesQuery, parseLabelQuery, type Requirement } from './label-query.ts'
import { matchesFields, objectField, parseFieldSelector, unsupportedField, type FieldRequirement } from './field-selector.ts'
import { podReadyColumn, podRestarts, podStatusColumn } from './pod-status.ts'
import { configMapDataCount } from './describe-configmap.ts'
import { notFoundError, QUALIFIED, resolveResource, splitTypeName, type ResourceKind } from './resources.ts'
import { table } from './table.ts'
import { endpointSliceView, endpointsColumn, endpointsView } from './objects-view.ts'
import type { CommandResult } from './result.ts'
import type { StoredEvent } from '../model.ts'

interface Printer {
  headers: string[]
  wide: string[]
  row: (state: ClusterState, obj: never) => { cells: string[]; wide: string[] }
}

function restartsColumn(state: ClusterState, pod: Pod): string {
  const n = podRestarts(pod)
  let last: number | undefined
  for (const c of pod.status?.containerStatuses ?? []) {
    const t = fromTimestamp(state.config.epoch, c.lastState?.terminated?.finishedAt)
    if (t !== undefined && (last === undefined || t > last)) last = t
  }
  return n > 0 && last !== undefined ? `${n} (${humanDuration(state.now - last)} ago)` : String(n)
}

function servicePorts(svc: Service): string {
  const ports = (svc.spec?.ports ?? []).map((p) =>
    p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`,
  )
  return ports.length ? ports.join(',') : '<none>'
}

function externalIP(svc: Service): string {
  const type = svc.spec?.type ?? 'ClusterIP'
  if (type === 'ExternalName') return svc.spec?.externalName ?? '<none>'
  if (type === 'LoadBalancer') return '<pending>'
  return '<none>'
}

function nodeStatus(node: Node): string {
  const ready = node.status.conditions.find((c) => c.type === 'Ready')
  const s = ready?.status === 'True' ? 'Ready' : 'NotReady'
  return node.spec.unschedulable ? `${s},SchedulingDisabled` : s
}

const PRINTERS: Record<string, Printer> = {
  Pod: {
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: (state, pod: Pod) => ({
      cells: [
        pod.metadata!.name!,
        podReadyColumn(pod),
        podStatusColumn(pod),
        restartsColumn(state, pod),
        age(state, pod.metadata?.creationTimestamp),
      ],
      wide: [pod.status?.podIP ?? '<none>', pod.spec?.nodeName ?? '<none>', '<none>', '<none>'],
    }),
  },
  Deployment: {
    headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (state, d: Deployment) => ({
      cells: [
        d.metadata!.name!,
        `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
        String(d.status?.updatedReplicas ?? 0),
        String(d.status?.availableReplicas ?? 0),
        age(state, d.metadata?.creationTimestamp),
      ],
      wide: [containers(d.spec?.template?.spec?.containers), images(d.spec?.template?.spec?.containers), selectorString(d.spec?.selector)],
    }),
  },
  ReplicaSet: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (state, rs: ReplicaSet) => ({
      cells: [
        rs.metadata!.name!,
        String(rs.spec?.replicas ?? 0),
        String(rs.status?.replicas ?? 0),
        String(rs.status?.readyReplicas ?? 0),
        age(state, rs.metadata?.creationTimestamp),
      ],
      wide: [
        containers(rs.spec?.template?.spec?.containers),
        images(rs.spec?.template?.spec?.containers),
        selectorString(rs.spec?.selector),
      ],
    }),
  },
  Service: {
    headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wide: ['SELECTOR'],
    row: (state, svc: Service) => ({
      cells: [
        svc.metadata!.name!,
        svc.spec?.type ?? 'ClusterIP',
        svc.spec?.clusterIP ?? '<none>',
        externalIP(svc),
        servicePorts(svc),
        age(state, svc.metadata?.creationTimestamp),
      ],
      wide: [svc.spec?.selector ? selectorString(svc.spec.selector) : '<none>'],
    }),
  },
  Node: {
    headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (state, n: Node) => ({
      cells: [n.metadata.name!, nodeStatus(n), '<none>', age(state, n.metadata.creationTimestamp), n.status.nodeInfo.kubeletVersion ?? ''],
      wide: [
        n.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '<none>',
        '<none>',
        n.status.nodeInfo.osImage ?? '',
        n.status.nodeInfo.kernelVersion ?? '',
        n.status.nodeInfo.containerRuntimeVersion ?? '',
      ],
    }),
  },
  Namespace: {
    headers: ['NAME', 'STATUS', 'AGE'],
    wide: [],
    row: (state, ns: Namespace) => ({
      cells: [ns.metadata!.name!, (ns.status?.phase as string) ?? 'Active', age(state, ns.metadata?.creationTimestamp)],
      wide: [],
    }),
  },
  ConfigMap: {
    headers: ['NAME', 'DATA', 'AGE'],
    wide: [],
    row: (state, cm: ConfigMap) => ({
      cells: [cm.metadata!.name!, String(configMapDataCount(cm)), age(state, cm.metadata?.creationTimestamp)],
      wide: [],
    }),
  },
}

function containers(list: { name: string }[] | undefined): string {
  return (list ?? []).map((c) => c.name).join(',')
}
function images(list: { image?: string }[] | undefined): string {
  return (list ?? []).map((c) => c.image ?? '').join(',')
}

export interface GetOptions {
  namespace: string
  allNamespaces: boolean
}

/** Objects of a kind visible with the given namespace options, in kubectl's order (namespace, name). */
export function listObjects(state: ClusterState, kind: string, o: GetOptions): AnyObject[] {
  if (kind === 'Node' || kind === 'Namespace') return [...state.objects[kind].values()].sort(byName)
  const map = state.objects[kind as keyof ClusterState['objects']]
  if (!map) return []
  const out: AnyObject[] = []
  if (o.allNamespaces) out.push(...map.values())
  else for (const k of state.indexes.byNamespace[kind as keyof ClusterState['objects']].get(o.namespace) ?? []) out.push(map.get(k)!)
  return out.sort((a, b) => (a.metadata!.namespace ?? '').localeCompare(b.metadata!.namespace ?? '') || byName(a, b))
}

function byName(a: AnyObject, b: AnyObject): number {
  const x = a.metadata!.name!
  const y = b.metadata!.name!
  return x < y ? -1 : x > y ? 1 : 0
}

/** Kubernetes objects as kubectl -o yaml/json shows them (no internal fields). */
export function apiView(obj: AnyObject): AnyObject {
  if (obj.kind === 'Pod') {
    const pod = obj as Pod
    return { ...pod, spec: pod.spec }
  }
  return obj
}

function eventRows(state: ClusterState, events: StoredEvent[], o: GetOptions): string[][] {
  return events.map((e) => {
    const last = humanDuration(state.now - e.last)
    const seen = e.count > 1 ? `${last} (x${e.count} over ${humanDuration(state.now - e.first)})` : last
    const obj = `${e.kind.toLowerCase()}/${e.name}`
    const cells = [seen, e.type, e.reason, obj, e.message]
    return o.allNamespaces ? [e.namespace, ...cells] : cells
  })
}

function eventObject(state: ClusterState, e: StoredEvent): Record<string, unknown> {
  const stamp = (ms: number): string => new Date(state.config.epoch + Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
  return {
    apiVersion: 'v1',
    kind: 'Event',
    count: e.count,
    firstTimestamp: stamp(e.first),
    lastTimestamp: stamp(e.last),
    involvedObject: { kind: e.kind, name: e.name, namespace: e.namespace, uid: e.uid },
    message: e.message,
    metadata: { name: `${e.name}.${(e.seq + 0x17f0000000).toString(16)}`, namespace: e.namespace },
    reason: e.reason,
    source: { component: e.source },
    type: e.type,
  }
}

export function runGet(state: ClusterState, args: ParsedArgs, o: GetOptions): CommandResult {
  const [first, ...names] = args.positional
  if (!first) {
    return {
      ok: false,
      output:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\n',
    }
  }
  const filters = getFilters(args)
  if ('output' in filters) return filters
  const { query, fields } = filters
  // Requests: "pods", "deploy,svc", "all", "pod/web-1 svc/web", "pod web-1 web-2"
  const requests: GetRequest[] = []
  if (first.includes('/')) {
    for (const w of [first, ...names]) {
      const s = splitTypeName(w)
      if (!s)
        return {
          ok: false,
          output: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n`,
        }
      if ('error' in s) return { ok: false, output: `${s.error}\n` }
      requests.push({ kind: s.kind, names: [s.name] })
    }
  } else {
    for (const t of first.split(',')) {
      const kind = resolveResource(t)
      if (!kind) return { ok: false, output: `error: the server doesn't have a resource type "${t}"\n` }
      if (kind === 'All') for (const k of ['Pod', 'Service', 'Deployment', 'ReplicaSet'] as const) requests.push({ kind: k, names })
      else requests.push({ kind, names })
    }
  }
  return printRequests(state, args, o, requests, { multi: requests.length > 1 || first === 'all' || first.includes(','), query, fields })
}

/** -o, -l and --field-selector, checked before anything is listed. */
export function getFilters(args: ParsedArgs): { query: Requirement[] | null; fields: FieldRequirement[] } | CommandResult {
  const output = flag(args, 'output') ?? ''
  if (output && !['wide', 'yaml', 'json', 'name'].includes(output)) {
    return {
      ok: false,
      output: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml\n`,
    }
  }
  let query: Requirement[] | null = null
  const sel = flag(args, 'selector')
  if (sel !== undefined) {
    const q = parseLabelQuery(sel)
    if ('error' in q) return { ok: false, output: `${q.error}\n` }
    query = q
  }
  let fields: FieldRequirement[] = []
  const fieldText = flag(args, 'field-selector')
  if (fieldText !== undefined) {
    const f = parseFieldSelector(fieldText)
    if ('error' in f) return { ok: false, output: `Error from server (BadRequest): ${f.error}\n` }
    fields = f
  }
  return { query, fields }
}

/** What `get` was asked for: one kind, its names (none: all of them), and a namespace when not the command's. */
export interface GetRequest {
  kind: ResourceKind
  names: string[]
  namespace?: string
}

/**
 * Prints the requested objects: tables (several kinds: qualified names, tables apart), or -o yaml|json|name.
 * `kubectl get -f FILE` comes here with the file's objects (from-files.ts).
 */
export function printRequests(
  state: ClusterState,
  args: ParsedArgs,
  options: GetOptions,
  requests: GetRequest[],
  { multi, query, fields }: { multi: boolean; query: Requirement[] | null; fields: FieldRequirement[] },
): CommandResult {
  const output = flag(args, 'output') ?? ''
  const sel = flag(args, 'selector')
  const fieldText = flag(args, 'field-selector')
  const blocks: string[] = []
  const items: unknown[] = []
  const errors: string[] = []
  let any = false
  for (const req of requests) {
    const o = req.namespace !== undefined && !options.allNamespaces ? { ...options, namespace: req.namespace } : options
    let objs: (AnyObject | Record<string, unknown>)[] = []
    let rows: string[][] | null = null
    if (fields.length) {
      const bad = unsupportedField(req.kind, fields, sel ?? '', fieldText ?? '')
      if (bad) return { ok: false, output: bad }
    }
    if (req.kind === 'Event') {
      const evs = sortEvents(
        listEvents(state, o.allNamespaces ? undefined : { namespace: o.namespace }).filter((e) =>
          matchesFields(fields, (f) => eventField(e, f)),
        ),
        flag(args, 'sort-by'),
      )
      if (output === 'yaml' || output === 'json' || output === 'name') objs = evs.map((e) => eventObject(state, e))
      else rows = eventRows(state, evs, o)
      if (evs.length === 0) continue
      any = true
      if (rows) {
        const headers = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']
        blocks.push(table([o.allNamespaces ? ['NAMESPACE', ...headers] : headers, ...rows]))
        continue
      }
    } else if (req.kind === 'Endpoints' || req.kind === 'EndpointSlice') {
      const svcs = listObjects(state, 'Service', o) as Service[]
      const views = svcs
        .filter((s) => req.names.length === 0 || req.names.includes(s.metadata!.name!))
        .filter((s) => matchesFields(fields, (f) => objectField(s, f)))
        .map((s) => (req.kind === 'Endpoints' ? endpointsView(state, s) : endpointSliceView(state, s)))
        .filter((v): v is NonNullable<typeof v> => !!v)
      for (const n of req.names) if (!svcs.some((s) => s.metadata!.name === n)) errors.push(notFoundError(req.kind, n))
      objs = views as Record<string, unknown>[]
      if (objs.length === 0) continue
      any = true
      if (!output || output === 'wide') {
        if (req.kind === 'Endpoints') {
          const r = (views as ReturnType<typeof endpointsView>[]).map((v) => [
            ...(o.allNamespaces ? [v!.metadata.namespace] : []),
            v!.metadata.name,
            endpointsColumn(v),
            age(state, v!.metadata.creationTimestamp),
          ])
          blocks.push(table([[...(o.allNamespaces ? ['NAMESPACE'] : []), 'NAME', 'ENDPOINTS', 'AGE'], ...r]))
        } else {
          const r = (views as Record<string, unknown>[]).map((v) => {
            const m = v.metadata as { name: string; namespace: string; creationTimestamp: string }
            const eps = (v.endpoints as { addresses: string[] }[]).map((e) => e.addresses[0]!)
            const ports = (v.ports as { port: number }[]).map((p) => p.port).join(',')
            return [
              ...(o.allNamespaces ? [m.namespace] : []),
              m.name,
              'IPv4',
              ports || '<unset>',
              eps.length ? (eps.length > 3 ? `${eps.slice(0, 3).join(',')} + ${eps.length - 3} more...` : eps.join(',')) : '<none>',
              age(state, m.creationTimestamp),
            ]
          })
          blocks.push(table([[...(o.allNamespaces ? ['NAMESPACE'] : []), 'NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'], ...r]))
        }
        continue
      }
    } else {
      const all = listObjects(state, req.kind, o)
      let selected = all
      if (req.names.length) {
        selected = []
        for (const n of req.names) {
          const hit = all.find((x) => x.metadata!.name === n)
          if (hit) selected.push(hit)
          else errors.push(notFoundError(req.kind, n))
        }
      }
      if (query) selected = selected.filter((x) => matchesQuery(query!, x.metadata?.labels))
      if (fields.length) selected = selected.filter((x) => matchesFields(fields, (f) => objectField(x, f)))
      objs = selected
      if (selected.length === 0) continue
      any = true
      if (!output || output === 'wide') {
        const p = PRINTERS[req.kind]!
        const wide = output === 'wide'
        // -L KEY adds one column per label key (header: the key's last path segment, upper case; an empty cell
        // where the object has no such label), then --show-labels adds kubectl's LABELS column, last (tableprinter).
        const labelColumns = listFlag(args, 'label-columns')
        const showLabels = boolFlag(args, 'show-labels')
        const labelHeaders = labelColumns.map((k) => k.split('/').pop()!.toUpperCase())
        const headers = [
          ...(o.allNamespaces && req.kind !== 'Node' && req.kind !== 'Namespace' ? ['NAMESPACE'] : []),
          ...p.headers,
          ...(wide ? p.wide : []),
          ...labelHeaders,
          ...(showLabels ? ['LABELS'] : []),
        ]
        const r = selected.map((x) => {
          const { cells, wide: w } = p.row(state, x as never)
          if (multi) cells[0] = `${QUALIFIED[req.kind]}/${cells[0]}`
          const labels = x.metadata?.labels ?? {}
          const labelCells = labelColumns.map((k) => (Object.hasOwn(labels, k) ? labels[k]! : ''))
          return [
            ...(o.allNamespaces && req.kind !== 'Node' && req.kind !== 'Namespace' ? [x.metadata!.namespace!] : []),
            ...cells,
            ...(wide ? w : []),
            ...labelCells,
            ...(showLabels ? [labelsString(x.metadata?.labels)] : []),
          ]
        })
        blocks.push(table([headers, ...r]))
        continue
      }
    }
    if (output === 'name') {
      blocks.push(objs.map((x) => `${QUALIFIED[req.kind]}/${(x as { metadata: { name: string } }).metadata.name}\n`).join(''))
    } else
      items.push(
        ...objs.map((x) =>
          'kind' in x && x.kind !== 'Event' && x.kind !== 'Endpoints' && x.kind !== 'EndpointSlice' ? apiView(x as AnyObject) : x,
        ),
      )
  }
  let out = ''
  if (output === 'yaml' || output === 'json') {
    const single = items.length === 1 && requests.length === 1 && requests[0]!.names.length === 1
    const doc = single ? items[0] : { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }
    if (items.length > 0 || !errors.length) out = output === 'yaml' ? toYaml(doc) : toJson(doc)
  } else out = blocks.join(output === 'name' ? '' : '\n') // tables apart, names one a line
  if (!any && errors.length === 0 && output !== 'yaml' && output !== 'json') {
    const kindWord = requests.every((r) => r.kind === 'Node' || r.kind === 'Namespace')
      ? ''
      : options.allNamespaces
        ? ''
        : ` in ${options.namespace} namespace`
    out = `No resources found${kindWord}.\n`
  }
  return { ok: errors.length === 0, output: out + errors.join('') }
}

/**
 * `--sort-by` for events, as kubectl's sorter orders them by a timestamp field: an aggregated event (`x3 over 59s`)
 * keeps the creationTimestamp and firstTimestamp of its first occurrence (the recorder patches count and
 * lastTimestamp), so `.metadata.creationTimestamp` orders by first occurrence and `.lastTimestamp` by the latest.
 * Other fields leave the listing's order (simplified: kubectl would sort by them too).
 */
function sortEvents(evs: StoredEvent[], sortBy: string | undefined): StoredEvent[] {
  const path = (sortBy ?? '').replace(/^\{(.*)\}$/, '$1')
  const key = path === '.metadata.creationTimestamp' || path === '.firstTimestamp' ? 'first' : path === '.lastTimestamp' ? 'last' : null
  if (!key) return evs
  // timestamps are whole seconds in the API; the sort is stable, so equal seconds keep the order they were recorded in
  return evs
    .map((e, i) => ({ e, i, t: Math.floor(e[key] / 1000) }))
    .sort((a, b) => a.t - b.t || (key === 'first' ? a.e.first - b.e.first : 0) || a.i - b.i)
    .map((x) => x.e)
}

/** An event's fields as the API server's field selector sees them. */
function eventField(e: StoredEvent, field: string): string {
  switch (field) {
    case 'metadata.namespace':
    case 'involvedObject.namespace':
      return e.namespace
    case 'involvedObject.kind':
      return e.kind
    case 'involvedObject.name':
      return e.name
    case 'involvedObject.uid':
      return e.uid
    case 'reason':
      return e.reason
    case 'type':
      return e.type
    case 'source':
    case 'reportingComponent':
      return e.source
    default:
      return ''
  }
}

export { labelsString, boolFlag }
