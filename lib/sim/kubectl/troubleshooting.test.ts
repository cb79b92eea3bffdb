import { describe, expect, it } from 'vitest'
import { createCluster } from '../cluster.ts'

const BROKEN = `apiVersion: v1
kind: Pod
metadata: {name: api}
spec: {containers: [{name: nginx, image: "nginx:1.72"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: cache}
spec:
  nodeSelector: {disk: ssd}
  containers: [{name: redis, image: "redis:7.4"}]
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
`

describe('kubectl describe pod of a Pod no node was found for (describe.go)', () => {
  it('prints no Start Time, IPs <none>, and no container ID, state, readiness or restarts: the Pod has no container status yet', () => {
    const c = createCluster({ seed: 7 })
    c.apply(BROKEN)
    c.advance(30)
    const out = c.run('kubectl describe pod cache').output
    expect(out).not.toContain('Start Time:')
    expect(out).toContain('\nIPs:              <none>\n')
    expect(out).toContain(
      '  redis:\n    Image:        redis:7.4\n    Port:         <none>\n    Host Port:    <none>\n    Environment:  <none>\n    Mounts:       <none>\nConditions:\n',
    )
    expect(out).not.toMatch(/Container ID:|State:|Restart Count:|Ready:/)
    expect(out).toMatch(
      /Warning {2}FailedScheduling {2}30s {3}default-scheduler {2}0\/3 nodes are available: 3 node\(s\) didn't match Pod's node affinity\/selector\./,
    )
    // a scheduled Pod keeps every line
    const api = c.run('kubectl describe pod api').output
    expect(api).toMatch(/Start Time: {7}Wed, 01 Jan 2025 09:00:00 \+0000\n/)
    expect(api).toMatch(/\nIPs:\n {2}IP: {2}10\.244\.\d+\.\d+\n/)
    expect(api).toMatch(/ {4}State: {10}Waiting\n {6}Reason: {7}(ErrImagePull|ImagePullBackOff)\n/)
  })
})

describe('kubectl get events --sort-by', () => {
  const rows = (out: string) =>
    out
      .trim()
      .split('\n')
      .slice(1)
      .map((l) =>
        l
          .split(/\s{2,}/)
          .slice(-3)
          .join(' | '),
      )

  it('.metadata.creationTimestamp orders an aggregated event by its first occurrence, .lastTimestamp by its latest', () => {
    const c = createCluster({ seed: 7 })
    c.apply(BROKEN)
    c.advance(60)
    const byFirst = rows(c.run('kubectl get events --sort-by=.metadata.creationTimestamp').output)
    const byLast = rows(c.run('kubectl get events --sort-by .lastTimestamp').output)
    const pulling = 'Pulling | pod/api | Pulling image "nginx:1.72"'
    const webStarted = 'Started | pod/web | Started container nginx'
    // api's pull was first tried before web's container started, and last tried after it
    expect(byFirst.indexOf(pulling)).toBeLessThan(byFirst.indexOf(webStarted))
    expect(byLast.indexOf(pulling)).toBeGreaterThan(byLast.indexOf(webStarted))
    // the same events, only ordered differently; JSONPath braces are accepted too
    expect([...byFirst].sort()).toEqual([...byLast].sort())
    expect(rows(c.run("kubectl get events --sort-by='{.metadata.creationTimestamp}'").output)).toEqual(byFirst)
    // the first column still shows the latest occurrence and the count
    expect(c.run('kubectl get events --sort-by=.metadata.creationTimestamp').output).toMatch(
      /\n\d+s \(x\d over \d+s\) +Normal +Pulling +pod\/api /,
    )
  })
})
