/**
 * The authorization table (lib/server/authz/table.ts) against the production build: every page, route handler
 * and server action, as each of seven actors signed in over HTTP. A cell that differs from the table fails the
 * test with the row, the actor, what was expected and what happened; the whole matrix is printed.
 * Then what the table cannot show in one request: a role taken away or an account disabled or deleted in the
 * database applies to the very next request of a session that already exists, and never as a 500.
 */
import { expect, test } from '@playwright/test'
import {
  actors,
  authzTable,
  everyQuestionAnswered,
  type Actor,
  type ActionRow,
  type PageOutcome,
  type PageRow,
  type RouteRow,
  type World,
} from '../lib/server/authz/table.ts'
import type { Db } from '../lib/server/db/client.ts'
import { buildWorld } from './support/authz-world.ts'
import { actionIds, HttpActor, signInOverHttp } from './support/http-actor.ts'
import { e2eBaseUrl } from './config.ts'

test.describe.configure({ mode: 'serial' })

let world: World
let db: Db
let classB: string
const as = {} as Record<Actor, HttpActor>

test.beforeAll(async () => {
  test.setTimeout(120_000)
  ;({ world, db, classB } = await buildWorld(Date.now().toString(36)))
  as.visitor = new HttpActor('')
  for (const actor of actors) if (actor !== 'visitor') as[actor] = await signInOverHttp(world.users[actor].email, world.password)
})
test.afterAll(async () => {
  await db?.$disconnect()
})

interface Cell {
  row: string
  actor: Actor
  expected: string
  got: string
}
function report(kind: string, cells: Cell[]): Cell[] {
  const rows = [...new Set(cells.map((c) => c.row))]
  const lines = [`| ${kind} | ${actors.join(' | ')} |`, `|---|${actors.map(() => '---').join('|')}|`]
  for (const row of rows)
    lines.push(
      `| ${row} | ${actors
        .map((a) => cells.find((c) => c.row === row && c.actor === a))
        .map((c) => (c ? `${c.got === c.expected ? '' : '✗ '}${c.got}` : ''))
        .join(' | ')} |`,
    )
  console.log(lines.join('\n'))
  return cells.filter((c) => c.got !== c.expected)
}

async function pageOutcome(row: PageRow, actor: Actor): Promise<string> {
  const response = await as[actor].http({ method: 'GET', path: row.path(world) })
  const status = response.status()
  const body = await response.text()
  if ([302, 303, 307, 308].includes(status)) {
    const path = new URL(response.headers()['location'] ?? '', e2eBaseUrl).pathname
    return path === '/signin' ? 'signin' : `redirect:${path}`
  }
  const allowed = body.includes(row.mark)
  if (status === 404) return allowed ? '404 showing the page' : 'notFound'
  if (status === 429) return allowed ? 'tooManyRequests' : 'status 429'
  // forbidden() streams its page in the RSC payload (the HTML shell is empty), so the mark is looked for unquoted
  if (status === 403) return body.includes('forbidden-page') ? 'forbidden' : 'status 403 without the forbidden page'
  if (status !== 200) return `status ${status}`
  if (allowed) return 'ok'
  return row.refusedMark && body.includes(row.refusedMark) ? 'refused' : '200 without either mark'
}

test('pages: what each actor is shown', async () => {
  test.setTimeout(180_000)
  const cells: Cell[] = []
  for (const row of authzTable.filter((r): r is PageRow => r.kind === 'page')) {
    for (const actor of actors)
      cells.push({
        row: `${row.file} — ${row.what}`,
        actor,
        expected: row.expect[actor] as PageOutcome,
        got: await pageOutcome(row, actor),
      })
  }
  expect(report('page', cells)).toEqual([])
})

test('route handlers: the status each actor gets', async () => {
  test.setTimeout(180_000)
  const cells: Cell[] = []
  for (const row of authzTable.filter((r): r is RouteRow => r.kind === 'route')) {
    for (const actor of actors) {
      const request = row.request(world, actor)
      const response = typeof request === 'function' ? await request(as[actor].http) : await as[actor].http(request)
      const body = await response.text()
      const problem = response.status() === row.expect[actor] ? (row.verify?.(response, body, actor, world) ?? null) : null
      cells.push({
        row: `${row.method} ${row.file} — ${row.what}`,
        actor,
        expected: String(row.expect[actor]),
        got: problem ? `${response.status()} but ${problem}` : String(response.status()),
      })
    }
  }
  expect(report('route', cells)).toEqual([])
})

test('server actions over HTTP: whether the change each asks for happened', async () => {
  test.setTimeout(300_000)
  const ids = actionIds()
  const rows = authzTable.filter((r): r is ActionRow => r.kind === 'action')
  // every action this build contains is in the table, and every row's action is in this build
  expect([...ids.keys()].filter((key) => !rows.some((r) => `${r.file}#${r.name}` === key))).toEqual([])
  expect(rows.filter((r) => !ids.has(`${r.file}#${r.name}`)).map((r) => r.name)).toEqual([])
  const cells: Cell[] = []
  for (const row of rows) {
    const actionId = ids.get(`${row.file}#${row.name}`)!
    for (const actor of actors) {
      const happened = await row.probe(world, actor, as[actor].action(actionId))
      cells.push({ row: `${row.name} — ${row.what}`, actor, expected: row.expect[actor], got: happened ? 'allow' : 'deny' })
    }
  }
  expect(report('action', cells)).toEqual([])
})

test('a role taken away in the database applies to the next request of a session that already exists', async () => {
  const teacher = as.otherTeacher
  expect((await teacher.http({ method: 'GET', path: `/teach/${classB}` })).status()).toBe(200)
  await db.user.update({ where: { id: world.users.otherTeacher.id }, data: { role: 'learner' } })
  try {
    const page = await teacher.http({ method: 'GET', path: `/teach/${classB}` })
    expect(page.status()).toBe(403)
    expect(await page.text()).toContain('forbidden-page')
    expect((await teacher.http({ method: 'GET', path: `/api/classes/${classB}/export` })).status()).toBe(403)
    // the header of every page asks who is signed in (ADR 0018): the role it gets is the one in the database now
    const me = JSON.parse(await (await teacher.http({ method: 'GET', path: '/api/me' })).text()) as { viewer: { role: string } | null }
    expect(me.viewer?.role).toBe('learner')
  } finally {
    await db.user.update({ where: { id: world.users.otherTeacher.id }, data: { role: 'teacher' } })
  }
})

for (const fate of ['disabled', 'deleted'] as const) {
  test(`a ${fate} account's session cookie reads as signed out: pages as a visitor, APIs 401, never a 500`, async () => {
    const account = await world.setup.newAccount('teacher')
    const session = await signInOverHttp(account.email, world.password)
    expect(JSON.parse(await (await session.http({ method: 'GET', path: '/api/auth/session' })).text())?.user?.id).toBe(account.id)
    if (fate === 'disabled')
      await db.user.update({ where: { id: account.id }, data: { disabledAt: new Date(), sessionVersion: { increment: 1 } } })
    else await db.user.delete({ where: { id: account.id } })

    const get = (path: string) => session.http({ method: 'GET', path })
    const json = (method: 'POST' | 'PUT', path: string, data: unknown) => session.http({ method, path, data })
    const sessionAnswer = await get('/api/auth/session')
    expect(sessionAnswer.status()).toBe(200)
    expect(JSON.parse((await sessionAnswer.text()) || 'null')).toBeNull()
    expect(sessionAnswer.headers()['set-cookie']).toMatch(/authjs\.session-token=;/) // the endpoint also clears the cookie
    expect((await get('/progress')).headers()['location']).toMatch(/^\/signin\?next=/)
    expect((await get('/teach')).headers()['location']).toMatch(/^\/signin\?next=/)
    const lesson = await get('/courses/kubernetes-basics/deployment')
    expect(lesson.status()).toBe(200)
    expect(await lesson.text()).not.toContain('data-testid="current-role"')
    expect((await json('PUT', '/api/exercises/deployment-web/draft', { source: 'x' })).status()).toBe(401)
    expect((await get('/api/exercises/deployment-web/solution')).status()).toBe(401)
    expect((await json('POST', '/api/me/import', { lessons: [] })).status()).toBe(401)
    const graded = await json('POST', '/api/exercises/deployment-web/grade', { yaml: 'kind: Pod' })
    expect(graded.status()).toBe(200)
    expect(JSON.parse(await graded.text()).saved).toBe(false)
    const quiz = await json('POST', '/api/quizzes/deployment-basics/attempts', { answers: everyQuestionAnswered('deployment-basics') })
    expect(quiz.status()).toBe(200)
    expect(JSON.parse(await quiz.text()).saved).toBe(false)
    if (fate === 'disabled') expect(await world.setup.signsIn(account.email, world.password)).toBe(false)
  })
}
