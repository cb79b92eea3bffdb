/** What is due for me: nothing for a visitor; for a learner, each due date with its state at the time of asking. */
import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const world = vi.hoisted(() => ({ viewer: null as { id: string; role: string } | null, asked: [] as string[] }))
vi.mock('@/lib/server/viewer', () => ({ currentViewer: async () => world.viewer }))
vi.mock('@/lib/server/dal', async (original) => ({
  ...(await original<typeof import('@/lib/server/dal')>()),
  dal: () => ({
    deadlines: {
      dueForLearner: async (_viewer: unknown, courseId: string) => {
        world.asked.push(courseId)
        const at = (iso: string) => new Date(iso)
        return [
          {
            lessonId: 'pod',
            dueAt: at('2026-11-10T15:00:00Z'),
            classId: 'a',
            className: 'A',
            completed: true,
            completedAt: at('2026-11-11T00:00:00Z'),
          },
          { lessonId: 'service', dueAt: at('2026-11-15T15:00:00Z'), classId: 'a', className: 'A', completed: false, completedAt: null },
          { lessonId: 'deployment', dueAt: at('2026-11-30T15:00:00Z'), classId: 'a', className: 'A', completed: false, completedAt: null },
        ]
      },
    },
  }),
}))
const { GET } = await import('./route')
const get = async () => {
  const response = await GET(new Request('http://localhost/api/me/deadlines/kubernetes-basics'), {
    params: Promise.resolve({ courseId: 'kubernetes-basics' }),
  })
  return {
    status: response.status,
    cache: response.headers.get('cache-control'),
    body: (await response.json()) as {
      signedIn: boolean
      due: { lessonId: string; state: string; dueAt: string; completedAt: string | null }[]
    },
  }
}

describe('my due dates in a course', () => {
  afterEach(() => {
    vi.useRealTimers()
    world.asked.length = 0
  })

  it('has none for a visitor, without asking the database', async () => {
    world.viewer = null
    expect(await get()).toEqual({ status: 200, cache: 'private, no-store', body: { signedIn: false, due: [] } })
    expect(world.asked).toEqual([])
  })

  it('judges each due date at the time of asking', async () => {
    world.viewer = { id: 'u', role: 'learner' }
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-20T00:00:00Z'))
    const { body } = await get()
    expect(body.signedIn).toBe(true)
    expect(body.due.map((d) => [d.lessonId, d.state])).toEqual([
      ['pod', 'late'],
      ['service', 'overdue'],
      ['deployment', 'upcoming'],
    ])
    expect(body.due[0]).toMatchObject({ dueAt: '2026-11-10T15:00:00.000Z', completedAt: '2026-11-11T00:00:00.000Z' })
    vi.setSystemTime(new Date('2026-12-01T00:00:00Z'))
    expect((await get()).body.due.map((d) => d.state)).toEqual(['late', 'overdue', 'overdue'])
    expect(world.asked).toEqual(['kubernetes-basics', 'kubernetes-basics'])
  })
})
