/** kubectl set env / set resources (staging/src/k8s.io/kubectl/pkg/cmd/set/set_env.go, set_resources.go). */
import { describe, expect, it } from 'vitest'
import { createCluster, type Cluster } from '../cluster.ts'

function cluster(): Cluster {
  const c = createCluster({ seed: 4 })
  c.run('kubectl create deployment web --image=nginx:1.27 --replicas=2 --port=80')
  c.advance(20)
  return c
}

const container = (c: Cluster) => JSON.parse(c.run('kubectl get deploy web -o json').output).spec.template.spec.containers[0]

describe('kubectl set resources', () => {
  it.each([
    'kubectl set resources deployment/web -c=nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m',
    'kubectl set resources deployment web -c nginx --limits cpu=200m,memory=512Mi --requests cpu=100m',
    'kubectl set resources deploy/web --containers=nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m # sized',
    "kubectl set resources deployments web --limits='cpu=200m,memory=512Mi' --requests=cpu=100m",
  ])('%s', (command) => {
    const c = cluster()
    expect(c.run(command)).toEqual({ ok: true, output: 'deployment.apps/web resource requirements updated\n' })
    expect(container(c).resources).toEqual({ limits: { cpu: '200m', memory: '512Mi' }, requests: { cpu: '100m' } })
    // the same again changes nothing, and kubectl then prints nothing
    expect(c.run(command)).toEqual({ ok: true, output: '' })
  })

  it('starts a rollout of the Deployment', () => {
    const c = cluster()
    c.run('kubectl set resources deploy/web --requests=cpu=100m')
    c.advance(30)
    expect(c.run('kubectl rollout history deploy/web').output).toContain('2         <none>')
  })

  it.each([
    ['kubectl set resources deploy web', 'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n'],
    ['kubectl set resources deploy web -c foo --limits=cpu=1', 'error: unable to find container named foo\n'],
    ['kubectl set resources deploy web --limits=cpu', 'error: Invalid argument syntax cpu, expected <key>=<value>\n'],
    [
      'kubectl set resources deploy web --limits=cpu=100m --requests=cpu=200m',
      'error: failed to patch resources update to pod template Deployment.apps "web" is invalid: spec.template.spec.containers[0].resources.requests: Invalid value: "200m": must be less than or equal to cpu limit of 100m\n',
    ],
    [
      'kubectl set resources svc kubernetes --limits=cpu=1',
      'error: service/kubernetes the object is not a pod or does not have a pod template: *v1.Service\n',
    ],
  ])('%s', (command, output) => {
    expect(cluster().run(command)).toEqual({ ok: false, output })
  })
})

describe('kubectl set env', () => {
  it('sets, replaces in place, removes with KEY- and lists, as set_env.go prints', () => {
    const c = cluster()
    expect(c.run('kubectl set env deployment/web MODE=prod LEVEL=info')).toEqual({ ok: true, output: 'deployment.apps/web env updated\n' })
    expect(c.run('kubectl set env deploy web MODE=prod')).toEqual({ ok: true, output: '' })
    expect(c.run('kubectl set env deploy/web -e MODE=dev')).toEqual({ ok: true, output: 'deployment.apps/web env updated\n' })
    expect(container(c).env).toEqual([
      { name: 'MODE', value: 'dev' },
      { name: 'LEVEL', value: 'info' },
    ])
    expect(c.run('kubectl set env deploy/web --list')).toEqual({
      ok: true,
      output: '# Deployment web, container nginx\nMODE=dev\nLEVEL=info\n',
    })
    expect(c.run('kubectl set env deploy/web LEVEL- -c=nginx')).toEqual({ ok: true, output: 'deployment.apps/web env updated\n' })
    expect(container(c).env).toEqual([{ name: 'MODE', value: 'dev' }])
  })

  it.each([
    [
      'kubectl set env deploy/web A=1 -c nope',
      { ok: true, output: 'warning: Deployment/web does not have any containers matching "nope"\n' },
    ],
    [
      'kubectl set env A=1 deploy/web',
      { ok: false, output: 'error: all resources must be specified before environment changes: A=1 deploy/web\n' },
    ],
    [
      'kubectl set env',
      { ok: false, output: 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n' },
    ],
  ])('%s', (command, result) => {
    expect(cluster().run(command)).toEqual(result)
  })

  it("--overwrite=false refuses to change a value, in kubectl's words", () => {
    const c = cluster()
    c.run('kubectl set env deploy/web MODE=prod')
    expect(c.run('kubectl set env deploy/web MODE=dev --overwrite=false')).toEqual({
      ok: false,
      output: "error: deployment.apps/web 'MODE' already has a value (prod), and --overwrite is false\n",
    })
  })

  it('a bare Pod refuses the change as the API server does', () => {
    const c = cluster()
    c.run('kubectl run hello --image=nginx:1.27')
    expect(c.run('kubectl set env pod/hello A=1').output).toMatch(
      /^error: failed to patch env update to pod template Pod "hello" is invalid: spec: Forbidden: pod updates may not change fields/,
    )
  })
})
