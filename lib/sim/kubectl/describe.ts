/** kubectl describe for pods, deployments, replicasets, services, nodes and namespaces. */
import { describeConfigMap } from './describe-configmap.ts'
import type { Container, Deployment, Pod, ReplicaSet, Service } from '../k8s.ts'
import { ANNOTATIONS, controllerOf, selectorString, type AnyObject, type Node } from '../objects.ts'
import type { ClusterState } from '../state.ts'
import { listEvents } from '../events.ts'
import { humanDuration } from '../clock.ts'
import { findNewReplicaSet } from '../controllers/deployment/history.ts'
import { type ParsedArgs } from './args.ts'
import { describeTime } from './format.ts'
import { notFound, resolveResource, splitTypeName } from './resources.ts'
import { ownedReplicaSets } from './rollout.ts'
import { endpointsColumn, endpointsView } from './objects-view.ts'
import { listObjects } from './get.ts'
import { podStatusColumn } from './pod-status.ts'
import type { CommandResult } from './result.ts'

type Lines = string[]

function kv(lines: Lines, pairs: [string, string][], indent = '', width?: number): void {
  const w = width ?? Math.max(...pairs.map(([k]) => k.length + 1)) + 2
  for (const [k, v] of pairs) lines.push(`${indent}${`${k}:`.padEnd(w)}${v}`.replace(/\s+$/, ''))
}

function mapLines(m: Record<string, string> | undefined, sep: string, skip: string[] = []): string[] {
  const e = Object.entries(m ?? {})
    .filter(([k]) => !skip.includes(k))
    .sort(([a], [b]) => (a < b ? -1 : 1))
  return e.length ? e.map(([k, v]) => `${k}${sep}${v}`) : ['<none>']
}

function multi(lines: Lines, key: string, values: string[], width: number, indent = ''): void {
  lines.push(`${indent}${`${key}:`.padEnd(width)}${values[0]}`.replace(/\s+$/, ''))
  for (const v of values.slice(1)) lines.push(`${indent}${''.padEnd(width)}${v}`)
}

function eventsSection(state: ClusterState, lines: Lines, kind: string, namespace: string | undefined, name: string, uid?: string): void {
  const evs = listEvents(state, { namespace: namespace ?? 'default', kind, name, uid })
  if (evs.length === 0) {
    lines.push('Events:  <none>')
    return
  }
  const rows = evs.map((e) => [e.type, e.reason, e.count > 1 ? `${humanDuration(state.now - e.last)} (x${e.count} over ${humanDuration(state.now - e.first)})` : humanDuration(state.now - e.last), e.source, e.message])
  const head = [['Type', 'Reason', 'Age', 'From', 'Message'], ['----', '------', '----', '----', '-------']]
  const all = [...head, ...rows]
  const widths = [0, 1, 2, 3].map((c) => Math.max(...all.map((r) => r[c]!.length)) + 2)
  lines.push('Events:')
  for (const r of all) lines.push(`  ${r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]!) : cell)).join('')}`.replace(/\s+$/, ''))
}

function containerSection(state: ClusterState, lines: Lines, c: Container, pod: Pod | undefined, indent: string): void {
  lines.push(`${indent}${c.name}:`)
  const s = pod?.status?.containerStatuses?.find((x) => x.name === c.name)
  const pairs: [string, string][] = []
  // describe.go prints a container's ID, state, readiness and restarts only once it has a status (an unscheduled Pod has none)
  const hasStatus = pod !== undefined && s !== undefined
  if (hasStatus) pairs.push(['Container ID', s?.containerID ?? ''])
  pairs.push(['Image', c.image ?? ''])
  if (hasStatus) pairs.push(['Image ID', s?.imageID ?? ''])
  const ports = c.ports ?? []
  pairs.push(['Port', ports.length ? ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>'])
  pairs.push(['Host Port', ports.length ? ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>'])
  if (c.command) pairs.push(['Command', c.command.join(' ')])
  if (c.args) pairs.push(['Args', c.args.join(' ')])
  const w = pod && !hasStatus ? 14 : 16
  const sub = '    '
  kv(lines, pairs, sub, w)
  if (hasStatus) {
    const st = s?.state ?? {}
    if (st.running) {
      kv(lines, [['State', 'Running']], sub, w)
      kv(lines, [['Started', describeTime(state, st.running.startedAt)]], `${sub}  `, w - 2)
    } else if (st.terminated) {
      kv(lines, [['State', 'Terminated']], sub, w)
      kv(lines, [['Reason', st.terminated.reason ?? ''], ['Exit Code', String(st.terminated.exitCode)], ['Started', describeTime(state, st.terminated.startedAt)], ['Finished', describeTime(state, st.terminated.finishedAt)]], `${sub}  `, w - 2)
    } else {
      kv(lines, [['State', 'Waiting']], sub, w)
      kv(lines, [['Reason', st.waiting?.reason ?? 'ContainerCreating']], `${sub}  `, w - 2)
    }
    const last = s?.lastState?.terminated
    if (last) {
      kv(lines, [['Last State', 'Terminated']], sub, w)
      kv(lines, [['Reason', last.reason ?? ''], ['Exit Code', String(last.exitCode)], ['Started', describeTime(state, last.startedAt)], ['Finished', describeTime(state, last.finishedAt)]], `${sub}  `, w - 2)
    }
    kv(lines, [['Ready', s?.ready ? 'True' : 'False'], ['Restart Count', String(s?.restartCount ?? 0)]], sub, w)
  }
  const rest = resourceSections(lines, c, sub)
  const rw = rest ?? w
  const probe = (name: string, p: Container['livenessProbe']): void => {
    if (!p) return
    const how = p.httpGet
      ? `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://:${p.httpGet.port}${p.httpGet.path ?? '/'}`
      : p.tcpSocket
        ? `tcp-socket :${p.tcpSocket.port}`
        : `exec [${(p.exec?.command ?? []).join(' ')}]`
    kv(lines, [[name, `${how} delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`]], sub, rw)
  }
  probe('Liveness', c.livenessProbe)
  probe('Readiness', c.readinessProbe)
  probe('Startup', c.startupProbe)
  const env = (c.env ?? []).map((e) => `${e.name}:  ${e.value ?? ''}`)
  multi(lines, 'Environment', env.length ? env : ['<none>'], rw, sub)
  kv(lines, [['Mounts', '<none>']], sub, rw)
}

/**
 * describe.go describeContainerResource: `Limits:` then `Requests:`, one `name: quantity` line per resource in
 * name order. kubectl's tabwriter aligns a block of lines that all have a cell in that column, and the
 * header lines end the block above them: the resource lines after the last header share their column with
 * the probe, Environment and Mounts lines that follow. Returns those lines' key width, or undefined when the
 * container sets no resources.
 */
function resourceSections(lines: Lines, c: Container, sub: string): number | undefined {
  const sections: [string, Record<string, string | number>][] = []
  const limits = c.resources?.limits as Record<string, string | number> | undefined
  const requests = c.resources?.requests as Record<string, string | number> | undefined
  if (limits && Object.keys(limits).length) sections.push(['Limits', limits])
  if (requests && Object.keys(requests).length) sections.push(['Requests', requests])
  if (sections.length === 0) return undefined
  const deeper = `${sub}  `
  // the keys of the lines after the resources, at the container's level (as kv prints them)
  const after = ['Environment', 'Mounts', ...(c.livenessProbe ? ['Liveness'] : []), ...(c.readinessProbe ? ['Readiness'] : []), ...(c.startupProbe ? ['Startup'] : [])]
  let width = 0
  sections.forEach(([title, map], i) => {
    lines.push(`${sub}${title}:`)
    const names = Object.keys(map).sort()
    const last = i === sections.length - 1
    // the widest cell of the block, two spaces of padding (tabwriter), relative to the deeper indent
    const cells = names.map((n) => deeper.length + n.length + 1)
    if (last) for (const k of after) cells.push(sub.length + k.length + 1)
    const column = Math.max(...cells) + 2
    for (const n of names) lines.push(`${deeper}${`${n}:`.padEnd(column - deeper.length)}${String(map[n])}`)
    if (last) width = column - sub.length
  })
  return width
}

function describePod(state: ClusterState, pod: Pod): string {
  const lines: Lines = []
  const w = 18
  const ctl = controllerOf(pod)
  kv(lines, [['Name', pod.metadata!.name!], ['Namespace', pod.metadata!.namespace!], ['Priority', '0'], ['Service Account', 'default']], '', w)
  const node = pod.spec?.nodeName ? `${pod.spec.nodeName}/${pod.status?.hostIP ?? ''}` : '<none>'
  kv(lines, [['Node', node]], '', w)
  if (pod.status?.startTime) kv(lines, [['Start Time', describeTime(state, pod.status.startTime)]], '', w)
  multi(lines, 'Labels', mapLines(pod.metadata?.labels, '='), w)
  multi(lines, 'Annotations', mapLines(pod.metadata?.annotations, ': ', [ANNOTATIONS.lastApplied]), w)
  if (pod.metadata?.deletionTimestamp) {
    kv(lines, [['Status', `Terminating (lasts ${humanDuration(Math.max(0, Date.parse(pod.metadata.deletionTimestamp) - state.config.epoch - state.now))})`]], '', w)
    kv(lines, [['Termination Grace Period', `${pod.metadata.deletionGracePeriodSeconds ?? 30}s`]], '', w)
  } else kv(lines, [['Status', pod.status?.phase ?? 'Pending']], '', w)
  kv(lines, [['IP', pod.status?.podIP ?? '']], '', w)
  if (pod.status?.podIP) lines.push('IPs:', `  IP:  ${pod.status.podIP}`)
  else kv(lines, [['IPs', '<none>']], '', w)
  if (ctl) kv(lines, [['Controlled By', `${ctl.kind}/${ctl.name}`]], '', w)
  lines.push('Containers:')
  for (const c of pod.spec?.containers ?? []) containerSection(state, lines, c, pod, '  ')
  lines.push('Conditions:')
  const conds = pod.status?.conditions ?? []
  const cw = Math.max(4, ...conds.map((c) => c.type.length)) + 3
  lines.push(`  ${'Type'.padEnd(cw)}Status`)
  for (const c of conds) lines.push(`  ${c.type.padEnd(cw)}${c.status} `)
  kv(lines, [['Volumes', '<none>'], ['QoS Class', pod.status?.qosClass ?? 'BestEffort']], '', 29)
  multi(lines, 'Node-Selectors', mapLines(pod.spec?.nodeSelector, '='), 29)
  const tol = (pod.spec?.tolerations ?? []).map((t) => `${t.key ?? ''}${t.value ? `=${t.value}` : ''}:${t.effect ?? ''} op=${t.operator ?? 'Equal'}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`)
  multi(lines, 'Tolerations', tol.length ? tol : ['<none>'], 29)
  eventsSection(state, lines, 'Pod', pod.metadata!.namespace, pod.metadata!.name!, pod.metadata!.uid)
  return `${lines.join('\n')}\n`
}

function podTemplateSection(state: ClusterState, lines: Lines, t: NonNullable<ReplicaSet['spec']>['template'] | undefined): void {
  lines.push('Pod Template:')
  multi(lines, 'Labels', mapLines(t?.metadata?.labels, '='), 9, '  ')
  if (t?.metadata?.annotations) multi(lines, 'Annotations', mapLines(t.metadata.annotations, ': '), 14, '  ')
  lines.push('  Containers:')
  for (const c of t?.spec?.containers ?? []) containerSection(state, lines, c, undefined, '   ')
  kv(lines, [['Volumes', '<none>'], ['Node-Selectors', '<none>'], ['Tolerations', '<none>']], '  ', 17)
}

function describeDeployment(state: ClusterState, d: Deployment): string {
  const lines: Lines = []
  const w = 24
  const s = d.status ?? {}
  kv(lines, [['Name', d.metadata!.name!], ['Namespace', d.metadata!.namespace!], ['CreationTimestamp', describeTime(state, d.metadata?.creationTimestamp)]], '', w)
  multi(lines, 'Labels', mapLines(d.metadata?.labels, '='), w)
  multi(lines, 'Annotations', mapLines(d.metadata?.annotations, ': ', [ANNOTATIONS.lastApplied]), w)
  kv(lines, [
    ['Selector', selectorString(d.spec?.selector)],
    ['Replicas', `${d.spec?.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable`],
    ['StrategyType', d.spec?.strategy?.type ?? 'RollingUpdate'],
    ['MinReadySeconds', String(d.spec?.minReadySeconds ?? 0)],
  ], '', w)
  if ((d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
    const ru = d.spec?.strategy?.rollingUpdate
    kv(lines, [['RollingUpdateStrategy', `${ru?.maxUnavailable ?? '25%'} max unavailable, ${ru?.maxSurge ?? '25%'} max surge`]], '', w)
  }
  podTemplateSection(state, lines, d.spec?.template)
  const conds = s.conditions ?? []
  if (conds.length) {
    lines.push('Conditions:')
    const tw = Math.max(4, ...conds.map((c) => c.type.length)) + 2
    lines.push(`  ${'Type'.padEnd(tw)} Status  Reason`, `  ${'----'.padEnd(tw)} ------  ------`)
    for (const c of conds) lines.push(`  ${c.type.padEnd(tw)} ${c.status.padEnd(7)} ${c.reason ?? ''}`)
  }
  const rss = ownedReplicaSets(state, d)
  const newRS = findNewReplicaSet(d, rss)
  const old = rss.filter((r) => r !== newRS && (r.spec?.replicas ?? 0) > 0)
  const fmt = (r: ReplicaSet): string => `${r.metadata!.name} (${r.status?.replicas ?? 0}/${r.spec?.replicas ?? 0} replicas created)`
  kv(lines, [['OldReplicaSets', old.length ? old.map(fmt).join(', ') : '<none>'], ['NewReplicaSet', newRS ? fmt(newRS) : '<none>']], '', 17)
  eventsSection(state, lines, 'Deployment', d.metadata!.namespace, d.metadata!.name!, d.metadata!.uid)
  return `${lines.join('\n')}\n`
}

function describeReplicaSet(state: ClusterState, rs: ReplicaSet): string {
  const lines: Lines = []
  const w = 15
  const ctl = controllerOf(rs)
  kv(lines, [['Name', rs.metadata!.name!], ['Namespace', rs.metadata!.namespace!], ['Selector', selectorString(rs.spec?.selector)]], '', w)
  multi(lines, 'Labels', mapLines(rs.metadata?.labels, '='), w)
  multi(lines, 'Annotations', mapLines(rs.metadata?.annotations, ': ', [ANNOTATIONS.lastApplied]), w)
  if (ctl) kv(lines, [['Controlled By', `${ctl.kind}/${ctl.name}`]], '', w)
  const pods = [...(state.indexes.podsByController.get(rs.metadata!.uid!) ?? [])].map((k) => state.objects.Pod.get(k) as Pod)
  const count = (p: string): number => pods.filter((x) => (x.status?.phase ?? 'Pending') === p).length
  kv(lines, [['Replicas', `${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired`], ['Pods Status', `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`]], '', w)
  podTemplateSection(state, lines, rs.spec?.template)
  eventsSection(state, lines, 'ReplicaSet', rs.metadata!.namespace, rs.metadata!.name!, rs.metadata!.uid)
  return `${lines.join('\n')}\n`
}

function describeService(state: ClusterState, svc: Service): string {
  const lines: Lines = []
  const w = 26
  kv(lines, [['Name', svc.metadata!.name!], ['Namespace', svc.metadata!.namespace!]], '', w)
  multi(lines, 'Labels', mapLines(svc.metadata?.labels, '='), w)
  multi(lines, 'Annotations', mapLines(svc.metadata?.annotations, ': ', [ANNOTATIONS.lastApplied]), w)
  kv(lines, [['Selector', svc.spec?.selector ? Object.entries(svc.spec.selector).map(([k, v]) => `${k}=${v}`).join(',') : '<none>'], ['Type', svc.spec?.type ?? 'ClusterIP']], '', w)
  if (svc.spec?.type === 'ExternalName') kv(lines, [['External Name', svc.spec.externalName ?? '']], '', w)
  else kv(lines, [['IP Family Policy', 'SingleStack'], ['IP Families', 'IPv4'], ['IP', svc.spec?.clusterIP ?? ''], ['IPs', svc.spec?.clusterIP ?? '']], '', w)
  if (svc.spec?.type === 'LoadBalancer') kv(lines, [['LoadBalancer Ingress', '<pending>']], '', w)
  const view = endpointsView(state, svc)
  for (const p of svc.spec?.ports ?? []) {
    kv(lines, [['Port', `${p.name || '<unset>'}  ${p.port}/${p.protocol ?? 'TCP'}`], ['TargetPort', `${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}`]], '', w)
    if (p.nodePort) kv(lines, [['NodePort', `${p.name || '<unset>'}  ${p.nodePort}/${p.protocol ?? 'TCP'}`]], '', w)
    kv(lines, [['Endpoints', svc.spec?.selector ? endpointsColumn(view).replace(' + ', ' + ') : '']], '', w)
  }
  kv(lines, [['Session Affinity', svc.spec?.sessionAffinity ?? 'None']], '', w)
  if (svc.spec?.type === 'NodePort' || svc.spec?.type === 'LoadBalancer') kv(lines, [['External Traffic Policy', svc.spec.externalTrafficPolicy ?? 'Cluster']], '', w)
  kv(lines, [['Internal Traffic Policy', svc.spec?.internalTrafficPolicy ?? 'Cluster']], '', w)
  eventsSection(state, lines, 'Service', svc.metadata!.namespace, svc.metadata!.name!, svc.metadata!.uid)
  return `${lines.join('\n')}\n`
}

function describeNode(state: ClusterState, node: Node): string {
  const lines: Lines = []
  const w = 20
  kv(lines, [['Name', node.metadata.name!], ['Roles', '<none>']], '', w)
  multi(lines, 'Labels', mapLines(node.metadata.labels, '='), w)
  kv(lines, [['CreationTimestamp', describeTime(state, node.metadata.creationTimestamp)]], '', w)
  const taints = (node.spec.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`)
  multi(lines, 'Taints', taints.length ? taints : ['<none>'], w)
  kv(lines, [['Unschedulable', node.spec.unschedulable ? 'true' : 'false']], '', w)
  lines.push('Conditions:')
  const rows = [['Type', 'Status', 'Reason', 'Message'], ['----', '------', '------', '-------'], ...node.status.conditions.map((c) => [c.type, c.status, c.reason, c.message])]
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)) + 2)
  for (const r of rows) lines.push(`  ${r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('')}`)
  lines.push('Addresses:')
  for (const a of node.status.addresses) lines.push(`  ${a.type}:  ${a.address}`)
  lines.push('Capacity:')
  for (const [k, v] of Object.entries(node.status.capacity)) lines.push(`  ${k}:  ${v}`)
  lines.push('Allocatable:')
  for (const [k, v] of Object.entries(node.status.allocatable)) lines.push(`  ${k}:  ${v}`)
  kv(lines, [['PodCIDR', node.spec.podCIDR], ['PodCIDRs', node.spec.podCIDRs.join(',')]], '', w)
  const pods = [...(state.indexes.podsByNode.get(node.metadata.name!) ?? [])].map((k) => state.objects.Pod.get(k) as Pod)
  lines.push(`Non-terminated Pods:          (${pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length} in total)`)
  const prow = [['Namespace', 'Name', 'Status'], ['---------', '----', '------'], ...pods.sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1)).map((p) => [p.metadata!.namespace!, p.metadata!.name!, podStatusColumn(p)])]
  const pw = [0, 1].map((c) => Math.max(...prow.map((r) => r[c]!.length)) + 2)
  for (const r of prow) lines.push(`  ${r.map((cell, c) => (c < 2 ? cell.padEnd(pw[c]!) : cell)).join('')}`)
  eventsSection(state, lines, 'Node', 'default', node.metadata.name!)
  return `${lines.join('\n')}\n`
}

export function runDescribe(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const [first, ...names] = args.positional
  if (first && first.includes(',') && !first.includes('/')) {
    // `describe deploy,svc web`: each type in turn, as kubectl's builder visits them
    const each = first.split(',').map((type) => runDescribe(state, { ...args, positional: [type, ...names] }, namespace))
    return { ok: each.every((r) => r.ok), output: each.map((r) => r.output).join('\n\n') }
  }
  if (!first) return { ok: false, output: 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\n' }
  let kind: string | undefined
  let wanted: string[] = names
  const split = splitTypeName(first)
  if (split && 'error' in split) return { ok: false, output: `${split.error}\n` }
  if (split) {
    kind = split.kind
    wanted = [split.name]
  } else kind = resolveResource(first)
  if (!kind || kind === 'All' || kind === 'Event' || kind === 'EndpointSlice' || kind === 'Endpoints') return { ok: false, output: `error: the server doesn't have a resource type "${first}"\n` }
  const all = listObjects(state, kind, { namespace, allNamespaces: false })
  let objs: AnyObject[] = all
  const errors: string[] = []
  if (wanted.length) {
    objs = []
    for (const n of wanted) {
      // describe matches by name prefix when there is no exact match
      const exact = all.find((o) => o.metadata!.name === n)
      const hits = exact ? [exact] : all.filter((o) => o.metadata!.name!.startsWith(n))
      if (hits.length === 0) errors.push(notFound(kind, n))
      objs.push(...hits)
    }
  }
  if (objs.length === 0 && errors.length === 0) return { ok: true, output: `No resources found in ${namespace} namespace.\n` }
  const texts = objs.map((o) => {
    switch (o.kind) {
      case 'Pod':
        return describePod(state, o as Pod)
      case 'Deployment':
        return describeDeployment(state, o as Deployment)
      case 'ReplicaSet':
        return describeReplicaSet(state, o as ReplicaSet)
      case 'Service':
        return describeService(state, o as Service)
      case 'Node':
        return describeNode(state, o as Node)
      case 'ConfigMap':
        return describeConfigMap(o)
      default: {
        const lines: Lines = []
        kv(lines, [['Name', o.metadata!.name!]], '', 14)
        multi(lines, 'Labels', mapLines(o.metadata?.labels, '='), 14)
        multi(lines, 'Annotations', mapLines(o.metadata?.annotations, ': '), 14)
        kv(lines, [['Status', String((o as { status?: { phase?: string } }).status?.phase ?? 'Active')]], '', 14)
        lines.push('', 'No resource quota.', '', 'No LimitRange resource.')
        return `${lines.join('\n')}\n`
      }
    }
  })
  return { ok: errors.length === 0, output: texts.join('\n\n') + errors.join('') }
}
