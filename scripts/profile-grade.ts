/**
 * `npm run -s profile:grade`: where a production server's main thread spends a visitor grade. Starts the built server
 * (run `npm run build` or `npm run loadtest` first) with the inspector on loopback, warms it up with visitor grades
 * of the Deployment exercise's solution, then records a CPU profile of the main thread during 10 s of them
 * (16 connections) and writes it to FILE (default kubelab-grade.cpuprofile; open it in Chromium's DevTools).
 * The grades themselves run in the worker threads, which this profile does not show (`npm run bench -- grading`).
 *
 *   npm run -s profile:grade -- [--out FILE] [--warmup SECONDS]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import { freePort, startAppServer } from './lib/app-server.ts'
import { findExercise } from '../lib/content/load.ts'
import { createDb } from '../lib/server/db/client.ts'
import { migrate } from '../lib/server/db/migrate.ts'
import { createDal } from '../lib/server/dal/index.ts'
import { seedDemo } from '../prisma/seed.ts'

const argv = process.argv.slice(2)
const option = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined)
const out = option('out') ?? 'kubelab-grade.cpuprofile'
const warmupSeconds = Number(option('warmup') ?? 15)

const found = findExercise('deployment-web')
if (!found) throw new Error('content: no exercise deployment-web')
const body = JSON.stringify({ yaml: found.exercise.solution, lang: 'en' })
const dir = mkdtempSync(join(tmpdir(), 'kubelab-profile-'))
const databaseUrl = `file:${join(dir, 'kubelab.db')}`
await migrate(databaseUrl)
const db = createDb(databaseUrl)
await seedDemo(createDal(db))
const inspectPort = await freePort()
const server = await startAppServer({
  port: await freePort(),
  logFile: join(dir, 'server.log'),
  nodeArgs: [`--inspect=127.0.0.1:${inspectPort}`],
  env: {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(33).toString('base64'),
    SEED_DEMO: '1',
    KUBELAB_MIGRATE: '0',
    RATE_LIMIT_GRADE_ADDRESS: '1000000/5m',
  },
})
try {
  const grades = (seconds: number) =>
    autocannon({
      url: `${server.url}/api/exercises/deployment-web/grade`,
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body,
      duration: seconds,
      connections: 16,
    }) as unknown as Promise<autocannon.Result>
  await grades(warmupSeconds)

  // the DevTools protocol over the inspector's WebSocket (Node 20 needs --experimental-websocket: see package.json)
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[]
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl)
  await new Promise((resolve) => socket.addEventListener('open', resolve))
  let lastId = 0
  const waiting = new Map<number, (result: unknown) => void>()
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as { id?: number; result?: unknown }
    if (data.id !== undefined) waiting.get(data.id)?.(data.result)
  })
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve) => {
      const id = ++lastId
      waiting.set(id, resolve as (result: unknown) => void)
      socket.send(JSON.stringify({ id, method, params }))
    })
  await send('Profiler.enable')
  await send('Profiler.setSamplingInterval', { interval: 200 })
  await send('Profiler.start')
  const result = await grades(10)
  const { profile } = await send<{ profile: unknown }>('Profiler.stop')
  socket.close()
  writeFileSync(out, JSON.stringify(profile))
  console.log(
    `visitor grades while profiling: ${result.requests.average}/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.non2xx + result.errors} errors; profile in ${out}`,
  )
} finally {
  await server.stop()
  await db.$disconnect()
  rmSync(dir, { recursive: true, force: true })
}
process.exit(0)
