/**
 * `npm run bench:class-pages`: the teacher's pages of a class of 200 learners × 30 exercises and 20,000 submissions,
 * timed as a browser gets them from a production build (`npm run build` first): a fresh SQLite database is filled
 * by the scale generator (lib/testing/class-scale-data.ts), `next start` serves it on loopback, the generated
 * teacher signs in through the sign-in form, and each page is requested RUNS times (whole response: server render
 * and transfer). Prints median and p95 per page (SAVE_PAGES=<dir> keeps one body of each). A measurement, not a
 * test: nothing here fails on speed.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { createDb } from '../lib/server/db/client.ts'
import { migrate } from '../lib/server/db/migrate.ts'
import { hashPassword } from '../lib/server/auth/password.ts'
import { generateClassScale } from '../lib/testing/class-scale-data.ts'

const runs = Number(process.env.RUNS ?? 10)
const port = Number(process.env.PORT ?? 3299)
const dir = join(process.cwd(), 'data', 'class-scale-pages')
const url = `file:${join(dir, 'scale.db')}`
const password = 'class-scale-password'

rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })
await migrate(url)
const db = createDb(url)
const { ids, counts } = await generateClassScale({ db, provider: 'sqlite' }, { learners: 200, exercises: 30, submissions: 20_000 })
const teacher = await db.user.findUniqueOrThrow({ where: { id: ids.teacherId } })
await db.user.update({ where: { id: teacher.id }, data: { passwordHash: await hashPassword(password) } })
await db.$disconnect()
console.log(
  `class of ${ids.learnerIds.length} learners, ${counts.submissions} submissions, ${counts.quizAttempts} quiz attempts, ${counts.comments} comments`,
)

const server = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
  env: {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: 'class-scale-pages-secret-0123456789abcdef',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const base = `http://localhost:${port}`
try {
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break
    if (i > 120) throw new Error('the server did not start')
    await new Promise((r) => setTimeout(r, 500))
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  })
  const context = await browser.newContext()
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ko', url: base }])
  const page = await context.newPage()
  await page.goto(`${base}/signin`)
  await page.getByLabel(/Email|이메일/).fill(teacher.email)
  await page.getByLabel(/Password|비밀번호/).fill(password)
  await page.getByRole('button', { name: /^(Sign in|로그인)$/ }).click()
  await page
    .getByTestId('current-role')
    .waitFor()
    .catch(async (error) => {
      await page.screenshot({ path: join(process.cwd(), 'test-results', 'class-scale-signin.png') })
      throw new Error(`sign-in failed at ${page.url()}: ${(await page.locator('main').textContent())?.slice(0, 300)}`, { cause: error })
    })

  const classBase = `/teach/${ids.classId}`
  const pages: [string, string][] = [
    ['class page (matrix, chart, deadlines)', classBase],
    ['exercise list (insight)', `${classBase}/exercises`],
    ['one exercise (mistake groups)', `${classBase}/exercises/${ids.exerciseId}`],
    ['quiz item analysis', `${classBase}/quizzes/${ids.lessonId}`],
    ['a learner (the busiest)', `${classBase}/learners/${ids.learnerId}`],
    ['progress CSV', `/api/classes/${ids.classId}/export`],
    ['attempts CSV (20,000 rows)', `/api/classes/${ids.classId}/export/attempts`],
  ]
  console.log(`\n  page                                   median       p95   size   (${runs} requests each after 2 to warm up)`)
  for (const [name, path] of pages) {
    const times: number[] = []
    let size = 0
    for (let i = 0; i < runs + 2; i++) {
      const started = performance.now()
      const response = await page.request.get(`${base}${path}`)
      const body = await response.body()
      if (!response.ok()) throw new Error(`${path}: ${response.status()}`)
      if (i >= 2) times.push(performance.now() - started)
      size = body.length
      if (i === 0 && process.env.SAVE_PAGES) writeFileSync(join(process.env.SAVE_PAGES, `${name.replace(/[^a-z0-9]+/gi, '-')}.html`), body)
    }
    times.sort((a, b) => a - b)
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!
    console.log(
      `  ${name.padEnd(38)} ${at(0.5).toFixed(0).padStart(6)} ms ${at(0.95).toFixed(0).padStart(6)} ms ${(size / 1024).toFixed(0).padStart(5)} KiB`,
    )
  }
  await browser.close()
} finally {
  server.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
}
