/** kubectl scale, set image, label and delete. */
import type { Deployment, Pod, ReplicaSet } from '../k8s.ts'
import { formatKubectlError, validateObject } from '../k8s.ts'
import { deleteObject, updateObject, type ApiResult, type DeleteOptions } from '../apiserver.ts'
import { keyOf, type AnyObject, type Kind } from '../objects.ts'
import type { ClusterState } from '../state.ts'
import { boolFlag, flag, type ParsedArgs } from './args.ts'
import { listObjects } from './get.ts'
import { matchesQuery, parseLabelQuery } from './label-query.ts'
import { matchesFields, objectField, parseFieldSelector, unsupportedField } from './field-selector.ts'
import { notFoundError, PLURAL, QUALIFIED, resolveResource } from './resources.ts'
import type { CommandResult } from './result.ts'
import { runSetEnv, runSetResources } from './set-pod-template.ts'
import { lookup, targets, type Target } from './targets.ts'
import { unknownSubcommand } from './unknown-command.ts'

function apiError(r: Extract<ApiResult, { ok: false }>): string {
  return `Error from server (${r.reason}): ${r.message}\n`
}

export function validated<T extends AnyObject>(obj: T): { obj: T } | CommandResult {
  const { status: _status, ...rest } = obj as T & { status?: unknown }
  const v = validateObject(rest)
  if (!v.object) return { ok: false, output: `${formatKubectlError(v.errors)}\n` }
  return { obj }
}

/**
 * What every mutating verb does last: validate the changed object (Nodes skip it: the simulator's validator
 * knows only workload kinds and Services), write it, and word the outcome like kubectl.
 */
function writeChanged(state: ClusterState, t: Target, next: AnyObject, done: string): CommandResult {
  if (next.kind !== 'Node') {
    const v = validated(next)
    if (!('obj' in v)) return { ok: false, output: v.output }
  }
  const r = updateObject(state, next)
  return r.ok ? { ok: true, output: `${QUALIFIED[t.kind]}/${t.name} ${done}\n` } : { ok: false, output: apiError(r) }
}

/**
 * The loop of the mutating verbs: each target is looked up (not found: kubectl's error), changed by `change`
 * (which returns the changed object, or the error line why it cannot be) and written; the outputs in order.
 */
function changeEach(
  state: ClusterState,
  ts: Target[],
  namespace: string,
  done: string,
  change: (t: Target, obj: AnyObject) => AnyObject | string,
): CommandResult {
  let out = ''
  let ok = true
  for (const t of ts) {
    const obj = lookup(state, t, namespace)
    const next = obj ? change(t, obj) : notFoundError(t.kind, t.name)
    const r = typeof next === 'string' ? { ok: false, output: next } : writeChanged(state, t, next, done)
    out += r.output
    ok &&= r.ok
  }
  return { ok, output: out }
}

export function runScale(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const replicasText = flag(args, 'replicas')
  if (replicasText === undefined) return { ok: false, output: 'error: required flag(s) "replicas" not set\n' }
  const replicas = Number(replicasText)
  if (!Number.isInteger(replicas))
    return {
      ok: false,
      output: `error: invalid argument "${replicasText}" for "--replicas" flag: strconv.ParseInt: parsing "${replicasText}": invalid syntax\n`,
    }
  // --current-replicas: a precondition on the size now (kubectl's scale.go ScalePrecondition; -1 = none)
  const currentText = flag(args, 'current-replicas')
  const expected = currentText === undefined ? -1 : Number(currentText)
  if (!Number.isInteger(expected))
    return {
      ok: false,
      output: `error: invalid argument "${currentText}" for "--current-replicas" flag: strconv.ParseInt: parsing "${currentText}": invalid syntax\n`,
    }
  const ts = targets(args.positional)
  if ('error' in ts) return { ok: false, output: `${ts.error}\n` }
  let out = ''
  let ok = true
  for (const t of ts) {
    if (t.kind !== 'Deployment' && t.kind !== 'ReplicaSet') {
      out += `error: cannot scale ${PLURAL[t.kind] ?? t.kind}\n`
      ok = false
      continue
    }
    const obj = lookup(state, t, namespace) as Deployment | ReplicaSet | undefined
    if (!obj) {
      out += notFoundError(t.kind, t.name)
      ok = false
      continue
    }
    const now = obj.spec?.replicas ?? 1
    if (expected !== -1 && now !== expected) {
      out += `error: Expected replicas to be ${expected}, was ${now}\n`
      ok = false
      continue
    }
    const r = writeChanged(state, t, { ...obj, spec: { ...obj.spec!, replicas } } as AnyObject, 'scaled')
    out += r.output
    ok &&= r.ok
  }
  return { ok, output: out }
}

/** `kubectl set image|selector|env|resources`. */
export function runSet(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const sub = args.positional[0]
  if (sub === 'image') return runSetImage(state, args, namespace)
  if (sub === 'selector') return runSetSelector(state, args, namespace)
  if (sub === 'env') return runSetEnv(state, args, args.positional.slice(1), namespace)
  if (sub === 'resources') return runSetResources(state, args, args.positional.slice(1), namespace)
  if (!sub) return { ok: false, output: 'error: Required subcommand: one of env, image, resources, selector\n' }
  return { ok: false, output: unknownSubcommand('set', args.positional) }
}

/**
 * `kubectl set selector service/web app=web`: replaces the selector (a Service's in place; a Deployment's or
 * ReplicaSet's selector is immutable, and the API server says so).
 */
function runSetSelector(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const rest = args.positional.slice(1)
  const pairs = rest.filter((a) => a.includes('='))
  const words = rest.filter((a) => !a.includes('='))
  if (pairs.length === 0) return { ok: false, output: 'error: at least one selector is required\n' }
  const selector: Record<string, string> = {}
  for (const p of pairs) selector[p.slice(0, p.indexOf('='))] = p.slice(p.indexOf('=') + 1)
  const ts = targets(words)
  if ('error' in ts) return { ok: false, output: `${ts.error}\n` }
  return changeEach(state, ts, namespace, 'selector updated', (t, obj) => {
    const spec = (obj as { spec?: Record<string, unknown> }).spec ?? {}
    if (obj.kind === 'Service') return { ...obj, spec: { ...spec, selector } } as AnyObject
    if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet')
      return { ...obj, spec: { ...spec, selector: { matchLabels: selector } } } as AnyObject
    return `error: ${PLURAL[t.kind] ?? t.kind}/${t.name} the object does not have a selector\n`
  })
}

function runSetImage(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const rest = args.positional.slice(1)
  const pairs = rest.filter((a) => a.includes('='))
  const words = rest.filter((a) => !a.includes('='))
  if (pairs.length === 0) return { ok: false, output: 'error: at least one image update is required\n' }
  const ts = targets(words)
  if ('error' in ts) return { ok: false, output: `${ts.error}\n` }
  return changeEach(state, ts, namespace, 'image updated', (t, found) => {
    if (found.kind !== 'Pod' && found.kind !== 'Deployment' && found.kind !== 'ReplicaSet') {
      // kubectl's polymorphic helper: only objects with a pod spec or template can change images
      return `error: ${PLURAL[t.kind] ?? t.kind}/${t.name} the object is not a pod or does not have a pod template: *v1.${found.kind}\n`
    }
    const obj = found as Deployment | ReplicaSet | Pod
    const podSpec = obj.kind === 'Pod' ? (obj as Pod).spec! : (obj as Deployment).spec!.template!.spec!
    let containers = podSpec.containers
    let bad = ''
    for (const p of pairs) {
      const [cname, image] = [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]
      if (cname !== '*' && !containers.some((c) => c.name === cname)) bad = cname
      containers = containers.map((c) => (cname === '*' || c.name === cname ? { ...c, image } : c))
    }
    if (bad) return `error: unable to find container named "${bad}"\n`
    return obj.kind === 'Pod'
      ? ({ ...obj, spec: { ...podSpec, containers } } as Pod)
      : ({
          ...obj,
          spec: { ...(obj as Deployment).spec!, template: { ...(obj as Deployment).spec!.template, spec: { ...podSpec, containers } } },
        } as Deployment)
  })
}

export function runLabel(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const changes = args.positional.filter((a) => a.includes('=') || (a.endsWith('-') && !a.includes('/')))
  const words = args.positional.filter((a) => !changes.includes(a))
  if (changes.length === 0) return { ok: false, output: 'error: at least one label update is required\n' }
  let ts: Target[] | { error: string }
  const sel = flag(args, 'selector')
  if (sel !== undefined || boolFlag(args, 'all')) {
    const kind = resolveResource(words[0] ?? '')
    if (!kind) return { ok: false, output: `error: the server doesn't have a resource type "${words[0] ?? ''}"\n` }
    const q = sel ? parseLabelQuery(sel) : []
    if ('error' in q) return { ok: false, output: `${q.error}\n` }
    ts = listObjects(state, kind, { namespace, allNamespaces: false })
      .filter((o) => matchesQuery(q, o.metadata?.labels))
      .map((o) => ({ kind: kind as Kind, name: o.metadata!.name! }))
  } else ts = targets(words)
  if ('error' in ts) return { ok: false, output: `${ts.error}\n` }
  const overwrite = boolFlag(args, 'overwrite')
  const onlyRemoval = changes.every((c) => c.endsWith('-') && !c.includes('='))
  return changeEach(state, ts, namespace, onlyRemoval ? 'unlabeled' : 'labeled', (_t, obj) => {
    const labels = { ...obj.metadata?.labels }
    let err = ''
    for (const c of changes) {
      if (c.endsWith('-') && !c.includes('=')) {
        delete labels[c.slice(0, -1)]
        continue
      }
      const k = c.slice(0, c.indexOf('='))
      const v = c.slice(c.indexOf('=') + 1)
      if (labels[k] !== undefined && labels[k] !== v && !overwrite)
        err = `error: '${k}' already has a value (${labels[k]}), and --overwrite is false\n`
      labels[k] = v
    }
    return err || ({ ...obj, metadata: { ...obj.metadata, labels } } as AnyObject)
  })
}

export function runDelete(state: ClusterState, args: ParsedArgs, namespace: string, allNamespaces: boolean): CommandResult {
  const sel = flag(args, 'selector')
  const fieldText = flag(args, 'field-selector')
  const all = boolFlag(args, 'all')
  let ts: (Target & { namespace: string })[]
  if (sel !== undefined || fieldText !== undefined || all) {
    // kubectl lists with the label and field selectors and deletes what the list returned
    const fields = fieldText !== undefined ? parseFieldSelector(fieldText) : []
    if ('error' in fields) return { ok: false, output: `Error from server (BadRequest): ${fields.error}\n` }
    const out: (Target & { namespace: string })[] = []
    for (const type of (args.positional[0] ?? '').split(',')) {
      const kind = resolveResource(type)
      if (!kind || kind === 'Event' || kind === 'Endpoints' || kind === 'EndpointSlice')
        return { ok: false, output: `error: the server doesn't have a resource type "${type}"\n` }
      const kinds: Kind[] = kind === 'All' ? ['Pod', 'Service', 'Deployment', 'ReplicaSet'] : [kind as Kind]
      const q = sel ? parseLabelQuery(sel) : []
      if ('error' in q) return { ok: false, output: `${q.error}\n` }
      for (const k of kinds) {
        if (fields.length) {
          const bad = unsupportedField(k, fields, sel ?? '', fieldText ?? '')
          if (bad) return { ok: false, output: bad }
        }
        for (const o of listObjects(state, k, { namespace, allNamespaces })) {
          if (k === 'Service' && kind === 'All' && o.metadata!.name === 'kubernetes') continue
          if (matchesQuery(q, o.metadata?.labels) && matchesFields(fields, (f) => objectField(o, f)))
            out.push({ kind: k, name: o.metadata!.name!, namespace: o.metadata!.namespace ?? '' })
        }
      }
    }
    if (out.length === 0) return { ok: true, output: 'No resources found\n' }
    ts = out
  } else {
    const t = targets(args.positional)
    if ('error' in t) return { ok: false, output: `${t.error}\n` }
    ts = t.map((x) => ({ ...x, namespace }))
  }
  const { options, forced, warning } = deleteOptions(args)
  const ignoreNotFound = boolFlag(args, 'ignore-not-found')
  let out = warning
  let ok = true
  for (const t of ts) {
    if ((t.kind as string) === 'Event' || (t.kind as string) === 'Endpoints' || (t.kind as string) === 'EndpointSlice') {
      out += `error: deleting ${t.kind.toLowerCase()} is not supported by this simulator\n`
      ok = false
      continue
    }
    const key = t.kind === 'Node' || t.kind === 'Namespace' ? t.name : keyOf(t.namespace, t.name)
    if (t.kind === 'Node') {
      out += `error: deleting nodes is not supported by this simulator (use "node fail ${t.name}")\n`
      ok = false
      continue
    }
    const r = deleteObject(state, t.kind, key, options)
    if (!r.ok) {
      if (ignoreNotFound) continue
      out += `Error from server (NotFound): ${PLURAL[t.kind]} "${t.name}" not found\n`
      ok = false
    } else out += deletedLine(t.kind, t.name, forced)
  }
  return { ok, output: out }
}

/** --grace-period, --force and --cascade=orphan as the API server's delete options, and kubectl's warning. */
export function deleteOptions(args: ParsedArgs): { options: DeleteOptions; forced: boolean; warning: string } {
  const force = boolFlag(args, 'force')
  const graceText = flag(args, 'grace-period')
  const grace = graceText !== undefined ? Number(graceText) : force ? 0 : undefined
  const forced = force && grace === 0
  return {
    options: {
      gracePeriodSeconds: grace === undefined || Number.isNaN(grace) ? undefined : grace,
      orphan: flag(args, 'cascade') === 'orphan',
    },
    forced,
    warning: forced
      ? 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'
      : '',
  }
}

/** delete.go PrintObj: `deployment.apps "web" deleted`. */
export function deletedLine(kind: Kind, name: string, forced: boolean): string {
  return `${QUALIFIED[kind]} "${name}" ${forced ? 'force deleted' : 'deleted'}\n`
}
