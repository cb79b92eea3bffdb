/**
 * `npm run loadtest`: builds if needed, starts its own production server on loopback on a fresh SQLite database
 * (demo accounts, limits raised through the environment as an operator would), measures, stops it.
 *
 *   npm run loadtest                  20 s per case, 16 connections (the figures in docs/benchmarks.md)
 *   npm run loadtest -- --ci          3 s per case: fails on any error, never on speed (CI)
 *   options: --seconds N  --connections N  --warmup N  --port N  --json FILE  --keep (keep the database and server log)
 *
 * Each case is preceded by a warm-up of its own requests (10 s; 1 s with --ci) that the figures leave out: a server
 * fresh from its start answers its first grades at about half its steady rate while V8 optimises the grade path
 * (measured in docs/benchmarks.md), and a deployed server spends almost all its life past that point.
 *
 * Cases: a lesson page (visitor), asked for as a browser asks (brotli accepted) and with no compression; grading the Deployment exercise's reference solution as a visitor and as the
 * signed-in demo learner (stored), each with /api/health probed 20 times a second on one connection meanwhile; a quiz attempt that
 * answers every question (learner, stored); /api/health alone. Every response must be a 2xx with the expected body,
 * and every learner grade answered 200 must be stored exactly once. Exit 1 on any error; 2 past the time bound.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import { buildIfNeeded } from './build-if-needed.ts'
import { freePort, signIn, startAppServer, type AppServer } from './lib/app-server.ts'
import { findExercise, findLesson } from '../lib/content/load.ts'
import { everyQuestionAnswered } from '../lib/server/authz/table.ts'
import { createDb } from '../lib/server/db/client.ts'
import { migrate } from '../lib/server/db/migrate.ts'
import { createDal } from '../lib/server/dal/index.ts'
import { demoPassword, seedDemo } from '../prisma/seed.ts'

const argv = process.argv.slice(2)
const option = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined)
const ci = argv.includes('--ci')
const seconds = Math.min(60, Number(option('seconds') ?? (ci ? 3 : 20)))
const connections = Number(option('connections') ?? 16)
// the probe beside the grade runs asks as a watchful load balancer would: it measures the health check's latency
// under the grades without adding hundreds of requests a second to them
const healthProbesPerSecond = 20
const warmupSeconds = Math.min(60, Number(option('warmup') ?? (ci ? 1 : 10)))
const keep = argv.includes('--keep')

const courseId = 'kubernetes-basics'
const lessonId = 'deployment'
const exerciseId = 'deployment-web'
const learnerEmail = 'learner@kubelab.dev'

// Raised, not off: the limiters and quotas still count every request, as on a real server.
const raisedLimits = {
  RATE_LIMIT_GRADE_USER: '1000000/5m',
  RATE_LIMIT_GRADE_ADDRESS: '1000000/5m',
  RATE_LIMIT_QUIZ_USER: '1000000/5m',
  QUOTA_SUBMISSIONS_PER_HOUR: '10000000',
  QUOTA_SUBMISSIONS_TOTAL: '10000000',
}

interface Row {
  case: string
  requests: number
  perSecond: number
  p50: number
  p99: number
  max: number
  errors: number
  note?: string
}

function row(name: string, result: autocannon.Result, note?: string): Row {
  const warmup = (result as autocannon.Result & { warmup?: autocannon.Result }).warmup
  // an error during the warm-up is an error all the same
  const errors = [result, ...(warmup ? [warmup] : [])].reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0)
  return {
    case: name,
    requests: result.requests.total,
    perSecond: Math.round((result['2xx'] / result.duration) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors,
    ...(note ? { note } : {}),
  }
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  // `warmup` is autocannon's own option, honoured only by its promise form (its types do not name it yet); the
  // warm-up's requests come back as `result.warmup`. A probe run beside a case warms up with it, so both stay aligned.
  const warmup = warmupSeconds > 0 ? { warmup: { connections: options.connections ?? connections, duration: warmupSeconds } } : {}
  return autocannon({
    duration: seconds,
    connections,
    ...warmup,
    ...options,
  } as autocannon.Options) as unknown as Promise<autocannon.Result>
}

async function main(): Promise<number> {
  const found = findExercise(exerciseId)
  const lesson = findLesson(courseId, lessonId)
  const quiz = lesson?.quiz
  if (!found || !lesson || !quiz) throw new Error(`content: need ${courseId}/${lessonId} with its exercise ${exerciseId} and a quiz`)
  const gradeBody = JSON.stringify(
    found.exercise.kind === 'manifest'
      ? { yaml: found.exercise.solution, lang: 'en' }
      : { commands: found.exercise.solution.split('\n').filter(Boolean), lang: 'en' },
  )
  const quizBody = JSON.stringify({ answers: everyQuestionAnswered(quiz.id), lang: 'en' })

  buildIfNeeded({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' })

  const dir = mkdtempSync(join(tmpdir(), 'kubelab-loadtest-'))
  const databaseUrl = `file:${join(dir, 'kubelab.db')}`
  await migrate(databaseUrl)
  const db = createDb(databaseUrl)
  await seedDemo(createDal(db))

  const port = Number(option('port') ?? (await freePort()))
  const logFile = join(dir, 'server.log')
  let server: AppServer | null = null
  // bounded: every case's duration plus room for start, warm-up and checks
  const bound = setTimeout(
    () => {
      console.error(`kubelab loadtest: still running after its time bound; stopping`)
      void server?.stop().finally(() => process.exit(2))
    },
    (8 * seconds + 6 * warmupSeconds + 180) * 1000,
  )
  bound.unref()
  try {
    server = await startAppServer({
      port,
      logFile,
      env: {
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: randomBytes(33).toString('base64'),
        SEED_DEMO: '1',
        KUBELAB_MIGRATE: '0',
        ...raisedLimits,
      },
    })
    const base = server.url
    const cookie = await signIn(base, learnerEmail, demoPassword)
    const json = { 'content-type': 'application/json', origin: base }
    const gradePath = `/api/exercises/${exerciseId}/grade`
    const lessonPath = `/courses/${courseId}/${lessonId}`

    // each request's body checked once before its case, and the server warmed (first renders, the pool's threads)
    const problems: string[] = []
    const check = async (name: string, path: string, init: RequestInit, ok: (status: number, body: string) => boolean) => {
      for (let i = 0; i < 5; i++) {
        const response = await fetch(base + path, init)
        const text = await response.text()
        if (!ok(response.status, text)) {
          problems.push(`${name}: ${response.status} ${text.slice(0, 200)}`)
          return
        }
      }
    }
    const graded = (saved: boolean) => (status: number, body: string) =>
      status === 200 && (JSON.parse(body) as { passed?: boolean; saved?: boolean }).passed === true && JSON.parse(body).saved === saved
    await check('lesson page', lessonPath, {}, (status, body) => status === 200 && body.includes('</html>'))
    // fetch decodes the body; the check is that the brotli document is what the server sends
    await check(
      'lesson page (brotli)',
      lessonPath,
      { headers: { 'accept-encoding': 'br' } },
      (status, body) => status === 200 && body.includes('</html>'),
    )
    await check('grade (visitor)', gradePath, { method: 'POST', headers: json, body: gradeBody }, graded(false))
    await check('grade (learner)', gradePath, { method: 'POST', headers: { ...json, cookie }, body: gradeBody }, graded(true))
    await check(
      'quiz attempt (learner)',
      `/api/quizzes/${quiz.id}/attempts`,
      { method: 'POST', headers: { ...json, cookie }, body: quizBody },
      (status, body) => status === 200 && (JSON.parse(body) as { saved?: boolean }).saved === true,
    )
    if (problems.length > 0) throw new Error(`wrong answers before the load:\n${problems.join('\n')}`)
    const warmLearnerGrades = 5

    const loadBefore = loadavg()[0]!
    const rows: Row[] = []
    const say = (r: Row) => {
      rows.push(r)
      console.error(`${r.case}: ${r.perSecond}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors} errors`)
    }
    const healthDuring = async (name: string, options: autocannon.Options) => {
      const [main, health] = await Promise.all([
        run(options),
        run({ url: `${base}/api/health`, connections: 1, overallRate: healthProbesPerSecond }),
      ])
      say(row(name, main))
      say(row(`/api/health during ${name}`, health, `one connection, ${healthProbesPerSecond}/s`))
      return main
    }

    // as Chromium asks for a document, and as a client that accepts no compression (curl, autocannon's default)
    const browser = {
      accept: 'text/html,application/xhtml+xml',
      'accept-encoding': 'gzip, deflate, br, zstd',
      'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8',
    }
    say(row(`lesson page ${lessonPath} (visitor, brotli as a browser asks)`, await run({ url: base + lessonPath, headers: browser })))
    say(row(`lesson page ${lessonPath} (visitor, no compression)`, await run({ url: base + lessonPath })))
    await healthDuring('grade (visitor)', { url: base + gradePath, method: 'POST', headers: json, body: gradeBody })
    const learner = await healthDuring('grade (learner, stored)', {
      url: base + gradePath,
      method: 'POST',
      headers: { ...json, cookie },
      body: gradeBody,
    })
    say(
      row(
        'quiz attempt (learner, stored)',
        await run({ url: `${base}/api/quizzes/${quiz.id}/attempts`, method: 'POST', headers: { ...json, cookie }, body: quizBody }),
      ),
    )
    say(row('/api/health alone', await run({ url: `${base}/api/health` })))

    // every learner grade answered 200 is stored, once: autocannon stops counting at the end of its run with up to
    // one request per connection still under way, which the server completes (and stores) all the same
    const learnerRow = await db.user.findUnique({ where: { email: learnerEmail }, select: { id: true } })
    const stored = await db.submission.count({ where: { userId: learnerRow!.id, exerciseId } })
    const warmedUp = (learner as autocannon.Result & { warmup?: autocannon.Result }).warmup?.['2xx'] ?? 0
    const expected = learner['2xx'] + warmedUp + warmLearnerGrades
    // cut off at the end of the warm-up and of the run: up to one request per connection each
    const cutOff = (warmedUp > 0 ? 2 : 1) * connections
    if (stored < expected || stored > expected + cutOff)
      problems.push(`learner grades: ${expected} answered 200 (and up to ${cutOff} cut off), ${stored} stored`)

    // the machine's load (1-minute average) before and after: other work on the same cores shows in every figure
    const load = `${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`
    console.log(
      `\n# npm run loadtest${ci ? ' -- --ci' : ''}: ${seconds} s per case, ${connections} connections, loopback, production build, SQLite, after a ${warmupSeconds} s warm-up per case; load average ${load}\n`,
    )
    console.log('| case | requests | req/s | p50 ms | p99 ms | max ms | errors |')
    console.log('| --- | --- | --- | --- | --- | --- | --- |')
    for (const r of rows)
      console.log(
        `| ${r.case}${r.note ? ` (${r.note})` : ''} | ${r.requests} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors} |`,
      )
    console.log(
      `\nlearner grades stored: ${stored} (${expected} answered 200, the warm-up's included, up to ${cutOff} more cut off at the ends); server log: ${keep ? logFile : `${Math.round(statSync(logFile).size / 1024)} KiB`}`,
    )
    const jsonFile = option('json')
    if (jsonFile)
      (await import('node:fs')).writeFileSync(
        jsonFile,
        `${JSON.stringify({ seconds, connections, load, rows, stored, expected }, null, 2)}\n`,
      )

    const failed = rows.filter((r) => r.errors > 0)
    for (const r of failed) problems.push(`${r.case}: ${r.errors} errors (non-2xx, timeouts or socket errors)`)
    if (problems.length > 0) {
      console.error(`\nkubelab loadtest: FAILED\n${problems.join('\n')}`)
      return 1
    }
    console.log('kubelab loadtest: no errors')
    return 0
  } finally {
    clearTimeout(bound)
    await server?.stop()
    await db.$disconnect()
    if (!keep) rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`kubelab loadtest: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
