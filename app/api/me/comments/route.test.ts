/** GET/POST /api/me/comments on a SQLite database: a learner reads and marks read only their own comments. */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Dal } from '@/lib/server/dal'
import type { Viewer } from '@/lib/server/dal/viewer'

vi.mock('server-only', () => ({}))
const state = vi.hoisted(() => ({ viewer: null as Viewer | null, dal: null as Dal | null }))
vi.mock('@/lib/server/viewer', () => ({ currentViewer: async () => state.viewer }))
vi.mock('@/lib/server/dal', async (original) => ({ ...(await original<typeof import('@/lib/server/dal')>()), dal: () => state.dal! }))
const { GET, POST } = await import('./route')
const { createTestAccount, createTestClass, useTestDatabase } = await import('@/lib/testing/db')

const { database, dal } = useTestDatabase()
let me: Viewer
let classmate: Viewer
let ids: { mine: string; service: string; theirs: string }

const get = async (query = '') => {
  const r = await GET(new Request(`http://localhost/api/me/comments${query}`))
  return {
    status: r.status,
    json: (await r.json()) as { comments?: { id: string; body: string; readAt: string | null }[]; unread?: number; error?: string },
  }
}
const post = async (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
  const r = await POST(
    new Request('http://localhost/api/me/comments', {
      method: 'POST',
      headers: { origin: 'http://localhost', host: 'localhost', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )
  return { status: r.status, json: (await r.json()) as { marked?: number; unread?: number; error?: string } }
}

beforeAll(async () => {
  state.dal = dal
  const teacher = await createTestAccount(database.db, 'teacher', 'teacher')
  me = await createTestAccount(database.db, 'learner', 'me')
  classmate = await createTestAccount(database.db, 'learner', 'classmate')
  const c = await createTestClass(dal, teacher, { name: 'Evening', learners: [me, classmate] })
  const submit = async (learner: Viewer, exerciseId: string, lessonId: string) =>
    (
      await dal.progress.recordSubmission(learner, {
        courseId: 'kubernetes-basics',
        lessonId,
        exerciseId,
        kind: 'manifest',
        source: 'kind: Pod\n',
        result: { exercise: exerciseId, passed: false, score: 0, checks: [], validation: { valid: true, errors: [] }, durationMs: 1 },
      })
    ).submissionId
  const comment = async (submissionId: string, body: string) =>
    (await dal.comments.commentOnSubmission(teacher, { classId: c.id, submissionId, body }))!.id
  ids = {
    mine: await comment(await submit(me, 'deployment-web', 'deployment'), 'About your Deployment.'),
    service: await comment(await submit(me, 'service-hello', 'service'), 'About your Service.'),
    theirs: await comment(await submit(classmate, 'deployment-web', 'deployment'), 'For the classmate.'),
  }
})

describe('/api/me/comments', () => {
  it('asks a visitor to sign in, and reads or marks nothing', async () => {
    state.viewer = null
    expect(await get()).toMatchObject({ status: 401, json: { error: 'unauthorized' } })
    expect(await post({ ids: [ids.mine] })).toMatchObject({ status: 401 })
    expect(await database.db.teacherComment.count({ where: { readAt: { not: null } } })).toBe(0)
  })

  it('gives a learner their own comments, of one exercise or all, with the unread count', async () => {
    state.viewer = me
    const all = await get()
    expect(all.status).toBe(200)
    expect(all.json.comments!.map((c) => c.body)).toEqual(['About your Service.', 'About your Deployment.'])
    expect(all.json.unread).toBe(2)
    expect((await get('?exerciseId=deployment-web')).json.comments!.map((c) => c.id)).toEqual([ids.mine])
    expect((await get('?exerciseId=%00')).status).toBe(422)
    expect((await get(`?exerciseId=${'x'.repeat(101)}`)).status).toBe(422)
  })

  it('marks only the learner’s own comments read, by id or by exercise', async () => {
    state.viewer = me
    expect(await post({ ids: [ids.theirs] })).toEqual({ status: 200, json: { marked: 0, unread: 2 } })
    expect(await post({ ids: [ids.mine, ids.theirs] })).toEqual({ status: 200, json: { marked: 1, unread: 1 } })
    expect(await post({ exerciseId: 'service-hello' })).toEqual({ status: 200, json: { marked: 1, unread: 0 } })
    expect((await get()).json.comments!.every((c) => typeof c.readAt === 'string')).toBe(true)
    state.viewer = classmate
    expect((await get()).json).toMatchObject({ unread: 1, comments: [{ id: ids.theirs, readAt: null }] })
  })

  it('refuses a body of the wrong shape or type without marking anything', async () => {
    state.viewer = classmate
    for (const body of [
      {},
      { ids: 'x' },
      { ids: [ids.theirs], exerciseId: 'deployment-web' },
      { ids: Array(201).fill('x') },
      { ids: ['a\u0000'] },
      [ids.theirs],
    ]) {
      expect((await post(body)).status, JSON.stringify(body).slice(0, 40)).toBe(422)
    }
    expect((await post('not json')).status).toBe(400)
    expect((await post({ ids: [ids.theirs] }, { 'content-type': 'text/plain' })).status).toBe(415)
    expect((await post({ ids: [ids.theirs] }, { 'content-type': 'application/json', origin: 'https://elsewhere.example' })).status).toBe(
      403,
    )
    expect((await get()).json.unread).toBe(1)
  })
})
