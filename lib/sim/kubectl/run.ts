/**
 * The command interpreter shared by scenarios, the CLI and the in-browser terminal: a kubectl subset plus
 * simulation verbs. Every error is returned as kubectl would print it; nothing a learner types throws.
 */
import type { ClusterState } from '../state.ts'
import { applyText } from '../apply.ts'
import { boolFlag, flag, parseArgs, splitCommandLine, type ParsedArgs } from './args.ts'
import { runGet } from './get.ts'
import { runDescribe } from './describe.ts'
import { runRollout } from './rollout.ts'
import { runDelete, runLabel, runScale, runSetImage } from './mutate.ts'
import { runCreate, runExpose, runRun } from './create.ts'
import { runExec, runLogs } from './logs-exec.ts'
import { parseWait, runCurl, runNode, runPodCrash, runTraffic } from './sim-verbs.ts'
import type { CommandResult } from './result.ts'

export interface RunCommandResult extends CommandResult {
  /** `wait 30s`: virtual time the caller should advance */
  advanceMs?: number
}

export const KUBECTL_VERBS = ['get', 'describe', 'delete', 'scale', 'set', 'rollout', 'create', 'run', 'expose', 'label', 'logs', 'exec', 'apply', 'version', 'cluster-info', 'api-resources']
export const SIM_VERBS = ['node', 'pod', 'traffic', 'curl', 'wait', 'help']

const HELP = `Kubelab cluster terminal — a kubectl subset on a simulated cluster.

kubectl get (pods|deployments|replicasets|services|endpoints|nodes|events|all) [NAME] [-l SELECTOR] [-o wide|yaml|json|name] [-n NS|-A]
kubectl describe TYPE NAME
kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P]
kubectl run NAME --image=IMAGE
kubectl expose deployment NAME --port=P [--target-port=T] [--type=ClusterIP|NodePort|LoadBalancer]
kubectl scale deployment/NAME --replicas=N
kubectl set image deployment/NAME CONTAINER=IMAGE
kubectl rollout status|history|undo [--to-revision=N]|pause|resume|restart deployment/NAME
kubectl label TYPE NAME KEY=VALUE [--overwrite] | KEY-
kubectl delete TYPE NAME | TYPE/NAME | -l SELECTOR | --all [--grace-period=N] [--force]
kubectl logs POD [-c CONTAINER] [--previous] [--tail=N]
kubectl exec POD [-c CONTAINER] -- COMMAND (curl, wget, cat, env, ...)

Simulation: node fail NAME | node recover NAME | pod crash NAME [-c C]
            traffic start svc/NAME [--rps N] | traffic stop | curl URL | wait 30s
`

function namespaceOf(args: ParsedArgs): string {
  return flag(args, 'namespace') ?? 'default'
}

export function runCommand(state: ClusterState, line: string): RunCommandResult {
  try {
    return dispatch(state, line)
  } catch (error) {
    // A throw is a simulator bug; the learner still gets an answer instead of a crash.
    return { ok: false, output: `error: internal simulator error: ${(error as Error).message}\n` }
  }
}

function dispatch(state: ClusterState, line: string): RunCommandResult {
  const tokens = splitCommandLine(line.trim())
  if ('error' in tokens) return { ok: false, output: `${tokens.error}\n` }
  if (tokens.length === 0) return { ok: true, output: '' }
  let [cmd, ...rest] = tokens
  if (cmd === 'k') cmd = 'kubectl'
  if (cmd !== 'kubectl') {
    const args = parseArgs(rest)
    if ('error' in args) return { ok: false, output: `${args.error}\n` }
    switch (cmd) {
      case 'node':
        return runNode(state, args)
      case 'pod':
        return runPodCrash(state, args, namespaceOf(args))
      case 'traffic':
        return runTraffic(state, args, namespaceOf(args))
      case 'curl':
        return runCurl(state, args, namespaceOf(args))
      case 'wait':
      case 'sleep': {
        const ms = parseWait(args)
        if (ms === undefined) return { ok: false, output: `error: invalid duration "${args.positional[0] ?? ''}" (use 30s, 5m, 1m30s)\n` }
        return { ok: true, output: '', advanceMs: ms }
      }
      case 'help':
        return { ok: true, output: HELP }
      default:
        return { ok: false, output: `${cmd}: command not found\n` }
    }
  }
  const [verb, ...more] = rest
  if (!verb || verb === 'help' || verb === '--help') return { ok: true, output: HELP }
  const args = parseArgs(more)
  if ('error' in args) return { ok: false, output: `${args.error}\n` }
  const ns = namespaceOf(args)
  const all = boolFlag(args, 'all-namespaces')
  switch (verb) {
    case 'get':
      return runGet(state, args, { namespace: ns, allNamespaces: all })
    case 'describe':
      return runDescribe(state, args, ns)
    case 'delete':
      return runDelete(state, args, ns, all)
    case 'scale':
      return runScale(state, args, ns)
    case 'set':
      return runSetImage(state, args, ns)
    case 'rollout':
      return runRollout(state, args, ns)
    case 'create':
      return runCreate(state, args, ns)
    case 'run':
      return runRun(state, args, ns)
    case 'expose':
      return runExpose(state, args, ns)
    case 'label':
      return runLabel(state, args, ns)
    case 'logs':
      return runLogs(state, args, ns)
    case 'exec':
      return runExec(state, args, ns)
    case 'apply': {
      const file = flag(args, 'filename')
      return { ok: false, output: `error: the path "${file ?? ''}" does not exist (the simulated terminal has no files: use the editor's Apply button, or a scenario's apply step)\n` }
    }
    case 'version':
      return { ok: true, output: `Client Version: ${state.config.kubernetesVersion}\nKustomize Version: v5.6.0\nServer Version: ${state.config.kubernetesVersion}\n` }
    case 'cluster-info':
      return { ok: true, output: 'Kubernetes control plane is running at https://172.18.0.1:6443\nCoreDNS is running at https://172.18.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use \'kubectl cluster-info dump\'.\n' }
    case 'api-resources':
      return {
        ok: true,
        output: 'NAME            SHORTNAMES   APIVERSION           NAMESPACED   KIND\nendpoints       ep           v1                   true         Endpoints\nevents          ev           v1                   true         Event\nnamespaces      ns           v1                   false        Namespace\nnodes           no           v1                   false        Node\npods            po           v1                   true         Pod\nservices        svc          v1                   true         Service\ndeployments     deploy       apps/v1              true         Deployment\nreplicasets     rs           apps/v1              true         ReplicaSet\nendpointslices               discovery.k8s.io/v1  true         EndpointSlice\n',
      }
    default:
      return { ok: false, output: `error: unknown command "${verb}" for "kubectl"\nRun 'kubectl --help' for usage.\n` }
  }
}

export { applyText }
