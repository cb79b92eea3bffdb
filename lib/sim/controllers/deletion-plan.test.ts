import { describe, expect, it } from 'vitest'
import type { Pod } from '../k8s.ts'
import type { ClusterState } from '../state.ts'
import { seedRng, nextInt } from '../rng.ts'
import { toTimestamp } from '../clock.ts'
import { selectForDeletion, type Candidate } from './deletion-plan.ts'
import { podsToDelete } from './scale-down-ranking.ts'

const epoch = Date.UTC(2026, 10, 28)

/** Pods of one ReplicaSet spread unevenly over nodes (some unscheduled), with varied readiness, restarts and ages. */
function scenario(seed: number, pods: number, nodes: number) {
  const rng = seedRng(seed)
  const now = 3_600_000
  const all: Pod[] = []
  for (let i = 0; i < pods; i++) {
    const node = nextInt(rng, 5) === 0 ? undefined : `node-${nextInt(rng, nodes)}`
    const ready = node !== undefined && nextInt(rng, 4) > 0
    // distinct times: upstream's rule 6/8 comparator (log2 buckets, UID only within a bucket of *different*
    // times) is not transitive when two pods share a time, and then no two sorts need agree
    const created = now - 1000 * (9000 + 7 * i + nextInt(rng, 7))
    const readyAt = now - 1000 * (1 + 7 * i + nextInt(rng, 7))
    all.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `web-${i}`,
        namespace: 'default',
        uid: `uid-${String(i).padStart(5, '0')}-${nextInt(rng, 1000)}`,
        creationTimestamp: toTimestamp(epoch, created),
      },
      spec: { nodeName: node, containers: [{ name: 'app', image: 'nginx' }] },
      status: {
        phase: node ? (nextInt(rng, 6) === 0 ? 'Pending' : 'Running') : 'Pending',
        conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: toTimestamp(epoch, readyAt) }],
        containerStatuses: [{ name: 'app', ready, restartCount: nextInt(rng, 3), image: 'nginx', imageID: '' }],
      },
    } as Pod)
  }
  return { now, all }
}

describe('the deletion plan', () => {
  it('picks, burst after burst at one instant, exactly what a fresh ranking of the remaining pods would', () => {
    for (const [seed, pods, nodes] of [
      [1, 300, 7],
      [2, 1200, 40],
      [3, 90, 1],
    ] as const) {
      const { now, all } = scenario(seed, pods, nodes)
      const active = new Set(all.map((p) => `default/${p.metadata!.name}`))
      const byKey = new Map(all.map((p) => [`default/${p.metadata!.name}`, p]))
      const state = {
        now,
        config: { epoch },
        objects: { Pod: byKey },
        indexes: { contributions: { get: (k: string) => ({ active: active.has(k) }) } },
      } as unknown as ClusterState
      const perNode = new Map<string, number>()
      for (const p of all) if (p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1)
      const liveCount = (node: string): number => perNode.get(node) ?? 0
      const gather = (): Candidate[] =>
        all
          .filter((p) => active.has(`default/${p.metadata!.name}`))
          .map((p) => ({ key: `default/${p.metadata!.name}`, pod: p, related: p.spec?.nodeName ? liveCount(p.spec.nodeName) : 0 }))
      let bursts = 0
      while (active.size > 10) {
        const count = Math.min(1 + ((bursts * 37) % 60), active.size - 10)
        // what upstream does each sync: rank the remaining pods afresh and take the first `count`
        const fresh = podsToDelete(
          gather().map((c) => ({ pod: c.pod, relatedOnNode: c.related })),
          count,
          now,
          epoch,
        ).map((p) => `default/${p.metadata!.name}`)
        const planned = selectForDeletion(state, 'rs-uid', count, 'same-version', gather, liveCount)
        expect(planned).toEqual(fresh)
        for (const k of planned) {
          active.delete(k)
          const node = byKey.get(k)!.spec?.nodeName
          if (node) perNode.set(node, perNode.get(node)! - 1)
        }
        bursts++
      }
      expect(bursts).toBeGreaterThan(3)
    }
  })
})
