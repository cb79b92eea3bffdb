/**
 * A production Kubelab server started for a test or the load test: `next start` on loopback, its output in a
 * file, ready when GET /api/ready answers 200; stopped with SIGTERM (SIGKILL after a grace period). The build
 * must exist (scripts/build-if-needed.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'

export interface AppServer {
  url: string
  port: number
  logFile: string
  process: ChildProcess
  stop(): Promise<void>
}

/** A TCP port free on 127.0.0.1 now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

const nextCli = join('node_modules', 'next', 'dist', 'bin', 'next')

/** `nodeArgs`: options for node itself (e.g. --cpu-prof to profile the server). */
export async function startAppServer(options: {
  port: number
  env: Record<string, string>
  logFile: string
  readyTimeoutMs?: number
  cwd?: string
  nodeArgs?: string[]
}): Promise<AppServer> {
  const out = openSync(options.logFile, 'a')
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), nextCli, 'start', '-p', String(options.port), '-H', '127.0.0.1'], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...options.env, PORT: String(options.port) },
    stdio: ['ignore', out, out],
  })
  closeSync(out)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${options.port}`
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000)
  let gone = false
  void exited.then(() => (gone = true))
  while (Date.now() < deadline && !gone) {
    try {
      const response = await fetch(`${url}/api/ready`)
      if (response.status === 200) return { url, port: options.port, logFile: options.logFile, process: child, stop }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  await stop()
  const tail = readFileSync(options.logFile, 'utf8').split('\n').slice(-20).join('\n')
  throw new Error(`the server on ${url} ${gone ? 'exited' : 'was not ready in time'}; its last lines:\n${tail}`)
}

/** One sign-in attempt through Auth.js's credentials endpoint, as a browser's form sends it. */
export async function attemptSignIn(
  base: string,
  email: string,
  password: string,
): Promise<{ status: number; location: string | null; cookie: string | null }> {
  const jar = new Map<string, string>()
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const i = pair.indexOf('=')
      jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim())
    }
  }
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const csrf = await fetch(`${base}/api/auth/csrf`)
  keep(csrf)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  })
  keep(response)
  await response.arrayBuffer()
  const signedIn = [...jar.keys()].some((k) => k.includes('session-token'))
  return { status: response.status, location: response.headers.get('location'), cookie: signedIn ? header() : null }
}

/** Signs in; returns the Cookie header to send (throws when the sign-in fails). */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const attempt = await attemptSignIn(base, email, password)
  if (!attempt.cookie) throw new Error(`signing in as ${email} on ${base} failed (status ${attempt.status}, location ${attempt.location})`)
  return attempt.cookie
}
