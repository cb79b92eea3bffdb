/**
 * Graceful termination under traffic: kube-proxy's lag behind EndpointSlice changes (endpoint-slices.ts
 * PROXY_SYNC_MS), preStop hooks and terminationGracePeriodSeconds (kubelet/running.ts startStop).
 */
import { describe, expect, it } from 'vitest'
import { createCluster, type Cluster } from './cluster.ts'
import { PROXY_SYNC_MS } from './endpoint-slices.ts'

const deployment = (o: { replicas?: number; image?: string; container?: string } = {}) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${o.replicas ?? 4}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ${o.image ?? 'nginx:1.27'}
        ports: [{containerPort: 80}]${o.container ?? ''}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`

const READINESS = `
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}`
const PRESTOP_SLEEP = `
        lifecycle: {preStop: {sleep: {seconds: 5}}}`
const PRESTOP_EXEC = `
        lifecycle: {preStop: {exec: {command: ["sleep", "5"]}}}`

/** Lesson 8's exercise: four nginx Pods rolled from 1.27 to 1.28 under 10 requests/s. */
function rollUnderTraffic(container: string): { sent: number; ok: number; failed: number } {
  const c = createCluster({ seed: 8 })
  c.apply(deployment({ container }))
  c.advance(30)
  c.run('traffic start svc/web --rps 10')
  c.advance(10)
  c.run('kubectl set image deployment/web web=nginx:1.28')
  c.advance(120)
  c.run('traffic stop')
  expect(c.snapshot().deployments[0]).toMatchObject({ updatedReplicas: 4, availableReplicas: 4 })
  return c.snapshot().traffic.web!
}

describe('a rolling update under traffic (kube-proxy lag, preStop)', () => {
  it('(a) without a readiness probe or preStop a few requests fail: old Pods stop listening at SIGTERM while kube-proxy still sends them requests', () => {
    const t = rollUnderTraffic('')
    expect(t.sent).toBe(1300)
    // four old Pods, each still routed for a second after SIGTERM, one of five endpoints each: a few per Pod
    expect(t.failed).toBeGreaterThan(0)
    expect(t.failed).toBeLessThan(20)
  })

  it('a readiness probe alone does not help the old Pods', () => {
    expect(rollUnderTraffic(READINESS).failed).toBeGreaterThan(0)
  })

  it('(b) with a readiness probe and preStop (sleep action, or exec sleep) not a single request fails', () => {
    expect(rollUnderTraffic(READINESS + PRESTOP_SLEEP)).toEqual({ sent: 1300, ok: 1300, failed: 0 })
    expect(rollUnderTraffic(READINESS + PRESTOP_EXEC)).toEqual({ sent: 1300, ok: 1300, failed: 0 })
  })
})

function podYaml(o: { grace: number; preStop: string; image?: string; command?: string }): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: p, labels: {app: p}}
spec:
  terminationGracePeriodSeconds: ${o.grace}
  containers:
  - name: web
    image: ${o.image ?? 'nginx:1.27'}${o.command ? `\n    command: ["sh", "-c", ${JSON.stringify(o.command)}]` : ''}
    lifecycle: {preStop: ${o.preStop}}
`
}

/** Whether the pod object still exists, and what a request to its IP gets. */
function probeAt(c: Cluster, ip: string): { exists: boolean; answer: string } {
  return { exists: c.state.objects.Pod.has('default/p'), answer: c.run(`curl -s http://${ip}/`).output }
}

describe('preStop and terminationGracePeriodSeconds (pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer)', () => {
  it('the app serves during the preStop hook, gets SIGTERM when it ends and exits then; "Killing: Stopping container web" at the deletion', () => {
    const c = createCluster({ seed: 3 })
    c.apply(podYaml({ grace: 30, preStop: '{sleep: {seconds: 5}}' }))
    c.advance(20)
    const ip = c.snapshot().pods[0]!.ip!
    const deletedAt = c.state.now / 1000
    c.run('kubectl delete pod p --wait=false')
    expect(c.events.filter((e) => e.object === 'Pod/p' && e.reason === 'Killing')).toEqual([
      expect.objectContaining({ time: deletedAt, type: 'Normal', message: 'Stopping container web' }),
    ])
    c.advance(4.9)
    expect(probeAt(c, ip)).toMatchObject({ exists: true, answer: expect.stringContaining('Welcome to nginx!') })
    c.advance(0.1)
    // SIGTERM at 5 s: nginx closes its socket at once and has exited 0.1 s later
    expect(probeAt(c, ip)).toMatchObject({ exists: true, answer: expect.stringContaining("Couldn't connect to server") })
    c.advance(0.1)
    expect(c.state.objects.Pod.has('default/p')).toBe(false)
  })

  it("(c) a preStop longer than the grace period is cut at its end: SIGTERM then, with the kubelet's minimum of 2 s before SIGKILL", () => {
    // The API refuses a sleep action longer than terminationGracePeriodSeconds (pkg/apis/core/validation
    // validateSleepAction), but a deletion may shorten the grace period. nginx exits on SIGTERM: gone 0.1 s later.
    const c = createCluster({ seed: 3 })
    c.apply(podYaml({ grace: 30, preStop: '{sleep: {seconds: 10}}' }))
    c.advance(20)
    const ip = c.snapshot().pods[0]!.ip!
    c.run('kubectl delete pod p --grace-period=3 --wait=false')
    c.advance(2.9)
    expect(probeAt(c, ip).answer).toContain('Welcome to nginx!')
    c.advance(0.1)
    expect(probeAt(c, ip)).toMatchObject({ exists: true, answer: expect.stringContaining("Couldn't connect to server") })
    c.advance(0.1)
    expect(c.state.objects.Pod.has('default/p')).toBe(false)

    // a shell as PID 1 ignores SIGTERM: SIGKILL (exit 137) 2 s after the cut hook, not at the grace period
    const k = createCluster({ seed: 3 })
    k.apply(
      podYaml({ grace: 3, preStop: '{exec: {command: ["sleep", "10"]}}', image: 'busybox:1.36', command: 'while true; do sleep 1; done' }),
    )
    k.advance(20)
    k.run('kubectl delete pod p --wait=false')
    k.advance(4.9)
    const web = k.state.pods.get('default/p')!.containers[0]!
    expect(web).toMatchObject({ phase: 'running', stopping: { sigtermAt: 23000, at: 25000, killed: true } })
    k.advance(0.1)
    expect(k.state.objects.Pod.has('default/p')).toBe(false)
    expect(k.events.some((e) => e.reason === 'FailedPreStopHook')).toBe(false)
  })

  it('a preStop exec that fails is reported as FailedPreStopHook ("PreStopHook failed") and SIGTERM follows at once', () => {
    const c = createCluster({ seed: 3 })
    c.apply(podYaml({ grace: 30, preStop: '{exec: {command: ["/bin/drain"]}}' }))
    c.advance(20)
    c.run('kubectl delete pod p --wait=false')
    expect(c.events.filter((e) => e.reason === 'FailedPreStopHook')).toEqual([
      expect.objectContaining({ type: 'Warning', object: 'Pod/p', message: 'PreStopHook failed' }),
    ])
    c.advance(0.1)
    expect(c.state.objects.Pod.has('default/p')).toBe(false)
  })
})

describe('(d) kube-proxy follows an endpoint change PROXY_SYNC_MS late (pkg/proxy/apis/config/v1alpha1/defaults.go minSyncPeriod)', () => {
  it('a deleted Pod leaves the EndpointSlice at once, still gets requests for a second (refused: it has stopped), then none', () => {
    expect(PROXY_SYNC_MS).toBe(1000)
    const c = createCluster({ seed: 5 })
    c.apply(deployment({ replicas: 2 }))
    c.advance(30)
    const victim = c.snapshot().pods[0]!
    c.run('traffic start svc/web --rps 100')
    c.advance(1)
    const before = { ...c.snapshot().traffic.web! }
    expect(before.failed).toBe(0)
    c.run(`kubectl delete pod ${victim.name} --wait=false`)
    // EndpointSlice: at once not ready, terminating (kubernetes-behaviour.md P-TERM)
    const slice = c.run('kubectl get endpointslices -o yaml').output
    expect(slice).toMatch(
      new RegExp(`- ${victim.ip!.replace(/\./g, '\\.')}\\n\\s+conditions:\\n\\s+ready: false\\n\\s+serving: true\\n\\s+terminating: true`),
    )
    c.advance(1)
    const lag = c.snapshot().traffic.web!
    // 100 requests in the second of lag, about half of them balanced to the stopped Pod
    expect(lag.sent - before.sent).toBe(100)
    expect(lag.failed).toBeGreaterThan(30)
    expect(lag.failed).toBeLessThan(70)
    c.advance(5)
    const after = c.snapshot().traffic.web!
    expect(after.failed).toBe(lag.failed)
    expect(after.sent - lag.sent).toBe(500)
  })

  it('a new ready endpoint gets traffic only a second after it became ready', () => {
    const c = createCluster({ seed: 5 })
    c.apply(deployment({ replicas: 1, container: READINESS }))
    c.advance(30)
    const counts = () => Object.fromEntries(Array.from(c.state.pods.values(), (rt) => [rt.key, rt.containers[0]!.served]))
    c.run('traffic start svc/web --rps 100')
    c.run('kubectl scale deployment web --replicas=2')
    // the new pod is Ready at its first readiness probe, then routed PROXY_SYNC_MS later
    let readyAt = -1
    for (let i = 0; i < 200 && readyAt < 0; i++) {
      c.advance(0.1)
      if (c.snapshot().deployments[0]!.readyReplicas === 2) readyAt = c.state.now
    }
    expect(readyAt).toBeGreaterThan(0)
    const newKey = [...c.state.pods.keys()].find((k) => counts()[k] === 0)!
    c.advance(0.9)
    expect(counts()[newKey]).toBe(0)
    c.advance(0.2)
    expect(counts()[newKey]).toBeGreaterThan(0)
  })
})
