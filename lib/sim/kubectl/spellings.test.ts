/**
 * Every spelling a real kubectl accepts for the same command gives the same answer: short and long type names,
 * `TYPE/NAME` and `TYPE NAME`, `--flag=value`, `--flag value`, `-f value`, `-fvalue`, `-f=value`, flags before or
 * after the words (pflag interspersed parsing), global flags before the verb, comma lists, and a trailing
 * comment. Each group runs on fresh, identical clusters.
 */
import { describe, expect, it } from 'vitest'
import { createCluster, type Cluster } from '../cluster.ts'

function cluster(): Cluster {
  const c = createCluster({ seed: 9 })
  c.run('kubectl create deployment web --image=nginx:1.27 --replicas=2 --port=80')
  c.run('kubectl expose deployment web --port=80')
  c.run('kubectl run hello --image=kubelab/hello:1.0 --labels=app=hello')
  c.run('kubectl run box --image=busybox:1.36 -- sleep 3600')
  c.writeFile('web.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n')
  c.advance(20)
  return c
}

const podName = (c: Cluster) => JSON.parse(c.run('kubectl get pods -l app=web -o json').output).items[0].metadata.name as string

const GROUPS: Record<string, string[]> = {
  'get pods': [
    'kubectl get pods',
    'kubectl get pod',
    'kubectl get po',
    'kubectl get Pods',
    'k get po',
    'kubectl get pods # the list',
    'kubectl -n default get pods',
    'kubectl get pods --namespace=default',
    'kubectl get pods --namespace default',
    'kubectl get pods -ndefault',
    'kubectl get pods -n=default',
  ],
  'get deployments': [
    'kubectl get deployments',
    'kubectl get deployment',
    'kubectl get deploy',
    'kubectl get deployments.apps',
    'kubectl get deployment.apps',
  ],
  'get replicasets': ['kubectl get replicasets', 'kubectl get rs', 'kubectl get replicaset', 'kubectl get replicasets.apps'],
  'get services': ['kubectl get services', 'kubectl get svc', 'kubectl get service'],
  'get endpoints': ['kubectl get endpoints', 'kubectl get ep'],
  'get nodes': ['kubectl get nodes', 'kubectl get no', 'kubectl get node'],
  'get namespaces': ['kubectl get namespaces', 'kubectl get ns', 'kubectl get namespace'],
  'get one object': ['kubectl get deploy web', 'kubectl get deploy/web', 'kubectl get deployment.apps/web', 'kubectl get deployments web'],
  'get two kinds': ['kubectl get deploy,svc', 'kubectl get deployments,services', 'kubectl get deploy,service'],
  'get with flags': [
    'kubectl get pods -l app=web -o name',
    'kubectl get pods --selector=app=web --output=name',
    'kubectl get pods --selector app=web --output name',
    'kubectl get -o name pods -l app=web',
    'kubectl get pods -lapp=web -oname',
    'kubectl get pods -l=app=web -o=name',
  ],
  'get -A': ['kubectl get pods -A', 'kubectl get pods --all-namespaces', 'kubectl get pods --all-namespaces=true'],
  'get -f': [
    'kubectl get -f web.yaml',
    'kubectl get --filename=web.yaml',
    'kubectl get --filename web.yaml',
    'kubectl get -fweb.yaml',
    'kubectl get -f=web.yaml',
  ],
  'get events': ['kubectl get events', 'kubectl get ev', 'kubectl get event'],
  'get -o yaml': [
    'kubectl get deploy web -o yaml',
    'kubectl get deploy web --output yaml',
    'kubectl get deploy/web -oyaml',
    'kubectl get deployment web --output=yaml',
  ],
  'describe a node': ['kubectl describe node node-1', 'kubectl describe no node-1', 'kubectl describe nodes/node-1'],
  'describe a namespace': ['kubectl describe namespace default', 'kubectl describe ns default', 'kubectl describe ns/default'],
  'create namespace': ['kubectl create namespace dev', 'kubectl create ns dev'],
  'rollout status': [
    'kubectl rollout status deployment/web',
    'kubectl rollout status deploy web',
    'kubectl -n default rollout status deploy/web',
    'kubectl rollout status deploy/web --namespace=default',
  ],
  describe: [
    'kubectl describe deployment web',
    'kubectl describe deploy web',
    'kubectl describe deploy/web',
    'kubectl describe deployments.apps web',
  ],
  'describe a service': ['kubectl describe service web', 'kubectl describe svc web', 'kubectl describe svc/web'],
  scale: [
    'kubectl scale deployment web --replicas=3',
    'kubectl scale deploy/web --replicas 3',
    'kubectl scale --replicas=3 deployment/web',
    'kubectl scale deployments web --replicas=3 # three',
  ],
  'set image': [
    'kubectl set image deployment/web nginx=nginx:1.28',
    'kubectl set image deploy web nginx=nginx:1.28',
    'kubectl set image deployments.apps/web nginx=nginx:1.28',
  ],
  'set resources': [
    'kubectl set resources deployment/web -c=nginx --limits=cpu=200m',
    'kubectl set resources deploy web -c nginx --limits cpu=200m',
    'kubectl set resources deploy/web --containers=nginx --limits=cpu=200m',
  ],
  'set env': [
    'kubectl set env deployment/web MODE=prod',
    'kubectl set env deploy web MODE=prod',
    'kubectl set env deploy/web -e MODE=prod',
    'kubectl set env deploy/web --env=MODE=prod',
  ],
  patch: [
    `kubectl patch deployment web -p '{"spec":{"replicas":4}}'`,
    `kubectl patch deploy/web --patch '{"spec":{"replicas":4}}'`,
    `kubectl patch deploy web --patch='spec: {replicas: 4}'`,
    `kubectl patch deploy web --type=merge -p '{"spec":{"replicas":4}}'`,
    `kubectl patch deploy web --type merge -p='{"spec":{"replicas":4}}'`,
  ],
  label: [
    'kubectl label pod hello tier=front',
    'kubectl label pods hello tier=front',
    'kubectl label po/hello tier=front',
    'kubectl label pod/hello tier=front # front',
  ],
  delete: ['kubectl delete pod hello', 'kubectl delete po hello', 'kubectl delete pod/hello', 'kubectl delete pods hello'],
  'delete -l': ['kubectl delete pod -l app=hello', 'kubectl delete pods --selector=app=hello', 'kubectl delete po --selector app=hello'],
  'delete two kinds': ['kubectl delete deploy,svc -l app=web', 'kubectl delete deployments,services --selector=app=web'],
  'delete -f': ['kubectl delete -f web.yaml', 'kubectl delete --filename=web.yaml', 'kubectl delete -f ./web.yaml'],
  rollout: ['kubectl rollout restart deployment/web', 'kubectl rollout restart deploy web', 'kubectl rollout restart deployments.apps/web'],
  'rollout history': ['kubectl rollout history deployment/web', 'kubectl rollout history deploy web'],
  expose: [
    'kubectl expose deployment web --port=8080 --name=web2',
    'kubectl expose deploy/web --port 8080 --name web2',
    'kubectl expose deploy web --name=web2 --port=8080',
  ],
  'create deployment': [
    'kubectl create deployment api --image=nginx:1.27 --replicas=2',
    'kubectl create deploy api --image nginx:1.27 --replicas 2',
    'kubectl create deployment api --image=nginx:1.27 -r 2',
  ],
  run: ['kubectl run api --image=nginx:1.27 --labels=app=api', 'kubectl run api --image nginx:1.27 -l app=api'],
  logs: [
    'kubectl logs hello',
    'kubectl logs pod/hello',
    'kubectl logs hello -c hello',
    'kubectl logs hello --container=hello',
    'kubectl logs hello --tail=5',
    'kubectl logs hello --tail 5',
  ],
  exec: [
    'kubectl exec box -- env',
    'kubectl exec pod/box -- env',
    'kubectl exec box -c box -- env',
    'kubectl exec -it box -- env',
    'kubectl exec -i -t box -- env',
    'kubectl exec box --container box -- env',
  ],
}

describe('equivalent spellings give the same answer', () => {
  it.each(Object.entries(GROUPS))('%s', (_name, commands) => {
    const first = cluster().run(commands[0]!)
    expect(first.ok, `${commands[0]}: ${first.output}`).toBe(true)
    for (const command of commands.slice(1)) expect(cluster().run(command), command).toEqual(first)
  })

  it('a pod by its generated name, in every form', () => {
    const c = cluster()
    const name = podName(c)
    const outputs = [`kubectl get pod ${name}`, `kubectl get po/${name}`, `kubectl get pods ${name}`].map(
      (command) => c.run(command).output,
    )
    expect(new Set(outputs).size).toBe(1)
  })
})

describe('unknown flags are refused as kubectl refuses them (pflag)', () => {
  it.each([
    ['kubectl scale deploy web --replica=3', "error: unknown flag: --replica\nSee 'kubectl scale --help' for usage.\n"],
    ['kubectl get pods --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    ['kubectl get pods -x', "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n"],
    ['kubectl get pods -p', "error: unknown shorthand flag: 'p' in -p\nSee 'kubectl get --help' for usage.\n"],
    ['kubectl exec -itx box -- env', "error: unknown shorthand flag: 'x' in -itx\nSee 'kubectl exec --help' for usage.\n"],
    ['kubectl create deployment api --image=nginx --replica=2', "error: unknown flag: --replica\nSee 'kubectl create --help' for usage.\n"],
  ])('%s', (command, output) => {
    expect(cluster().run(command)).toEqual({ ok: false, output })
  })

  it('real flags the simulator does not act on are accepted', () => {
    const c = cluster()
    expect(c.run('kubectl scale deploy web --replicas=3 --record --timeout=30s').output).toBe('deployment.apps/web scaled\n')
    expect(c.run('kubectl delete pod hello --wait=false --now').output).toBe('pod "hello" deleted\n')
    expect(c.run('kubectl get pods -L app --no-headers').ok).toBe(true)
  })
})

describe('comma lists of types', () => {
  it('delete, label and describe act on every name of every type, types in the order given', () => {
    const c = cluster()
    expect(c.run('kubectl label deploy,svc web tier=front').output).toBe('deployment.apps/web labeled\nservice/web labeled\n')
    const described = c.run('kubectl describe deploy,svc web').output
    expect(described.indexOf('Name:                   web')).toBeLessThan(described.indexOf('Type:                     ClusterIP'))
    expect(c.run('kubectl delete deploy,svc web').output).toBe('deployment.apps "web" deleted\nservice "web" deleted\n')
    expect(c.run('kubectl delete deploy,foo web').output).toBe('error: the server doesn\'t have a resource type "foo"\n')
  })
})

describe('kubectl-only shorthands leave the simulation verbs alone', () => {
  it('curl -s, -v and -L still take the URL as the URL', () => {
    const c = cluster()
    const ip = JSON.parse(c.run('kubectl get svc web -o json').output).spec.clusterIP as string
    for (const option of ['-s', '-v', '-L', '-sS'])
      expect(c.run(`curl ${option} http://${ip}/`).output, option).toContain('Welcome to nginx!')
    expect(c.run('kubectl get pods -s https://10.0.0.1:6443 -v 6').ok).toBe(true)
  })
})
