/**
 * `kubectl set env` and `kubectl set resources`, the edit-free ways to change a pod template
 * (staging/src/k8s.io/kubectl/pkg/cmd/set/set_env.go, set_resources.go): the containers chosen by `-c`
 * (a glob, `*` by default) of a Pod, Deployment or ReplicaSet are changed, and the result goes through the API
 * server's update path (apply.ts updateFromClient), so a Deployment rolls out and a bare Pod refuses the change
 * as the API server does. As upstream, an update that changes nothing prints nothing.
 */
import type { Container, Deployment, Pod } from '../k8s.ts'
import { updateFromClient } from '../apply.ts'
import { formatKubectlError } from '../k8s.ts'
import type { AnyObject } from '../objects.ts'
import type { ClusterState } from '../state.ts'
import { flag, boolFlag, type ParsedArgs } from './args.ts'
import { lookup, targets } from './targets.ts'
import { notFoundError, QUALIFIED } from './resources.ts'
import { qualifiedKind } from '../../k8s/registry.ts'
import type { CommandResult } from './result.ts'

type PodSpec = NonNullable<Pod['spec']>
type EnvVar = NonNullable<Container['env']>[number]

function podSpecOf(obj: AnyObject): PodSpec | undefined {
  if (obj.kind === 'Pod') return (obj as Pod).spec
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') return (obj as Deployment).spec?.template?.spec
  return undefined
}

function withPodSpec(obj: AnyObject, spec: PodSpec): AnyObject {
  if (obj.kind === 'Pod') return { ...obj, spec } as AnyObject
  const d = obj as Deployment
  return { ...d, spec: { ...d.spec!, template: { ...d.spec!.template, spec } } } as AnyObject
}

/** filepath.Match for container names: `*` any run of characters, `?` one. */
function globMatches(pattern: string, name: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  )
  return re.test(name)
}

type ContainerChange = (c: Container) => Container | string

/**
 * An Invalid error as its Go `Error()` text (apimachinery errors.NewInvalid: `Deployment.apps "web" is invalid: …`),
 * which kubectl set prints inside its own sentence instead of the "The … is invalid" form.
 */
function statusErrorText(errors: Parameters<typeof formatKubectlError>[0]): string {
  return formatKubectlError(errors).replace(/^The (\w+) "/, (_m, kind: string) => `${qualifiedKind(kind)} "`)
}

/**
 * Changes the chosen containers (and init containers) of each target; a change may return an error line instead.
 * `none` is what to say when no container matches.
 */
function changeContainers(
  state: ClusterState,
  args: ParsedArgs,
  words: string[],
  namespace: string,
  what: 'env' | 'resources',
  change: ContainerChange,
  none: (obj: AnyObject, selector: string) => { line: string; fails: boolean },
): CommandResult {
  if (words.length === 0)
    return { ok: false, output: 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n' }
  const ts = targets(words)
  if ('error' in ts) return { ok: false, output: `${ts.error}\n` }
  const selector = flag(args, 'containers') ?? flag(args, 'container') ?? '*'
  let out = ''
  let errors = ''
  for (const t of ts) {
    const live = lookup(state, t, namespace)
    if (!live) {
      errors += notFoundError(t.kind, t.name)
      continue
    }
    const spec = podSpecOf(live)
    if (!spec) {
      errors += `error: ${QUALIFIED[t.kind]}/${t.name} the object is not a pod or does not have a pod template: *v1.${live.kind}\n`
      continue
    }
    let matched = 0
    let failure = ''
    const update = (list: Container[] | undefined) =>
      list?.map((c) => {
        if (!globMatches(selector, c.name)) return c
        matched++
        const r = change(c)
        if (typeof r === 'string') failure ||= r
        return typeof r === 'string' ? c : r
      })
    const next = {
      ...spec,
      containers: update(spec.containers)!,
      ...(spec.initContainers ? { initContainers: update(spec.initContainers) } : {}),
    }
    if (matched === 0) {
      const said = none(live, selector)
      if (said.fails) errors += said.line
      else out += said.line
      continue
    }
    if (failure) {
      errors += `error: ${QUALIFIED[t.kind]}/${t.name} ${failure}\n`
      continue
    }
    const r = updateFromClient(state, live, withPodSpec(live, next))
    if (!r.ok)
      errors += `error: failed to patch ${what} update to pod template ${r.errors.length ? statusErrorText(r.errors) : r.message}\n`
    else if (r.changed) out += `${QUALIFIED[t.kind]}/${t.name} ${what === 'env' ? 'env updated' : 'resource requirements updated'}\n`
  }
  return { ok: errors === '', output: out + errors }
}

/** `cpu=200m,memory=512Mi` → a ResourceList; kubectl's error for a pair without `=`. */
function resourceList(text: string): Record<string, string> | { error: string } {
  const out: Record<string, string> = {}
  for (const pair of text.split(',').filter(Boolean)) {
    const eq = pair.indexOf('=')
    if (eq <= 0) return { error: `error: Invalid argument syntax ${pair}, expected <key>=<value>` }
    out[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  return out
}

/** `kubectl set resources TYPE NAME [-c C] --limits=cpu=200m,memory=512Mi --requests=…`. */
export function runSetResources(state: ClusterState, args: ParsedArgs, words: string[], namespace: string): CommandResult {
  const limitsText = flag(args, 'limits') ?? ''
  const requestsText = flag(args, 'requests') ?? ''
  if (!limitsText && !requestsText)
    return { ok: false, output: 'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n' }
  const limits = resourceList(limitsText)
  if ('error' in limits) return { ok: false, output: `${limits.error}\n` }
  const requests = resourceList(requestsText)
  if ('error' in requests) return { ok: false, output: `${requests.error}\n` }
  return changeContainers(
    state,
    args,
    words,
    namespace,
    'resources',
    (c) => {
      const resources = { ...c.resources }
      if (limitsText) resources.limits = { ...resources.limits, ...limits }
      if (requestsText) resources.requests = { ...resources.requests, ...requests }
      return { ...c, resources }
    },
    (_obj, selector) => ({ line: `error: unable to find container named ${selector}\n`, fails: true }),
  )
}

/** `kubectl set env TYPE NAME KEY=value … KEY- … [--list] [-c C] [--overwrite=false]`. */
export function runSetEnv(state: ClusterState, args: ParsedArgs, words: string[], namespace: string): CommandResult {
  // envutil.SplitEnvironmentFromResources: resources first, then the changes
  const first = words.findIndex((w) => w.includes('=') || (w.endsWith('-') && !w.includes('/')))
  const resources = first < 0 ? words : words.slice(0, first)
  const changes = [...(args.values.get('env') ?? []), ...(first < 0 ? [] : words.slice(first))]
  if (first >= 0 && words.slice(first).some((w) => !(w.includes('=') || w.endsWith('-')))) {
    return { ok: false, output: `error: all resources must be specified before environment changes: ${words.join(' ')}\n` }
  }
  const set: EnvVar[] = []
  const remove: string[] = []
  for (const c of changes) {
    if (c.includes('=')) {
      const name = c.slice(0, c.indexOf('='))
      if (!name) return { ok: false, output: `error: invalid key name: ${c}\n` }
      set.push({ name, value: c.slice(c.indexOf('=') + 1) })
    } else remove.push(c.slice(0, -1))
  }
  const list = boolFlag(args, 'list')
  const overwrite = flag(args, 'overwrite') !== 'false'
  let listed = ''
  const change: ContainerChange = (c) => {
    if (!overwrite) {
      const clash = set.find((e) => c.env?.some((x) => x.name === e.name && x.value !== e.value))
      if (clash)
        return `'${clash.name}' already has a value (${c.env!.find((x) => x.name === clash.name)!.value}), and --overwrite is false`
    }
    // updateEnv: a name already there is replaced in place, a new one appended, removals last
    let env = [...(c.env ?? [])]
    for (const e of set) {
      const at = env.findIndex((x) => x.name === e.name)
      if (at < 0) env.push(e)
      else env[at] = e
    }
    env = env.filter((x) => !remove.includes(x.name))
    return { ...c, env: env.length ? env : undefined }
  }
  if (list) {
    const ts = targets(resources)
    if ('error' in ts) return { ok: false, output: `${ts.error}\n` }
    const selector = flag(args, 'containers') ?? flag(args, 'container') ?? '*'
    for (const t of ts) {
      const live = lookup(state, t, namespace)
      if (!live) return { ok: false, output: notFoundError(t.kind, t.name) }
      const spec = podSpecOf(live)
      for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
        if (!globMatches(selector, c.name)) continue
        listed += `# ${live.kind} ${t.name}, container ${c.name}\n`
        for (const e of (change(c) as Container).env ?? [])
          listed += e.valueFrom ? `# ${e.name} from a reference\n` : `${e.name}=${e.value ?? ''}\n`
      }
    }
    return { ok: true, output: listed }
  }
  return changeContainers(state, args, resources, namespace, 'env', change, (obj, selector) => ({
    line: `warning: ${obj.kind}/${obj.metadata!.name} does not have any containers matching ${JSON.stringify(selector)}\n`,
    fails: false,
  }))
}
