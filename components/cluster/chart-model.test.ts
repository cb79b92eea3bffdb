import { describe, expect, it } from 'vitest'
import { createCluster, type TimelinePoint } from '@/lib/sim/index'
import { countsAt, deploymentNames, deploymentSamples, gridValues, makeScale, niceMax, seriesRange, stepPath } from './chart-model'
import { deployment } from './test-manifests'

const point = (time: number, replicas: number, ready = replicas): TimelinePoint => ({
  time,
  deployments: { web: { replicas, updatedReplicas: replicas, readyReplicas: ready, availableReplicas: ready } },
  services: {},
})
const box = { width: 110, height: 60, padLeft: 10, padRight: 0, padTop: 0, padBottom: 10 }

describe('deploymentSamples', () => {
  it('starts with the value in force at the window start and ends with the value at its end', () => {
    const points = [point(0, 1), point(5, 3, 1), point(20, 3), point(200, 5)]
    const samples = deploymentSamples(points, 'web', 10, 100)
    expect(samples.map((s) => [s.time, s.counts.replicas, s.counts.readyReplicas])).toEqual([
      [10, 3, 1],
      [20, 3, 3],
      [100, 3, 3],
    ])
  })

  it('counts a Deployment missing from a point as zero pods', () => {
    const samples = deploymentSamples([{ time: 0, deployments: {}, services: {} }, point(2, 2)], 'web', 0, 4)
    expect(samples.map((s) => s.counts.replicas)).toEqual([0, 2, 2])
  })

  it('shows the surge above the desired count during a real rolling update', () => {
    const cluster = createCluster({ seed: 9, nodes: 2 })
    cluster.apply(deployment('web', 'nginx:1.27', 4))
    cluster.advance(30)
    cluster.run('kubectl set image deployment/web app=nginx:1.28')
    cluster.advance(60)
    expect(deploymentNames(cluster.timeline)).toEqual(['web'])
    const samples = deploymentSamples(cluster.timeline, 'web', 30, 90)
    expect(seriesRange(samples, 'replicas').max).toBe(5)
    expect(seriesRange(samples, 'availableReplicas').min).toBe(3)
    expect(countsAt(samples, 90)).toEqual({ replicas: 4, updatedReplicas: 4, readyReplicas: 4, availableReplicas: 4 })
  })
})

describe('scales and paths', () => {
  it('maps the window onto the inner box, clamping outside values', () => {
    const scale = makeScale(box, 10, 20, 4)
    expect([scale.x(10), scale.x(15), scale.x(20), scale.x(99)]).toEqual([10, 60, 110, 110])
    expect([scale.y(0), scale.y(2), scale.y(4), scale.y(-1)]).toEqual([50, 25, 0, 50])
  })

  it('draws a step line that holds a value until the next change', () => {
    const samples = deploymentSamples([point(0, 1), point(5, 3)], 'web', 0, 10)
    const scale = makeScale(box, 0, 10, 4)
    expect(stepPath(samples, 'replicas', scale)).toBe('M10 37.5 H60 V12.5 H110')
    expect(stepPath(samples, 'replicas', scale, 2)).toBe('M10 39.5 H60 V14.5 H110')
  })

  it('picks a y axis with whole gridlines, at most five', () => {
    const samples = (max: number) => [{ time: 0, counts: { replicas: max, updatedReplicas: 0, readyReplicas: 0, availableReplicas: 0 } }]
    expect(niceMax(samples(0))).toBe(1)
    expect(niceMax(samples(3))).toBe(3)
    expect(niceMax(samples(5))).toBe(6)
    expect(niceMax(samples(10))).toBe(12)
    expect(gridValues(3)).toEqual([0, 1, 2, 3])
    expect(gridValues(6)).toEqual([0, 2, 4, 6])
    expect(gridValues(12)).toEqual([0, 3, 6, 9, 12])
  })
})
