/** kubectl create deployment|namespace, run and expose: objects built like kubectl's generators, then validated by lib/k8s. */
import type { Deployment, Pod, Service } from '../k8s.ts'
import { formatKubectlError, validateObject } from '../k8s.ts'
import { createObject } from '../apiserver.ts'
import type { AnyObject } from '../objects.ts'
import type { ClusterState } from '../state.ts'
import { boolFlag, flag, type ParsedArgs } from './args.ts'
import { validated } from './mutate.ts'
import { lookup, targets } from './targets.ts'
import { notFoundError } from './resources.ts'
import type { CommandResult } from './result.ts'

function imageName(image: string): string {
  const noDigest = image.split('@')[0]!
  const last = noDigest.split('/').pop()!
  return (
    last
      .split(':')[0]!
      .replace(/[^a-z0-9-]/g, '-')
      .replace(/^-+|-+$/g, '') || 'app'
  )
}

export function runCreate(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const [what, name] = args.positional
  if (what === 'namespace' || what === 'ns') {
    if (!name) return { ok: false, output: 'error: exactly one NAME is required, got 0\n' }
    const v = validated({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as AnyObject)
    if (!('obj' in v)) return v
    const r = createObject(state, v.obj)
    return r.ok
      ? { ok: true, output: `namespace/${name} created\n` }
      : { ok: false, output: `error: failed to create namespace: ${r.message}\n` }
  }
  if (what !== 'deployment' && what !== 'deploy') {
    return {
      ok: false,
      output: `error: unknown command "${what ?? ''}" for "kubectl create" (this simulator supports: create deployment, create namespace)\n`,
    }
  }
  if (!name) return { ok: false, output: 'error: exactly one NAME is required, got 0\n' }
  const image = flag(args, 'image')
  if (!image) return { ok: false, output: 'error: required flag(s) "image" not set\n' }
  const replicas = Number(flag(args, 'replicas') ?? 1)
  const port = flag(args, 'port')
  const labels = { app: name }
  const container: Record<string, unknown> = { name: imageName(image), image, resources: {} }
  if (port !== undefined) container.ports = [{ containerPort: Number(port) }]
  const obj = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { labels }, spec: { containers: [container] } },
    },
  }
  const v = validateObject(obj)
  if (!v.object) return { ok: false, output: `${formatKubectlError(v.errors)}\n` }
  const r = createObject(state, v.object as AnyObject)
  if (!r.ok) return { ok: false, output: `error: failed to create deployment: ${r.message}\n` }
  return { ok: true, output: `deployment.apps/${name} created\n` }
}

export function runRun(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const [name] = args.positional
  if (!name) return { ok: false, output: 'error: NAME is required for run\n' }
  const image = flag(args, 'image')
  if (!image) return { ok: false, output: 'error: required flag(s) "image" not set\n' }
  const restart = flag(args, 'restart') ?? 'Always'
  const container: Record<string, unknown> = { name, image, resources: {} }
  const port = flag(args, 'port')
  if (port !== undefined) container.ports = [{ containerPort: Number(port) }]
  if (args.rest?.length) {
    if (boolFlag(args, 'command')) container.command = args.rest
    else container.args = args.rest
  }
  const labels: Record<string, string> = { run: name }
  for (const l of (flag(args, 'labels') ?? '').split(',').filter(Boolean)) labels[l.split('=')[0]!] = l.split('=')[1] ?? ''
  const obj = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
  }
  const v = validateObject(obj)
  if (!v.object) return { ok: false, output: `${formatKubectlError(v.errors)}\n` }
  const r = createObject(state, v.object as AnyObject)
  if (!r.ok) return { ok: false, output: `Error from server (${r.reason}): ${r.message}\n` }
  return { ok: true, output: `pod/${name} created\n` }
}

export function runExpose(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const ts = targets(args.positional)
  if ('error' in ts) return { ok: false, output: `${ts.error}\n` }
  const t = ts[0]
  if (!t) return { ok: false, output: 'error: You must provide one or more resources by argument or filename.\n' }
  const obj = lookup(state, t, namespace)
  if (!obj) return { ok: false, output: notFoundError(t.kind, t.name) }
  let selector: Record<string, string> | undefined
  let containerPorts: number[]
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') {
    const w = obj as Deployment
    selector = w.spec?.selector?.matchLabels
    if (w.spec?.selector?.matchExpressions?.length)
      return {
        ok: false,
        output: `error: couldn't convert expressions - "${w.spec.selector.matchExpressions[0]!.key}" to map-based selector format\n`,
      }
    containerPorts = (w.spec?.template?.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.containerPort))
  } else if (obj.kind === 'Pod') {
    selector = obj.metadata?.labels
    // kubectl's expose.go: a Pod's labels are the selector it introspects; none, and there is nothing to select by
    if (Object.keys(selector ?? {}).length === 0 && flag(args, 'selector') === undefined)
      return {
        ok: false,
        output: `error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n`,
      }
    containerPorts = ((obj as Pod).spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.containerPort))
  } else if (obj.kind === 'Service') {
    selector = (obj as Service).spec?.selector
    containerPorts = ((obj as Service).spec?.ports ?? []).map((p) => p.port)
  } else return { ok: false, output: `error: cannot expose a ${t.kind}\n` }
  // --selector (map-based, `a=b,c=d`) replaces the selector read from the object
  const selectorFlag = flag(args, 'selector')
  if (selectorFlag !== undefined) {
    // kubectl's generate.ParseLabels: each comma-separated part is key=value
    const bad = selectorFlag.split(',').find((kv) => kv.split('=').length !== 2 || !kv.split('=')[0])
    if (bad !== undefined) return { ok: false, output: `error: invalid label spec: ${bad}\n` }
    selector = Object.fromEntries(selectorFlag.split(',').map((kv) => kv.split('=') as [string, string]))
  }
  const portText = flag(args, 'port')
  const port = portText !== undefined ? Number(portText) : containerPorts[0]
  if (port === undefined) return { ok: false, output: "error: couldn't find port via --port flag or introspection\n" }
  const targetText = flag(args, 'target-port')
  const targetPort =
    targetText === undefined
      ? portText !== undefined && containerPorts.length === 1
        ? containerPorts[0]
        : port
      : /^\d+$/.test(targetText)
        ? Number(targetText)
        : targetText
  const name = flag(args, 'name') ?? t.name
  const svc = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, ...(obj.metadata?.labels ? { labels: obj.metadata.labels } : {}) },
    spec: {
      ports: [{ port, protocol: flag(args, 'protocol') ?? 'TCP', targetPort }],
      selector,
      ...(flag(args, 'type') ? { type: flag(args, 'type') } : {}),
    },
  }
  const v = validateObject(svc)
  if (!v.object) return { ok: false, output: `${formatKubectlError(v.errors)}\n` }
  const r = createObject(state, v.object as AnyObject)
  if (!r.ok) return { ok: false, output: `Error from server (${r.reason}): ${r.message}\n` }
  return { ok: true, output: `service/${name} exposed\n` }
}
