/** kubectl logs and kubectl exec (-- curl/wget/cat/… run by the container's own tools, against the simulated network). */
import { filesSeenBy, storeFiles } from '../kubelet/volumes.ts'
import type { Pod } from '../k8s.ts'
import type { ClusterState } from '../state.ts'
import { lookupImage, type AppKind } from '../kubelet/images.ts'
import { startupLogs } from '../kubelet/apps.ts'
import { toTimestamp } from '../clock.ts'
import { compileShell, newShellState, runShell, singleCommand } from '../kubelet/shell.ts'
import { httpGet } from '../network.ts'
import { boolFlag, flag, type ParsedArgs } from './args.ts'
import { notFoundError, splitTypeName } from './resources.ts'
import type { CommandResult } from './result.ts'

function bootLines(state: ClusterState, boot: { app: string; tag: string; at: number } | null): string[] {
  if (!boot || boot.at > state.now) return []
  return startupLogs(boot.app as AppKind, boot.tag, toTimestamp(state.config.epoch, boot.at))
}

/** `POD`, `pod/POD`, `deploy/NAME` (first pod of the Deployment, like kubectl). */
function resolvePod(state: ClusterState, word: string | undefined, namespace: string): { pod: Pod } | CommandResult {
  if (!word) return { ok: false, output: 'error: expected POD or TYPE/NAME\n' }
  const split = splitTypeName(word)
  if (split && 'error' in split) return { ok: false, output: `${split.error}\n` }
  if (split && split.kind !== 'Pod') {
    const owner = state.objects[split.kind as 'Deployment']?.get(`${namespace}/${split.name}`)
    if (!owner) return { ok: false, output: notFoundError(split.kind, split.name) }
    const pods = [...state.objects.Pod.values()]
      .filter((p) => p.metadata?.namespace === namespace && !p.metadata?.deletionTimestamp)
      .filter((p) => {
        const sel = (owner as { spec?: { selector?: { matchLabels?: Record<string, string> } } }).spec?.selector?.matchLabels ?? {}
        return Object.entries(sel).every(([k, v]) => p.metadata?.labels?.[k] === v)
      })
      .sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1))
    if (!pods[0]) return { ok: false, output: `error: no pods found for ${split.kind.toLowerCase()}/${split.name}\n` }
    return { pod: pods[0] }
  }
  const name = split ? split.name : word
  const pod = state.objects.Pod.get(`${namespace}/${name}`)
  if (!pod) return { ok: false, output: notFoundError('Pod', name) }
  return { pod }
}

function pickContainer(pod: Pod, requested: string | undefined): { name: string; note: string } | CommandResult {
  const names = (pod.spec?.containers ?? []).map((c) => c.name)
  if (requested) {
    if (!names.includes(requested))
      return { ok: false, output: `error: container ${requested} is not valid for pod ${pod.metadata!.name}\n` }
    return { name: requested, note: '' }
  }
  const note = names.length > 1 ? `Defaulted container "${names[0]}" out of: ${names.join(', ')}\n` : ''
  return { name: names[0]!, note }
}

export function runLogs(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const r = resolvePod(state, args.positional[0], namespace)
  if (!('pod' in r)) return r
  const pod = r.pod
  const c = pickContainer(pod, flag(args, 'container') ?? args.positional[1])
  if (!('name' in c)) return c
  const rt = state.pods.get(`${namespace}/${pod.metadata!.name}`)
  const cr = rt?.containers.find((x) => x.name === c.name && !x.init)
  const previous = boolFlag(args, 'previous')
  const status = pod.status?.containerStatuses?.find((s) => s.name === c.name)
  if (previous) {
    if (!cr || !status?.lastState?.terminated)
      return {
        ok: false,
        output: `${c.note}Error from server (BadRequest): previous terminated container "${c.name}" in pod "${pod.metadata!.name}" not found\n`,
      }
    const prev = [...bootLines(state, cr.previousBootLog), ...cr.previousLogs]
    return { ok: true, output: c.note + prev.map((l) => `${l}\n`).join('') }
  }
  if (
    !cr ||
    cr.startedAt === null ||
    (cr.phase !== 'running' && cr.phase !== 'exited' && cr.phase !== 'done' && cr.phase !== 'crashBackoff')
  ) {
    const reason = status?.state?.waiting?.reason ?? 'ContainerCreating'
    const why = reason === 'ImagePullBackOff' || reason === 'ErrImagePull' ? 'trying and failing to pull image' : reason
    return {
      ok: false,
      output: `${c.note}Error from server (BadRequest): container "${c.name}" in pod "${pod.metadata!.name}" is waiting to start: ${why}\n`,
    }
  }
  let lines = [...bootLines(state, cr.bootLog), ...cr.logs]
  const tail = flag(args, 'tail')
  if (tail !== undefined && Number(tail) >= 0) lines = lines.slice(Math.max(0, lines.length - Number(tail)))
  return { ok: true, output: c.note + lines.map((l) => `${l}\n`).join('') }
}

export function runExec(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const r = resolvePod(state, args.positional[0], namespace)
  if (!('pod' in r)) return r
  const pod = r.pod
  if (!args.rest || args.rest.length === 0) return { ok: false, output: 'error: you must specify at least one command for the container\n' }
  const c = pickContainer(pod, flag(args, 'container'))
  if (!('name' in c)) return c
  const key = `${namespace}/${pod.metadata!.name}`
  const rt = state.pods.get(key)
  const cr = rt?.containers.find((x) => x.name === c.name && !x.init)
  if (!cr || cr.phase !== 'running') {
    return { ok: false, output: `${c.note}error: unable to upgrade connection: container not found ("${c.name}")\n` }
  }
  if (!state.nodes.get(rt!.node)?.up)
    return { ok: false, output: `${c.note}Error from server: error dialing backend: dial tcp ${rt!.node}:10250: i/o timeout\n` }
  const info = lookupImage(cr.image)!
  const argv = args.rest
  const bin = argv[0]!.replace(/^\/(usr\/)?s?bin\//, '')
  const builtins = new Set(['echo', 'true', 'false', 'exit', 'test', '['])
  if (!info.tools.has(bin) && !builtins.has(bin)) {
    return {
      ok: false,
      output: `${c.note}error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${'0'.repeat(8)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n`,
    }
  }
  const program = (bin === 'sh' || bin === 'bash') && argv[1] === '-c' ? compileShell(argv[2] ?? '') : singleCommand(argv)
  if ('error' in program) return { ok: false, output: `sh: ${program.error}\ncommand terminated with exit code 2\n` }
  const spec = pod.spec?.containers?.find((x) => x.name === c.name)
  const env: Record<string, string> = cr.env ? { ...cr.env } : {}
  if (!cr.env) for (const e of spec?.env ?? []) if (e.value !== undefined) env[e.name] = e.value
  const files = rt ? filesSeenBy(pod, rt, cr) : { ...cr.files }
  const result = runShell(program, newShellState(), {
    now: state.now,
    epoch: state.config.epoch,
    hostname: pod.metadata!.name!,
    tools: info.tools,
    files,
    env,
    http: (url) => {
      const res = httpGet(state, url, { namespace, podKey: key })
      if (res.ok) return { ok: true, body: res.body }
      return {
        ok: false,
        error: bin === 'wget' ? `wget: can't connect to remote host: Connection refused` : `curl: (${res.code}) ${res.error}`,
      }
    },
  })
  // exec changes the container's files (touch/rm), and mounted volumes, like a real shell would
  if (rt) storeFiles(pod, rt, cr, files)
  else cr.files = files
  const code = result.exit ?? 0
  const out = result.output.map((l) => `${l}\n`).join('')
  return code === 0
    ? { ok: true, output: c.note + out }
    : { ok: false, output: `${c.note}${out}command terminated with exit code ${code}\n` }
}
