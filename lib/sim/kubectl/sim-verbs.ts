/** Simulation verbs beyond kubectl: node fail/recover, pod crash, traffic start/stop, curl, wait. */
import type { ClusterState } from '../state.ts'
import { enqueue } from '../queue.ts'
import { LEASE_RENEW_MS } from '../node-lifecycle.ts'
import { httpGet } from '../network.ts'
import { startTraffic, stopTraffic } from '../traffic.ts'
import { parseDuration } from '../clock.ts'
import { flag, type ParsedArgs } from './args.ts'
import { notFoundError, splitTypeName } from './resources.ts'
import type { CommandResult } from './result.ts'
import { MAX_TOTAL_RPS } from '../budget.ts'

export function runNode(state: ClusterState, args: ParsedArgs): CommandResult {
  const [verb, name] = args.positional
  if ((verb !== 'fail' && verb !== 'recover') || !name) return { ok: false, output: 'usage: node fail NAME | node recover NAME\n' }
  const rt = state.nodes.get(name)
  if (!rt) return { ok: false, output: notFoundError('Node', name) }
  if (verb === 'fail') {
    if (!rt.up) return { ok: false, output: `error: node/${name} has already failed\n` }
    // the last lease renewal happened on the previous 10 s tick
    state.nodes.set(name, {
      ...rt,
      up: false,
      lastHeartbeat: Math.floor(state.now / LEASE_RENEW_MS) * LEASE_RENEW_MS,
      notReadySince: state.now,
    })
    enqueue(state, 'nodeLifecycle', name)
    return { ok: true, output: `node/${name} failed (its kubelet stopped reporting)\n` }
  }
  if (rt.up) return { ok: false, output: `error: node/${name} is not failed\n` }
  state.nodes.set(name, { ...rt, up: true, lastHeartbeat: state.now, notReadySince: null })
  enqueue(state, 'nodeLifecycle', name)
  for (const key of state.indexes.podsByNode.get(name) ?? []) enqueue(state, 'kubelet', key)
  return { ok: true, output: `node/${name} recovered\n` }
}

export function runPodCrash(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const [verb, name] = args.positional
  if (verb !== 'crash' || !name) return { ok: false, output: 'usage: pod crash NAME [-c CONTAINER]\n' }
  const key = `${namespace}/${name}`
  const pod = state.objects.Pod.get(key)
  if (!pod) return { ok: false, output: notFoundError('Pod', name) }
  const rt = state.pods.get(key)
  const cname = flag(args, 'container') ?? pod.spec?.containers?.[0]?.name
  const c = rt?.containers.find((x) => x.name === cname && !x.init)
  if (!rt || !c) return { ok: false, output: `error: container ${cname} is not valid for pod ${name}\n` }
  if (c.phase !== 'running') return { ok: false, output: `error: container ${cname} in pod ${name} is not running\n` }
  const containers = rt.containers.map((x) =>
    x === c ? { ...x, exitAt: state.now, exitCode: 1, logs: [...x.logs, 'panic: simulated crash (kubelab pod crash)'] } : x,
  )
  state.pods.set(key, { ...rt, containers })
  enqueue(state, 'kubelet', key)
  return { ok: true, output: `pod/${name} container ${cname} crashed (exit code 1)\n` }
}

export function runTraffic(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const [verb, target] = args.positional
  if (verb === 'stop') {
    let svcKey: string | undefined
    if (target) {
      const s = splitTypeName(target)
      svcKey = `${namespace}/${s && !('error' in s) ? s.name : target}`
    }
    const n = stopTraffic(state, svcKey)
    return { ok: true, output: n ? 'traffic stopped\n' : 'no traffic generator is running\n' }
  }
  if (verb !== 'start' || !target) return { ok: false, output: 'usage: traffic start svc/NAME [--rps N] | traffic stop [svc/NAME]\n' }
  const s = splitTypeName(target)
  const name = s && !('error' in s) ? s.name : target
  if (s && ('error' in s || s.kind !== 'Service'))
    return { ok: false, output: 'error: traffic goes to a Service: traffic start svc/NAME\n' }
  const svc = state.objects.Service.get(`${namespace}/${name}`)
  if (!svc) return { ok: false, output: notFoundError('Service', name) }
  const rps = Number(flag(args, 'rps') ?? 10)
  if (!(rps > 0 && rps <= MAX_TOTAL_RPS)) return { ok: false, output: `error: --rps must be between 1 and ${MAX_TOTAL_RPS}\n` }
  // Each request is simulated: the generators together send at most MAX_TOTAL_RPS, so virtual time bounds the work.
  const others = state.traffic.generators.reduce((sum, g) => sum + (g.svcKey === `${namespace}/${name}` ? 0 : g.rps), 0)
  if (others + rps > MAX_TOTAL_RPS)
    return {
      ok: false,
      output: `error: the simulator sends at most ${MAX_TOTAL_RPS} requests/s in all (${others} already running): lower --rps or stop other traffic\n`,
    }
  startTraffic(state, `${namespace}/${name}`, rps, flag(args, 'path') ?? '/')
  return { ok: true, output: `traffic to service/${name} started (${rps} requests/s)\n` }
}

export function runCurl(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const url = args.positional[0]
  if (!url) return { ok: false, output: "curl: try 'curl --help' for more information\n" }
  const r = httpGet(state, url, { namespace })
  if (r.ok) return { ok: r.status < 400, output: r.body }
  return { ok: false, output: `curl: (${r.code}) ${r.error}\n` }
}

export function parseWait(args: ParsedArgs): number | undefined {
  return parseDuration(args.positional[0] ?? '')
}
