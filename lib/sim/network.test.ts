import { describe, expect, it } from 'vitest'
import { createCluster } from './cluster.ts'

const app = (name: string, ns: string, image: string, replicas: number, port: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: app
        image: ${image}
        ports: [{name: web, containerPort: ${port}}]
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: web}]
`

describe('Services at runtime (conformance H)', () => {
  it('C57: the Endpoints view lists ready pods in addresses and not-ready ones in notReadyAddresses; traffic reaches only ready pods', () => {
    const c = createCluster({ seed: 21 })
    c.apply(app('web', 'default', 'kubelab/hello:1.0', 2, 8080))
    c.advance(20)
    const [p1, p2] = c.snapshot().pods
    // p2 stops being ready: its only container is killed and restarted... simplest: relabel-free readiness loss via crash
    c.run(`pod crash ${p2!.name}`)
    // kube-proxy applies the change a second later (endpoint-slices.ts PROXY_SYNC_MS): until then some requests
    // still go to the crashed pod
    const during = Array.from({ length: 20 }, () => c.run('curl http://web').output)
    expect(during.some((o) => o.startsWith('curl: (7) Failed to connect to'))).toBe(true)
    c.advance(1)
    const out = c.run('kubectl get endpoints web -o yaml').output
    expect(out).toContain(`ip: ${p1!.ip}`)
    const view = c.run('kubectl get endpoints web -o json').output
    const ep = JSON.parse(view) as { subsets: { addresses?: { ip: string }[]; notReadyAddresses?: { ip: string }[] }[] }
    expect(ep.subsets.flatMap((s) => s.addresses ?? []).map((a) => a.ip)).toEqual([p1!.ip])
    expect(ep.subsets.flatMap((s) => s.notReadyAddresses ?? []).map((a) => a.ip)).toEqual([p2!.ip])
    for (let i = 0; i < 20; i++) expect(c.run('curl http://web').output).toBe(`Hello from ${p1!.name} (version 1.0)\n`)
  })

  it('C58: a named targetPort reaches each pod on its own port number', () => {
    const c = createCluster({ seed: 22 })
    c.apply(app('web', 'default', 'nginx:1.27', 1, 80))
    c.advance(20)
    const s = c.snapshot().services.find((x) => x.name === 'web')!
    expect(s.endpoints).toEqual([expect.objectContaining({ port: 80, ready: true })])
    expect(c.run('curl web').output).toContain('Welcome to nginx!')
  })

  it('C59: no selector → no endpoints; ExternalName → no clusterIP; headless → no clusterIP but pod endpoints', () => {
    const c = createCluster({ seed: 23 })
    c.apply(app('web', 'default', 'nginx:1.27', 2, 80))
    c.apply(`apiVersion: v1
kind: Service
metadata: {name: manual}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {type: ExternalName, externalName: db.example.com}
---
apiVersion: v1
kind: Service
metadata: {name: web-headless}
spec: {clusterIP: None, selector: {app: web}, ports: [{port: 80}]}
`)
    c.advance(20)
    const s = c.snapshot().services
    expect(s.find((x) => x.name === 'manual')).toMatchObject({
      endpoints: [],
      clusterIP: expect.stringMatching(/^10\.9[6-9]|^10\.1[01]\d\./),
    })
    expect(s.find((x) => x.name === 'db')).toMatchObject({ type: 'ExternalName', clusterIP: null, endpoints: [] })
    expect(s.find((x) => x.name === 'web-headless')).toMatchObject({ clusterIP: 'None' })
    expect(s.find((x) => x.name === 'web-headless')!.endpoints.filter((e) => e.ready)).toHaveLength(2)
    expect(c.run('kubectl get svc db').output).toContain('db.example.com')
    expect(c.run('curl http://manual').ok).toBe(false)
  })

  it('C60: DNS names resolve with the pod namespace search path', () => {
    const c = createCluster({ seed: 24 })
    c.apply('apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n')
    c.apply(app('web', 'shop', 'kubelab/hello:1.0', 1, 8080))
    c.apply(`apiVersion: v1
kind: Pod
metadata: {name: client, namespace: shop}
spec: {containers: [{name: c, image: "busybox:1.36", command: ["sleep", "3600"]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: other}
spec: {containers: [{name: c, image: "busybox:1.36", command: ["sleep", "3600"]}]}
`)
    c.advance(20)
    expect(c.run('kubectl exec client -n shop -- wget -qO- http://web').output).toMatch(/^Hello from web-/)
    expect(c.run('kubectl exec client -n other -- wget -qO- http://web.shop').output).toMatch(/^Hello from web-/)
    expect(c.run('kubectl exec client -n other -- wget -qO- http://web.shop.svc.cluster.local').output).toMatch(/^Hello from web-/)
    expect(c.run('kubectl exec client -n other -- wget -qO- http://web').ok).toBe(false)
  })

  it('C61: traffic is balanced uniformly at random over ready endpoints', () => {
    const c = createCluster({ seed: 25 })
    c.apply(app('web', 'default', 'nginx:1.27', 3, 80))
    c.advance(20)
    c.run('traffic start svc/web --rps 100')
    c.advance(30)
    const t = c.snapshot().traffic.web!
    expect(t).toMatchObject({ sent: 3000, ok: 3000, failed: 0 })
    const served = [...c.state.pods.values()].map((p) => p.containers[0]!.served)
    for (const n of served) expect(Math.abs(n - 1000)).toBeLessThan(120)
  })

  it('C61: with sessionAffinity ClientIP one client always reaches the same pod; without it, several', () => {
    const c = createCluster({ seed: 30 })
    c.apply(app('web', 'default', 'kubelab/hello:1.0', 3, 8080))
    c.advance(20)
    const answers = () => new Set(Array.from({ length: 100 }, () => c.run('curl http://web').output))
    expect(answers().size).toBe(3)
    c.apply(
      app('web', 'default', 'kubelab/hello:1.0', 3, 8080).replace(
        '  selector: {app: web}\n  ports',
        '  sessionAffinity: ClientIP\n  selector: {app: web}\n  ports',
      ),
    )
    expect(answers().size).toBe(1)
    c.run('traffic start svc/web --rps 20')
    c.advance(10)
    expect([...c.state.pods.values()].map((p) => p.containers[0]!.served).filter((n) => n > 0)).toEqual([200])
  })

  it('a RollingUpdate with a readiness probe and a preStop sleep drops nothing; without either, or with Recreate, requests fail', () => {
    const probe = '\n        readinessProbe: {httpGet: {path: /ready, port: web}, periodSeconds: 2}'
    const preStop = '\n        lifecycle: {preStop: {sleep: {seconds: 5}}}'
    const run = (strategy: string, extras: string, newImage = 'kubelab/hello:2.0') => {
      const c = createCluster({ seed: 26 })
      const m = (image: string) =>
        app('web', 'default', image, 3, 8080)
          .replace('replicas: 3', `replicas: 3\n  strategy: {type: ${strategy}}`)
          .replace('containerPort: 8080}]', `containerPort: 8080}]${extras}`)
      c.apply(m('kubelab/hello:1.0'))
      c.advance(30)
      c.run('traffic start svc/web --rps 10')
      c.apply(m(newImage))
      c.advance(120)
      return c.snapshot().traffic.web!
    }
    expect(run('RollingUpdate', probe + preStop)).toMatchObject({ sent: 1200, failed: 0 })
    // without preStop an old pod stops listening at SIGTERM while kube-proxy still routes to it for a second
    expect(run('RollingUpdate', probe).failed).toBeGreaterThan(0)
    // without a readiness probe a new pod is Ready before the app listens: kube-proxy's second of lag hides
    // kubelab/hello's 1 s start, not the 20 s of kubelab/hello:slow
    expect(run('RollingUpdate', preStop).failed).toBe(0)
    expect(run('RollingUpdate', preStop, 'kubelab/hello:slow').failed).toBeGreaterThan(20)
    expect(run('RollingUpdate', probe + preStop, 'kubelab/hello:slow')).toMatchObject({ sent: 1200, failed: 0 })
    expect(run('Recreate', probe + preStop).failed).toBeGreaterThan(20)
  })

  it('NodePort services answer on every node IP', () => {
    const c = createCluster({ seed: 27 })
    c.apply(
      app('web', 'default', 'nginx:1.27', 1, 80).replace(
        '  selector: {app: web}\n  ports',
        '  type: NodePort\n  selector: {app: web}\n  ports',
      ),
    )
    c.advance(20)
    const port = c.snapshot().services.find((s) => s.name === 'web')!.ports[0]!.nodePort!
    expect(port).toBeGreaterThanOrEqual(30000)
    expect(port).toBeLessThanOrEqual(32767)
    const nodeIp = (c.state.objects.Node.get('node-3') as { status: { addresses: { address: string }[] } }).status.addresses[0]!.address
    expect(c.run(`curl http://${nodeIp}:${port}/`).output).toContain('Welcome to nginx!')
  })
})

describe('node failure (C55)', () => {
  it('NotReady after the grace period, pods not ready and out of endpoints, evicted after 300 s and replaced elsewhere', () => {
    const c = createCluster({ seed: 28 })
    c.apply(app('web', 'default', 'nginx:1.27', 2, 80))
    c.advance(30)
    const victim = c.snapshot().pods[0]!
    const node = victim.node!
    c.run(`node fail ${node}`)
    c.advance(45)
    expect(c.snapshot().nodes.find((n) => n.name === node)!.ready).toBe(true)
    c.advance(15)
    let s = c.snapshot()
    expect(s.nodes.find((n) => n.name === node)!.ready).toBe(false)
    expect(s.pods.find((p) => p.name === victim.name)).toMatchObject({ ready: false, terminating: false })
    expect(s.services.find((x) => x.name === 'web')!.endpoints.find((e) => e.pod === victim.name)!.ready).toBe(false)
    expect(c.run(`kubectl describe node ${node}`).output).toContain('node.kubernetes.io/unreachable:NoExecute')
    c.advance(290)
    expect(c.snapshot().pods.find((p) => p.name === victim.name)!.terminating).toBe(false)
    c.advance(20)
    s = c.snapshot()
    expect(s.pods.find((p) => p.name === victim.name)).toMatchObject({ terminating: true, status: 'Terminating' })
    const replacement = s.pods.find(
      (p) =>
        !p.terminating &&
        p.name !== victim.name &&
        !c
          .snapshot()
          .pods.slice(1)
          .some((q) => q.name === p.name && q.node === victim.node),
    )
    expect(s.pods.filter((p) => !p.terminating && p.ready)).toHaveLength(2)
    expect(s.pods.filter((p) => !p.terminating).every((p) => p.node !== node)).toBe(true)
    expect(replacement!.ip).not.toBe(victim.ip)
    c.run(`node recover ${node}`)
    c.advance(10)
    s = c.snapshot()
    expect(s.nodes.find((n) => n.name === node)!.ready).toBe(true)
    expect(s.pods.some((p) => p.name === victim.name)).toBe(false)
  })

  it('a bare pod on a failed node is evicted and not recreated', () => {
    const c = createCluster({ seed: 29, nodes: 2 })
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: solo}\nspec: {nodeName: node-1, containers: [{name: a, image: "nginx:1.27"}]}\n')
    c.advance(10)
    c.run('node fail node-1')
    c.advance(400)
    const s = c.snapshot()
    expect(s.pods).toHaveLength(1)
    expect(s.pods[0]).toMatchObject({ name: 'solo', terminating: true })
  })
})
