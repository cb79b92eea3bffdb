import { describe, expect, it } from 'vitest'
import { createCluster } from '../cluster.ts'

describe('kubectl get --show-labels', () => {
  it('adds the LABELS column last, sorted, as kubectl prints it', () => {
    const c = createCluster({ seed: 7 })
    c.run('kubectl create deployment web --image=nginx:1.27 --replicas=2')
    c.advance(30)
    const lines = c.run('kubectl get pods --show-labels').output.trim().split('\n')
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+LABELS$/)
    for (const line of lines.slice(1)) expect(line).toMatch(/\sapp=web,pod-template-hash=[a-z0-9]+$/)
    expect(c.run('kubectl get svc --show-labels').output).toMatch(
      /kubernetes .*component=apiserver,provider=kubernetes|No resources|<none>/,
    )
  })
})

describe('kubectl get -L (--label-columns)', () => {
  const pods = `apiVersion: v1
kind: Pod
metadata: { name: a, labels: { app: web, tier: frontend, example.com/team: blue } }
spec: { containers: [{ name: c, image: nginx:1.27 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: b, labels: { app: cart } }
spec: { containers: [{ name: c, image: nginx:1.27 }] }
`
  it('adds one column per key after the others, its header the key upper-cased, empty where the label is missing', () => {
    const c = createCluster({ seed: 7 })
    c.apply(pods)
    c.advance(10)
    const lines = c.run('kubectl get pods -L tier,app').output.split('\n')
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+TIER\s+APP$/)
    expect(lines[1]).toMatch(/^a\s+1\/1\s+Running\s+0\s+10s\s+frontend\s+web$/)
    expect(lines[2]).toMatch(/^b\s+1\/1\s+Running\s+0\s+10s\s+cart$/)
    expect(lines[2]!.indexOf('cart')).toBe(lines[1]!.indexOf('web'))
  })
  it('takes repeated -L flags and --label-columns=, uses the last path segment as the header, and comes before LABELS', () => {
    const c = createCluster({ seed: 7 })
    c.apply(pods)
    c.advance(10)
    const header = c.run('kubectl get pods -L example.com/team --label-columns=app --show-labels -o wide').output.split('\n')[0]!
    expect(header).toMatch(/\sREADINESS GATES\s+TEAM\s+APP\s+LABELS$/)
    expect(c.run('kubectl get pods -A -Ltier').output.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s.*AGE\s+TIER$/)
  })
})
