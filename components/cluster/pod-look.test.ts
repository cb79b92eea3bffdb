import { describe, expect, it } from 'vitest'
import { createCluster } from '@/lib/sim/index'
import { podTone, shortPodName, isTroubleTone } from './pod-look'
import { deployment, pod } from './test-manifests'

const look = (status: string, ready = false, terminating = false) => podTone({ status, ready, terminating })

describe('podTone maps kubectl STATUS to a tone', () => {
  it.each([
    ['ContainerCreating', false, 'creating'],
    ['PodInitializing', false, 'creating'],
    ['Init:0/1', false, 'creating'],
    ['Running', true, 'running'],
    ['Running', false, 'not-ready'],
    ['NotReady', false, 'not-ready'],
    ['CrashLoopBackOff', false, 'crash'],
    ['Init:CrashLoopBackOff', false, 'crash'],
    ['ImagePullBackOff', false, 'image'],
    ['ErrImagePull', false, 'image'],
    ['Init:ErrImagePull', false, 'image'],
    ['InvalidImageName', false, 'image'],
    ['Pending', false, 'pending'],
    ['Completed', false, 'completed'],
    ['Error', false, 'error'],
    ['StartError', false, 'error'],
    ['ExitCode:2', false, 'error'],
    ['Init:Error', false, 'error'],
    ['Unknown', false, 'unknown'],
    ['SomethingNew', false, 'unknown'],
  ] as const)('%s (ready=%s) → %s', (status, ready, tone) => {
    expect(look(status, ready)).toBe(tone)
  })

  it('a pod being deleted is Terminating whatever its containers say', () => {
    expect(look('Terminating', false, true)).toBe('terminating')
    expect(look('Running', true, true)).toBe('terminating')
  })

  it('marks crashes, pull failures, errors and lost nodes as trouble, and a healthy pod not', () => {
    expect(['crash', 'image', 'error', 'unknown'].every((t) => isTroubleTone(t as never))).toBe(true)
    expect(isTroubleTone('running')).toBe(false)
    expect(isTroubleTone('creating')).toBe(false)
  })
})

describe('podTone on pods the simulator produces', () => {
  it('follows a Deployment from ContainerCreating to Running and ready', () => {
    const cluster = createCluster({ seed: 3, nodes: 1 })
    cluster.apply(deployment('web', 'nginx:1.27', 1))
    cluster.advance(1.5)
    expect(podTone(cluster.snapshot().pods[0]!)).toBe('creating')
    cluster.advance(30)
    expect(podTone(cluster.snapshot().pods[0]!)).toBe('running')
  })

  it('shows an unknown image as a pull failure and a crashing command as a crash loop', () => {
    const cluster = createCluster({ seed: 3, nodes: 1 })
    cluster.apply(pod('typo', 'nginx:1.27-nope') + '---\n' + pod('crasher', 'busybox:1.36', '    command: ["sh", "-c", "exit 1"]\n'))
    cluster.advance(60)
    const tones = Object.fromEntries(cluster.snapshot().pods.map((p) => [p.name, podTone(p)]))
    expect(tones).toEqual({ crasher: 'crash', typo: 'image' })
  })

  it('shows a deleted pod as terminating while it shuts down', () => {
    const cluster = createCluster({ seed: 3, nodes: 1 })
    cluster.apply(pod('sleeper', 'busybox:1.36', '    command: ["sleep", "3600"]\n'))
    cluster.advance(10)
    cluster.run('kubectl delete pod sleeper --wait=false')
    const p = cluster.snapshot().pods.find((x) => x.name === 'sleeper')
    expect(p && podTone(p)).toBe('terminating')
  })
})

describe('shortPodName', () => {
  it('keeps the generated suffix of an owned pod and the whole name of a bare one', () => {
    expect(shortPodName('web-7d4b9c-x2kq9', 'ReplicaSet/web-7d4b9c')).toBe('x2kq9')
    expect(shortPodName('hello', null)).toBe('hello')
    expect(shortPodName('other-name', 'ReplicaSet/web-7d4b9c')).toBe('other-name')
  })
})
