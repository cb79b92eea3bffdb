/**
 * Probe evaluation against what the container really runs at that moment: HTTP GET answered by the app,
 * TCP connect to a listening port, exec run by the container's shell. Messages are the kubelet prober's.
 */
import type { Container, Probe } from '../k8s.ts'
import { httpResponse, type Program } from './apps.ts'
import type { ImageInfo } from './images.ts'
import type { ContainerRuntime } from './runtime.ts'
import { envOf } from './env.ts'
import { compileShell, newShellState, runShell, singleCommand, type ShellProgram } from './shell.ts'

export interface ProbeTarget {
  container: Container
  runtime: ContainerRuntime
  program: Program
  image: ImageInfo
  podName: string
  ip: string
  now: number
  epoch: number
}

/** Resolves an int-or-name port against the container's declared ports. */
export function resolvePort(container: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port
  if (port === undefined) return undefined
  if (/^\d+$/.test(port)) return Number(port)
  return container.ports?.find((p) => p.name === port)?.containerPort
}

/** Whether the app accepts connections on `port` at `now`: it does until SIGTERM (so during a preStop hook). */
export function isListening(t: { runtime: ContainerRuntime; program: Program; now: number }, port: number): boolean {
  const c = t.runtime
  if (c.phase !== 'running' || (c.stopping && c.stopping.sigtermAt <= t.now)) return false
  if (t.program.kind !== 'server') return false
  return c.listeningAt !== null && c.listeningAt <= t.now && t.program.ports.includes(port)
}

/**
 * An exec action's command (probe or lifecycle hook) as the container's shell runs it, or the error the runtime
 * reports when it cannot start.
 */
export function compileExec(argv: string[], image: ImageInfo): ShellProgram | { error: string } {
  if (argv.length === 0) return { error: 'exec: no command' }
  const program =
    (argv[0] === 'sh' || argv[0] === '/bin/sh') && argv[1] === '-c' && image.hasShell ? compileShell(argv[2] ?? '') : singleCommand(argv)
  if ('error' in program) return { error: `sh: ${program.error}` }
  if (!image.tools.has(argv[0]!.replace(/^\/(usr\/)?s?bin\//, ''))) {
    return {
      error: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
    }
  }
  return program
}

/** The URL in the prober's failure messages (built only then: most probes succeed). */
function probeUrl(get: NonNullable<Probe['httpGet']>, host: string, port: number | undefined, path: string): string {
  return `${(get.scheme ?? 'HTTP').toLowerCase()}://${host}:${port}${path}`
}

const PROBE_OK: { ok: boolean; message: string } = Object.freeze({ ok: true, message: '' })

export function evaluateProbe(probe: Probe, t: ProbeTarget): { ok: boolean; message: string } {
  if (probe.httpGet) {
    const port = resolvePort(t.container, probe.httpGet.port)
    const path = probe.httpGet.path ?? '/'
    const host = probe.httpGet.host ?? t.ip
    if (port === undefined || !isListening(t, port)) {
      return {
        ok: false,
        message: `Get "${probeUrl(probe.httpGet, host, port, path)}": dial tcp ${host}:${port ?? 0}: connect: connection refused`,
      }
    }
    const program = t.program as Extract<Program, { kind: 'server' }>
    const r = httpResponse(program.app, t.image.tag, {
      podName: t.podName,
      version: t.image.version,
      path,
      runningMs: t.now - (t.runtime.startedAt ?? t.now),
      unhealthyAfterMs: program.unhealthyAfterMs,
    })
    if (!r)
      return {
        ok: false,
        message: `Get "${probeUrl(probe.httpGet, host, port, path)}": net/http: HTTP/1.x transport connection broken: malformed HTTP response`,
      }
    if (r.status >= 200 && r.status < 400) return PROBE_OK
    return { ok: false, message: `HTTP probe failed with statuscode: ${r.status}` }
  }
  if (probe.tcpSocket) {
    const port = resolvePort(t.container, probe.tcpSocket.port)
    if (port !== undefined && isListening(t, port)) return PROBE_OK
    return { ok: false, message: `dial tcp ${t.ip}:${port ?? 0}: connect: connection refused` }
  }
  if (probe.exec) {
    const program = compileExec(probe.exec.command ?? [], t.image)
    if ('error' in program) return { ok: false, message: program.error }
    const r = runShell(program, newShellState(), {
      now: t.now,
      epoch: t.epoch,
      hostname: t.podName,
      tools: t.image.tools,
      files: { ...t.runtime.files },
      env: t.runtime.env ?? envOf(t.container),
    })
    const code = r.exit ?? 0
    return { ok: code === 0, message: r.output.join('\n') }
  }
  return { ok: true, message: '' }
}
