/**
 * kubectl describe for pods, deployments, replicasets, services, endpoints, nodes, namespaces and configmaps, written as
 * describe.go writes them: through a PrefixWriter into one tabwriter (./tabwriter.ts), never with widths by hand.
 */
import { base64Bytes } from './describe-configmap.ts'
import type { ConfigMap, Container, Deployment, Pod, ReplicaSet, Service } from '../k8s.ts'
import { ANNOTATIONS, controllerOf, selectorString, type AnyObject, type Node } from '../objects.ts'
import type { ClusterState } from '../state.ts'
import { listEvents } from '../events.ts'
import { humanDuration } from '../clock.ts'
import { findNewReplicaSet } from '../controllers/deployment/history.ts'
import { type ParsedArgs } from './args.ts'
import { describeTime } from './format.ts'
import { notFoundError, resolveResource, splitTypeName } from './resources.ts'
import { ownedReplicaSets } from './rollout.ts'
import { endpointsColumn, endpointsView, type EndpointsView } from './objects-view.ts'
import { listObjects } from './get.ts'
import { podStatusColumn } from './pod-status.ts'
import type { CommandResult } from './result.ts'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter } from './tabwriter.ts'

/** describe.go printLabelsMultiline / printAnnotationsMultiline: `Title:\t<first>`, then `\t<next>` per entry. */
function multiline(w: PrefixWriter, title: string, values: string[]): void {
  w.write(LEVEL_0, `${title}:\t`)
  if (values.length === 0) {
    w.writeLine('<none>')
    return
  }
  values.forEach((v, i) => w.write(LEVEL_0, i === 0 ? `${v}\n` : `\t${v}\n`))
}

function mapEntries(m: Record<string, string> | undefined, sep: string, skip: string[] = []): string[] {
  return Object.entries(m ?? {})
    .filter(([k]) => !skip.includes(k))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}${sep}${v}`)
}

/** describe.go DescribeEvents: `Events:\t<none>` joins the block above; a table is flushed on its own. */
function describeEvents(
  state: ClusterState,
  w: PrefixWriter,
  kind: string,
  namespace: string | undefined,
  name: string,
  uid?: string,
): void {
  const evs = listEvents(state, { namespace: namespace ?? 'default', kind, name, uid })
  if (evs.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const e of evs) {
    const age =
      e.count > 1
        ? `${humanDuration(state.now - e.last)} (x${e.count} over ${humanDuration(state.now - e.first)})`
        : humanDuration(state.now - e.last)
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${age}\t${e.source}\t${e.message}\n`)
  }
}

/**
 * The simulator leaves out the service-account token volume every real Pod has (`Volumes:` then
 * `kube-api-access-…:` and `    TokenExpirationSeconds:  3607`), but keeps the width those lines give the block
 * that follows them, so `QoS Class:` and the lines after it sit where a real cluster prints them. Pinned by
 * lib/sim/testdata/crashloop.expected.json.
 */
const POD_FOOTER_WIDTH = 29

function describeStatusLines(
  state: ClusterState,
  w: PrefixWriter,
  title: string,
  st: NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number]['state'],
): void {
  if (st?.running) {
    w.write(LEVEL_2, `${title}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${describeTime(state, st.running.startedAt)}\n`)
  } else if (st?.terminated) {
    w.write(LEVEL_2, `${title}:\tTerminated\n`)
    w.write(LEVEL_3, `Reason:\t${st.terminated.reason ?? ''}\n`)
    w.write(LEVEL_3, `Exit Code:\t${st.terminated.exitCode}\n`)
    w.write(LEVEL_3, `Started:\t${describeTime(state, st.terminated.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${describeTime(state, st.terminated.finishedAt)}\n`)
  } else {
    w.write(LEVEL_2, `${title}:\tWaiting\n`)
    w.write(LEVEL_3, `Reason:\t${st?.waiting?.reason ?? 'ContainerCreating'}\n`)
  }
}

/** describe.go describeContainers for one container (pod set for a Pod, undefined for a Pod template). */
function describeContainer(state: ClusterState, w: PrefixWriter, c: Container, pod: Pod | undefined, nameIndent: string): void {
  w.write(LEVEL_1, `${nameIndent}${c.name}:\n`)
  const s = pod?.status?.containerStatuses?.find((x) => x.name === c.name)
  // describe.go prints a container's ID, state, readiness and restarts only once it has a status (an unscheduled Pod has none)
  const hasStatus = pod !== undefined && s !== undefined
  if (hasStatus) w.write(LEVEL_2, `Container ID:\t${s.containerID ?? ''}\n`)
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`)
  if (hasStatus) w.write(LEVEL_2, `Image ID:\t${s.imageID ?? ''}\n`)
  const ports = c.ports ?? []
  w.write(LEVEL_2, `Port:\t${ports.length ? ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>'}\n`)
  w.write(LEVEL_2, `Host Port:\t${ports.length ? ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>'}\n`)
  if (c.command) w.write(LEVEL_2, `Command:\t${c.command.join(' ')}\n`)
  if (c.args) w.write(LEVEL_2, `Args:\t${c.args.join(' ')}\n`)
  if (hasStatus) {
    describeStatusLines(state, w, 'State', s.state)
    if (s.lastState?.terminated) describeStatusLines(state, w, 'Last State', s.lastState)
    w.write(LEVEL_2, `Ready:\t${s.ready ? 'True' : 'False'}\n`)
    w.write(LEVEL_2, `Restart Count:\t${s.restartCount ?? 0}\n`)
  }
  describeResources(w, c)
  const probe = (name: string, p: Container['livenessProbe']): void => {
    if (!p) return
    const how = p.httpGet
      ? `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://:${p.httpGet.port}${p.httpGet.path ?? '/'}`
      : p.tcpSocket
        ? `tcp-socket :${p.tcpSocket.port}`
        : `exec [${(p.exec?.command ?? []).join(' ')}]`
    w.write(
      LEVEL_2,
      `${name}:\t${how} delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}\n`,
    )
  }
  probe('Liveness', c.livenessProbe)
  probe('Readiness', c.readinessProbe)
  probe('Startup', c.startupProbe)
  // describe.go describeContainerEnvVars: `Environment:\t<none>`, or `Environment:` and one `NAME:\tvalue` line per variable a level deeper
  const env = c.env ?? []
  w.write(LEVEL_2, `Environment:${env.length ? '' : '\t<none>'}\n`)
  for (const e of env) w.write(LEVEL_3, `${e.name}:\t${e.value ?? ''}\n`)
  w.write(LEVEL_2, 'Mounts:\t<none>\n')
}

function resourceSections(c: Container): [string, Record<string, string | number>][] {
  const limits = c.resources?.limits as Record<string, string | number> | undefined
  const requests = c.resources?.requests as Record<string, string | number> | undefined
  const sections: [string, Record<string, string | number>][] = []
  if (limits && Object.keys(limits).length) sections.push(['Limits', limits])
  if (requests && Object.keys(requests).length) sections.push(['Requests', requests])
  return sections
}

/**
 * describe.go describeResources: `Limits:` then `Requests:`, one `name:\tquantity` line per resource in name order.
 * The title lines have no tab, so each ends the block above it: the quantities after the last title share their
 * column with the probe, Environment and Mounts lines that follow.
 */
function describeResources(w: PrefixWriter, c: Container): void {
  for (const [title, map] of resourceSections(c)) {
    w.write(LEVEL_2, `${title}:\n`)
    for (const n of Object.keys(map).sort()) w.write(LEVEL_3, `${n}:\t${String(map[n])}\n`)
  }
}

function describePod(state: ClusterState, pod: Pod): string {
  const w = new PrefixWriter()
  const ctl = controllerOf(pod)
  w.write(LEVEL_0, `Name:\t${pod.metadata!.name!}\n`)
  w.write(LEVEL_0, `Namespace:\t${pod.metadata!.namespace!}\n`)
  w.write(LEVEL_0, 'Priority:\t0\n')
  w.write(LEVEL_0, 'Service Account:\tdefault\n')
  w.write(LEVEL_0, `Node:\t${pod.spec?.nodeName ? `${pod.spec.nodeName}/${pod.status?.hostIP ?? ''}` : '<none>'}\n`)
  if (pod.status?.startTime) w.write(LEVEL_0, `Start Time:\t${describeTime(state, pod.status.startTime)}\n`)
  multiline(w, 'Labels', mapEntries(pod.metadata?.labels, '='))
  multiline(w, 'Annotations', mapEntries(pod.metadata?.annotations, ': ', [ANNOTATIONS.lastApplied]))
  if (pod.metadata?.deletionTimestamp) {
    w.write(
      LEVEL_0,
      `Status:\tTerminating (lasts ${humanDuration(Math.max(0, Date.parse(pod.metadata.deletionTimestamp) - state.config.epoch - state.now))})\n`,
    )
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s\n`)
  } else w.write(LEVEL_0, `Status:\t${pod.status?.phase ?? 'Pending'}\n`)
  w.write(LEVEL_0, `IP:\t${pod.status?.podIP ?? ''}\n`)
  if (pod.status?.podIP) {
    w.write(LEVEL_0, 'IPs:\n')
    w.write(LEVEL_1, `IP:\t${pod.status.podIP}\n`)
  } else w.write(LEVEL_0, 'IPs:\t<none>\n')
  if (ctl) w.write(LEVEL_0, `Controlled By:\t${ctl.kind}/${ctl.name}\n`)
  w.write(LEVEL_0, 'Containers:\n')
  for (const c of pod.spec?.containers ?? []) describeContainer(state, w, c, pod, '')
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
  for (const c of pod.status?.conditions ?? []) w.write(LEVEL_1, `${c.type} \t${c.status} \n`)
  w.flush()
  w.write(LEVEL_0, 'Volumes:\t<none>\n')
  w.write(LEVEL_0, `QoS Class:\t${pod.status?.qosClass ?? 'BestEffort'}\n`)
  multiline(w, 'Node-Selectors', mapEntries(pod.spec?.nodeSelector, '='))
  const tol = (pod.spec?.tolerations ?? []).map(
    (t) =>
      `${t.key ?? ''}${t.value ? `=${t.value}` : ''}:${t.effect ?? ''} op=${t.operator ?? 'Equal'}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`,
  )
  multiline(w, 'Tolerations', tol)
  const events = listEvents(state, { namespace: pod.metadata!.namespace, kind: 'Pod', name: pod.metadata!.name!, uid: pod.metadata!.uid })
  if (events.length === 0) w.write(LEVEL_0, 'Events:\t<none>\n')
  w.flush(POD_FOOTER_WIDTH)
  if (events.length) describeEvents(state, w, 'Pod', pod.metadata!.namespace, pod.metadata!.name!, pod.metadata!.uid)
  return w.toString()
}

/** describe.go DescribePodTemplate. */
function describePodTemplate(state: ClusterState, w: PrefixWriter, t: NonNullable<ReplicaSet['spec']>['template'] | undefined): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  multiline(w, '  Labels', mapEntries(t?.metadata?.labels, '='))
  if (t?.metadata?.annotations) multiline(w, '  Annotations', mapEntries(t.metadata.annotations, ': '))
  w.write(LEVEL_0, '  Containers:\n')
  for (const c of t?.spec?.containers ?? []) describeContainer(state, w, c, undefined, ' ')
  w.write(LEVEL_1, 'Volumes:\t<none>\n')
  w.write(LEVEL_1, 'Node-Selectors:\t<none>\n')
  w.write(LEVEL_1, 'Tolerations:\t<none>\n')
}

function describeDeployment(state: ClusterState, d: Deployment): string {
  const w = new PrefixWriter()
  const s = d.status ?? {}
  w.write(LEVEL_0, `Name:\t${d.metadata!.name!}\n`)
  w.write(LEVEL_0, `Namespace:\t${d.metadata!.namespace!}\n`)
  w.write(LEVEL_0, `CreationTimestamp:\t${describeTime(state, d.metadata?.creationTimestamp)}\n`)
  multiline(w, 'Labels', mapEntries(d.metadata?.labels, '='))
  multiline(w, 'Annotations', mapEntries(d.metadata?.annotations, ': ', [ANNOTATIONS.lastApplied]))
  w.write(LEVEL_0, `Selector:\t${selectorString(d.spec?.selector)}\n`)
  w.write(
    LEVEL_0,
    `Replicas:\t${d.spec?.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`,
  )
  w.write(LEVEL_0, `StrategyType:\t${d.spec?.strategy?.type ?? 'RollingUpdate'}\n`)
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`)
  if ((d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
    const ru = d.spec?.strategy?.rollingUpdate
    w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru?.maxUnavailable ?? '25%'} max unavailable, ${ru?.maxSurge ?? '25%'} max surge\n`)
  }
  describePodTemplate(state, w, d.spec?.template)
  const conds = s.conditions ?? []
  if (conds.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
    w.write(LEVEL_1, '----\t------\t------\n')
    for (const c of conds) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
  }
  const rss = ownedReplicaSets(state, d)
  const newRS = findNewReplicaSet(d, rss)
  const old = rss.filter((r) => r !== newRS && (r.spec?.replicas ?? 0) > 0)
  const fmt = (r: ReplicaSet): string => `${r.metadata!.name} (${r.status?.replicas ?? 0}/${r.spec?.replicas ?? 0} replicas created)`
  w.write(LEVEL_0, `OldReplicaSets:\t${old.length ? old.map(fmt).join(', ') : '<none>'}\n`)
  w.write(LEVEL_0, `NewReplicaSet:\t${newRS ? fmt(newRS) : '<none>'}\n`)
  describeEvents(state, w, 'Deployment', d.metadata!.namespace, d.metadata!.name!, d.metadata!.uid)
  return w.toString()
}

function describeReplicaSet(state: ClusterState, rs: ReplicaSet): string {
  const w = new PrefixWriter()
  const ctl = controllerOf(rs)
  w.write(LEVEL_0, `Name:\t${rs.metadata!.name!}\n`)
  w.write(LEVEL_0, `Namespace:\t${rs.metadata!.namespace!}\n`)
  w.write(LEVEL_0, `Selector:\t${selectorString(rs.spec?.selector)}\n`)
  multiline(w, 'Labels', mapEntries(rs.metadata?.labels, '='))
  multiline(w, 'Annotations', mapEntries(rs.metadata?.annotations, ': ', [ANNOTATIONS.lastApplied]))
  if (ctl) w.write(LEVEL_0, `Controlled By:\t${ctl.kind}/${ctl.name}\n`)
  const pods = [...(state.indexes.podsByController.get(rs.metadata!.uid!) ?? [])].map((k) => state.objects.Pod.get(k)!)
  const count = (p: string): number => pods.filter((x) => (x.status?.phase ?? 'Pending') === p).length
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`)
  w.write(
    LEVEL_0,
    `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`,
  )
  describePodTemplate(state, w, rs.spec?.template)
  describeEvents(state, w, 'ReplicaSet', rs.metadata!.namespace, rs.metadata!.name!, rs.metadata!.uid)
  return w.toString()
}

function describeService(state: ClusterState, svc: Service): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${svc.metadata!.name!}\n`)
  w.write(LEVEL_0, `Namespace:\t${svc.metadata!.namespace!}\n`)
  multiline(w, 'Labels', mapEntries(svc.metadata?.labels, '='))
  multiline(w, 'Annotations', mapEntries(svc.metadata?.annotations, ': ', [ANNOTATIONS.lastApplied]))
  w.write(
    LEVEL_0,
    `Selector:\t${
      svc.spec?.selector
        ? Object.entries(svc.spec.selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')
        : '<none>'
    }\n`,
  )
  w.write(LEVEL_0, `Type:\t${svc.spec?.type ?? 'ClusterIP'}\n`)
  if (svc.spec?.type === 'ExternalName') w.write(LEVEL_0, `External Name:\t${svc.spec.externalName ?? ''}\n`)
  else {
    w.write(LEVEL_0, 'IP Family Policy:\tSingleStack\n')
    w.write(LEVEL_0, 'IP Families:\tIPv4\n')
    w.write(LEVEL_0, `IP:\t${svc.spec?.clusterIP ?? ''}\n`)
    w.write(LEVEL_0, `IPs:\t${svc.spec?.clusterIP ?? ''}\n`)
  }
  if (svc.spec?.type === 'LoadBalancer') w.write(LEVEL_0, 'LoadBalancer Ingress:\t<pending>\n')
  const view = endpointsView(state, svc)
  for (const p of svc.spec?.ports ?? []) {
    w.write(LEVEL_0, `Port:\t${p.name || '<unset>'}\t${p.port}/${p.protocol ?? 'TCP'}\n`)
    w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}\n`)
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${p.name || '<unset>'}\t${p.nodePort}/${p.protocol ?? 'TCP'}\n`)
    w.write(LEVEL_0, `Endpoints:\t${svc.spec?.selector ? endpointsColumn(view) : ''}\n`)
  }
  w.write(LEVEL_0, `Session Affinity:\t${svc.spec?.sessionAffinity ?? 'None'}\n`)
  if (svc.spec?.type === 'NodePort' || svc.spec?.type === 'LoadBalancer')
    w.write(LEVEL_0, `External Traffic Policy:\t${svc.spec.externalTrafficPolicy ?? 'Cluster'}\n`)
  w.write(LEVEL_0, `Internal Traffic Policy:\t${svc.spec?.internalTrafficPolicy ?? 'Cluster'}\n`)
  describeEvents(state, w, 'Service', svc.metadata!.namespace, svc.metadata!.name!, svc.metadata!.uid)
  return w.toString()
}

/** describe.go describeEndpoints: per subset its ready and not-ready addresses and a ports table, then a blank line. */
function describeEndpoints(state: ClusterState, ep: EndpointsView): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace}\n`)
  multiline(w, 'Labels', mapEntries(ep.metadata.labels, '='))
  multiline(w, 'Annotations', [])
  w.write(LEVEL_0, 'Subsets:\n')
  for (const subset of ep.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
    w.write(LEVEL_1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
    if (subset.ports.length) {
      w.write(LEVEL_1, 'Ports:\n')
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n')
      w.write(LEVEL_2, '----\t----\t--------\n')
      for (const p of subset.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol}\n`)
    }
    w.write(LEVEL_0, '\n')
  }
  describeEvents(state, w, 'Endpoints', ep.metadata.namespace, ep.metadata.name)
  return w.toString()
}

/** kubectl's labels on the node's nodeInfo fields, in describe.go's order (the simulator sets some of them). */
const SYSTEM_INFO: [string, string][] = [
  ['machineID', 'Machine ID'],
  ['systemUUID', 'System UUID'],
  ['bootID', 'Boot ID'],
  ['kernelVersion', 'Kernel Version'],
  ['osImage', 'OS Image'],
  ['operatingSystem', 'Operating System'],
  ['architecture', 'Architecture'],
  ['containerRuntimeVersion', 'Container Runtime Version'],
  ['kubeletVersion', 'Kubelet Version'],
  ['kubeProxyVersion', 'Kube-Proxy Version'],
]

function describeNode(state: ClusterState, node: Node): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${node.metadata.name!}\n`)
  w.write(LEVEL_0, 'Roles:\t<none>\n')
  multiline(w, 'Labels', mapEntries(node.metadata.labels, '='))
  w.write(LEVEL_0, `CreationTimestamp:\t${describeTime(state, node.metadata.creationTimestamp)}\n`)
  multiline(
    w,
    'Taints',
    (node.spec.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
  )
  w.write(LEVEL_0, `Unschedulable:\t${node.spec.unschedulable ? 'true' : 'false'}\n`)
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\tMessage\n')
  w.write(LEVEL_1, '----\t------\t------\t-------\n')
  for (const c of node.status.conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason}\t${c.message}\n`)
  w.write(LEVEL_0, 'Addresses:\n')
  for (const a of node.status.addresses) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`)
  w.write(LEVEL_0, 'Capacity:\n')
  for (const [k, v] of Object.entries(node.status.capacity)) w.write(LEVEL_1, `${k}:\t${v}\n`)
  w.write(LEVEL_0, 'Allocatable:\n')
  for (const [k, v] of Object.entries(node.status.allocatable)) w.write(LEVEL_1, `${k}:\t${v}\n`)
  w.write(LEVEL_0, 'System Info:\n')
  for (const [field, label] of SYSTEM_INFO)
    if (node.status.nodeInfo[field] !== undefined) w.write(LEVEL_1, `${label}:\t${node.status.nodeInfo[field]}\n`)
  w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`)
  w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`)
  const pods = [...(state.indexes.podsByNode.get(node.metadata.name!) ?? [])].map((k) => state.objects.Pod.get(k)!)
  w.write(
    LEVEL_0,
    `Non-terminated Pods:\t(${pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length} in total)\n`,
  )
  w.write(LEVEL_1, 'Namespace\tName\tStatus\n')
  w.write(LEVEL_1, '---------\t----\t------\n')
  for (const p of pods.sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1)))
    w.write(LEVEL_1, `${p.metadata!.namespace!}\t${p.metadata!.name!}\t${podStatusColumn(p)}\n`)
  describeEvents(state, w, 'Node', 'default', node.metadata.name!)
  return w.toString()
}

/** describe.go describeNamespace, without quotas and limit ranges (the simulator has none). */
function describeNamespace(o: AnyObject): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${o.metadata!.name!}\n`)
  multiline(w, 'Labels', mapEntries(o.metadata?.labels, '='))
  multiline(w, 'Annotations', mapEntries(o.metadata?.annotations, ': '))
  w.write(LEVEL_0, `Status:\t${String((o as { status?: { phase?: string } }).status?.phase ?? 'Active')}\n`)
  w.write(LEVEL_0, '\nNo resource quota.\n\nNo LimitRange resource.\n')
  return w.toString()
}

/** describe.go ConfigMapDescriber: each key's value under a `----` rule, binary data by size; no events are recorded. */
function describeConfigMap(cm: ConfigMap): string {
  const w = new PrefixWriter()
  const m = cm.metadata!
  w.write(LEVEL_0, `Name:\t${m.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${m.namespace}\n`)
  multiline(w, 'Labels', mapEntries(m.labels, '='))
  multiline(w, 'Annotations', mapEntries(m.annotations, ': ', [ANNOTATIONS.lastApplied]))
  w.write(LEVEL_0, '\nData\n====\n')
  for (const [key, value] of Object.entries(cm.data ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))
    w.write(LEVEL_0, `${key}:\n----\n${value}\n\n`)
  w.write(LEVEL_0, '\nBinaryData\n====\n')
  for (const [key, value] of Object.entries(cm.binaryData ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))
    w.write(LEVEL_0, `${key}: ${base64Bytes(value)} bytes\n`)
  w.write(LEVEL_0, '\nEvents:\t<none>\n')
  return w.toString()
}

type Describable = AnyObject | EndpointsView

export function runDescribe(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const [first, ...names] = args.positional
  if (first && first.includes(',') && !first.includes('/')) {
    // `describe deploy,svc web`: each type in turn, as kubectl's builder visits them
    const each = first.split(',').map((type) => runDescribe(state, { ...args, positional: [type, ...names] }, namespace))
    return { ok: each.every((r) => r.ok), output: each.map((r) => r.output).join('\n\n') }
  }
  if (!first)
    return {
      ok: false,
      output:
        'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\n',
    }
  let kind: string | undefined
  let wanted: string[] = names
  const split = splitTypeName(first)
  if (split && 'error' in split) return { ok: false, output: `${split.error}\n` }
  if (split) {
    kind = split.kind
    wanted = [split.name]
  } else kind = resolveResource(first)
  if (!kind || kind === 'All' || kind === 'Event' || kind === 'EndpointSlice')
    return { ok: false, output: `error: the server doesn't have a resource type "${first}"\n` }
  // legacy Endpoints are a view of the endpoints controller's state, one per Service that has them
  const all: Describable[] =
    kind === 'Endpoints'
      ? listObjects(state, 'Service', { namespace, allNamespaces: false }).flatMap((s) => endpointsView(state, s as Service) ?? [])
      : listObjects(state, kind, { namespace, allNamespaces: false })
  let objs: Describable[] = all
  const errors: string[] = []
  if (wanted.length) {
    objs = []
    for (const n of wanted) {
      // describe matches by name prefix when there is no exact match
      const exact = all.find((o) => o.metadata!.name === n)
      const hits = exact ? [exact] : all.filter((o) => o.metadata!.name!.startsWith(n))
      if (hits.length === 0) errors.push(notFoundError(kind, n))
      objs.push(...hits)
    }
  }
  if (objs.length === 0 && errors.length === 0) return { ok: true, output: `No resources found in ${namespace} namespace.\n` }
  const texts = objs.map((o) => {
    switch (o.kind) {
      case 'Pod':
        return describePod(state, o)
      case 'Deployment':
        return describeDeployment(state, o)
      case 'ReplicaSet':
        return describeReplicaSet(state, o)
      case 'Service':
        return describeService(state, o)
      case 'Endpoints':
        return describeEndpoints(state, o)
      case 'Node':
        return describeNode(state, o)
      case 'ConfigMap':
        return describeConfigMap(o)
      default:
        return describeNamespace(o)
    }
  })
  return { ok: errors.length === 0, output: texts.join('\n\n') + errors.join('') }
}
