import { describe, expect, it } from 'vitest'
import { createCluster, wrapState } from './cluster.ts'
import { DEFAULT_LIMITS, UNLIMITED, formatVirtualTime, manifestDemand } from './budget.ts'

const deployment = (replicas: number, name = 'web', extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
${extra}`

const service = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n`

describe('the simulator’s budget', () => {
  it('refuses a manifest that asks for more Pods than the limit before creating anything', () => {
    const c = createCluster()
    const started = performance.now()
    const r = c.apply(deployment(100_000))
    expect(performance.now() - started).toBeLessThan(500)
    expect(r.ok).toBe(false)
    expect(r.output).toBe(
      `Error from server (Forbidden): error when creating "STDIN": deployments.apps "web" is forbidden: exceeded the simulator's limit of 50 Pods (this manifest asks for 100000 Pods)\n`,
    )
    expect(c.state.objects.Deployment.size).toBe(0)
    expect(c.budget.over).toEqual({ limit: 'pods', max: 50, requested: 100_000 })
  })

  it('adds up the replicas of every document: three Deployments of 100,000, or 1,000 documents of 50', () => {
    const three = createCluster()
    expect(three.apply([0, 1, 2].map((i) => deployment(100_000, `w${i}`)).join('---\n')).ok).toBe(false)
    expect(three.budget.over).toMatchObject({ limit: 'pods', requested: 300_000 })
    expect(three.state.objects.Deployment.size).toBe(0)

    const many = createCluster()
    const r = many.apply(Array.from({ length: 1000 }, (_, i) => deployment(50, `w${i}`)).join('---\n'))
    expect(r.output).toContain("exceeded the simulator's limit of 200 objects (this manifest has 1000 objects)")
    expect(many.budget.over).toEqual({ limit: 'objects', max: 200, requested: 1000 })
    expect(many.state.objects.Deployment.size).toBe(0)
    // within the objects limit, the Pods add up: 20 × 50 = 1,000 > 50
    const twenty = createCluster()
    expect(twenty.apply(Array.from({ length: 20 }, (_, i) => deployment(50, `w${i}`)).join('---\n')).ok).toBe(false)
    expect(twenty.budget.over).toMatchObject({ limit: 'pods', requested: 1000 })
  })

  it('answers kubectl scale past the limit with a Forbidden error naming it, and leaves the Deployment as it was', () => {
    const c = createCluster()
    c.apply(deployment(3))
    const r = c.run('kubectl scale deployment/web --replicas=50000')
    expect(r).toEqual({
      ok: false,
      output: `Error from server (Forbidden): deployments.apps "web" is forbidden: exceeded the simulator's limit of 50 Pods (spec.replicas: 50000)\n`,
      notice: 'overBudget',
    })
    expect((c.state.objects.Deployment.get('default/web') as { spec: { replicas: number } }).spec.replicas).toBe(3)
    expect(c.run('kubectl create deployment big --image=nginx --replicas=51').output).toContain('deployments.apps "big" is forbidden')
    // scaling within the limit still works
    expect(c.run('kubectl scale deployment/web --replicas=50').output).toBe('deployment.apps/web scaled\n')
  })

  it('stops Pod creation at the limit like a ResourceQuota: one FailedCreate event, never more Pods, and the run goes on', () => {
    const c = createCluster()
    c.apply(deployment(30, 'a'))
    c.apply(deployment(30, 'b'))
    c.advance(60)
    expect(c.state.objects.Pod.size).toBe(50)
    const failed = c.events.filter((e) => e.reason === 'FailedCreate')
    expect(failed).toHaveLength(1)
    expect(failed[0]!.message).toMatch(/^Error creating: pods "b-[a-z0-9]+-" is forbidden: exceeded the simulator's limit of 50 Pods$/)
    expect(c.budget.over).toEqual({ limit: 'pods', max: 50 })
    expect(c.now).toBe(60)
  })

  it('lets a rolling update surge only up to the limit (the controller may ask for more; the quota says no)', () => {
    const c = createCluster()
    const withSurge = deployment(40).replace(
      'spec:\n  replicas: 40',
      'spec:\n  replicas: 40\n  strategy:\n    rollingUpdate:\n      maxSurge: "100%"',
    )
    c.apply(withSurge)
    c.advance(30)
    c.apply(withSurge.replace('nginx:1.27', 'nginx:1.28'))
    let most = 0
    for (let t = 0; t < 120; t++) {
      c.advance(1)
      most = Math.max(most, c.state.objects.Pod.size)
    }
    expect(most).toBe(50)
    expect(c.budget.over?.limit).toBe('pods')
  })

  it('refuses a wait past the virtual-time limit and clamps an advance to it', () => {
    const c = createCluster()
    const r = c.run('wait 1000h')
    expect(r).toEqual({
      ok: false,
      output: "error: wait 1000h would go past the simulator's limit of 1h of virtual time (the cluster is at 0s)\n",
      notice: 'overBudget',
    })
    expect(c.now).toBe(0)
    expect(c.budget.over).toEqual({ limit: 'virtualTimeMs', max: 3_600_000, requested: 3_600_000_000 })
    const d = createCluster()
    d.advance(2 * 3600)
    expect(d.now).toBe(3600)
    expect(d.budget.over?.limit).toBe('virtualTimeMs')
  })

  it('stops the clock when the event budget is spent (between instants, never in the middle of one)', () => {
    const probes = '          readinessProbe:\n            httpGet: { path: /, port: 80 }\n            periodSeconds: 1\n'
    const c = createCluster({ limits: { events: 2000 } })
    c.apply(deployment(10, 'web', probes))
    c.advance(600)
    expect(c.budget.over).toEqual({ limit: 'events', max: 2000 })
    const stoppedAt = c.now
    expect(stoppedAt).toBeGreaterThan(0)
    expect(stoppedAt).toBeLessThan(600)
    c.advance(60)
    expect(c.now).toBe(stoppedAt)
  })

  it('counts commands and refuses the ones past the limit', () => {
    const c = createCluster({ limits: { commands: 3 } })
    for (let i = 0; i < 3; i++) expect(c.run('kubectl get nodes').ok).toBe(true)
    expect(c.run('kubectl get nodes')).toEqual({
      ok: false,
      output: "error: exceeded the simulator's limit of 3 commands\n",
      notice: 'overBudget',
    })
  })

  it('refuses objects past the limit, Nodes not counted', () => {
    const c = createCluster({ nodes: 20, limits: { objects: 8 } })
    // 4 namespaces + the kubernetes Service are already there
    const answers = ['a', 'b', 'c', 'd'].map((n) => c.apply(service(n)).output)
    expect(answers.slice(0, 3)).toEqual(['service/a created\n', 'service/b created\n', 'service/c created\n'])
    expect(answers[3]).toBe(
      `Error from server (Forbidden): error when creating "STDIN": services "d" is forbidden: exceeded the simulator's limit of 8 objects\n`,
    )
  })

  it('caps the traffic of all generators together, so virtual time bounds the requests simulated', () => {
    const c = createCluster()
    c.apply(`${deployment(1)}---\n${service('a')}---\n${service('b')}`)
    expect(c.run('traffic start svc/a --rps 700').ok).toBe(true)
    expect(c.run('traffic start svc/b --rps 400').output).toBe(
      'error: the simulator sends at most 1000 requests/s in all (700 already running): lower --rps or stop other traffic\n',
    )
    expect(c.run('traffic start svc/a --rps 1000').ok).toBe(true) // replaces a's own generator
  })

  it('keeps its budget in a cloned state, and takes larger limits when asked (benchmarks)', () => {
    const c = createCluster({ limits: { pods: 5 } })
    c.apply(deployment(6))
    const copy = wrapState(structuredClone(c.state))
    expect(copy.budget).toEqual(c.budget)
    const big = createCluster({ nodes: 10, limits: UNLIMITED })
    expect(big.apply(deployment(1000)).ok).toBe(true)
    big.advance(30)
    expect(big.state.objects.Pod.size).toBe(1000)
    expect(big.budget.over).toBeNull()
  })

  it('has defaults well above what the course needs, and readable durations', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ pods: 50, objects: 200, virtualTimeMs: 3_600_000 })
    expect([formatVirtualTime(3_600_000), formatVirtualTime(5_400_000), formatVirtualTime(45_000), formatVirtualTime(0)]).toEqual([
      '1h',
      '1h30m',
      '45s',
      '0s',
    ])
    expect(
      manifestDemand([
        { kind: 'Pod' },
        { kind: 'Deployment', spec: {} },
        { kind: 'ReplicaSet', spec: { replicas: 4 } },
        { kind: 'Service' },
      ]),
    ).toEqual({ pods: 6, objects: 4, largest: { index: 2, pods: 4 } })
  })
})
