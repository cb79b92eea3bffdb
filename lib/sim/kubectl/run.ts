/**
 * The command interpreter shared by scenarios, the CLI and the in-browser terminal: a kubectl subset plus
 * simulation verbs. Every error is returned as kubectl would print it; nothing a learner types throws.
 */
import type { ClusterState } from '../state.ts'
import { boolFlag, flag, parseArgs, type ParsedArgs } from './args.ts'
import { runGet } from './get.ts'
import { runDescribe } from './describe.ts'
import { runRollout } from './rollout.ts'
import { runDelete, runLabel, runScale, runSet } from './mutate.ts'
import { runCreate, runExpose, runRun } from './create.ts'
import { runExec, runLogs } from './logs-exec.ts'
import { parseWait, runCurl, runNode, runPodCrash, runTraffic } from './sim-verbs.ts'
import { runApplyFiles, runCreateFiles, runDeleteFiles, runGetFiles } from './from-files.ts'
import { runDiff } from './diff.ts'
import { runApiResources } from './api-resources.ts'
import { runPatch } from './patch.ts'
import { filenameArgs } from './manifest-files.ts'
import { parseShellCommand } from './shell-input.ts'
import { unknownCommand } from './unknown-command.ts'
import { unknownFlag } from './known-flags.ts'
import { readFile } from '../files.ts'
import { runCat, runHead, runLs, runWc } from './file-commands.ts'
import type { CommandResult } from './result.ts'
import { formatVirtualTime, limitPhrase, markOverBudget } from '../budget.ts'

export interface RunCommandResult extends CommandResult {
  /** `wait 30s`: virtual time the caller should advance */
  advanceMs?: number
}

export const SIM_VERBS = ['node', 'pod', 'traffic', 'curl', 'wait', 'help']
/** Shell programs for the learner's files (file-commands.ts). */
export const FILE_PROGRAMS = ['cat', 'ls', 'head', 'wc']

const HELP = `Kubelab cluster terminal — a kubectl subset on a simulated cluster.

kubectl apply -f FILE                  create or update the objects in FILE (-f again for more files)
kubectl apply -f - <<EOF               the manifest typed on the following lines, up to a line EOF (a here-document)
kubectl diff -f FILE                   what apply would change (exit status 1 when something would)
kubectl create -f FILE | kubectl delete -f FILE [--ignore-not-found] | kubectl get -f FILE
kubectl get (pods|deployments|replicasets|services|endpoints|nodes|events|all) [NAME] [-l SELECTOR] [--field-selector F=V] [-o wide|yaml|json|name] [-n NS|-A]
kubectl describe TYPE NAME
kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P]
kubectl run NAME --image=IMAGE
kubectl expose deployment NAME --port=P [--target-port=T] [--type=ClusterIP|NodePort|LoadBalancer]
kubectl scale deployment/NAME --replicas=N
kubectl set image deployment/NAME CONTAINER=IMAGE
kubectl set env deployment/NAME KEY=VALUE... | KEY- | --list [-c CONTAINER]
kubectl set resources deployment/NAME [-c CONTAINER] --limits=cpu=200m,memory=512Mi [--requests=...]
kubectl set selector service/NAME KEY=VALUE...
kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]
kubectl rollout status|history|undo [--to-revision=N]|pause|resume|restart deployment/NAME
kubectl label TYPE NAME KEY=VALUE [--overwrite] | KEY-
kubectl delete TYPE NAME | TYPE/NAME | -l SELECTOR | --all [--grace-period=N] [--force]
kubectl logs POD [-c CONTAINER] [--previous] [--tail=N]
kubectl exec POD [-c CONTAINER] -- COMMAND (curl, wget, cat, env, ...)

Files (your home directory, ~): ls [-l] · cat FILE · head [-n N] FILE · wc [-l] FILE
Shell: # comments · quotes · <<EOF here-documents · < FILE
Simulation: node fail NAME | node recover NAME | pod crash NAME [-c C]
            traffic start svc/NAME [--rps N] | traffic stop | curl URL | wait 30s
`

function namespaceOf(args: ParsedArgs): string {
  return flag(args, 'namespace') ?? 'default'
}

export function runCommand(state: ClusterState, line: string): RunCommandResult {
  const { budget } = state
  if (++budget.commands > budget.limits.commands) {
    markOverBudget(state, { limit: 'commands', max: budget.limits.commands })
    return { ok: false, output: `error: exceeded ${limitPhrase('commands', budget.limits.commands)}\n`, notice: 'overBudget' }
  }
  try {
    return dispatch(state, line)
  } catch (error) {
    // A throw is a simulator bug; the learner still gets an answer instead of a crash.
    return { ok: false, output: `error: internal simulator error: ${(error as Error).message}\n` }
  }
}

function dispatch(state: ClusterState, line: string): RunCommandResult {
  const shell = parseShellCommand(line.trim())
  if ('error' in shell) return { ok: false, output: `${shell.error}\n` }
  let stdin = shell.hereDocument
  if (shell.inputFile !== undefined) {
    stdin = readFile(state, shell.inputFile)
    if (stdin === undefined) return { ok: false, output: `bash: ${shell.inputFile}: No such file or directory\n`, exitCode: 1 }
  }
  const tokens = shell.words
  if (tokens.length === 0) return { ok: true, output: '' }
  const [first, ...rest] = tokens
  const cmd = first === 'k' ? 'kubectl' : first
  switch (cmd) {
    case 'cat':
      return runCat(state, rest, stdin)
    case 'ls':
      return runLs(state, rest)
    case 'head':
      return runHead(state, rest, stdin)
    case 'wc':
      return runWc(state, rest, stdin)
  }
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
        const { virtualTimeMs } = state.budget.limits
        if (state.now + ms > virtualTimeMs) {
          markOverBudget(state, { limit: 'virtualTimeMs', max: virtualTimeMs, requested: state.now + ms })
          return {
            ok: false,
            output: `error: ${cmd} ${args.positional[0]} would go past ${limitPhrase('virtualTimeMs', virtualTimeMs)} (the cluster is at ${formatVirtualTime(state.now)})\n`,
            notice: 'overBudget',
          }
        }
        return { ok: true, output: '', advanceMs: ms }
      }
      case 'help':
        return { ok: true, output: HELP }
      default:
        return { ok: false, output: `${cmd}: command not found\n` }
    }
  }
  const { verb, more } = verbAndArgs(rest)
  if (!verb || verb === 'help' || verb === '--help') return { ok: true, output: HELP }
  const args = parseArgs(more, verb)
  if ('error' in args) return { ok: false, output: `${args.error}\n` }
  args.stdin = stdin
  const run = Object.hasOwn(KUBECTL, verb) ? KUBECTL[verb] : undefined // not Object.prototype's names
  if (!run) return { ok: false, output: unknownCommand(verb, KUBECTL_VERBS) }
  const badFlag = unknownFlag(verb, args)
  if (badFlag) return { ok: false, output: badFlag }
  if (args.flags.has('help')) return { ok: true, output: HELP }
  return run(state, args, namespaceOf(args), boolFlag(args, 'all-namespaces'))
}

/** kubectl's global flags that take a value; they may come before the verb (`kubectl -n prod get pods`). */
const GLOBAL_VALUE_FLAGS = new Set([
  '-n',
  '--namespace',
  '--context',
  '--cluster',
  '--user',
  '--kubeconfig',
  '-s',
  '--server',
  '--request-timeout',
  '-v',
  '--v',
])

/** The verb, and its arguments with any flags given before it. */
function verbAndArgs(words: string[]): { verb: string | undefined; more: string[] } {
  const leading: string[] = []
  let i = 0
  while (i < words.length && words[i]!.startsWith('-') && words[i] !== '--help' && words[i] !== '-h') {
    leading.push(words[i]!)
    if (GLOBAL_VALUE_FLAGS.has(words[i]!) && i + 1 < words.length) leading.push(words[++i]!)
    i++
  }
  return { verb: words[i], more: [...leading, ...words.slice(i + 1)] }
}

/** `-f FILE` (or `-f -`, standard input) selects the objects, not TYPE NAME. */
function fromFiles(args: ParsedArgs): boolean {
  return filenameArgs(args).length > 0
}

type Verb = (state: ClusterState, args: ParsedArgs, namespace: string, allNamespaces: boolean) => CommandResult

/** The kubectl verbs the simulator answers (the terminal completes these). */
const KUBECTL: Record<string, Verb> = {
  get: (state, args, namespace, allNamespaces) => (fromFiles(args) ? runGetFiles : runGet)(state, args, { namespace, allNamespaces }),
  describe: (state, args, namespace) => runDescribe(state, args, namespace),
  delete: (state, args, namespace, allNamespaces) =>
    fromFiles(args) ? runDeleteFiles(state, args, namespace) : runDelete(state, args, namespace, allNamespaces),
  scale: (state, args, namespace) => runScale(state, args, namespace),
  set: (state, args, namespace) => runSet(state, args, namespace),
  patch: (state, args, namespace) => runPatch(state, args, namespace),
  rollout: (state, args, namespace) => runRollout(state, args, namespace),
  create: (state, args, namespace) => (fromFiles(args) ? runCreateFiles : runCreate)(state, args, namespace),
  run: (state, args, namespace) => runRun(state, args, namespace),
  expose: (state, args, namespace) => runExpose(state, args, namespace),
  label: (state, args, namespace) => runLabel(state, args, namespace),
  logs: (state, args, namespace) => runLogs(state, args, namespace),
  exec: (state, args, namespace) => runExec(state, args, namespace),
  apply: (state, args, namespace) =>
    fromFiles(args) ? runApplyFiles(state, args, namespace) : { ok: false, output: 'error: must specify one of -f and -k\n' },
  diff: (state, args, namespace) => runDiff(state, args, namespace),
  version: (state) => ({
    ok: true,
    output: `Client Version: ${state.config.kubernetesVersion}\nKustomize Version: v5.6.0\nServer Version: ${state.config.kubernetesVersion}\n`,
  }),
  'cluster-info': () => ({
    ok: true,
    output:
      "Kubernetes control plane is running at https://172.18.0.1:6443\nCoreDNS is running at https://172.18.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
  }),
  'api-resources': () => runApiResources(),
}

export const KUBECTL_VERBS = Object.keys(KUBECTL)
