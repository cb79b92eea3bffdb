import { describe, expect, it } from 'vitest'
import { createCluster } from '@/lib/sim/index'
import { intlRenderer } from '@/lib/testing/render'
import koCluster from '@/messages/ko/cluster.json'
import enCluster from '@/messages/en/cluster.json'
import koTimeline from '@/messages/ko/timeline.json'
import enTimeline from '@/messages/en/timeline.json'
import { ClusterView } from './ClusterView'
import { recordFrames } from './record-frames'
import { ReplicasChart } from './ReplicasChart'
import { TimelinePlayer } from './TimelinePlayer'
import { deployment, pod, service } from './test-manifests'

const render = intlRenderer({ ko: { cluster: koCluster, timeline: koTimeline }, en: { cluster: enCluster, timeline: enTimeline } })

function busyCluster() {
  const cluster = createCluster({ seed: 11, nodes: 2 })
  cluster.apply(
    [
      deployment('web', 'nginx:1.27', 2),
      service('web'),
      pod('crasher', 'busybox:1.36', '    command: ["sh", "-c", "exit 1"]\n'),
      pod('typo', 'nginx:9.9'),
      pod('huge', 'nginx:1.27', '    resources:\n      requests:\n        cpu: "64"\n'),
    ].join('---\n'),
  )
  return cluster
}

describe('ClusterView', () => {
  it.each(['ko', 'en'] as const)('names every node, pod and Service in words (%s)', (locale) => {
    const cluster = busyCluster()
    cluster.advance(60)
    const state = cluster.snapshot()
    const html = render(<ClusterView state={state} />, locale)
    for (const n of state.nodes) expect(html).toContain(`aria-label="${locale === 'ko' ? '노드' : 'Node'} ${n.name}, Ready`)
    for (const p of state.pods) expect(html).toMatch(new RegExp(`aria-label="Pod ${p.name}: ${p.status}, `))
    expect(html).toContain('CrashLoopBackOff')
    expect(html).toContain('ImagePullBackOff')
    // The ready endpoints of the Service are listed as text, not only drawn.
    for (const p of state.pods.filter((x) => x.owner)) expect(html).toContain(`<li>${p.name}</li>`)
  })

  it('keeps an unscheduled pod outside the node boxes', () => {
    const cluster = busyCluster()
    cluster.advance(5)
    const html = render(<ClusterView state={cluster.snapshot()} />)
    const pending = html.slice(html.indexOf('class="cv-pending"'))
    expect(pending).toContain('data-pod="default/huge"')
    expect(html.slice(0, html.indexOf('class="cv-pending"'))).not.toContain('data-pod="default/huge"')
  })

  it('says so when the cluster is empty', () => {
    expect(render(<ClusterView state={createCluster({ nodes: 1 }).snapshot()} />)).toContain('아직 Pod도 Service도 없습니다')
  })
})

describe('TimelinePlayer', () => {
  function recording() {
    const cluster = busyCluster()
    const frames = recordFrames(cluster, 60, 0.5)
    return { frames, timeline: cluster.timeline, events: cluster.events }
  }

  it('starts at the beginning when it plays by itself, with no events yet shown beyond that moment', () => {
    const r = recording()
    const html = render(<TimelinePlayer {...r} />)
    expect(html).toContain('aria-valuetext="1:00 중 0:00"')
    expect(html).not.toContain('>CrashLoopBackOff<')
    expect(html).toContain('aria-label="일시정지"')
  })

  it('shows the end, paused, when it does not play by itself, and lists the newest event first', () => {
    const r = recording()
    const html = render(<TimelinePlayer {...r} autoPlay={false} />, 'en')
    expect(html).toContain('aria-valuetext="1:00 of 1:00"')
    expect(html).toContain('>CrashLoopBackOff<')
    const reasons = [...html.matchAll(/class="cv-event-reason">(?:<svg[^]*?<\/svg>)?<span[^>]*>(?:Normal|Warning)<\/span> (\w+)/g)].map(
      (m) => m[1],
    )
    const newest = r.events.at(-1)!.reason
    expect(reasons[0]).toBe(newest)
  })

  it('says there is nothing to play before the first recording', () => {
    expect(render(<TimelinePlayer frames={[]} timeline={[]} events={[]} />)).toContain('아직 기록이 없습니다')
  })
})

describe('ReplicasChart', () => {
  it('draws the four series and tells the same story as a table', () => {
    const cluster = createCluster({ seed: 3, nodes: 2 })
    cluster.apply(deployment('web', 'nginx:1.27', 3))
    cluster.advance(20)
    const html = render(<ReplicasChart timeline={cluster.timeline} cursor={5} />, 'en')
    for (const s of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas']) expect(html).toContain(`data-series="${s}" d="M`)
    expect(html).toContain('class="cv-chart-cursor"')
    expect(html).toContain('<caption>Pod counts of web over time</caption>')
    expect(html).toContain('aria-label="web: at most 3 pods; between 0 and 3 available."')
  })
})
