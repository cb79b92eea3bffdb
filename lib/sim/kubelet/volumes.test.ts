import { describe, expect, it } from 'vitest'
import { createCluster } from '../cluster.ts'

const twoRooms = `apiVersion: v1
kind: Pod
metadata:
  name: two-rooms
spec:
  volumes:
    - name: html
      emptyDir: {}
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
      volumeMounts:
        - name: html
          mountPath: /usr/share/nginx/html
    - name: helper
      image: busybox:1.36
      command: ["sh", "-c", "echo '<h1>hello from the helper</h1>' > /html/index.html && sleep 3600"]
      volumeMounts:
        - name: html
          mountPath: /html
`

const writerAndFollower = `apiVersion: v1
kind: Pod
metadata:
  name: log-demo
spec:
  volumes:
    - name: logs
      emptyDir: {}
  containers:
    - name: writer
      image: busybox:1.36
      command: ["sh", "-c", "while true; do echo tick >> /data/app.log; sleep 5; done"]
      volumeMounts:
        - name: logs
          mountPath: /data
    - name: shipper
      image: busybox:1.36
      command: ["tail", "-F", "/logs/app.log"]
      volumeMounts:
        - name: logs
          mountPath: /logs
`

describe('emptyDir volumes', () => {
  it('let a sidecar follow a file another container appends to (tail -F), shown by kubectl logs', () => {
    const cluster = createCluster({ seed: 7 })
    expect(cluster.apply(writerAndFollower).ok).toBe(true)
    cluster.advance(60)
    expect(cluster.run('kubectl get pod log-demo').output).toMatch(/log-demo\s+2\/2\s+Running\s+0/)
    const lines = cluster.run('kubectl logs log-demo -c shipper').output.trim().split('\n')
    expect(lines.filter((l) => l === 'tick').length).toBeGreaterThanOrEqual(8)
  })

  it('share a file one container writes with another that serves it (lesson 3)', () => {
    const cluster = createCluster({ seed: 7 })
    expect(cluster.apply(twoRooms).ok).toBe(true)
    cluster.advance(30)
    expect(cluster.run('kubectl get pod two-rooms').output).toMatch(/two-rooms\s+2\/2\s+Running/)
    const answer = cluster.run('kubectl exec two-rooms -c helper -- wget -qO- http://localhost')
    expect(answer.output).toBe('<h1>hello from the helper</h1>\n')
  })

  it('serve nginx 403 Forbidden while the mounted web root is still empty', () => {
    const cluster = createCluster({ seed: 7 })
    cluster.apply(twoRooms.replace(`"echo '<h1>hello from the helper</h1>' > /html/index.html && sleep 3600"`, '"sleep 3600"'))
    cluster.advance(30)
    expect(cluster.run('kubectl exec two-rooms -c helper -- wget -qO- http://localhost').output).toMatch(/403/)
  })

  it("are per pod, and exec sees them under each container's own mount path", () => {
    const cluster = createCluster({ seed: 7 })
    cluster.apply(twoRooms)
    cluster.apply(
      twoRooms
        .replace('name: two-rooms', 'name: other')
        .replace(`"echo '<h1>hello from the helper</h1>' > /html/index.html && sleep 3600"`, '"sleep 3600"'),
    )
    cluster.advance(30)
    expect(cluster.run('kubectl exec two-rooms -c nginx -- cat /usr/share/nginx/html/index.html').output).toBe(
      '<h1>hello from the helper</h1>\n',
    )
    expect(cluster.run('kubectl exec other -c helper -- ls /html').output).toBe('')
    expect(cluster.run('kubectl exec other -c helper -- wget -qO- http://localhost').output).toMatch(/403|error/)
  })
})
