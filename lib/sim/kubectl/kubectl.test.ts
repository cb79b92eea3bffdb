import { describe, expect, it } from 'vitest'
import { createCluster, type Cluster } from '../cluster.ts'
import { completeCommand } from '../completion.ts'
import { rolloutStatusLine } from './rollout.ts'
import { clusterWith, deployment, deploymentYaml, replicaSetsOf } from '../../testing/cluster.ts'
import { ANNOTATIONS } from '../objects.ts'

const WEB = (image: string) => deploymentYaml({ replicas: 3, container: 'nginx', image, port: 80 })

function cluster(): Cluster {
  return clusterWith(WEB('nginx:1.26'), { seed: 5, advance: 20 })
}

describe('kubectl get', () => {
  it('prints kubectl columns padded like its tabwriter, with AGE', () => {
    const c = cluster()
    const out = c.run('kubectl get deploy').output
    expect(out).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     3            3           20s\n')
    const pods = c.run('kubectl get pods').output.split('\n')
    expect(pods[0]).toBe('NAME                   READY   STATUS    RESTARTS   AGE')
    expect(pods[1]).toMatch(/^web-[456789bcdf]+-[bcdfghjklmnpqrstvwxz2456789]{5} {3}1\/1 {5}Running {3}0 {10}20s$/)
  })

  it('filters with -l, prints names with -o name, and reports what it cannot find like kubectl', () => {
    const c = cluster()
    expect(c.run('kubectl get pods -l app=other').output).toBe('No resources found in default namespace.\n')
    expect(c.run('kubectl get pods -l app=web -o name').output.trim().split('\n')).toHaveLength(3)
    expect(c.run('kubectl get pods -l app=web -o name').output).toMatch(/^pod\/web-/)
    expect(c.run('kubectl get pod nope')).toEqual({ ok: false, output: 'Error from server (NotFound): pods "nope" not found\n' })
    expect(c.run('kubectl get foo')).toEqual({ ok: false, output: 'error: the server doesn\'t have a resource type "foo"\n' })
    expect(c.run('kubectl frobnicate').output).toBe(
      'error: unknown command "frobnicate" for "kubectl"\nRun \'kubectl --help\' for usage.\n',
    )
    for (const inherited of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(c.run(`kubectl ${inherited}`)).toEqual({
        ok: false,
        output: `error: unknown command "${inherited}" for "kubectl"\nRun 'kubectl --help' for usage.\n`,
      })
    }
    expect(c.run('kubectl get pods -n kube-system').output).toBe('No resources found in kube-system namespace.\n')
  })

  it('-o yaml prints the stored object with sorted keys; -o json parses', () => {
    const c = cluster()
    const y = c.run('kubectl get deploy web -o yaml').output
    expect(y.startsWith('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n')).toBe(true)
    expect(y).toContain('  annotations:\n    deployment.kubernetes.io/revision: "1"')
    const j = JSON.parse(c.run('kubectl get svc -o json').output) as { kind: string; items: { metadata: { name: string } }[] }
    expect(j.kind).toBe('List')
    expect(j.items.map((i) => i.metadata.name)).toEqual(['kubernetes'])
  })

  it('get all groups kinds with qualified names; -A adds NAMESPACE; -o wide adds IP and NODE', () => {
    const c = cluster()
    const all = c.run('kubectl get all').output
    expect(all).toContain('deployment.apps/web')
    expect(all).toMatch(/replicaset\.apps\/web-/)
    expect(all).toContain('service/kubernetes')
    expect(c.run('kubectl get pods -A').output.split('\n')[0]).toMatch(/^NAMESPACE {3}NAME/)
    expect(c.run('kubectl get pods -o wide').output.split('\n')[0]).toContain('IP           NODE     NOMINATED NODE   READINESS GATES')
  })
})

describe('kubectl rollout (C37, C38, C45)', () => {
  it('C45: status lines for a stuck, an almost finished and a finished rollout', () => {
    const d = deployment('web', { replicas: 10 })
    const at = (s: Record<string, number>) =>
      rolloutStatusLine({ ...d, metadata: { ...d.metadata, generation: 2 }, status: { observedGeneration: 2, ...s } }).text
    expect(at({ replicas: 13, updatedReplicas: 5, availableReplicas: 8 })).toBe(
      'Waiting for deployment "web" rollout to finish: 5 out of 10 new replicas have been updated...\n',
    )
    expect(at({ replicas: 11, updatedReplicas: 10, availableReplicas: 10 })).toBe(
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n',
    )
    expect(at({ replicas: 10, updatedReplicas: 10, availableReplicas: 7 })).toBe(
      'Waiting for deployment "web" rollout to finish: 7 of 10 updated replicas are available...\n',
    )
    expect(at({ replicas: 10, updatedReplicas: 10, availableReplicas: 10 })).toBe('deployment "web" successfully rolled out\n')
    expect(rolloutStatusLine({ ...d, metadata: { ...d.metadata, generation: 3 }, status: { observedGeneration: 2 } }).text).toBe(
      'Waiting for deployment spec update to be observed...\n',
    )
  })

  it('C37: undo makes the old ReplicaSet new again with revision 3 and revision-history 1, without a new ReplicaSet', () => {
    const c = cluster()
    c.apply(WEB('nginx:1.27'))
    c.advance(30)
    const [a, b] = replicaSetsOf(c.state, 'web')
    expect(c.run('kubectl rollout undo deployment/web').output).toBe('deployment.apps/web rolled back\n')
    c.advance(30)
    const rss = replicaSetsOf(c.state, 'web')
    expect(rss).toHaveLength(2)
    const a2 = rss.find((r) => r.metadata!.name === a!.metadata!.name)!
    expect(a2.metadata!.annotations![ANNOTATIONS.revision]).toBe('3')
    expect(a2.metadata!.annotations![ANNOTATIONS.revisionHistory]).toBe('1')
    expect(a2.spec!.replicas).toBe(3)
    expect(rss.find((r) => r.metadata!.name === b!.metadata!.name)!.spec!.replicas).toBe(0)
    expect(c.run('kubectl rollout history deployment/web').output).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    )
    expect(c.snapshot().deployments[0]).toMatchObject({ revision: 3, images: ['nginx:1.26'] })
  })

  it('C38: undo errors are worded like kubectl', () => {
    const c = cluster()
    expect(c.run('kubectl rollout undo deployment/web')).toEqual({
      ok: false,
      output: 'error: no rollout history found for deployment "web"\n',
    })
    c.apply(WEB('nginx:1.27'))
    c.advance(30)
    expect(c.run('kubectl rollout undo deployment/web --to-revision=9')).toEqual({
      ok: false,
      output: 'error: unable to find specified revision 9 in history\n',
    })
    expect(c.run('kubectl rollout pause deployment/web').output).toBe('deployment.apps/web paused\n')
    expect(c.run('kubectl rollout undo deployment/web')).toEqual({
      ok: false,
      output: "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    })
    expect(c.run('kubectl rollout pause deployment/web')).toEqual({
      ok: false,
      output: 'error: deployments.apps "web" is already paused\n',
    })
    expect(c.run('kubectl rollout resume deployment/web').output).toBe('deployment.apps/web resumed\n')
    expect(c.run('kubectl rollout undo deployment/web --to-revision=1').output).toBe('deployment.apps/web rolled back\n')
  })
})

describe('kubectl mutations', () => {
  it('set selector fixes a Service in place (endpoints follow) and refuses what has no selector', () => {
    const c = cluster()
    c.run('kubectl expose deployment web --port=80')
    c.advance(5)
    const endpoints = () => c.snapshot().services.find((s) => s.name === 'web')!.endpoints.length
    expect(endpoints()).toBe(3)
    expect(c.run('kubectl set selector service/web app=wbe')).toEqual({ ok: true, output: 'service/web selector updated\n' })
    c.advance(1)
    expect(endpoints()).toBe(0)
    expect(c.run('kubectl set selector svc web app=web').output).toBe('service/web selector updated\n')
    c.advance(1)
    expect(endpoints()).toBe(3)
    expect(c.run('kubectl set selector service/web')).toEqual({ ok: false, output: 'error: at least one selector is required\n' })
    expect(c.run('kubectl set selector node/node-1 a=b').output).toBe('error: nodes/node-1 the object does not have a selector\n')
    expect(c.run('kubectl set selector deployment/web app=x').ok).toBe(false)
    expect(c.run('kubectl set nothing').output).toBe('error: unknown command "nothing"\nSee \'kubectl set -h\' for help and examples\n')
  })

  it('scale, set image, label, delete, create, run and expose print what kubectl prints', () => {
    const c = cluster()
    expect(c.run('kubectl scale deployment/web --replicas=5').output).toBe('deployment.apps/web scaled\n')
    expect(c.run('kubectl scale deployment web --replicas=-1').output).toContain(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    )
    expect(c.run('kubectl scale deployment/web').output).toBe('error: required flag(s) "replicas" not set\n')
    expect(c.run('kubectl set image deployment/web nginx=nginx:1.27').output).toBe('deployment.apps/web image updated\n')
    expect(c.run('kubectl set image deployment/web app=nginx:1.27').output).toBe('error: unable to find container named "app"\n')
    expect(c.run('kubectl set image svc/kubernetes app=nginx:1.27')).toEqual({
      ok: false,
      output: 'error: services/kubernetes the object is not a pod or does not have a pod template: *v1.Service\n',
    })
    expect(c.run('kubectl create deployment api --image=kubelab/hello:1.0 --replicas=2 --port=8080').output).toBe(
      'deployment.apps/api created\n',
    )
    expect(c.run('kubectl create deployment api --image=kubelab/hello:1.0').output).toBe(
      'error: failed to create deployment: deployments.apps "api" already exists\n',
    )
    expect(c.run('kubectl expose deployment api --port=80 --target-port=8080 --type=NodePort').output).toBe('service/api exposed\n')
    expect(c.run('kubectl run box --image=busybox:1.36 -- sleep 3600').output).toBe('pod/box created\n')
    c.advance(20)
    expect(c.run('curl http://api').output).toMatch(/^Hello from api-/)
    expect(c.run('kubectl label pod box tier=debug').output).toBe('pod/box labeled\n')
    expect(c.run('kubectl label pod box tier=x').output).toBe("error: 'tier' already has a value (debug), and --overwrite is false\n")
    expect(c.run('kubectl label pod box tier-').output).toBe('pod/box unlabeled\n')
    expect(c.run('kubectl delete deployment api').output).toBe('deployment.apps "api" deleted\n')
    expect(c.run('kubectl delete svc api').output).toBe('service "api" deleted\n')
    c.advance(40)
    expect(c.snapshot().pods.some((p) => p.name.startsWith('api-'))).toBe(false)
    expect(c.run('kubectl delete pod nope').output).toBe('Error from server (NotFound): pods "nope" not found\n')
  })

  it('logs and exec talk to the container', () => {
    const c = cluster()
    const pod = c.snapshot().pods[0]!.name
    expect(c.run(`kubectl logs ${pod}`).output).toContain('nginx/1.26.3')
    expect(c.run(`kubectl exec ${pod} -- curl -s http://localhost/`).output).toContain('Welcome to nginx!')
    expect(c.run(`kubectl exec ${pod} -- hostname`).output).toBe(`${pod}\n`)
    expect(c.run(`kubectl exec ${pod} -- sh -c "exit 3"`)).toEqual({ ok: false, output: 'command terminated with exit code 3\n' })
    expect(c.run(`kubectl exec ${pod} -- nosuch`).output).toContain('exec: "nosuch": executable file not found in $PATH')
  })

  it('describe deployment shows replicas, strategy, conditions, ReplicaSets and events', () => {
    const c = cluster()
    const out = c.run('kubectl describe deployment web').output
    expect(out).toContain('Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable')
    expect(out).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge')
    expect(out).toMatch(/Available\s+True\s+MinimumReplicasAvailable/)
    expect(out).toMatch(/NewReplicaSet:\s+web-[456789bcdf]+ \(3\/3 replicas created\)/)
    expect(out).toMatch(/Normal\s+ScalingReplicaSet\s+20s\s+deployment-controller\s+Scaled up replica set web-\S+ from 0 to 3/)
  })
})

describe('terminal helpers', () => {
  it('never throws on nonsense and answers with an error', () => {
    const c = cluster()
    for (const line of [
      '',
      'kubectl get "unterminated',
      'kubectl -',
      'node explode x',
      'wait forever',
      'kubectl get pods -o banana',
      'kubectl describe',
      'kubectl exec',
      'kubectl logs',
    ]) {
      const r = c.run(line)
      expect(typeof r.output).toBe('string')
    }
    expect(c.run('wait forever').ok).toBe(false)
  })

  it('completes verbs, types and live names', () => {
    const c = cluster()
    expect(completeCommand(c, 'kubectl ro')).toEqual(['rollout'])
    expect(completeCommand(c, 'kubectl get dep')).toContain('deployments')
    const pod = c.snapshot().pods[0]!.name
    expect(completeCommand(c, `kubectl logs ${pod.slice(0, 6)}`)).toContain(pod)
    expect(completeCommand(c, 'kubectl rollout status deployment/')).toEqual(['deployment/web'])
    expect(completeCommand(c, 'node f')).toEqual(['fail'])
  })
})

describe('kubectl apply and fields the simulator does not act on', () => {
  it('prints the API server-style warning for each such field before what it did, and still creates the object', () => {
    const c = createCluster({ seed: 5 })
    const out = c.apply(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  priorityClassName: high
  containers:
  - name: web
    image: nginx:1.27
    resources: {limits: {cpu: 500m, memory: 64Mi}}
`).output
    expect(out.split('\n')).toEqual([
      'Warning: spec.priorityClassName: accepted but not simulated here: every pod has the same priority and no pod is preempted.',
      'Warning: spec.containers[0].resources.limits[cpu]: accepted but not simulated here: the CPU is never throttled (memory limits are simulated: a container that goes over one is OOMKilled).',
      'pod/p created',
      '',
    ])
    expect(c.run('kubectl get pod p').ok).toBe(true)
  })

  it('prints no warning for a manifest the simulator runs in full', () => {
    expect(createCluster({ seed: 5 }).apply(WEB('nginx:1.27')).output).toBe('deployment.apps/web created\n')
  })
})

// kubectl's scale.go (ScalePrecondition, PreconditionError), rollback.go (findHistory over every ReplicaSet, then
// "skipped rollback") and the resource builder (builder.go: a type with no name)
describe('kubectl scale preconditions, undo to the current revision, a type with no name', () => {
  it('refuses to scale when --current-replicas does not match, and scales when it does', () => {
    const c = cluster()
    expect(c.run('kubectl scale deployment web --current-replicas=2 --replicas=4')).toEqual({
      ok: false,
      output: 'error: Expected replicas to be 2, was 3\n',
    })
    expect(c.run('kubectl get deploy web').output).toMatch(/web +3\/3 /)
    expect(c.run('kubectl scale deployment/web --current-replicas=3 --replicas=4').output).toBe('deployment.apps/web scaled\n')
  })

  it('skips an undo to the revision that is already current', () => {
    const c = cluster()
    expect(c.run('kubectl rollout undo deployment/web --to-revision=1').output).toBe(
      'deployment.apps/web skipped rollback (current template already matches revision 1)\n',
    )
    expect(c.run('kubectl rollout undo deployment/web --to-revision=9')).toMatchObject({
      ok: false,
      output: 'error: unable to find specified revision 9 in history\n',
    })
  })

  it('answers a type with no name as the resource builder does', () => {
    const c = cluster()
    expect(c.run('kubectl scale deployments --replicas=3')).toEqual({
      ok: false,
      output: 'error: resource(s) were provided, but no name was specified\n',
    })
    expect(c.run('kubectl delete pods').output).toBe('error: resource(s) were provided, but no name was specified\n')
  })
})

// kubectl's expose.go (MapBasedSelectorForObject) and generate.ParseLabels
describe('kubectl expose and selectors', () => {
  it('refuses to expose a Pod with no labels unless --selector says what to select', () => {
    const c = cluster()
    c.apply(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: client}\nspec: {containers: [{name: c, image: busybox:1.36, command: [sleep, "3600"]}]}\n',
    )
    expect(c.run('kubectl expose pod client --port=80')).toEqual({
      ok: false,
      output: "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n",
    })
    expect(c.run('kubectl expose pod client --port=80 --selector=app=web').output).toBe('service/client exposed\n')
    expect(c.run('kubectl get svc client -o yaml').output).toContain('app: web')
    expect(c.run('kubectl expose deployment web --name=other --port=80 --selector=app')).toEqual({
      ok: false,
      output: 'error: invalid label spec: app\n',
    })
  })
})
