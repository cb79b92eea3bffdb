/**
 * What a container actually runs, from its image and its command/args (Docker's ENTRYPOINT/CMD rules), and
 * what the program answers on the network. Servers listen after a short start-up; shell programs run in
 * virtual time (shell.ts).
 */
import type { Container } from '../k8s.ts'
import type { AppKind, ImageInfo } from './images.ts'
import { singleCommand, type ShellProgram } from './shell.ts'

export type Program =
  | {
      kind: 'server'
      app: AppKind
      ports: number[]
      startupMs: number
      /** resident memory once started (what a memory limit is compared with) */
      memoryBytes: number
      crashAfterMs?: number
      unhealthyAfterMs?: number
      /** ends by itself with exit code 0 (stress --timeout, stress without hogs) */
      endAfterMs?: number
      /** lines it prints at start besides a server's banner (stress) */
      startLines?: string[]
    }
  | { kind: 'shell'; program: ShellProgram }
  | { kind: 'startError'; message: string }

const MiB = 1024 * 1024

/**
 * Ports, start-up time and resident memory (RSS of a fresh container, as `kubectl top` would show it: nginx's
 * master and four workers on a 4-CPU node, httpd's event MPM, an empty redis, a Go binary, Next's server).
 */
const SERVERS: Record<string, { ports: number[]; startupMs: number; memoryBytes: number }> = {
  nginx: { ports: [80], startupMs: 200, memoryBytes: 6 * MiB },
  httpd: { ports: [80], startupMs: 500, memoryBytes: 10 * MiB },
  redis: { ports: [6379], startupMs: 200, memoryBytes: 8 * MiB },
  hello: { ports: [8080], startupMs: 1000, memoryBytes: 4 * MiB },
  // Next's standalone server: listening about 3 s after start (instrumentation, the database's first answer)
  kubelab: { ports: [3000], startupMs: 3000, memoryBytes: 140 * MiB },
}

/** What a shell program (sh, sleep, a script) keeps resident: busybox is small. */
export const SHELL_MEMORY_BYTES = 1 * MiB

/** The server program an image runs by default (its own entrypoint and command). */
function server(image: ImageInfo): Program {
  if (image.app === 'shell') return { kind: 'shell', program: { instrs: [] } }
  if (image.app === 'stress') return stressProgram([])
  const program: Program = { kind: 'server', app: image.app, ...SERVERS[image.app]! }
  if (image.app === 'hello') {
    if (image.tag === 'broken') return { ...program, crashAfterMs: 2000 }
    if (image.tag === 'slow') return { ...program, startupMs: 20_000 }
    if (image.tag === 'unhealthy') return { ...program, unhealthyAfterMs: 30_000 }
  }
  return program
}

/** stress's own footprint besides its workers' buffers (the upstream docs' 150M example shows about 155 MiB in use). */
const STRESS_OVERHEAD_BYTES = 5 * MiB

/** stress's size arguments (stress.c atoll_b): a number with an optional b, k, m or g suffix, powers of 1024. */
function stressBytes(text: string): number | undefined {
  const m = /^(\d+)([bkmgBKMG]?)$/.exec(text)
  if (!m) return undefined
  const scale = { '': 1, b: 1, k: 1024, m: MiB, g: 1024 * MiB }[m[2]!.toLowerCase() as '' | 'b' | 'k' | 'm' | 'g']
  return Number(m[1]) * scale
}

/** stress's durations (--timeout): seconds, or with an s, m, h, d or y suffix. */
function stressSeconds(text: string): number | undefined {
  const m = /^(\d+)([smhdy]?)$/.exec(text)
  if (!m) return undefined
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86_400, y: 31_536_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd' | 'y']
}

/**
 * `stress [--cpu N] [--io N] [--vm N] [--vm-bytes B] [--vm-hang N] [--hdd N] [--timeout T]` (stress 1.0.4): each
 * vm worker allocates B bytes (default 256M) and keeps touching them, so the container holds N × B plus stress's
 * own few MiB. It runs until --timeout (then exits 0) or until it is killed; without hogs it prints its usage.
 */
export function stressProgram(args: string[]): Program {
  const counts = { cpu: 0, io: 0, vm: 0, hdd: 0 }
  let vmBytes = 256 * MiB
  let timeout: number | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const value = args[i + 1] ?? ''
    const count = (key: keyof typeof counts): void => {
      counts[key] = Math.max(0, Number.parseInt(value, 10) || 0)
      i++
    }
    if (a === '--cpu' || a === '-c') count('cpu')
    else if (a === '--io' || a === '-i') count('io')
    else if (a === '--vm' || a === '-m') count('vm')
    else if (a === '--hdd' || a === '-d') count('hdd')
    else if (a === '--vm-bytes') {
      vmBytes = stressBytes(value) ?? vmBytes
      i++
    } else if (a === '--timeout' || a === '-t') {
      timeout = stressSeconds(value)
      i++
    } else if (a === '--vm-hang' || a === '--vm-stride' || a === '--vm-keep' || a === '--hdd-bytes' || a === '--backoff') {
      if (a !== '--vm-keep') i++
    }
  }
  const hogs = counts.cpu + counts.io + counts.vm + counts.hdd
  const base = { kind: 'server' as const, app: 'stress' as const, ports: [], startupMs: 0 }
  if (hogs === 0) {
    return {
      ...base,
      memoryBytes: SHELL_MEMORY_BYTES,
      endAfterMs: 0,
      startLines: ["`stress' imitates a poorly designed program.", 'Usage: stress [OPTION [ARG]] ...'],
    }
  }
  return {
    ...base,
    memoryBytes: STRESS_OVERHEAD_BYTES + counts.vm * vmBytes,
    ...(timeout !== undefined ? { endAfterMs: timeout * 1000 } : {}),
    startLines: [`stress: info: [1] dispatching hogs: ${counts.cpu} cpu, ${counts.io} io, ${counts.vm} vm, ${counts.hdd} hdd`],
  }
}

const SERVER_BINARIES = new Set(['nginx', 'httpd-foreground', 'httpd', 'redis-server', '/hello', 'hello', 'node'])

export function resolveProgram(image: ImageInfo, container: Container): Program {
  const command = container.command
  const args = container.args
  // Kubernetes: command replaces ENTRYPOINT (and drops CMD); args replace CMD.
  const argv = command ? [...command, ...(args ?? [])] : [...image.entrypoint, ...(args ?? image.cmd)]
  if (argv.length === 0) return { kind: 'startError', message: 'no command specified' }
  let words = argv
  // Entrypoint wrappers exec their arguments.
  if (words[0] === '/docker-entrypoint.sh' || words[0] === 'docker-entrypoint.sh') {
    words = words.slice(1)
    if (words.length === 0) return server(image)
  }
  const bin = words[0]!.replace(/^\/(usr\/)?(local\/)?s?bin\//, '')
  if (bin === 'stress' && image.tools.has('stress')) return stressProgram(words.slice(1))
  if (SERVER_BINARIES.has(bin) || SERVER_BINARIES.has(words[0]!)) {
    if (image.tools.has(bin) || image.tools.has(words[0]!)) return server(image)
  }
  // `sh -c SCRIPT`, `sh FILE` and a bare `sh` (empty stdin: exits 0) run as the shell does them (shell.ts
  // childShell); a shell the image lacks (`bash` in busybox) fails to start like any missing binary.
  if (image.tools.has(bin)) return { kind: 'shell', program: singleCommand(words) }
  // The Debian-based server images also ship bash; here it runs the same subset (busybox has none).
  if (bin === 'bash' && image.hasShell && image.app !== 'shell') return { kind: 'shell', program: singleCommand(['sh', ...words.slice(1)]) }
  return {
    kind: 'startError',
    message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${words[0]}": executable file not found in $PATH: unknown`,
  }
}

export interface HttpContext {
  podName: string
  version: string
  path: string
  runningMs: number
  unhealthyAfterMs?: number
  /** nginx: the files of a volume mounted at its web root (/usr/share/nginx/html), which replaces the default page */
  webRoot?: Record<string, string> | null
}

export interface HttpResponse {
  status: number
  body: string
}

const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`

function nginxVersion(tag: string): string {
  const known: Record<string, string> = { '1.25': '1.25.5', '1.26': '1.26.3', '1.27': '1.27.4', '1.28': '1.28.0' }
  const base = tag.replace(/-alpine$/, '')
  return known[base] ?? (/^\d+\.\d+\.\d+$/.test(base) ? base : '1.28.0')
}

/** The HTTP answer of an app for a path (undefined: the app does not speak HTTP). */
export function httpResponse(app: AppKind, tag: string, ctx: HttpContext): HttpResponse | undefined {
  const query = ctx.path.indexOf('?')
  const path = (query < 0 ? ctx.path : ctx.path.slice(0, query)) || '/'
  switch (app) {
    case 'nginx':
      if (ctx.webRoot) {
        const file = ctx.webRoot[path === '/' ? 'index.html' : path.replace(/^\/+/, '')]
        if (file !== undefined) return { status: 200, body: file }
        if (path === '/')
          return {
            status: 403,
            body: `<html>\n<head><title>403 Forbidden</title></head>\n<body>\n<center><h1>403 Forbidden</h1></center>\n<hr><center>nginx/${nginxVersion(tag)}</center>\n</body>\n</html>\n`,
          }
      } else if (path === '/' || path === '/index.html') return { status: 200, body: NGINX_INDEX }
      return {
        status: 404,
        body: `<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx/${nginxVersion(tag)}</center>\n</body>\n</html>\n`,
      }
    case 'httpd':
      if (path === '/' || path === '/index.html') return { status: 200, body: '<html><body><h1>It works!</h1></body></html>\n' }
      return {
        status: 404,
        body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n',
      }
    case 'hello':
      if (path === '/') return { status: 200, body: `Hello from ${ctx.podName} (version ${ctx.version})\n` }
      if (path === '/healthz') {
        if (ctx.unhealthyAfterMs !== undefined && ctx.runningMs >= ctx.unhealthyAfterMs) return { status: 500, body: 'unhealthy\n' }
        return { status: 200, body: 'ok\n' }
      }
      if (path === '/ready') return { status: 200, body: 'ready\n' }
      if (path === '/version') return { status: 200, body: `${ctx.version}\n` }
      return { status: 404, body: '404 page not found\n' }
    case 'kubelab':
      if (path === '/api/health') return { status: 200, body: '{"status":"ok"}' }
      if (path === '/api/ready') {
        return tag === 'unready'
          ? {
              status: 503,
              body: '{"status":"not ready","failed":["migrations"],"checks":{"database":"ok","migrations":"1 pending","content":"ok"}}',
            }
          : { status: 200, body: '{"status":"ready","checks":{"database":"ok","migrations":"ok","content":"ok"}}' }
      }
      if (path === '/' || path.startsWith('/courses'))
        return {
          status: 200,
          body: `<!DOCTYPE html><html lang="ko"><title>Kubelab</title><body>Kubelab ${tag} on ${ctx.podName}</body></html>\n`,
        }
      return { status: 404, body: '<!DOCTYPE html><html><title>404</title><body>This page could not be found.</body></html>\n' }
    default:
      return undefined
  }
}

/** Lines an app writes at start (kubectl logs). */
export function startupLogs(app: AppKind, tag: string, stamp: string): string[] {
  switch (app) {
    case 'nginx': {
      const t = stamp.replace('T', ' ').replace('Z', '').replace(/-/g, '/')
      return [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        `${t} [notice] 1#1: using the "epoll" event method`,
        `${t} [notice] 1#1: nginx/${nginxVersion(tag)}`,
        `${t} [notice] 1#1: start worker processes`,
      ]
    }
    case 'httpd':
      return [
        "AH00558: httpd: Could not reliably determine the server's fully qualified domain name. Set the 'ServerName' directive globally to suppress this message",
        `[mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations`,
      ]
    case 'redis':
      return ['1:C Redis is starting oO0OoO0OoO0Oo', '1:M * Server initialized', '1:M * Ready to accept connections tcp']
    case 'hello':
      return [`hello ${tag}: listening on :8080`]
    case 'kubelab':
      return ['▲ Next.js 16.4.6', '- Local:         http://0.0.0.0:3000', '✓ Ready in 0ms']
    default:
      return []
  }
}

/** Seconds a program needs to exit after SIGTERM; undefined: it ignores SIGTERM (PID 1 without a handler). */
export function stopOnSigtermMs(program: Program): number | undefined {
  // stress installs no SIGTERM handler: as PID 1 it ignores SIGTERM and is killed after the grace period
  if (program.kind === 'server' && program.app === 'stress') return undefined
  if (program.kind === 'server') return program.app === 'nginx' ? 100 : program.app === 'httpd' ? 300 : program.app === 'kubelab' ? 500 : 50
  return undefined
}
