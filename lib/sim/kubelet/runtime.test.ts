import { describe, expect, it } from 'vitest'
import { newContainer } from './containers.ts'
import { cloneProbes } from './running.ts'
import { copyPodRuntime, type PodRuntime } from './runtime.ts'

function populatedRuntime(): PodRuntime {
  const c = newContainer({ name: 'web', image: 'nginx:1.27' }, false)
  c.waitingMessage = 'pulling'
  c.env = { LOG_LEVEL: 'debug' }
  c.probes = { readiness: { nextAt: 5000, successes: 1, failures: 0 } }
  return {
    uid: 'u1',
    key: 'default/web-1',
    node: 'node-1',
    startTime: 0,
    sandboxAt: 1000,
    ip: '10.244.0.5',
    containers: [c],
    terminatingSince: null,
    removed: false,
    volumes: { cache: { 'a.txt': 'x' } },
    trafficAnswer: undefined,
    statusShown: { phase: 'Running' },
  }
}

describe('copyPodRuntime', () => {
  it('copies every field of the pod and its containers (a field added to the types must be added to the copy)', () => {
    const rt = populatedRuntime()
    const copy = copyPodRuntime(rt, cloneProbes)
    expect(copy).toEqual(rt)
    expect(Object.keys(copy).sort()).toEqual(Object.keys(rt).sort())
    expect(Object.keys(copy.containers[0]!).sort()).toEqual(Object.keys(rt.containers[0]!).sort())
  })

  it('is copy-on-write: editing the copy leaves the original (the cluster state) alone', () => {
    const rt = populatedRuntime()
    const copy = copyPodRuntime(rt, cloneProbes)
    copy.containers[0]!.ready = true
    copy.containers[0]!.probes.readiness!.nextAt = 10_000
    copy.ip = null
    expect(rt.containers[0]!.ready).toBe(false)
    expect(rt.containers[0]!.probes.readiness!.nextAt).toBe(5000)
    expect(rt.ip).toBe('10.244.0.5')
  })

  it('drops the traffic answer kept on the runtime it copies (a sync may change what the pod answers)', () => {
    const rt = populatedRuntime()
    rt.trafficAnswer = { pod: {}, port: 80, path: '/', from: 0, container: rt.containers[0] }
    expect(copyPodRuntime(rt, cloneProbes).trafficAnswer).toBeUndefined()
  })
})
