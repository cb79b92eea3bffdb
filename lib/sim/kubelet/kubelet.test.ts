import { describe, expect, it } from 'vitest'
import { createCluster, type Cluster } from '../cluster.ts'
import { clusterWith, deploymentYaml, manifests, serviceYaml } from '../../testing/cluster.ts'

function podYaml(
  name: string,
  o: { image?: string; command?: string; restartPolicy?: string; extra?: string; labels?: string } = {},
): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {${o.labels ?? `app: ${name}`}}
spec:
  restartPolicy: ${o.restartPolicy ?? 'Always'}
  containers:
  - name: app
    image: "${o.image ?? 'busybox:1.36'}"${o.command ? `\n    command: ["sh", "-c", ${JSON.stringify(o.command)}]` : ''}${o.extra ?? ''}
`
}

function pod(c: Cluster, name: string) {
  return c.snapshot().pods.find((p) => p.name === name)!
}

function eventTimes(c: Cluster, name: string, reason: string): number[] {
  return c.events.filter((e) => e.object === `Pod/${name}` && e.reason === reason).map((e) => e.time)
}

describe('CrashLoopBackOff (C51)', () => {
  it('restarts at once after the first crash, then waits 10, 20, 40, 80, 160, 300, 300 s', () => {
    const c = createCluster({ seed: 1 })
    c.apply(podYaml('crash', { command: 'sleep 1; exit 1' }))
    c.advance(5)
    expect(pod(c, 'crash')).toMatchObject({ phase: 'Running', restarts: 1 })
    c.advance(20 * 60)
    const starts = eventTimes(c, 'crash', 'Started')
    // crash = start + 1 s. The kubelet sees the exit at the next PLEG relist (1 s) and a started container at
    // the relist after its 0.3 s creation, so each wait is the backoff plus 1 s of kubelet latency
    // (the first restart: relist + creation = 2 s).
    const waits = starts.slice(1).map((s, i) => Math.round((s - (starts[i]! + 1)) * 10) / 10)
    expect(waits.slice(0, 8)).toEqual([2, 11, 21, 41, 81, 161, 301, 301])
    const p = pod(c, 'crash')
    expect(p.phase).toBe('Running')
    expect(p.ready).toBe(false)
    const pods = c.state.objects.Pod.get('default/crash') as never as {
      status: {
        containerStatuses: {
          state: { waiting?: { reason: string; message: string } }
          lastState: { terminated?: { reason: string; exitCode: number } }
        }[]
      }
    }
    const cs = pods.status.containerStatuses[0]!
    if (cs.state.waiting) {
      expect(cs.state.waiting.reason).toBe('CrashLoopBackOff')
      expect(cs.state.waiting.message).toMatch(/^back-off 5m0s restarting failed container=app pod=crash_default\(/)
    }
    expect(cs.lastState.terminated).toMatchObject({ reason: 'Error', exitCode: 1 })
  })

  it('shows Error and then CrashLoopBackOff in the STATUS column', () => {
    const c = createCluster({ seed: 1 })
    c.apply(podYaml('crash', { command: 'sleep 1; exit 1' }))
    const seen = new Set<string>()
    for (let i = 0; i < 400; i++) {
      c.advance(0.5)
      seen.add(pod(c, 'crash').status)
    }
    expect(seen).toContain('Error')
    expect(seen).toContain('CrashLoopBackOff')
    expect(seen).toContain('Running')
  })

  it('while it waits in CrashLoopBackOff, the run that just ended is the last state (RESTARTS "1 (1s ago)")', () => {
    const c = createCluster({ seed: 1 })
    c.apply(podYaml('crash', { command: 'sleep 1; exit 1' }))
    // runs end at about 2.6 s and 5.9 s (the first restart is immediate); then 10 s of back-off
    c.advance(8)
    const p = c.state.objects.Pod.get('default/crash') as never as {
      status: {
        containerStatuses: {
          restartCount: number
          state: { waiting?: { reason: string } }
          lastState: { terminated?: { finishedAt: string } }
        }[]
      }
    }
    const cs = p.status.containerStatuses[0]!
    expect(cs.state.waiting?.reason).toBe('CrashLoopBackOff')
    expect(cs.restartCount).toBe(1)
    const finished = c.events.filter((e) => e.object === 'Pod/crash' && e.reason === 'Started').map((e) => e.time)[1]! + 1
    expect(Date.parse(cs.lastState.terminated!.finishedAt) - Date.parse('2025-01-01T09:00:00Z')).toBeGreaterThanOrEqual(
      finished * 1000 - 1000,
    )
    expect(c.run('kubectl get pod crash').output).toMatch(/^crash\s+0\/1\s+CrashLoopBackOff\s+1 \([1-3]s ago\)\s/m)
  })

  it('forgets the backoff after 10 minutes of running: every restart is immediate', () => {
    const c = createCluster({ seed: 1 })
    c.apply(podYaml('slowcrash', { command: 'sleep 700; exit 1' }))
    c.advance(3 * 710)
    const starts = eventTimes(c, 'slowcrash', 'Started')
    expect(starts.length).toBeGreaterThanOrEqual(3)
    const waits = starts.slice(1).map((s, i) => Math.round((s - (starts[i]! + 700)) * 10) / 10)
    for (const w of waits) expect(w).toBe(2)
  })
})

describe('restartPolicy outcomes (C52)', () => {
  const cases: [string, number, string, string, string][] = [
    ['Always', 0, 'Running', 'restarts', ''],
    ['OnFailure', 0, 'Succeeded', 'Completed', ''],
    ['Never', 0, 'Succeeded', 'Completed', ''],
    ['Always', 1, 'Running', 'restarts', ''],
    ['OnFailure', 1, 'Running', 'restarts', ''],
    ['Never', 1, 'Failed', 'Error', ''],
  ]
  it.each(cases)('restartPolicy %s, exit %i → phase %s', (policy, code, phase, status) => {
    const c = createCluster({ seed: 4 })
    c.apply(podYaml('job', { command: `echo done; exit ${code}`, restartPolicy: policy }))
    c.advance(60)
    const p = pod(c, 'job')
    expect(p.phase).toBe(phase)
    if (status === 'restarts') expect(p.restarts).toBeGreaterThan(0)
    else {
      expect(p.status).toBe(status)
      expect(p.restarts).toBe(0)
    }
  })
})

describe('image pulls (C53)', () => {
  it('an unknown tag fails with ErrImagePull, then ImagePullBackOff, retried after 10, 20, 40, … s; never Ready', () => {
    const c = createCluster({ seed: 2 })
    c.apply(podYaml('bad', { image: 'nginx:doesnotexist', labels: 'app: web' }))
    c.apply(serviceYaml())
    const seen = new Set<string>()
    for (let i = 0; i < 60; i++) {
      c.advance(1)
      seen.add(pod(c, 'bad').status)
    }
    expect(seen).toContain('ErrImagePull')
    expect(seen).toContain('ImagePullBackOff')
    c.advance(15 * 60)
    const pulls = eventTimes(c, 'bad', 'Pulling')
    const gaps = pulls.slice(1).map((t, i) => Math.round((t - pulls[i]! - 1.2) * 10) / 10)
    expect(gaps.slice(0, 7)).toEqual([10, 20, 40, 80, 160, 300, 300])
    const p = pod(c, 'bad')
    expect(p).toMatchObject({ phase: 'Pending', ready: false, ip: expect.stringMatching(/^10\.244\./) })
    // it has an IP, so it is listed, but never as a ready endpoint
    expect(c.snapshot().services.find((s) => s.name === 'web')!.endpoints).toEqual([{ ip: p.ip, pod: 'bad', port: 80, ready: false }])
    const failed = c.events.find((e) => e.reason === 'Failed' && e.message.startsWith('Failed to pull image'))
    expect(failed?.message).toContain('docker.io/library/nginx:doesnotexist: not found')
  })

  it('an unparseable reference is InvalidImageName', () => {
    const c = createCluster({ seed: 2 })
    c.apply(podYaml('weird', { image: 'nginx:' }))
    c.advance(10)
    expect(pod(c, 'weird').status).toBe('InvalidImageName')
  })

  it('a known image without probes is Ready within 30 s; a second pod on the same node skips the pull', () => {
    const c = createCluster({ seed: 2, nodes: 1 })
    c.apply(podYaml('a', { image: 'nginx:1.27' }))
    c.advance(30)
    expect(pod(c, 'a').ready).toBe(true)
    c.apply(podYaml('b', { image: 'nginx:1.27' }))
    c.advance(5)
    expect(pod(c, 'b').ready).toBe(true)
    expect(c.events.filter((e) => e.object === 'Pod/b' && e.reason === 'Pulled')[0]!.message).toBe(
      'Container image "nginx:1.27" already present on machine',
    )
  })
})

describe('probes (C54)', () => {
  it('a failing liveness probe kills the container after 3 failures and it is restarted', () => {
    const c = createCluster({ seed: 3 })
    c.apply(
      podYaml('live', {
        command: 'touch /tmp/healthy; sleep 100; rm -f /tmp/healthy; sleep 3600',
        extra: `\n    livenessProbe:\n      exec: {command: [cat, /tmp/healthy]}\n      periodSeconds: 10`,
      }),
    )
    c.advance(110)
    expect(pod(c, 'live').restarts).toBe(0)
    c.advance(40)
    const unhealthy = c.events.filter((e) => e.object === 'Pod/live' && e.reason === 'Unhealthy')
    expect(unhealthy.length).toBeGreaterThanOrEqual(3)
    expect(unhealthy[0]!.message).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory")
    const killing = c.events.find((e) => e.object === 'Pod/live' && e.reason === 'Killing')!
    expect(killing.message).toBe('Container app failed liveness probe, will be restarted')
    expect(killing.time).toBeGreaterThan(120)
    expect(killing.time).toBeLessThan(135)
    // sh ignores SIGTERM: the kill takes the whole 30 s grace period
    c.advance(40)
    expect(pod(c, 'live').restarts).toBe(1)
  })

  it('a failing readiness probe makes the pod not ready, drops it from endpoints and from readyReplicas, without restarts', () => {
    const c = clusterWith(
      manifests(
        deploymentYaml({
          containers: `      - name: app
        image: busybox:1.36
        command: ["sh", "-c", "touch /tmp/ready; sleep 3600"]
        readinessProbe:
          exec: {command: [cat, /tmp/ready]}
          periodSeconds: 5
`,
        }),
        serviceYaml(),
      ),
      { seed: 3, advance: 30 },
    )
    expect(c.snapshot().deployments[0]).toMatchObject({ readyReplicas: 2, availableReplicas: 2 })
    const victim = c.snapshot().pods[0]!.name
    expect(c.run(`kubectl exec ${victim} -- rm /tmp/ready`).ok).toBe(true)
    c.advance(20)
    const s = c.snapshot()
    expect(s.pods.find((p) => p.name === victim)).toMatchObject({ ready: false, restarts: 0, status: 'Running' })
    expect(s.deployments[0]).toMatchObject({ readyReplicas: 1, availableReplicas: 1 })
    // R=2 with 25% maxUnavailable rounds down to 0 unavailable allowed: 1 available < 2
    expect(s.deployments[0]!.conditions.find((x) => x.type === 'Available')).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
    })
    expect(s.services.find((x) => x.name === 'web')!.endpoints.filter((e) => e.ready)).toHaveLength(1)
  })
})

describe('graceful deletion (C56)', () => {
  it('a deleted pod is Terminating, leaves the ready endpoints, is replaced at once, and disappears after its program exits', () => {
    const c = clusterWith(
      manifests(deploymentYaml({ replicas: 3, image: 'busybox:1.36', containerFields: 'command: ["sleep", "3600"]' }), serviceYaml()),
      { seed: 6, advance: 20 },
    )
    const victim = c.snapshot().pods[0]!
    c.run(`kubectl delete pod ${victim.name}`)
    let s = c.snapshot()
    expect(s.pods.find((p) => p.name === victim.name)).toMatchObject({ status: 'Terminating', terminating: true })
    expect(s.pods.filter((p) => !p.terminating)).toHaveLength(3)
    const ep = [...c.state.endpoints.get('default/web')!.entries.values()].find((e) => e.pod === victim.name)!
    expect(ep).toMatchObject({ ready: false, serving: true, terminating: true })
    expect(c.run('kubectl get endpoints web').output).not.toContain(victim.ip!)
    c.advance(29)
    expect(c.snapshot().pods.some((p) => p.name === victim.name)).toBe(true)
    c.advance(2)
    s = c.snapshot()
    expect(s.pods.some((p) => p.name === victim.name)).toBe(false)
    const next = s.pods[0]!
    expect(c.run(`kubectl delete pod ${next.name} --grace-period=0 --force`).output).toContain(`pod "${next.name}" force deleted`)
    expect(c.snapshot().pods.some((p) => p.name === next.name)).toBe(false)
  })

  it('nginx exits quickly on SIGTERM, so its pod goes away within a second', () => {
    const c = createCluster({ seed: 6 })
    c.apply(podYaml('n', { image: 'nginx:1.27' }))
    c.advance(10)
    c.run('kubectl delete pod n')
    c.advance(1)
    expect(c.snapshot().pods.some((p) => p.name === 'n')).toBe(false)
  })
})

describe('pod IPs and containers', () => {
  it('keeps the IP across container restarts; containers of a pod reach each other on localhost', () => {
    const c = createCluster({ seed: 8 })
    c.apply(`apiVersion: v1
kind: Pod
metadata: {name: duo}
spec:
  containers:
  - {name: web, image: "nginx:1.27"}
  - {name: side, image: "busybox:1.36", command: ["sleep", "3600"]}
`)
    c.advance(15)
    const ip = pod(c, 'duo').ip
    expect(c.run('kubectl exec duo -c side -- wget -qO- http://localhost').output).toContain('Welcome to nginx!')
    c.run('pod crash duo -c web')
    c.advance(10)
    expect(pod(c, 'duo')).toMatchObject({ ip, restarts: 1 })
  })

  it('busybox without a command exits at once and crash-loops, like on a real cluster', () => {
    const c = createCluster({ seed: 8 })
    c.apply(podYaml('bb'))
    c.advance(60)
    expect(['CrashLoopBackOff', 'Completed']).toContain(pod(c, 'bb').status)
    expect(pod(c, 'bb').restarts).toBeGreaterThan(1)
  })
})

describe('startup probes and init containers', () => {
  it('a startup probe holds the other probes back until the app answers; too few attempts kill the container', () => {
    const probe = (threshold: number) =>
      `\n    ports: [{name: http, containerPort: 8080}]\n    startupProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 2, failureThreshold: ${threshold}}\n    readinessProbe: {httpGet: {path: /ready, port: http}, periodSeconds: 2}`
    const patient = createCluster({ seed: 9 })
    patient.apply(podYaml('slow', { image: 'kubelab/hello:slow', extra: probe(30) }))
    patient.advance(15)
    expect(pod(patient, 'slow')).toMatchObject({ ready: false, restarts: 0 })
    patient.advance(15)
    expect(pod(patient, 'slow')).toMatchObject({ ready: true, restarts: 0 })
    const impatient = createCluster({ seed: 9 })
    impatient.apply(podYaml('slow', { image: 'kubelab/hello:slow', extra: probe(3) }))
    impatient.advance(20)
    const killing = impatient.events.find((e) => e.reason === 'Killing')
    expect(killing?.message).toBe('Container app failed startup probe, will be restarted')
    expect(impatient.events.find((e) => e.reason === 'Unhealthy')?.message).toMatch(
      /^Startup probe failed: Get "http:\/\/10\.244\.\d+\.\d+:8080\/healthz": dial tcp .*connection refused$/,
    )
    impatient.advance(10)
    expect(pod(impatient, 'slow').restarts).toBeGreaterThanOrEqual(1)
  })

  it('init containers run to completion, in order, before the app starts (Init:0/1 meanwhile)', () => {
    const c = createCluster({ seed: 9 })
    c.apply(`apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: wait, image: "busybox:1.36", command: ["sh", "-c", "echo waiting; sleep 5"]}
  containers:
  - {name: app, image: "nginx:1.27"}
`)
    c.advance(3)
    expect(pod(c, 'web').status).toBe('Init:0/1')
    c.advance(15)
    expect(pod(c, 'web')).toMatchObject({ status: 'Running', ready: true })
    const started = c.events.filter((e) => e.reason === 'Started').map((e) => e.message)
    expect(started).toEqual(['Started container wait', 'Started container app'])
  })
})

describe('a Pod force-deleted and created again under the same name (the kubelet tracks pods by UID, pkg/kubelet/pod/pod_manager.go)', () => {
  it('starts the new Pod instead of waiting forever behind the old one', () => {
    const c = createCluster({ seed: 7, nodes: 3 })
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: nginx, image: "nginx:1.27"}]}\n'
    c.apply(pod)
    c.advance(30)
    const before = c.run('kubectl get pod web -o wide').output
    expect(c.run('kubectl delete pod web --grace-period=0 --force').output).toContain('pod "web" force deleted')
    expect(c.apply(pod).output).toBe('pod/web created\n')
    c.advance(30)
    const after = c.run('kubectl get pod web -o wide').output
    expect(after).toMatch(/^web\s+1\/1\s+Running\s+0\s+30s\s/m)
    // a new sandbox: a new IP (host-local IPAM never hands the same one out twice in a row)
    expect(after.split('\n')[1]!.split(/\s+/)[5]).not.toBe(before.split('\n')[1]!.split(/\s+/)[5])
  })
})
