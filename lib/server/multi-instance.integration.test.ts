/**
 * Two Kubelab instances (the production build, two ports) on one fresh PostgreSQL database — and one Redis when
 * KUBELAB_TEST_REDIS_URL is set — as behind a load balancer (ADR 0016): a session made on one is valid on the
 * other, the sign-in backoff counts failures on both, and a grade is stored once. Skipped unless
 * KUBELAB_TEST_POSTGRES_URL is set (CI sets it). Builds only when the sources changed (scripts/build-if-needed.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildIfNeeded } from '../../scripts/build-if-needed.ts'
import { attemptSignIn, freePort, signIn, startAppServer, type AppServer } from '../../scripts/lib/app-server.ts'
import { findExercise } from '../content/load.ts'
import { createDal } from './dal/index.ts'
import { createPostgresTestDatabase, postgresAdminUrl, type TestDatabase } from '../testing/db.ts'

const redisUrl = process.env.KUBELAB_TEST_REDIS_URL
const password = 'two-instances-password'

describe.skipIf(!postgresAdminUrl)(`two instances on one PostgreSQL${redisUrl ? ' and one Redis' : ''}`, () => {
  let database: TestDatabase
  let dir = ''
  const servers: AppServer[] = []
  const [a, b] = [() => servers[0]!, () => servers[1]!]
  const email = (what: string) => `${what}-${randomBytes(4).toString('hex')}@example.org`
  let learner = ''

  beforeAll(async () => {
    buildIfNeeded({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' })
    database = await createPostgresTestDatabase(postgresAdminUrl!)
    learner = email('learner')
    await createDal(database.db).users.upsertWithRole(learner, password, 'learner', 'Two Instances')
    dir = mkdtempSync(join(tmpdir(), 'kubelab-two-instances-'))
    // one AUTH_SECRET for both, as every replica of a deployment has; migrations were applied once (KUBELAB_MIGRATE=0)
    const env = {
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(33).toString('base64'),
      KUBELAB_MIGRATE: '0',
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      LOG_LEVEL: 'warn',
    }
    const ports = process.env.KUBELAB_TEST_PORTS?.split(',').map(Number) ?? [await freePort(), await freePort()]
    const started = await Promise.all(
      ports.slice(0, 2).map((port, i) => startAppServer({ port, env, logFile: join(dir, `server-${i}.log`) })),
    )
    servers.push(...started)
  }, 300_000)

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()))
    await database?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('keeps a session made on one instance valid on the other', async () => {
    const cookie = await signIn(a().url, learner, password)
    const session = async (server: AppServer) =>
      (await (await fetch(`${server.url}/api/auth/session`, { headers: { cookie } })).json()) as {
        user?: { email?: string; role?: string }
      } | null
    expect(await session(a())).toMatchObject({ user: { email: learner, role: 'learner' } })
    expect(await session(b())).toMatchObject({ user: { email: learner, role: 'learner' } })
    // and a page of the other instance knows the learner
    const progress = await fetch(`${b().url}/progress`, { headers: { cookie }, redirect: 'manual' })
    expect(progress.status, `redirected to ${progress.headers.get('location')}`).toBe(200)
  })

  it('counts failed sign-ins on both instances toward one backoff', async () => {
    const target = email('backoff')
    await createDal(database.db).users.upsertWithRole(target, password, 'learner', 'Backoff')
    // the default: five failures are free, then every attempt waits (RATE_LIMIT_SIGNIN_ACCOUNT 5/24h, backoff 30s-15m)
    for (const server of [a(), b(), a(), b(), a()]) {
      const failed = await attemptSignIn(server.url, target, 'wrong-password')
      expect(failed.status).toBe(302)
      expect(failed.location).toMatch(/error=CredentialsSignin/)
    }
    // the sixth attempt waits on either instance, even with the right password
    for (const server of [b(), a()]) {
      const waiting = await attemptSignIn(server.url, target, password)
      expect(waiting.status).toBe(429)
      expect(waiting.cookie).toBeNull()
    }
  })

  it('stores a grade once, and each instance counts the attempts stored by the other', async () => {
    const cookie = await signIn(b().url, learner, password)
    const exercise = findExercise('deployment-web')!.exercise
    const grade = async (server: AppServer) => {
      const response = await fetch(`${server.url}/api/exercises/${exercise.id}/grade`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, cookie },
        body: JSON.stringify({ yaml: exercise.solution, lang: 'en' }),
      })
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
      return { status: response.status, body: (await response.json()) as { passed?: boolean; saved?: boolean; attempts?: number } }
    }
    expect(await grade(b())).toEqual({ status: 200, body: expect.objectContaining({ passed: true, saved: true, attempts: 1 }) })
    const user = await database.db.user.findUniqueOrThrow({ where: { email: learner } })
    expect(await database.db.submission.count({ where: { userId: user.id } })).toBe(1)
    expect(await grade(a())).toEqual({ status: 200, body: expect.objectContaining({ saved: true, attempts: 2 }) })
    expect(await database.db.submission.count({ where: { userId: user.id } })).toBe(2)
    const progress = await database.db.lessonProgress.findMany({ where: { userId: user.id } })
    expect(progress).toEqual([expect.objectContaining({ status: 'completed', attempts: 2 })])
  })
})
