import { describe, expect, it } from 'vitest'
import { createCluster } from '@/lib/sim/index'
import { recordFrames } from './record-frames'
import { deployment, service } from './test-manifests'

describe('recordFrames', () => {
  it('keeps a frame only when the cluster changed, so a settled five-minute run is a few dozen frames', () => {
    const cluster = createCluster({ seed: 1, nodes: 2 })
    cluster.apply(deployment('web', 'nginx:1.27') + '---\n' + service('web'))
    const frames = recordFrames(cluster, 300, 0.5)
    expect(frames.length).toBeGreaterThan(3)
    expect(frames.length).toBeLessThan(60)
    for (let i = 1; i < frames.length - 1; i++) {
      const { time: _a, ...before } = frames[i - 1]!.state
      const { time: _b, ...after } = frames[i]!.state
      expect(after).not.toEqual(before)
    }
  })

  it('starts with the state as it is and ends at the end of the run, in increasing time', () => {
    const cluster = createCluster({ seed: 1, nodes: 2 })
    cluster.advance(10)
    cluster.apply(deployment('web', 'nginx:1.27'))
    const frames = recordFrames(cluster, 120, 1)
    expect(frames[0]!.time).toBe(10)
    expect(frames[0]!.state.deployments.map((d) => d.name)).toEqual(['web'])
    expect(frames[frames.length - 1]!.time).toBe(130)
    expect(cluster.now).toBe(130)
    for (let i = 1; i < frames.length; i++) expect(frames[i]!.time).toBeGreaterThan(frames[i - 1]!.time)
  })

  it('captures the pods turning Running, and their time matches the frame', () => {
    const cluster = createCluster({ seed: 4, nodes: 3 })
    cluster.apply(deployment('web', 'nginx:1.27'))
    const frames = recordFrames(cluster, 60, 0.5)
    const statuses = frames.map((f) => f.state.pods.map((p) => p.status).join(','))
    expect(statuses.some((s) => s.includes('ContainerCreating'))).toBe(true)
    expect(statuses[statuses.length - 1]).toBe('Running,Running,Running')
    for (const f of frames) expect(f.state.time).toBe(f.time)
  })

  it('records a changing traffic counter as a change', () => {
    const cluster = createCluster({ seed: 2, nodes: 1 })
    cluster.apply(deployment('web', 'nginx:1.27', 1) + '---\n' + service('web'))
    cluster.advance(30)
    cluster.run('traffic start svc/web --rps 2')
    const frames = recordFrames(cluster, 5, 1)
    expect(frames.map((f) => f.state.traffic.web?.sent)).toEqual([0, 2, 4, 6, 8, 10])
  })

  it('survives a zero, negative or non-numeric step and length without looping forever', () => {
    const cluster = createCluster({ seed: 1, nodes: 1 })
    expect(recordFrames(cluster, 0, 1)).toHaveLength(1)
    expect(recordFrames(cluster, -5, 1)).toHaveLength(1)
    expect(recordFrames(cluster, Number.NaN, 1)).toHaveLength(1)
    const frames = recordFrames(cluster, 3, 0)
    expect(frames[frames.length - 1]!.time).toBe(3)
    expect(recordFrames(cluster, 2.5, 1).at(-1)!.time).toBe(5.5)
  })
})
