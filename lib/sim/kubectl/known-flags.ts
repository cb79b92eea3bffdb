/**
 * The flags each kubectl command has (its pflag set plus kubectl's global flags), so that a misspelt one is
 * refused as kubectl refuses it — `error: unknown flag: --replica` — instead of being silently ignored. A real
 * flag the simulator does not act on (`--record`, `--timeout`) is accepted, as kubectl accepts it.
 * Names from `kubectl VERB --help` (staging/src/k8s.io/kubectl/pkg/cmd/*); shorthands are resolved by args.ts.
 */
import type { ParsedArgs } from './args.ts'

const GLOBAL = ['namespace', 'context', 'cluster', 'user', 'kubeconfig', 'server', 'request-timeout', 'v', 'help', 'as', 'token', 'insecure-skip-tls-verify', 'warnings-as-errors', 'match-server-version']
const PRINT = ['output', 'template', 'allow-missing-template-keys', 'show-managed-fields']
const WRITE = [...PRINT, 'dry-run', 'field-manager', 'record']
const FILES = ['filename', 'recursive', 'kustomize']

const VERB_FLAGS: Record<string, string[]> = {
  get: [...PRINT, ...FILES, 'selector', 'field-selector', 'all-namespaces', 'watch', 'watch-only', 'output-watch-events', 'show-labels', 'show-kind', 'sort-by', 'label-columns', 'no-headers', 'chunk-size', 'ignore-not-found', 'raw', 'subresource', 'server-print'],
  describe: [...FILES, 'selector', 'all-namespaces', 'show-events', 'chunk-size'],
  delete: [...WRITE, ...FILES, 'selector', 'field-selector', 'all', 'all-namespaces', 'grace-period', 'force', 'cascade', 'ignore-not-found', 'now', 'wait', 'timeout', 'raw', 'interactive'],
  scale: [...WRITE, ...FILES, 'replicas', 'current-replicas', 'resource-version', 'selector', 'all', 'timeout'],
  set: [...WRITE, ...FILES, 'selector', 'all', 'containers', 'local', 'env', 'list', 'overwrite', 'resolve', 'from', 'keys', 'prefix', 'limits', 'requests', 'resource-version'],
  patch: [...WRITE, ...FILES, 'patch', 'patch-file', 'type', 'local', 'subresource'],
  rollout: [...WRITE, ...FILES, 'revision', 'to-revision', 'watch', 'timeout', 'selector'],
  create: [...WRITE, ...FILES, 'image', 'replicas', 'port', 'save-config', 'validate', 'edit', 'windows-line-endings', 'raw', 'selector'],
  run: [...WRITE, 'image', 'port', 'restart', 'labels', 'env', 'command', 'stdin', 'tty', 'rm', 'attach', 'overrides', 'override-type', 'expose', 'image-pull-policy', 'annotations', 'pod-running-timeout', 'privileged', 'quiet', 'leave-stdin-open'],
  expose: [...WRITE, ...FILES, 'port', 'target-port', 'type', 'name', 'protocol', 'selector', 'labels', 'external-ip', 'load-balancer-ip', 'session-affinity', 'cluster-ip', 'overrides', 'override-type'],
  label: [...WRITE, ...FILES, 'overwrite', 'all', 'all-namespaces', 'selector', 'field-selector', 'list', 'local', 'resource-version'],
  logs: ['container', 'previous', 'tail', 'follow', 'timestamps', 'since', 'since-time', 'selector', 'all-containers', 'all-pods', 'prefix', 'limit-bytes', 'max-log-requests', 'pod-running-timeout', 'ignore-errors'],
  exec: ['container', 'stdin', 'tty', 'quiet', 'filename', 'pod-running-timeout'],
  apply: [...WRITE, ...FILES, 'selector', 'prune', 'prune-allowlist', 'all', 'force', 'grace-period', 'timeout', 'wait', 'server-side', 'force-conflicts', 'validate', 'overwrite', 'cascade', 'openapi-patch'],
  diff: [...FILES, 'selector', 'server-side', 'force-conflicts', 'field-manager', 'prune', 'prune-allowlist', 'show-managed-fields', 'concurrency'],
  version: ['client', 'output'],
  'cluster-info': [],
  'api-resources': ['output', 'namespaced', 'api-group', 'verbs', 'sort-by', 'no-headers', 'cached', 'categories'],
}

/** kubectl's error for the first flag the command does not have (pflag's wording), or null. */
export function unknownFlag(verb: string, args: ParsedArgs): string | null {
  const known = VERB_FLAGS[verb]
  if (!known) return null
  for (const [name, { word, letter }] of args.spelled) {
    if (GLOBAL.includes(name) || known.includes(name)) continue
    const problem = letter === undefined ? `unknown flag: --${name}` : `unknown shorthand flag: '${letter}' in ${word}`
    return `error: ${problem}\nSee 'kubectl ${verb} --help' for usage.\n`
  }
  return null
}
