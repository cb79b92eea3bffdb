/**
 * The node lifecycle controller and taint-based eviction: a node whose kubelet stops renewing its lease is
 * marked Ready=Unknown once node-monitor-grace-period has passed (checked every node-monitor-period), gets
 * the unreachable taints, its pods are marked not Ready, and pods are evicted when their toleration of the
 * NoExecute taint runs out (300 s by default). A recovered node is Ready again at the next check.
 */
import type { Change, ControllerContext } from './changes.ts'
import { toTimestamp } from './clock.ts'
import { keyOf, podCondition, type Node, type NodeCondition, type Taint } from './objects.ts'
import type { ClusterView } from './state.ts'
import { queueWrittenKey, type Controller } from './watch.ts'

export const NODE_MONITOR_PERIOD_MS = 5000
export const LEASE_RENEW_MS = 10_000
export const UNREACHABLE = 'node.kubernetes.io/unreachable'

/** The first monitor check that sees the lease older than the grace period. */
export function notReadyAt(lastHeartbeat: number, graceMs: number): number {
  const deadline = lastHeartbeat + graceMs
  return (Math.floor(deadline / NODE_MONITOR_PERIOD_MS) + 1) * NODE_MONITOR_PERIOD_MS
}

function readyCondition(node: Node): NodeCondition | undefined {
  return node.status.conditions.find((c) => c.type === 'Ready')
}

export function syncNode(state: ClusterView, name: string, ctx: ControllerContext): Change[] {
  const node = state.objects.Node.get(name)
  const rt = state.nodes.get(name)
  if (!node || !rt) return []
  const changes: Change[] = []
  const ready = readyCondition(node)
  const now = ctx.now
  if (rt.up) {
    if (ready?.status !== 'True') {
      // the kubelet posts Ready again; the controller sees it at its next check
      const tick = Math.ceil(now / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS
      if (now < tick) {
        changes.push({ type: 'wake', at: tick, controller: 'nodeLifecycle', key: name })
        return changes
      }
      const conditions = node.status.conditions.map((c) =>
        c.type === 'Ready'
          ? {
              ...c,
              status: 'True' as const,
              reason: 'KubeletReady',
              message: 'kubelet is posting ready status',
              lastHeartbeatTime: ctx.timestamp,
              lastTransitionTime: ctx.timestamp,
            }
          : {
              ...c,
              status: 'False' as const,
              lastHeartbeatTime: ctx.timestamp,
              lastTransitionTime: ctx.timestamp,
              reason: c.reason.replace('NodeStatusUnknown', 'KubeletHasSufficient'),
            },
      )
      const taints = (node.spec.taints ?? []).filter((t) => t.key !== UNREACHABLE)
      changes.push({
        type: 'update',
        object: { ...node, spec: { ...node.spec, taints: taints.length ? taints : undefined }, status: { ...node.status, conditions } },
      })
      changes.push({
        type: 'event',
        event: {
          kind: 'Node',
          namespace: 'default',
          name,
          uid: node.metadata.uid,
          reason: 'NodeReady',
          message: `Node ${name} status is now: NodeReady`,
          source: 'kubelet',
        },
      })
    }
    return changes
  }
  // The kubelet is silent.
  const at = notReadyAt(rt.lastHeartbeat, state.config.nodeMonitorGracePeriodMs)
  if (ready?.status === 'True') {
    if (now < at) {
      changes.push({ type: 'wake', at, controller: 'nodeLifecycle', key: name })
      return changes
    }
    const conditions = node.status.conditions.map((c) => ({
      ...c,
      status: 'Unknown' as const,
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
      lastTransitionTime: ctx.timestamp,
    }))
    const taints: Taint[] = [
      ...(node.spec.taints ?? []).filter((t) => t.key !== UNREACHABLE),
      { key: UNREACHABLE, effect: 'NoSchedule', timeAdded: ctx.timestamp },
      { key: UNREACHABLE, effect: 'NoExecute', timeAdded: ctx.timestamp },
    ]
    changes.push({ type: 'update', object: { ...node, spec: { ...node.spec, taints }, status: { ...node.status, conditions } } })
    changes.push({
      type: 'event',
      event: {
        kind: 'Node',
        namespace: 'default',
        name,
        uid: node.metadata.uid,
        reason: 'NodeNotReady',
        message: `Node ${name} status is now: NodeNotReady`,
        source: 'node-controller',
      },
    })
    // MarkPodsNotReady (pkg/controller/util/node): only the Pod's Ready condition turns False — the container
    // statuses stay as the silent kubelet last wrote them, so kubectl's READY column still counts them ready —
    // and the NodeNotReady event is recorded only for a pod whose condition actually changed.
    for (const key of state.indexes.podsByNode.get(name) ?? []) {
      const pod = state.objects.Pod.get(key)!
      if (podCondition(pod, 'Ready')?.status !== 'True') continue
      const conditions = (pod.status?.conditions ?? []).map((c) =>
        c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: ctx.timestamp } : c,
      )
      changes.push({ type: 'status', object: { ...pod, status: { ...pod.status, conditions } } })
      changes.push({
        type: 'event',
        event: {
          kind: 'Pod',
          namespace: pod.metadata!.namespace,
          name: pod.metadata!.name!,
          uid: pod.metadata!.uid,
          type: 'Warning',
          reason: 'NodeNotReady',
          message: 'Node is not ready',
          source: 'node-controller',
        },
      })
    }
    changes.push({ type: 'wake', at: now + 1, controller: 'nodeLifecycle', key: name })
    return changes
  }
  // Tainted: evict pods whose toleration has run out.
  const taint = node.spec.taints?.find((t) => t.key === UNREACHABLE && t.effect === 'NoExecute')
  if (!taint) return changes
  const taintedAt = Date.parse(taint.timeAdded ?? ctx.timestamp) - state.config.epoch
  let next = Infinity
  for (const key of state.indexes.podsByNode.get(name) ?? []) {
    const pod = state.objects.Pod.get(key)!
    if (pod.metadata?.deletionTimestamp) continue
    const tol = (pod.spec?.tolerations ?? []).find(
      (t) => (t.key === UNREACHABLE || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'),
    )
    const evictAt = !tol ? taintedAt : tol.tolerationSeconds === undefined ? Infinity : taintedAt + tol.tolerationSeconds * 1000
    if (evictAt <= now) {
      changes.push({
        type: 'event',
        event: {
          kind: 'Pod',
          namespace: pod.metadata!.namespace,
          name: pod.metadata!.name!,
          uid: pod.metadata!.uid,
          reason: 'TaintManagerEviction',
          message: `Marking for deletion Pod ${pod.metadata!.namespace}/${pod.metadata!.name}`,
          source: 'taint-eviction-controller',
        },
      })
      changes.push({ type: 'delete', kind: 'Pod', key: keyOf(pod.metadata!.namespace, pod.metadata!.name!) })
    } else next = Math.min(next, evictAt)
  }
  if (next !== Infinity) changes.push({ type: 'wake', at: next, controller: 'nodeLifecycle', key: name })
  return changes
}

export function newNode(
  name: string,
  index: number,
  cfg: { cpu: string; memory: string; pods: number; labels: Record<string, string> },
  epoch: number,
  version: string,
): Node {
  const stamp = toTimestamp(epoch, 0)
  const cond = (type: string, status: 'True' | 'False', reason: string, message: string): NodeCondition => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: stamp,
    lastTransitionTime: stamp,
  })
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...cfg.labels },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
    },
    spec: { podCIDR: `${podCidr(index)}`, podCIDRs: [podCidr(index)] },
    status: {
      capacity: { cpu: cfg.cpu, memory: cfg.memory, pods: String(cfg.pods), 'ephemeral-storage': '61202244Ki' },
      allocatable: { cpu: cfg.cpu, memory: cfg.memory, pods: String(cfg.pods), 'ephemeral-storage': '61202244Ki' },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: `172.18.${Math.floor((index + 2) / 256)}.${(index + 2) % 256}` },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion: version,
        containerRuntimeVersion: 'containerd://1.7.24',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.1.0-28-amd64',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  }
}

function podCidr(index: number): string {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}.0/24`
}

/** The node lifecycle controller: every Node write (a heartbeat, a taint) queues that node. */
export const nodeLifecycleController: Controller<'nodeLifecycle'> = {
  name: 'nodeLifecycle',
  sync: syncNode,
  watches: {
    Node: queueWrittenKey,
  },
}
