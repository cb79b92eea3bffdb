/**
 * The attempts export end to end on SQLite: who gets it, and that a large class is written a page at a time (the
 * body arrives in chunks, one per page of attempts) with every attempt numbered per learner and exercise.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { useTestDatabase } from '@/lib/testing/db'
import { createTranslator } from 'next-intl'
import en from '@/messages/en/deadlines.json'

vi.mock('server-only', () => ({}))
const world = vi.hoisted(() => ({ dal: null as unknown, viewer: null as { id: string; role: string } | null }))
vi.mock('@/lib/server/viewer', () => ({ currentViewer: async () => world.viewer }))
vi.mock('@/lib/server/dal', async (original) => ({ ...(await original<typeof import('@/lib/server/dal')>()), dal: () => world.dal }))
vi.mock('@/lib/server/course-catalog', () => ({
  findCatalogCourse: async () => ({ lessons: [{ id: 'deployment', number: 8, title: { ko: 'Deployment', en: 'Deployment' } }] }),
}))
vi.mock('next-intl/server', () => ({
  getLocale: async () => 'en',
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: 'en', messages: { deadlines: en }, namespace: namespace as never }),
}))
const { GET } = await import('./route')

describe('the attempts export route', () => {
  const { database, dal } = useTestDatabase()
  beforeAll(() => {
    world.dal = dal
  })

  const get = (classId: string) =>
    GET(new Request(`http://localhost/api/classes/${classId}/export/attempts`), { params: Promise.resolve({ classId }) })

  it('streams every attempt of a large class page by page, numbered, for its teacher only', async () => {
    const teacher = await dal.users.upsertWithRole('export-teacher@example.com', 'password-1', 'teacher', 'T')
    const other = await dal.users.upsertWithRole('export-other@example.com', 'password-1', 'teacher', 'O')
    const c = await dal.classes.create({ id: teacher.id, role: 'teacher' }, { name: 'Big class, 2026', courseId: 'kubernetes-basics' })
    const learners: { id: string }[] = []
    for (let i = 0; i < 4; i++) {
      const l = await dal.users.signUp({
        email: `export-${i}@example.com`,
        password: 'password-1',
        name: i === 0 ? '=HYPERLINK("x")' : `Learner ${i}`,
      })
      await dal.classes.join({ id: l.id, role: 'learner' }, c.inviteCode)
      learners.push(l)
    }
    const base = Date.UTC(2026, 10, 1)
    const result = JSON.stringify({ checks: [{ id: 'replicas', passed: false, message: 'replicas is 3', line: 5 }] })
    await database.db.submission.createMany({
      data: Array.from({ length: 1200 }, (_, i) => ({
        userId: learners[i % 4]!.id,
        courseId: 'kubernetes-basics',
        lessonId: 'deployment',
        exerciseId: 'deployment-web',
        kind: 'manifest',
        source: 'x',
        passed: false,
        score: 0.5,
        result,
        durationMs: 1,
        createdAt: new Date(base + i * 1000),
      })),
    })

    world.viewer = null
    expect((await get(c.id)).status).toBe(401)
    world.viewer = { id: learners[0]!.id, role: 'learner' }
    expect((await get(c.id)).status).toBe(403)
    world.viewer = { id: other.id, role: 'teacher' }
    expect((await get(c.id)).status).toBe(404)

    world.viewer = { id: teacher.id, role: 'teacher' }
    const response = await get(c.id)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''Big-class-2026-attempts.csv`)
    const reader = response.body!.getReader()
    const chunks: Uint8Array[] = []
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value)
    expect(chunks).toHaveLength(1 + 3) // the header, then 1,200 attempts in pages of 500
    const bytes = Buffer.concat(chunks)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the UTF-8 byte-order mark
    const lines = bytes.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe('Learner,Email,Lesson,Exercise,Attempt,Passed,Score (%),Failing checks,What the checks said,Time')
    expect(lines).toHaveLength(1 + 1200 + 1)
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""x"")",export-0@example.com,8. Deployment,deployment-web,1,no,50,replicas,replicas is 3,2026-11-01T00:00:00.000Z`,
    )
    expect(lines[1200]).toBe(
      'Learner 3,export-3@example.com,8. Deployment,deployment-web,300,no,50,replicas,replicas is 3,2026-11-01T00:19:59.000Z',
    )
  })
})
