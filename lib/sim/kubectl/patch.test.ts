/** kubectl patch (staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go) through the simulated API server. */
import { describe, expect, it } from 'vitest'
import { createCluster, type Cluster } from '../cluster.ts'
import { completeCommand } from '../completion.ts'

function cluster(): Cluster {
  const c = createCluster({ seed: 3 })
  c.run('kubectl create deployment web --image=nginx:1.27 --replicas=2 --port=80')
  c.run('kubectl expose deployment web --port=80')
  c.advance(20)
  return c
}

const image = (c: Cluster) => JSON.parse(c.run('kubectl get deploy web -o json').output).spec.template.spec.containers[0].image

describe('kubectl patch', () => {
  it.each([
    ['strategic (default), JSON', `kubectl patch deployment web -p '{"spec":{"replicas":3}}'`],
    ['TYPE/NAME and --patch=', `kubectl patch deploy/web --patch='{"spec":{"replicas":3}}'`],
    ['YAML patch text', `kubectl patch deploy web -p 'spec: {replicas: 3}'`],
    ['--type merge', `kubectl patch deployments.apps web --type merge -p '{"spec":{"replicas":3}}'`],
    ['--type=json', `kubectl patch deploy web --type=json -p='[{"op":"replace","path":"/spec/replicas","value":3}]'`],
    ['-n and a trailing comment', `kubectl -n default patch deploy web -p '{"spec":{"replicas":3}}'   # three`],
  ])('%s: patched, then patched (no change)', (_name, command) => {
    const c = cluster()
    expect(c.run(command)).toEqual({ ok: true, output: 'deployment.apps/web patched\n' })
    expect(c.run(command)).toEqual({ ok: true, output: 'deployment.apps/web patched (no change)\n' })
    expect(JSON.parse(c.run('kubectl get deploy web -o json').output).spec.replicas).toBe(3)
  })

  it('a template change merged by container name starts a rollout (revision 2)', () => {
    const c = cluster()
    expect(
      c.run(`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}'`).output,
    ).toBe('deployment.apps/web patched\n')
    expect(image(c)).toBe('nginx:1.28')
    c.advance(30)
    expect(c.run('kubectl rollout status deploy/web').output).toBe('deployment "web" successfully rolled out\n')
    expect(c.run('kubectl rollout history deploy/web').output).toContain('2         <none>')
  })

  it('a Service port merges by port', () => {
    const c = cluster()
    expect(c.run(`kubectl patch svc web -p '{"spec":{"ports":[{"port":80,"targetPort":8080}]}}'`).output).toBe('service/web patched\n')
    expect(JSON.parse(c.run('kubectl get svc web -o json').output).spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 8080 }])
  })

  it('the API server refuses an invalid or immutable result with its message, and nothing changes', () => {
    const c = cluster()
    expect(c.run(`kubectl patch deploy web --type merge -p '{"spec":{"replicas":-1}}'`)).toEqual({
      ok: false,
      output: 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    })
    expect(JSON.parse(c.run('kubectl get deploy web -o json').output).spec.replicas).toBe(2)
    c.run('kubectl run hello --image=nginx:1.27')
    expect(c.run(`kubectl patch pod hello -p '{"spec":{"containers":[{"name":"hello","ports":[{"containerPort":80}]}]}}'`).output).toMatch(
      /^The Pod "hello" is invalid: spec: Forbidden: pod updates may not change fields other than/,
    )
  })

  it.each([
    [`kubectl patch deploy web`, 'error: must specify --patch or --patch-file containing the contents of the patch\n'],
    [`kubectl patch deploy web -p '{}' --type=foo`, 'error: --type must be one of [json merge strategic], not "foo"\n'],
    [`kubectl patch deploy nope -p '{}'`, 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    [`kubectl patch deploy web -p '{"spec":'`, 'error: unable to parse "{\\"spec\\":": yaml: line 1: Flow map must end with a }\n'],
    [
      `kubectl patch deploy web --type json -p '{"op":"add"}'`,
      'Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n',
    ],
    [
      `kubectl patch deploy web --type json -p '[{"op":"remove","path":"/spec/paused"}]'`,
      "The request is invalid: : error in remove for path: '/spec/paused': Unable to remove nonexistent key: paused: missing value\n",
    ],
    [
      `kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'`,
      'Error from server (BadRequest): map: {"image":"x"} does not contain declared merge key: name\n',
    ],
    [
      `kubectl patch deploy web -p '{"metadata":{"name":"other"}}'`,
      'Error from server (BadRequest): the name of the object (other) does not match the name on the URL (web)\n',
    ],
  ])('%s', (command, output) => {
    expect(cluster().run(command)).toEqual({ ok: false, output })
  })

  it('patches the objects a file names with -f', () => {
    const c = cluster()
    c.writeFile('web.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n')
    expect(c.run(`kubectl patch -f web.yaml -p '{"spec":{"replicas":1}}'`).output).toBe('deployment.apps/web patched\n')
  })
})

describe('completion of the new verbs', () => {
  it('completes patch, its objects, and the set subcommands', () => {
    const c = cluster()
    expect(completeCommand(c, 'kubectl pat')).toEqual(['patch'])
    expect(completeCommand(c, 'kubectl patch deploy/')).toEqual(['deploy/web'])
    expect(completeCommand(c, 'kubectl set ')).toEqual(['env', 'image', 'resources', 'selector'])
  })
})
