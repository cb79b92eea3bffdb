// Memory limits and the OOM killer, as upstream's docs task "Assign Memory Resources to Containers and Pods"
// (content/en/docs/tasks/configure-pod-container/assign-memory-resource.md, its polinux/stress examples) shows
// them, with the kubelet's container status (pkg/kubelet/kuberuntime/kuberuntime_container.go) and kubectl's
// STATUS column (pkg/printers/internalversion/printers.go printPod).
import { describe, expect, it } from 'vitest'
import { createCluster, type Cluster } from '../cluster.ts'
import { resolveProgram, stressProgram } from './apps.ts'
import { lookupImage } from './images.ts'
import { memoryLimitBytes, oomKillAfterMs, residentBytes } from './memory.ts'

const MiB = 1024 * 1024

function stressPod(name: string, limit: string | null, o: { bytes?: string; restartPolicy?: string; request?: string } = {}): string {
  const resources =
    limit === null ? '' : `\n    resources:\n      requests: {memory: ${o.request ?? limit}}\n      limits: {memory: ${limit}}`
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  restartPolicy: ${o.restartPolicy ?? 'Always'}
  containers:
  - name: stress
    image: polinux/stress:1.0.4
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "${o.bytes ?? '150M'}", "--vm-hang", "1"]${resources}
`
}

function statuses(c: Cluster, name: string, seconds: number): string[] {
  const seen: string[] = []
  for (let i = 0; i < seconds * 4; i++) {
    c.advance(0.25)
    const row = c.run(`kubectl get pod ${name}`).output.split('\n')[1]!.trim().split(/\s+/)
    if (seen[seen.length - 1] !== row[2]) seen.push(row[2]!)
  }
  return seen
}

describe('the memory model', () => {
  it('stress holds its workers’ buffers (M = MiB for stress) plus a few MiB of its own', () => {
    const p = stressProgram(['--vm', '2', '--vm-bytes', '150M'])
    expect(residentBytes(p)).toBe(2 * 150 * MiB + 5 * MiB)
    expect(residentBytes(stressProgram(['--vm', '1', '--vm-bytes', '1g']))).toBe(1024 * MiB + 5 * MiB)
    expect(residentBytes(stressProgram(['--vm', '1']))).toBe(256 * MiB + 5 * MiB) // default --vm-bytes 256M
    expect(residentBytes(stressProgram(['--cpu', '1']))).toBe(5 * MiB)
  })

  it('the limit is the quantity in whole bytes, rounded up (Quantity.Value())', () => {
    const c = (memory: string) => ({ name: 'c', resources: { limits: { memory } } }) as never
    expect(memoryLimitBytes(c('128Mi'))).toBe(128 * MiB)
    expect(memoryLimitBytes(c('128M'))).toBe(128_000_000)
    expect(memoryLimitBytes(c('128m'))).toBe(1)
    expect(memoryLimitBytes({ name: 'c' } as never)).toBeUndefined()
  })

  it('catalogue servers keep a few MiB: nginx fits 16Mi, not 4Mi', () => {
    const nginx = resolveProgram(lookupImage('nginx:1.27')!, { name: 'web', image: 'nginx:1.27' })
    expect(oomKillAfterMs(nginx, 16 * MiB)).toBeUndefined()
    expect(oomKillAfterMs(nginx, 4 * MiB)).toBe(200)
    expect(oomKillAfterMs(nginx, undefined)).toBeUndefined()
  })
})

describe('OOMKilled', () => {
  it('a container over its limit: OOMKilled, then CrashLoopBackOff, last state Terminated OOMKilled 137', () => {
    const c = createCluster({ seed: 4 })
    c.apply(stressPod('mem', '100Mi'))
    const seen = statuses(c, 'mem', 40)
    expect(seen).toEqual([
      'ContainerCreating',
      'Running',
      'OOMKilled',
      'ContainerCreating',
      'Running',
      'OOMKilled',
      'CrashLoopBackOff',
      'Running',
      'OOMKilled',
      'CrashLoopBackOff',
      'Running',
      'OOMKilled',
      'CrashLoopBackOff',
    ])
    const describe = c.run('kubectl describe pod mem').output
    expect(describe).toMatch(/ {4}Last State: {5}Terminated\n {6}Reason: {7}OOMKilled\n {6}Exit Code: {4}137\n/)
    expect(describe).toMatch(/^ {4}Limits:\n {6}memory: {2}100Mi\n {4}Requests:\n {6}memory: {5}100Mi\n {4}Environment: {2}<none>$/m)
    expect(c.run('kubectl get pod mem').output).toMatch(/mem\s+0\/1\s+CrashLoopBackOff\s+3 \(/)
    expect(c.run('kubectl logs mem --previous').output).toBe('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n')
  })

  it('a limit with room above what the program holds: it runs, no restarts', () => {
    const c = createCluster({ seed: 4 })
    c.apply(stressPod('mem', '200Mi', { request: '100Mi' }))
    c.advance(60)
    expect(c.run('kubectl get pod mem').output).toMatch(/mem\s+1\/1\s+Running\s+0\s/)
    expect(c.run('kubectl describe pod mem').output).toMatch(/^QoS Class: +Burstable$/m)
  })

  it('150M (decimal megabytes) is less than the 150 MiB stress allocates: killed; 160Mi is enough', () => {
    const c = createCluster({ seed: 4 })
    c.apply(stressPod('decimal', '160M'))
    c.apply(stressPod('binary', '160Mi'))
    c.advance(30)
    expect(c.run('kubectl get pod decimal').output).toMatch(/decimal\s+0\/1\s+CrashLoopBackOff/)
    expect(c.run('kubectl get pod binary').output).toMatch(/binary\s+1\/1\s+Running\s+0\s/)
  })

  it('restartPolicy Never: the pod fails with the OOMKilled container', () => {
    const c = createCluster({ seed: 4 })
    c.apply(stressPod('once', '64Mi', { restartPolicy: 'Never' }))
    c.advance(20)
    expect(c.run('kubectl get pod once').output).toMatch(/once\s+0\/1\s+OOMKilled\s+0\s/)
    const pod = c.state.objects.Pod.get('default/once') as never as {
      status: { phase: string; containerStatuses: { state: { terminated: { reason: string; exitCode: number } } }[] }
    }
    expect(pod.status.phase).toBe('Failed')
    expect(pod.status.containerStatuses[0]!.state.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 })
  })

  it('nginx under a 4Mi limit is OOM-killed; its neighbour container is not', () => {
    const c = createCluster({ seed: 4 })
    c.apply(`apiVersion: v1
kind: Pod
metadata: {name: tiny}
spec:
  containers:
  - name: web
    image: nginx:1.27
    resources: {limits: {memory: 4Mi}}
  - name: side
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
`)
    c.advance(30)
    expect(c.run('kubectl get pod tiny').output).toMatch(/tiny\s+1\/2\s+CrashLoopBackOff\s+[1-9]/)
    const s = (
      c.state.objects.Pod.get('default/tiny') as never as {
        status: { containerStatuses: { name: string; restartCount: number; lastState: { terminated?: { reason: string } } }[] }
      }
    ).status.containerStatuses
    expect(s.find((x) => x.name === 'web')!.lastState.terminated!.reason).toBe('OOMKilled')
    expect(s.find((x) => x.name === 'side')!.restartCount).toBe(0)
  })

  it('memory: 128m is 0.128 bytes: runc cannot even start the container (StartError), and the pod crash-loops', () => {
    const c = createCluster({ seed: 4 })
    c.apply(stressPod('milli', '128m'))
    c.advance(30)
    expect(c.run('kubectl get pod milli').output).toMatch(/milli\s+0\/1\s+CrashLoopBackOff/)
    expect(c.run('kubectl describe pod milli').output).toMatch(/Reason: {7}StartError\n {6}Exit Code: {4}128/)
    expect(c.run('kubectl get events').output).toMatch(/container init was OOM-killed \(memory limit too low\?\)/)
  })

  it('without a limit the program takes what it asks for', () => {
    const c = createCluster({ seed: 4 })
    c.apply(stressPod('free', null, { bytes: '2g' }))
    c.advance(30)
    expect(c.run('kubectl get pod free').output).toMatch(/free\s+1\/1\s+Running\s+0\s/)
    expect(c.run('kubectl describe pod free').output).toMatch(/^QoS Class: +BestEffort$/m)
  })

  it('stress --timeout ends the container with exit code 0', () => {
    const c = createCluster({ seed: 4 })
    c.apply(`apiVersion: v1
kind: Pod
metadata: {name: t}
spec:
  restartPolicy: Never
  containers:
  - name: stress
    image: polinux/stress
    command: ["stress", "--vm", "1", "--vm-bytes", "10M", "--timeout", "10s"]
`)
    c.advance(30)
    expect(c.run('kubectl get pod t').output).toMatch(/t\s+0\/1\s+Completed\s+0\s/)
  })
})
