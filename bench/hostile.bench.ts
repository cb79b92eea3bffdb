/**
 * Hostile grades against a production server (issue 12): four expensive grades sent at once — each client sends
 * its grade again as soon as it is answered, for HOSTILE_SECONDS (default 10) — plus a fifth client with a legal
 * but heavy answer that runs into the 2 s wall-time budget, while `/api/health` and a normal grade (the reference
 * solution of deployment-web) are sampled from other clients. Reports each hostile grade (answers, status, worst
 * seconds, body size), the p50/p99/max latency of the samples, and whether the server survived. Target: health
 * and normal grades p99 < 100 ms while the hostile grades run.
 *
 * By default it starts `next start` on loopback (HOSTILE_PORT, default 3229) from the current production build
 * (built first when sources changed) with a fresh SQLite file; HOSTILE_BASE=http://127.0.0.1:PORT measures a
 * server that is already running instead (e.g. an older build, for the "before" figures).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { buildIfNeeded, nextBin } from '../scripts/build-if-needed.ts'
import { migrate } from '../lib/server/db/migrate.ts'

const deployment = (replicas: number, name = 'web') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: nginx\n          image: nginx:1.27\n          ports:\n            - containerPort: 80\n`

const HOSTILE: { name: string; exercise: string; body: Record<string, unknown> }[] = [
  { name: 'replicas100000', exercise: 'deployment-web', body: { yaml: deployment(100_000) } },
  { name: 'replicas3x100k', exercise: 'deployment-web', body: { yaml: [0, 1, 2].map((i) => deployment(100_000, `w${i}`)).join('---\n') } },
  { name: 'scale50000', exercise: 'scaling-web-to-5', body: { commands: ['kubectl scale deployment/web --replicas=50000'] } },
  { name: 'wait1000h', exercise: 'scaling-web-to-5', body: { commands: ['traffic start svc/web --rps 1000', 'wait 1000h'] } },
  // legal (50 Pods) but heavy: 190 full YAML listings of 50 Pods take ~12 s of CPU; the wall-time budget stops it
  {
    name: 'listings190',
    exercise: 'scaling-web-to-5',
    body: { commands: ['kubectl scale deployment/web --replicas=50', 'wait 1m', ...Array(190).fill('kubectl get pods -o yaml')] },
  },
]
const NORMAL = { exercise: 'deployment-web', body: { yaml: deployment(3) } }

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function post(
  base: string,
  exercise: string,
  body: Record<string, unknown>,
  timeoutMs: number,
): Promise<{ status: number | string; ms: number; bytes: number; text: string }> {
  const t0 = performance.now()
  try {
    const r = await fetch(`${base}/api/exercises/${exercise}/grade`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, lang: 'en' }),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await r.text()
    return { status: r.status, ms: performance.now() - t0, bytes: Buffer.byteLength(text), text }
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } }
    return {
      status: err.name === 'TimeoutError' ? 'timeout' : `error ${err.cause?.code ?? err.message}`,
      ms: performance.now() - t0,
      bytes: 0,
      text: '',
    }
  }
}

async function startServer(port: number): Promise<{ base: string; child: ChildProcess }> {
  const databaseUrl = 'file:./data/bench-hostile.db'
  for (const suffix of ['', '-wal', '-shm']) rmSync(`data/bench-hostile.db${suffix}`, { force: true })
  await migrate(databaseUrl)
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production' as const,
  }
  buildIfNeeded(env)
  const child = spawn(nextBin, ['start', '-H', '127.0.0.1', '-p', String(port)], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${base}/api/health`)).ok) break
    } catch {
      // not listening yet
    }
    await sleep(500)
  }
  return { base, child }
}

export async function run(): Promise<void> {
  const external = process.env.HOSTILE_BASE
  const server = external ? null : await startServer(Number(process.env.HOSTILE_PORT ?? 3229))
  const base = external ?? server!.base
  const hostileTimeoutMs = Number(process.env.HOSTILE_TIMEOUT_S ?? 150) * 1000
  try {
    // warm the routes (first requests compile nothing in production, but JIT and the pool's workers start)
    for (let i = 0; i < 5; i++) await post(base, NORMAL.exercise, NORMAL.body, 30_000)
    await fetch(`${base}/api/health`).catch(() => null)

    const health: number[] = []
    const grades: number[] = []
    let healthFailed = 0
    let gradesFailed = 0
    const stop = { done: false }
    const sampleHealth = (async () => {
      while (!stop.done) {
        const t0 = performance.now()
        try {
          const r = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(hostileTimeoutMs) })
          await r.text()
          if (!r.ok) healthFailed++
        } catch {
          healthFailed++
        }
        health.push(performance.now() - t0)
        await sleep(100)
      }
    })()
    const sampleGrades = (async () => {
      while (!stop.done) {
        const r = await post(base, NORMAL.exercise, NORMAL.body, hostileTimeoutMs)
        if (r.status !== 200 || !JSON.parse(r.text || '{}').passed) gradesFailed++
        grades.push(r.ms)
        await sleep(250)
      }
    })()
    await sleep(300)
    const t0 = performance.now()
    const attackMs = Number(process.env.HOSTILE_SECONDS ?? 10) * 1000
    const hostile = await Promise.all(
      HOSTILE.map(async (h) => {
        const answers: Awaited<ReturnType<typeof post>>[] = []
        do answers.push(await post(base, h.exercise, h.body, hostileTimeoutMs))
        while (performance.now() - t0 < attackMs)
        const worst = answers.reduce((a, b) => (b.ms > a.ms ? b : a))
        return { ...h, answers, answer: worst }
      }),
    )
    const hostileSeconds = (performance.now() - t0) / 1000
    await sleep(1000) // a few samples after the last hostile answer too
    stop.done = true
    await Promise.all([sampleHealth, sampleGrades])
    let alive = false
    try {
      alive = (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) })).ok
    } catch {
      alive = false
    }

    console.log(
      `hostile: ${HOSTILE.length} hostile clients at once against ${external ? base : 'a fresh production server'} for ${hostileSeconds.toFixed(1)} s (answers, statuses, worst time and body)`,
    )
    for (const h of hostile) {
      let message = ''
      try {
        const j = JSON.parse(h.answer.text) as { error?: string; message?: string; passed?: boolean }
        message = j.error ? `${j.error}: ${j.message ?? ''}` : `passed=${j.passed}`
      } catch {
        message = h.answer.text.slice(0, 80)
      }
      const statuses = [...new Set(h.answers.map((a) => a.status))].join('/')
      console.log(
        `  ${h.name.padEnd(15)} ${String(h.answers.length).padStart(4)}× ${statuses.padEnd(8)} worst ${(h.answer.ms / 1000).toFixed(2).padStart(6)} s ${(Math.max(...h.answers.map((a) => a.bytes)) / 1024).toFixed(1).padStart(9)} KiB  ${message.slice(0, 100)}`,
      )
    }
    const fmt = (xs: number[]) =>
      `p50 ${percentile(xs, 50).toFixed(0)} ms, p99 ${percentile(xs, 99).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms (${xs.length} samples)`
    console.log(`  /api/health meanwhile:   ${fmt(health)}, failed ${healthFailed}`)
    console.log(`  normal grade meanwhile:  ${fmt(grades)}, failed ${gradesFailed}`)
    console.log(`  server afterwards: ${alive ? 'answering' : 'NOT ANSWERING (died or stalled)'} — target p99 < 100 ms`)
  } finally {
    if (server) {
      server.child.kill('SIGTERM')
      await new Promise((r) => server.child.once('exit', r))
    }
  }
}
