/**
 * Tab completion for the terminal: verbs, resource types, names of live objects, flags, and the learner's
 * files after `-f` and after `cat`, `head`, `wc`, `ls`.
 * `completeCommand(cluster, "kubectl get po")` → ["pod", "pods"]; `…"kubectl logs web-"` → pod names;
 * `…"kubectl apply -f ex"` → ["exercise.yaml"].
 */
import type { Cluster } from './cluster.ts'
import { RESOURCE_ALIASES } from './kubectl/resources.ts'
import { KUBECTL_KINDS, resourceInfo } from '../k8s/registry.ts'
import { FILE_PROGRAMS, KUBECTL_VERBS, SIM_VERBS } from './kubectl/run.ts'

const TYPE_WORDS = [...KUBECTL_KINDS.map((kind) => resourceInfo(kind)!.plural), 'all']
const VERB_TAKES_TYPE = new Set(['get', 'describe', 'delete', 'scale', 'label', 'expose', 'rollout', 'set', 'patch'])
const FILE_FLAGS = ['-f', '--filename=']
const FLAGS: Record<string, string[]> = {
  apply: [...FILE_FLAGS, '-n', '--namespace='],
  diff: [...FILE_FLAGS, '-n', '--namespace='],
  get: ['-o', '--output=', '-l', '--selector=', '-n', '--namespace=', '-A', '--all-namespaces', '-w', ...FILE_FLAGS],
  delete: ['--grace-period=', '--force', '--all', '-l', '--cascade=', '--ignore-not-found', ...FILE_FLAGS],
  scale: ['--replicas='],
  patch: ['-p', '--patch=', '--type=', ...FILE_FLAGS],
  set: ['-c', '--containers=', '--limits=', '--requests=', '--list', '-e', '--env='],
  rollout: ['--to-revision=', '--revision='],
  create: ['--image=', '--replicas=', '--port=', ...FILE_FLAGS],
  run: ['--image=', '--port=', '--restart=', '--labels='],
  expose: ['--port=', '--target-port=', '--type=', '--name='],
  logs: ['-c', '--container=', '--previous', '--tail='],
  exec: ['-c', '--container=', '--'],
}

function objectNames(cluster: Cluster, kind: string, namespace: string): string[] {
  const map = cluster.state.objects[kind as keyof typeof cluster.state.objects]
  if (!map) return []
  const names: string[] = []
  for (const obj of map.values()) {
    if (kind === 'Node' || kind === 'Namespace' || obj.metadata?.namespace === namespace) names.push(obj.metadata!.name!)
  }
  return names.sort()
}

/** Candidates for the last word of `line`. */
export function completeCommand(cluster: Cluster, line: string): string[] {
  const words = line.split(/\s+/)
  const current = words.pop() ?? ''
  const done = words.filter(Boolean)
  const nsIdx = done.findIndex((w) => w === '-n' || w === '--namespace')
  const namespace = nsIdx >= 0 ? (done[nsIdx + 1] ?? 'default') : (done.find((w) => w.startsWith('--namespace='))?.slice(12) ?? 'default')
  const pick = (cands: string[]): string[] => [...new Set(cands)].filter((c) => c.startsWith(current)).sort()
  const files = cluster.listFiles()
  if (done.length === 0) return pick(['kubectl', ...SIM_VERBS, ...FILE_PROGRAMS])
  if (FILE_PROGRAMS.includes(done[0]!)) return current.startsWith('-') ? [] : pick(files)
  if (done[0] === 'node') return done.length === 1 ? pick(['fail', 'recover']) : pick(objectNames(cluster, 'Node', namespace))
  if (done[0] === 'pod') return done.length === 1 ? pick(['crash']) : pick(objectNames(cluster, 'Pod', namespace))
  if (done[0] === 'traffic')
    return done.length === 1 ? pick(['start', 'stop']) : pick(objectNames(cluster, 'Service', namespace).map((n) => `svc/${n}`))
  if (done[0] !== 'kubectl' && done[0] !== 'k') return []
  const verb = done[1]
  if (!verb) return pick(KUBECTL_VERBS)
  // -f FILE, --filename FILE, --filename=FILE, -f=FILE
  const previous = done[done.length - 1]
  if (previous === '-f' || previous === '--filename') return pick(files)
  for (const prefix of ['--filename=', '-f=']) if (current.startsWith(prefix)) return pick(files.map((f) => `${prefix}${f}`))
  if (current.startsWith('-')) return pick(FLAGS[verb] ?? [])
  if ((verb === 'apply' || verb === 'diff') && !done.slice(2).some((w) => w === '-f' || w.startsWith('--filename') || w.startsWith('-f')))
    return pick(['-f'])
  if (verb === 'rollout' && done.length === 2) return pick(['history', 'pause', 'restart', 'resume', 'status', 'undo'])
  if (verb === 'set' && done.length === 2) return pick(['env', 'image', 'resources', 'selector'])
  if (verb === 'create' && done.length === 2) return pick(['deployment', 'namespace', '-f'])
  if (verb === 'logs' || verb === 'exec') return pick(objectNames(cluster, 'Pod', namespace))
  const typeIndex = verb === 'rollout' || verb === 'set' ? 3 : 2
  const args = done.slice(typeIndex).filter((w) => !w.startsWith('-'))
  if (current.includes('/')) {
    const [type] = current.split('/')
    const kind = RESOURCE_ALIASES[type!.toLowerCase()]
    if (!kind) return []
    return pick(objectNames(cluster, kind, namespace).map((n) => `${type}/${n}`))
  }
  if (VERB_TAKES_TYPE.has(verb) && args.length === 0) {
    const types = verb === 'rollout' ? ['deployment', 'deployment/'] : TYPE_WORDS
    const withSlash = objectNamesWithType(cluster, namespace, verb)
    return pick([...types, ...Object.keys(RESOURCE_ALIASES).filter((a) => a.length <= 3), ...withSlash])
  }
  if (VERB_TAKES_TYPE.has(verb) && args.length >= 1) {
    const kind = RESOURCE_ALIASES[args[0]!.toLowerCase()]
    if (kind && kind !== 'All' && kind !== 'Event')
      return pick(objectNames(cluster, kind === 'Endpoints' || kind === 'EndpointSlice' ? 'Service' : kind, namespace))
  }
  return []
}

function objectNamesWithType(cluster: Cluster, namespace: string, verb: string): string[] {
  if (verb === 'rollout') return objectNames(cluster, 'Deployment', namespace).map((n) => `deployment/${n}`)
  return []
}
