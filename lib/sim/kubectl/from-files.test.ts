/**
 * kubectl with `-f FILE` on the learner's files. Upstream behaviour followed:
 * staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (created/configured/unchanged, "no objects passed to
 * apply", the missing last-applied warning), create/create.go, delete/delete.go (DeleteResult, PrintObj,
 * --ignore-not-found), diff/diff.go (LIVE/MERGED directories, `diff -u -N`, exit status 0/1/>1),
 * cmd/util/helpers.go (AddSourceToErr "error when creating …", checkErr, MultipleErrors) and
 * staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go (RequireNamespace, "error parsing FILE").
 */
import { describe, expect, it } from 'vitest'
import { createCluster, type Cluster } from '../cluster.ts'
import { deploymentYaml, serviceYaml } from '../../testing/cluster.ts'

const web = (image: string, replicas = 3) => deploymentYaml({ replicas, container: 'nginx', image })
const svc = serviceYaml()

function withFiles(files: Record<string, string>): Cluster {
  const c = createCluster({ seed: 5 })
  for (const [name, text] of Object.entries(files)) expect(c.writeFile(name, text)).toEqual({ ok: true })
  return c
}

describe('kubectl apply -f', () => {
  it('creates, then leaves unchanged, then configures what the file says, with kubectl lines', () => {
    const c = withFiles({ 'exercise.yaml': `${web('nginx:1.26')}---\n${svc}` })
    expect(c.run('kubectl apply -f exercise.yaml')).toEqual({ ok: true, output: 'deployment.apps/web created\nservice/web created\n' })
    expect(c.run('kubectl apply -f ./exercise.yaml').output).toBe('deployment.apps/web unchanged\nservice/web unchanged\n')
    c.writeFile('exercise.yaml', `${web('nginx:1.27')}---\n${svc}`)
    expect(c.run('kubectl apply -f ~/exercise.yaml').output).toBe('deployment.apps/web configured\nservice/web unchanged\n')
    c.advance(30)
    expect(c.snapshot().deployments[0]).toMatchObject({ name: 'web', images: ['nginx:1.27'], availableReplicas: 3 })
  })

  it('reads every -f, --filename=, -f= and comma-separated file, and a directory as its manifests', () => {
    const c = withFiles({ 'web.yaml': web('nginx:1.27'), 'svc.yaml': svc, 'notes.txt': 'not a manifest' })
    expect(c.run('kubectl apply -f web.yaml --filename=svc.yaml').output).toBe('deployment.apps/web created\nservice/web created\n')
    expect(c.run('kubectl apply -f=web.yaml,svc.yaml').output).toBe('deployment.apps/web unchanged\nservice/web unchanged\n')
    // a directory: its .json/.yaml/.yml files in name order (svc.yaml before web.yaml), notes.txt left out
    expect(c.run('kubectl apply -f .').output).toBe('service/web unchanged\ndeployment.apps/web unchanged\n')
    expect(c.run('kubectl apply -f ~').output).toBe('service/web unchanged\ndeployment.apps/web unchanged\n')
  })

  it('checks every path before doing anything: one missing file is an error line, several are listed', () => {
    const c = withFiles({ 'web.yaml': web('nginx:1.27') })
    expect(c.run('kubectl apply -f web.yaml -f x.yaml')).toEqual({ ok: false, output: 'error: the path "x.yaml" does not exist\n' })
    expect(c.snapshot().deployments).toEqual([])
    expect(c.run('kubectl apply -f a.yaml -f b.yaml')).toEqual({
      ok: false,
      output: 'the path "a.yaml" does not exist\nthe path "b.yaml" does not exist\n',
    })
    expect(c.run('kubectl apply -f /etc/kubernetes/web.yaml').output).toBe('error: the path "/etc/kubernetes/web.yaml" does not exist\n')
    expect(c.run('kubectl apply')).toEqual({ ok: false, output: 'error: must specify one of -f and -k\n' })
    expect(c.run('kubectl apply -f')).toEqual({ ok: false, output: "error: flag needs an argument: 'f' in -f\n" })
  })

  it('-f - with nothing on standard input answers with a notice: the terminal cannot type into it', () => {
    const c = withFiles({})
    for (const line of ['kubectl apply -f -', 'kubectl create -f -', 'cat', 'kubectl diff -f -']) {
      const r = c.run(line)
      expect(r.ok, line).toBe(false)
      expect(r.notice, line).toBe('stdinNotSupported')
      expect(r.output, line).toMatch(/^error: this terminal cannot type into standard input: give it a here-document/)
    }
  })

  it("prints validation errors in kubectl's format, after what succeeded, and refuses a file that is not YAML", () => {
    const c = withFiles({ 'bad.yaml': `${svc}---\n${web('nginx:1.27', -1)}`, 'broken.yaml': 'kind: Deployment\n  oops: [' })
    expect(c.run('kubectl apply -f bad.yaml')).toEqual({
      ok: false,
      output:
        'service/web created\nThe Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    })
    const broken = c.run('kubectl apply -f broken.yaml')
    expect(broken.ok).toBe(false)
    expect(broken.output).toMatch(/^error: error parsing broken\.yaml: error converting YAML to JSON: yaml: line 1: .*\n$/)
    c.writeFile('empty.yaml', '# nothing here\n')
    expect(c.run('kubectl apply -f empty.yaml')).toEqual({ ok: false, output: 'error: no objects passed to apply\n' })
    c.writeFile('typo.yaml', web('nginx:1.27').replace('kind: Deployment', 'kind: Deploymen'))
    expect(c.run('kubectl apply -f typo.yaml').output).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "typo.yaml": no matches for kind "Deploymen" in version "apps/v1"\n',
    )
  })

  it('sends objects to -n, refuses a file whose object names another namespace, and reports a missing namespace', () => {
    const c = withFiles({
      'web.yaml': web('nginx:1.27'),
      'team.yaml': web('nginx:1.27').replace('metadata: {name: web}', 'metadata: {name: web, namespace: team}'),
    })
    expect(c.run('kubectl apply -f web.yaml -n team')).toEqual({
      ok: false,
      output: 'Error from server (NotFound): error when creating "web.yaml": namespaces "team" not found\n',
    })
    c.run('kubectl create namespace team')
    expect(c.run('kubectl apply -f web.yaml -n team').output).toBe('deployment.apps/web created\n')
    expect(c.run('kubectl get deploy -n team -o name').output).toBe('deployment.apps/web\n')
    expect(c.run('kubectl apply -f team.yaml -n default')).toEqual({
      ok: false,
      output: `error: the namespace from the provided object "team" does not match the namespace "default". You must pass '--namespace=team' to perform this operation.\n`,
    })
    expect(c.run('kubectl apply -f team.yaml').output).toBe('deployment.apps/web unchanged\n')
  })

  it('warns when it takes over an object made without apply, as kubectl does', () => {
    const c = withFiles({ 'web.yaml': web('nginx:1.27') })
    c.run('kubectl create deployment web --image=nginx:1.26')
    expect(c.run('kubectl apply -f web.yaml').output).toBe(
      'Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\ndeployment.apps/web configured\n',
    )
    expect(c.run('kubectl apply -f web.yaml').output).toBe('deployment.apps/web unchanged\n')
  })
})

describe('kubectl create, delete and get -f', () => {
  it('create -f creates once, then says the object already exists', () => {
    const c = withFiles({ 'exercise.yaml': `${web('nginx:1.27')}---\n${svc}` })
    expect(c.run('kubectl create -f exercise.yaml')).toEqual({ ok: true, output: 'deployment.apps/web created\nservice/web created\n' })
    expect(c.run('kubectl create -f exercise.yaml')).toEqual({
      ok: false,
      output:
        'Error from server (AlreadyExists): error when creating "exercise.yaml": deployments.apps "web" already exists\nError from server (AlreadyExists): error when creating "exercise.yaml": services "web" already exists\n',
    })
    expect(c.run('kubectl get deploy web -o yaml').output).not.toContain('last-applied-configuration')
  })

  it('delete -f deletes what the file names, even when its spec is not valid; --ignore-not-found silences the missing', () => {
    const c = withFiles({ 'exercise.yaml': `${web('nginx:1.27')}---\n${svc}` })
    c.run('kubectl apply -f exercise.yaml')
    c.advance(20)
    c.writeFile('exercise.yaml', `${web('nginx:1.27', -1)}---\n${svc}`)
    expect(c.run('kubectl delete -f exercise.yaml')).toEqual({ ok: true, output: 'deployment.apps "web" deleted\nservice "web" deleted\n' })
    c.advance(40)
    expect(c.snapshot().pods).toEqual([])
    expect(c.run('kubectl delete -f exercise.yaml')).toEqual({
      ok: false,
      output:
        'Error from server (NotFound): error when deleting "exercise.yaml": deployments.apps "web" not found\nError from server (NotFound): error when deleting "exercise.yaml": services "web" not found\n',
    })
    expect(c.run('kubectl delete -f exercise.yaml --ignore-not-found')).toEqual({ ok: true, output: '' })
    expect(c.run('kubectl delete -f nope.yaml')).toEqual({ ok: false, output: 'error: the path "nope.yaml" does not exist\n' })
  })

  it("get -f prints the file's objects like get TYPE NAME: one table per kind, names qualified when kinds mix", () => {
    const c = withFiles({ 'web.yaml': web('nginx:1.27'), 'both.yaml': `${web('nginx:1.27')}---\n${svc}` })
    expect(c.run('kubectl get -f web.yaml')).toEqual({
      ok: false,
      output: 'Error from server (NotFound): deployments.apps "web" not found\n',
    })
    c.run('kubectl apply -f both.yaml')
    c.advance(30)
    expect(c.run('kubectl get -f web.yaml').output).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     3            3           30s\n',
    )
    const both = c.run('kubectl get -f both.yaml').output.split('\n')
    expect(both[1]).toMatch(/^deployment\.apps\/web {3}3\/3 /)
    expect(both.find((l) => l.startsWith('service/web'))).toMatch(/^service\/web\s+ClusterIP\s+10\./)
    expect(c.run('kubectl get -f both.yaml -o name').output).toBe('deployment.apps/web\nservice/web\n')
  })
})

describe('kubectl diff -f', () => {
  it('shows a new object as an added file and exits 1; after apply nothing differs and it exits 0', () => {
    const c = withFiles({ 'svc.yaml': svc })
    const r = c.run('kubectl diff -f svc.yaml')
    expect(r.exitCode).toBe(1)
    expect(r.ok).toBe(false)
    const lines = r.output.split('\n')
    expect(lines[0]).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/v1\.Service\.default\.web \/tmp\/MERGED-\d+\/v1\.Service\.default\.web$/)
    expect(lines[1]).toMatch(/^--- \/tmp\/LIVE-\d+\/v1\.Service\.default\.web\t1970-01-01 00:00:00\.000000000 \+0000$/)
    expect(lines[2]).toMatch(/^\+\+\+ \/tmp\/MERGED-\d+\/v1\.Service\.default\.web\t2025-01-01 09:00:00\.000000000 \+0000$/)
    expect(lines[3]).toMatch(/^@@ -0,0 \+1,\d+ @@$/)
    expect(lines).toContain('+  type: ClusterIP')
    expect(c.snapshot().services.map((s) => s.name)).toEqual(['kubernetes'])
    c.run('kubectl apply -f svc.yaml')
    expect(c.run('kubectl diff -f svc.yaml')).toEqual({ ok: true, output: '', exitCode: 0 })
  })

  it('shows what an apply would change in the stored object: the field, generation and the last-applied annotation', () => {
    const c = withFiles({ 'web.yaml': web('nginx:1.26') })
    c.run('kubectl apply -f web.yaml')
    c.advance(20)
    c.writeFile('web.yaml', web('nginx:1.26', 5))
    const r = c.run('kubectl diff -f web.yaml')
    expect(r.exitCode).toBe(1)
    const changed = r.output.split('\n').filter((l) => /^[-+] /.test(l))
    expect(changed).toEqual([
      expect.stringMatching(/^- {6}\{"apiVersion":"apps\/v1".*"replicas":3/),
      expect.stringMatching(/^\+ {6}\{"apiVersion":"apps\/v1".*"replicas":5/),
      '-  generation: 1',
      '+  generation: 2',
      '-  replicas: 3',
      '+  replicas: 5',
    ])
    // one hunk from line 4 (metadata.annotations) with three lines of context around the changes
    expect(r.output).toContain('\n@@ -4,16 +4,16 @@\n   annotations:\n')
    // the diff is a dry run: the cluster, its random stream and its clock are untouched
    const before = JSON.stringify(c.snapshot())
    const rng = JSON.stringify(c.state.rng)
    c.run('kubectl diff -f web.yaml')
    expect(JSON.stringify(c.snapshot())).toBe(before)
    expect(JSON.stringify(c.state.rng)).toBe(rng)
    expect(c.run('kubectl diff -f web.yaml').output).toBe(r.output)
  })

  it('exits 2 with the error and compares nothing when an object is invalid or the file is missing', () => {
    const c = withFiles({ 'bad.yaml': `${svc}---\n${web('nginx:1.27', -1)}` })
    expect(c.run('kubectl diff -f bad.yaml')).toEqual({
      ok: false,
      output: 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
      exitCode: 2,
    })
    expect(c.run('kubectl diff -f nope.yaml')).toEqual({ ok: false, output: 'error: the path "nope.yaml" does not exist\n', exitCode: 2 })
    expect(c.run('kubectl diff')).toEqual({ ok: false, output: 'error: must specify one of -f and -k\n', exitCode: 2 })
  })
})
