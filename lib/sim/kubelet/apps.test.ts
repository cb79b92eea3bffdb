import { describe, expect, it } from 'vitest'
import { createCluster } from '../cluster.ts'

/** A busybox Pod that runs `command` once (restartPolicy Never), as a beginner's manifest would. */
function onePod(command: string[], image = 'busybox:1.36'): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: job}
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: ${image}
    command: ${JSON.stringify(command)}
`
}

// busybox shell/ash.c procargs/setinputfile and find_command; what `kubectl logs` and the STATUS column show
describe('container commands run as busybox runs them (shell/ash.c)', () => {
  const cases: [title: string, command: string[], logs: string, status: string][] = [
    [
      'sh "echo done" (no -c) looks for a script file',
      ['sh', 'echo done'],
      "sh: can't open 'echo done': No such file or directory\n",
      'Error',
    ],
    ['/bin/sh -c with an unknown command', ['/bin/sh', '-c', 'ech hi'], '/bin/sh: ech: not found\n', 'Error'],
    ['sh -c "echo done"', ['sh', '-c', 'echo done'], 'done\n', 'Completed'],
    ['sleep with a bad operand', ['sleep', '5x'], "sleep: invalid number '5x'\n", 'Error'],
  ]
  it.each(cases)('%s', (_title, command, logs, status) => {
    const c = createCluster({ seed: 3 })
    c.apply(onePod(command))
    c.advance(20)
    expect(c.run('kubectl logs job').output).toBe(logs)
    expect(c.snapshot().pods.find((p) => p.name === 'job')!.status).toBe(status)
  })

  it.each([
    [['sh', 'echo done'], 2],
    [['sh', '-c', 'nosuch'], 127],
    [['sh', '-c'], 2],
    [['sh'], 0],
  ])('exit code of %j: %i', (command, code) => {
    const c = createCluster({ seed: 3 })
    c.apply(onePod(command))
    c.advance(20)
    const pod = JSON.parse(c.run('kubectl get pod job -o json').output) as {
      status: { containerStatuses: { state: { terminated?: { exitCode: number } } }[] }
    }
    expect(pod.status.containerStatuses[0]!.state.terminated?.exitCode).toBe(code)
  })

  it('bash is not in the busybox image: the container cannot start', () => {
    const c = createCluster({ seed: 3 })
    c.apply(onePod(['bash', '-c', 'echo hi']))
    c.advance(20)
    expect(c.snapshot().pods.find((p) => p.name === 'job')!.status).toBe('StartError')
  })
})
