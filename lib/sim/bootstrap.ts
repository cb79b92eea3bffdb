/**
 * A fresh cluster: the default namespaces, the nodes, and the `kubernetes` Service, as `kind` or kubeadm
 * would leave them (no system pods are simulated).
 */
import { DEFAULT_EPOCH } from './clock.ts'
import { createObject } from './apiserver.ts'
import { emptyIndexes, emptyObjects, putObject } from './store.ts'
import { seedRng } from './rng.ts'
import type { ClusterState } from './state.ts'
import { emptyQueues } from './controllers/index.ts'
import { emptyTraffic } from './traffic.ts'
import { newNode } from './node-lifecycle.ts'
import { settleInstant } from './engine.ts'
import type { Namespace, Service } from './k8s.ts'
import { newBudget } from './budget.ts'
import type { NodeConfig, SimLimits } from './model.ts'

export const KUBERNETES_VERSION = 'v1.33.1'

export interface ClusterOptions {
  seed?: number
  /** a count (node-1…node-N) or explicit nodes */
  nodes?: number | Partial<NodeConfig>[]
  /** keep every event occurrence for the scenario log (default true) */
  recordEventLog?: boolean
  /** node-monitor-grace-period in seconds (default 50, the v1.32+ value) */
  nodeMonitorGracePeriodSeconds?: number
  /** what this cluster may cost (budget.ts); unset fields keep DEFAULT_LIMITS, benchmarks pass larger ones */
  limits?: Partial<SimLimits>
}

export function nodeConfigs(nodes: ClusterOptions['nodes']): NodeConfig[] {
  const list: Partial<NodeConfig>[] =
    typeof nodes === 'number' || nodes === undefined ? Array.from({ length: nodes ?? 3 }, () => ({})) : nodes
  return list.map((n, i) => ({
    name: n.name ?? `node-${i + 1}`,
    cpu: n.cpu ?? '4',
    memory: n.memory ?? '8Gi',
    pods: n.pods ?? 110,
    labels: n.labels ?? {},
  }))
}

export function bootstrapState(options: ClusterOptions = {}): ClusterState {
  const seed = options.seed ?? 1
  const state: ClusterState = {
    now: 0,
    seq: 0,
    resourceVersion: 0,
    rng: seedRng(seed),
    config: {
      seed,
      epoch: DEFAULT_EPOCH,
      nodeMonitorGracePeriodMs: (options.nodeMonitorGracePeriodSeconds ?? 50) * 1000,
      recordEventLog: options.recordEventLog ?? true,
      kubernetesVersion: KUBERNETES_VERSION,
    },
    objects: emptyObjects(),
    indexes: emptyIndexes(),
    pods: new Map(),
    nodes: new Map(),
    endpoints: new Map(),
    queues: emptyQueues(),
    timers: [],
    events: { log: [], stored: new Map(), older: new Map(), count: 0 },
    timeline: [],
    traffic: emptyTraffic(),
    clusterIPs: new Set(['10.96.0.1', '10.96.0.10']),
    nodePorts: new Set(),
    schedulerNextStart: 0,
    workDone: 0,
    files: new Map(),
    budget: newBudget(options.limits),
  }
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    const ns: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } }
    createObject(state, ns)
  }
  nodeConfigs(options.nodes).forEach((cfg, index) => {
    const node = newNode(cfg.name, index, cfg, state.config.epoch, KUBERNETES_VERSION)
    node.metadata.uid = `node-${index}-${cfg.name}`
    node.metadata.creationTimestamp = new Date(state.config.epoch).toISOString().replace('.000Z', 'Z')
    putObject(state, node)
    state.nodes.set(cfg.name, {
      name: cfg.name,
      index,
      up: true,
      lastHeartbeat: 0,
      images: new Set(),
      pullBusyUntil: 0,
      pulling: [],
      nextIp: 2,
      usedIps: new Set(),
      notReadySince: null,
    })
  })
  const kubernetes: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    },
  }
  state.clusterIPs.delete('10.96.0.1')
  createObject(state, kubernetes)
  settleInstant(state)
  return state
}
