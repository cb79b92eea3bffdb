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
    expect(c.run('kubectl get svc --show-labels').output).toMatch(/kubernetes .*component=apiserver,provider=kubernetes|No resources|<none>/)
  })
})
