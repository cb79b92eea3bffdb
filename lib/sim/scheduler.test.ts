import { describe, expect, it } from 'vitest'
import type { Pod } from './k8s.ts'
import { createCluster } from './cluster.ts'
import { create, deploymentYaml, get, pod, step, testState } from '../testing/cluster.ts'
import { feasibleNodesToFind, fitErrorMessage, schedulePod, tolerates } from './scheduler.ts'
import { matchesNodeSelectorAndAffinity } from './scheduler-filters.ts'

function withRequests(p: Pod, cpu: string, memory = '64Mi'): Pod {
  return { ...p, spec: { ...p.spec!, containers: [{ ...p.spec!.containers[0]!, resources: { requests: { cpu, memory } } }] } }
}

describe('scheduler', () => {
  it('binds a pod to a feasible node and records Scheduled', () => {
    const state = testState({ nodes: 2 })
    create(state, pod('a'))
    const changes = step(state, schedulePod, 'default/a')
    const bound = get(state, 'Pod', 'a')
    expect(['node-1', 'node-2']).toContain(bound.spec!.nodeName)
    expect(changes.find((c) => c.type === 'event')).toMatchObject({
      event: { reason: 'Scheduled', message: `Successfully assigned default/a to ${bound.spec!.nodeName}` },
    })
  })

  it('leaves a pod Pending with FailedScheduling when no node has the CPU it requests', () => {
    const state = testState({
      nodes: [
        { name: 'small-1', cpu: '1' },
        { name: 'small-2', cpu: '1' },
      ],
    })
    create(state, withRequests(pod('big'), '2'))
    const changes = step(state, schedulePod, 'default/big')
    const p = get(state, 'Pod', 'big')
    expect(p.spec!.nodeName).toBeUndefined()
    expect(p.status!.conditions![0]).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' })
    const ev = changes.find((c) => c.type === 'event') as { event: { type: string; message: string } }
    expect(ev.event.type).toBe('Warning')
    expect(ev.event.message).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    )
  })

  it('honours nodeSelector and reports the mismatch', () => {
    const state = testState({
      nodes: [
        { name: 'a', labels: { disk: 'hdd' } },
        { name: 'b', labels: { disk: 'ssd' } },
      ],
    })
    const p = pod('db')
    create(state, { ...p, spec: { ...p.spec!, nodeSelector: { disk: 'ssd' } } })
    step(state, schedulePod, 'default/db')
    expect(get(state, 'Pod', 'db').spec!.nodeName).toBe('b')
    const q = pod('nvme')
    create(state, { ...q, spec: { ...q.spec!, nodeSelector: { disk: 'nvme' } } })
    const changes = step(state, schedulePod, 'default/nvme')
    expect((changes.find((c) => c.type === 'event') as { event: { message: string } }).event.message).toContain(
      "2 node(s) didn't match Pod's node affinity/selector",
    )
  })

  it('a pending pod is scheduled once capacity frees up', () => {
    const c = createCluster({ seed: 1, nodes: [{ name: 'only', cpu: '1' }] })
    const yaml = (name: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [{name: a, image: "nginx:1.27", resources: {requests: {cpu: 600m}}}]}\n`
    c.apply(yaml('first'))
    c.apply(yaml('second'))
    c.advance(10)
    expect(c.snapshot().pods.find((p) => p.name === 'second')).toMatchObject({ status: 'Pending', node: null })
    c.run('kubectl delete pod first')
    c.advance(10)
    expect(c.snapshot().pods.find((p) => p.name === 'second')).toMatchObject({ node: 'only', phase: 'Running' })
  })

  it('spreads the replicas of one Deployment over the nodes', () => {
    const c = createCluster({ seed: 12 })
    c.apply(deploymentYaml({ replicas: 6, container: 'a' }))
    const perNode = new Map<string, number>()
    for (const p of c.snapshot().pods) perNode.set(p.node!, (perNode.get(p.node!) ?? 0) + 1)
    expect([...perNode.values()].sort()).toEqual([2, 2, 2])
  })

  it('bypasses scheduling for spec.nodeName, and a pod on a missing node stays Pending', () => {
    const c = createCluster({ seed: 1 })
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: pinned}\nspec: {nodeName: node-3, containers: [{name: a, image: "nginx:1.27"}]}\n')
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: lost}\nspec: {nodeName: node-9, containers: [{name: a, image: "nginx:1.27"}]}\n')
    c.advance(10)
    expect(c.snapshot().pods.find((p) => p.name === 'pinned')).toMatchObject({ node: 'node-3', phase: 'Running' })
    expect(c.snapshot().pods.find((p) => p.name === 'lost')).toMatchObject({ node: 'node-9', phase: 'Pending', status: 'Pending' })
  })

  it('scores only a share of big clusters (percentageOfNodesToScore) and tolerations match taints', () => {
    expect(feasibleNodesToFind(50)).toBe(50)
    expect(feasibleNodesToFind(100)).toBe(100)
    expect(feasibleNodesToFind(1000)).toBe(420)
    expect(feasibleNodesToFind(5000)).toBe(500)
    expect(
      tolerates([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }], {
        key: 'node.kubernetes.io/unreachable',
        effect: 'NoExecute',
      }),
    ).toBe(true)
    expect(
      tolerates([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }], {
        key: 'node.kubernetes.io/unreachable',
        effect: 'NoSchedule',
      }),
    ).toBe(false)
  })
})

/** The PodScheduled=False message of a pending pod (the FailedScheduling event's text). */
function unschedulableMessage(c: ReturnType<typeof createCluster>, name: string): string | undefined {
  const p = c.state.objects.Pod.get(`default/${name}`) as Pod | undefined
  return p?.status?.conditions?.find((x) => x.type === 'PodScheduled' && x.status === 'False')?.message
}

function podYaml(name: string, labels: Record<string, string>, spec: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: ${JSON.stringify(labels)}}\nspec:\n  containers: [{name: a, image: "nginx:1.27"}]\n${spec}`
}

const antiAffinityOn = (key: string, app: string) => `  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector: {matchLabels: {app: ${app}}}
        topologyKey: ${key}
`

const zones = [
  { name: 'node-1', labels: { 'topology.kubernetes.io/zone': 'zone-a' } },
  { name: 'node-2', labels: { 'topology.kubernetes.io/zone': 'zone-a' } },
  { name: 'node-3', labels: { 'topology.kubernetes.io/zone': 'zone-b' } },
]

describe('FitError message (pkg/scheduler/framework/types.go, FitError.Error; schedule_one.go)', () => {
  it('counts each reason over the nodes and sorts "N reason" as strings, then the preemption answer per node', () => {
    const reasons = new Map([
      ["node(s) didn't match pod anti-affinity rules", 2],
      ['node(s) had untolerated taint {dedicated: db}', 10],
    ])
    // string order, as Go's sort.Strings: "10 …" before "2 …"
    expect(fitErrorMessage(12, reasons, 2)).toBe(
      "0/12 nodes are available: 10 node(s) had untolerated taint {dedicated: db}, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/12 nodes are available: 10 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    )
  })

  it('a pod with preemptionPolicy: Never is not eligible to preempt (defaultpreemption/default_preemption.go)', () => {
    expect(fitErrorMessage(3, new Map([['Insufficient cpu', 3]]), 3, 'Never')).toBe(
      '0/3 nodes are available: 3 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    )
  })

  it('requests against allocatable: every node short of CPU is a node where preemption finds no victims (noderesources/fit.go)', () => {
    const c = createCluster({ seed: 3 })
    c.apply(
      podYaml('huge', { app: 'huge' }, '  containers: [{name: a, image: "nginx:1.27", resources: {requests: {cpu: "5"}}}]\n').replace(
        '  containers: [{name: a, image: "nginx:1.27"}]\n',
        '',
      ),
    )
    expect(unschedulableMessage(c, 'huge')).toBe(
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    )
    const ev = c.events.find((e) => e.reason === 'FailedScheduling')
    expect(ev).toMatchObject({ type: 'Warning', message: unschedulableMessage(c, 'huge') })
  })
})

describe('required pod anti-affinity (pkg/scheduler/framework/plugins/interpodaffinity/filtering.go)', () => {
  it('one replica per node on kubernetes.io/hostname: the fourth of four stays Pending on three nodes', () => {
    const c = createCluster({ seed: 5 })
    c.apply(deploymentYaml({ name: 'web', replicas: 4, container: 'a', podSpec: antiAffinityOn('kubernetes.io/hostname', 'web') }))
    c.advance(10)
    const pods = c.snapshot().pods
    const placed = pods.filter((p) => p.node).map((p) => p.node)
    expect(placed.sort()).toEqual(['node-1', 'node-2', 'node-3'])
    const pending = pods.find((p) => !p.node)!
    expect(pending.status).toBe('Pending')
    expect(unschedulableMessage(c, pending.name)).toBe(
      "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    )
  })

  it('on a zone label: nodes of a zone that already has a replica are refused, whichever node it is on', () => {
    const c = createCluster({ seed: 5, nodes: zones })
    c.apply(deploymentYaml({ name: 'web', replicas: 3, container: 'a', podSpec: antiAffinityOn('topology.kubernetes.io/zone', 'web') }))
    c.advance(10)
    const pods = c.snapshot().pods
    const zoneOf = (node: string) => zones.find((z) => z.name === node)!.labels['topology.kubernetes.io/zone']
    expect(
      pods
        .filter((p) => p.node)
        .map((p) => zoneOf(p.node!))
        .sort(),
    ).toEqual(['zone-a', 'zone-b'])
    expect(unschedulableMessage(c, pods.find((p) => !p.node)!.name)).toContain("3 node(s) didn't match pod anti-affinity rules")
  })

  it("a placed pod's anti-affinity repels the incoming pod too (satisfyExistingPodsAntiAffinity), counted beside other reasons", () => {
    const c = createCluster({ seed: 5, nodes: 2 })
    c.apply(podYaml('loner', { app: 'loner' }, `  nodeName: node-1\n${antiAffinityOn('kubernetes.io/hostname', 'web')}`))
    c.apply(podYaml('web', { app: 'web' }, '  nodeSelector: {kubernetes.io/hostname: node-1}\n'))
    c.advance(5)
    expect(unschedulableMessage(c, 'web')).toBe(
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) didn't satisfy existing pods anti-affinity rules. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    )
    // a pod the term does not select is not repelled
    c.apply(podYaml('api', { app: 'api' }, '  nodeSelector: {kubernetes.io/hostname: node-1}\n'))
    c.advance(5)
    expect(c.snapshot().pods.find((p) => p.name === 'api')).toMatchObject({ node: 'node-1' })
  })

  it('a term reaches other namespaces only through namespaces or namespaceSelector', () => {
    const c = createCluster({ seed: 5, nodes: 1 })
    c.run('kubectl create namespace other')
    c.apply(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: other, labels: {app: web}}\nspec: {containers: [{name: a, image: "nginx:1.27"}]}\n`,
    )
    c.apply(podYaml('same-ns', { app: 'x' }, antiAffinityOn('kubernetes.io/hostname', 'web')))
    c.apply(
      podYaml(
        'all-ns',
        { app: 'y' },
        `  affinity:\n    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector: {matchLabels: {app: web}}\n        namespaceSelector: {}\n        topologyKey: kubernetes.io/hostname\n`,
      ),
    )
    c.advance(5)
    const pods = c.snapshot().pods
    expect(pods.find((p) => p.name === 'same-ns')).toMatchObject({ node: 'node-1' })
    expect(pods.find((p) => p.name === 'all-ns')).toMatchObject({ node: null, status: 'Pending' })
  })
})

describe('required pod affinity (pkg/scheduler/framework/plugins/interpodaffinity/filtering.go)', () => {
  const withDb = `  affinity:
    podAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector: {matchLabels: {app: db}}
        topologyKey: kubernetes.io/hostname
`
  it('waits, unresolvable by preemption, until a matching pod is placed, then joins its node', () => {
    const c = createCluster({ seed: 5 })
    c.apply(podYaml('cache', { app: 'cache' }, withDb))
    c.advance(5)
    expect(unschedulableMessage(c, 'cache')).toBe(
      "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    )
    c.apply(podYaml('db', { app: 'db' }, '  nodeSelector: {kubernetes.io/hostname: node-2}\n'))
    c.advance(5)
    expect(c.snapshot().pods.find((p) => p.name === 'cache')).toMatchObject({ node: 'node-2' })
  })

  it('is retried when a placed pod gets the labels it asks for (kubectl label)', () => {
    const c = createCluster({ seed: 5 })
    c.apply(podYaml('cache', { app: 'cache' }, withDb))
    c.apply(podYaml('store', { app: 'store' }, '  nodeName: node-3\n'))
    c.advance(5)
    expect(c.snapshot().pods.find((p) => p.name === 'cache')).toMatchObject({ node: null })
    expect(c.run('kubectl label pod store app=db --overwrite').ok).toBe(true)
    c.advance(5)
    expect(c.snapshot().pods.find((p) => p.name === 'cache')).toMatchObject({ node: 'node-3' })
  })

  it('the first pod of a group whose affinity selects itself is not kept waiting for itself', () => {
    const c = createCluster({ seed: 5 })
    c.apply(deploymentYaml({ name: 'db', replicas: 3, container: 'a', podSpec: withDb }))
    c.advance(10)
    const nodes = new Set(c.snapshot().pods.map((p) => p.node))
    expect(nodes.size).toBe(1)
    expect(nodes.has(null)).toBe(false)
  })

  it('a node without the topology key never satisfies the term', () => {
    const c = createCluster({ seed: 5, nodes: [{ name: 'a', labels: { 'topology.kubernetes.io/zone': 'z1' } }, { name: 'b' }] })
    c.apply(podYaml('db', { app: 'db' }, '  nodeName: a\n'))
    c.apply(podYaml('cache', { app: 'cache' }, withDb.replace('kubernetes.io/hostname', 'topology.kubernetes.io/zone')))
    c.advance(5)
    expect(c.snapshot().pods.find((p) => p.name === 'cache')).toMatchObject({ node: 'a' })
  })
})

describe('topologySpreadConstraints, DoNotSchedule (pkg/scheduler/framework/plugins/podtopologyspread/filtering.go)', () => {
  const spread = (key: string, extra = '') => `  topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: ${key}
    whenUnsatisfiable: DoNotSchedule
    labelSelector: {matchLabels: {app: web}}
${extra}`

  it('skew = matching pods in the domain + the pod itself − the smallest domain; over maxSkew the node is refused', () => {
    // as in filtering_test.go's zone tables: zone-a holds 2, zone-b 1 → only zone-b fits, though its one node is the
    // smallest (least-allocated scoring alone would pick zone-a)
    const c = createCluster({ seed: 5, nodes: [...zones.slice(0, 2), { ...zones[2]!, cpu: '1', memory: '1Gi' }] })
    c.apply(podYaml('w1', { app: 'web' }, '  nodeName: node-1\n'))
    c.apply(podYaml('w2', { app: 'web' }, '  nodeName: node-2\n'))
    c.apply(podYaml('w3', { app: 'web' }, '  nodeName: node-3\n'))
    c.apply(podYaml('new', { app: 'web' }, spread('topology.kubernetes.io/zone')))
    c.advance(5)
    expect(c.snapshot().pods.find((p) => p.name === 'new')).toMatchObject({ node: 'node-3' })
  })

  it('reports the constraint beside the other reasons, and a node without the key as "(missing required label)"', () => {
    const nodes = [
      ...zones.slice(0, 2),
      { name: 'node-3', cpu: '1', labels: { 'topology.kubernetes.io/zone': 'zone-b' } },
      { name: 'bare' },
    ]
    const c = createCluster({ seed: 5, nodes })
    c.apply(podYaml('w1', { app: 'web' }, '  nodeName: node-1\n'))
    c.apply(podYaml('w2', { app: 'web' }, '  nodeName: node-2\n'))
    c.apply(
      podYaml('new', { app: 'web' }, spread('topology.kubernetes.io/zone')).replace(
        '  containers: [{name: a, image: "nginx:1.27"}]',
        '  containers: [{name: a, image: "nginx:1.27", resources: {requests: {cpu: "2"}}}]',
      ),
    )
    c.advance(5)
    expect(unschedulableMessage(c, 'new')).toBe(
      "0/4 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match pod topology spread constraints (missing required label), 2 node(s) didn't match pod topology spread constraints. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.",
    )
  })

  it('spreads a Deployment evenly over hostnames and keeps the surplus Pending once minDomains cannot be met', () => {
    const c = createCluster({ seed: 5, nodes: 2 })
    // minDomains 3 with two domains: the global minimum counts as 0, so each node takes at most maxSkew (1)
    c.apply(deploymentYaml({ name: 'web', replicas: 3, container: 'a', podSpec: spread('kubernetes.io/hostname', '    minDomains: 3\n') }))
    c.advance(10)
    const pods = c.snapshot().pods
    expect(
      pods
        .filter((p) => p.node)
        .map((p) => p.node)
        .sort(),
    ).toEqual(['node-1', 'node-2'])
    expect(unschedulableMessage(c, pods.find((p) => !p.node)!.name)).toContain("2 node(s) didn't match pod topology spread constraints.")
  })

  it('ScheduleAnyway is not a filter: the pod is placed even where the skew is exceeded', () => {
    const c = createCluster({ seed: 5, nodes: 1 })
    c.apply(podYaml('w1', { app: 'web' }, '  nodeName: node-1\n'))
    c.apply(podYaml('w2', { app: 'web' }, spread('kubernetes.io/hostname').replace('DoNotSchedule', 'ScheduleAnyway')))
    c.advance(5)
    expect(c.snapshot().pods.find((p) => p.name === 'w2')).toMatchObject({ node: 'node-1' })
  })
})

describe('nodeSelector and required node affinity (pkg/scheduler/framework/plugins/nodeaffinity; component-helpers/scheduling/corev1/nodeaffinity)', () => {
  const node = (labels: Record<string, string>, name = 'n') =>
    ({ metadata: { name, labels } }) as unknown as Parameters<typeof matchesNodeSelectorAndAffinity>[1]
  const withTerms = (...terms: object[]): Pod =>
    ({
      metadata: { name: 'p', namespace: 'default' },
      spec: {
        containers: [],
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
      },
    }) as unknown as Pod
  const expr = (key: string, operator: string, values?: string[]) => ({
    matchExpressions: [{ key, operator, ...(values ? { values } : {}) }],
  })

  it.each([
    ['In matches a listed value', expr('disk', 'In', ['ssd', 'nvme']), { disk: 'ssd' }, true],
    ['In needs the label', expr('disk', 'In', ['ssd']), {}, false],
    ['NotIn refuses a listed value', expr('disk', 'NotIn', ['hdd']), { disk: 'hdd' }, false],
    ['NotIn matches a node without the label', expr('disk', 'NotIn', ['hdd']), {}, true],
    ['Exists', expr('gpu', 'Exists'), { gpu: '' }, true],
    ['Exists without the label', expr('gpu', 'Exists'), {}, false],
    ['DoesNotExist', expr('gpu', 'DoesNotExist'), {}, true],
    ['DoesNotExist with the label', expr('gpu', 'DoesNotExist'), { gpu: 'a100' }, false],
    ['Gt compares integers', expr('cores', 'Gt', ['8']), { cores: '16' }, true],
    ['Gt with a non-integer label', expr('cores', 'Gt', ['8']), { cores: 'many' }, false],
    ['Lt', expr('cores', 'Lt', ['8']), { cores: '16' }, false],
    ['an empty term matches no node', {}, { disk: 'ssd' }, false],
  ])('%s', (_name, term, labels, expected) => {
    expect(matchesNodeSelectorAndAffinity(withTerms(term), node(labels))).toBe(expected)
  })

  it('terms are ORed, expressions within a term ANDed, and matchFields reads metadata.name', () => {
    const both = {
      matchExpressions: [
        { key: 'disk', operator: 'In', values: ['ssd'] },
        { key: 'gpu', operator: 'Exists' },
      ],
    }
    expect(matchesNodeSelectorAndAffinity(withTerms(both), node({ disk: 'ssd' }))).toBe(false)
    expect(matchesNodeSelectorAndAffinity(withTerms(both, expr('disk', 'In', ['ssd'])), node({ disk: 'ssd' }))).toBe(true)
    expect(
      matchesNodeSelectorAndAffinity(
        withTerms({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] }),
        node({}, 'node-2'),
      ),
    ).toBe(true)
    expect(
      matchesNodeSelectorAndAffinity(
        withTerms({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] }),
        node({}, 'node-1'),
      ),
    ).toBe(false)
  })

  it('a Deployment with required node affinity lands only on matching nodes; none matching reads as the selector reason', () => {
    const c = createCluster({
      seed: 5,
      nodes: [{ name: 'a', labels: { disk: 'ssd' } }, { name: 'b', labels: { disk: 'hdd' } }, { name: 'c' }],
    })
    const affinity = (values: string) => `  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions: [{key: disk, operator: In, values: [${values}]}]
`
    c.apply(deploymentYaml({ name: 'web', replicas: 3, container: 'a', podSpec: affinity('ssd') }))
    c.apply(podYaml('tape', { app: 'tape' }, affinity('tape')))
    c.advance(10)
    const pods = c.snapshot().pods
    expect(pods.filter((p) => p.name.startsWith('web-')).map((p) => p.node)).toEqual(['a', 'a', 'a'])
    expect(unschedulableMessage(c, 'tape')).toBe(
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    )
  })
})

describe('terms lib/k8s does not validate yet', () => {
  it('are refused by the API server when malformed (no nodeSelectorTerms, no topologyKey), as upstream validation does', () => {
    const c = createCluster({ seed: 5 })
    const r = c.apply(
      podYaml(
        'odd',
        { app: 'x' },
        `  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution: {}
  topologySpreadConstraints:
  - {maxSkew: 1, whenUnsatisfiable: DoNotSchedule}
`,
      ),
    )
    expect(r.ok).toBe(false)
    expect(r.output).toContain('spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty')
    expect(r.output).toContain(
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
    )
    expect(c.run('kubectl get pod odd').ok).toBe(false)
  })
})
