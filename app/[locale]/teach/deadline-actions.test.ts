/** The due-date action with what a hand-made request can send: a form error and nothing saved, never a throw. */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { AccessDeniedError } from '@/lib/server/dal/viewer'

vi.mock('server-only', () => ({}))
const saved = vi.hoisted(() => [] as unknown[])
const world = vi.hoisted(() => ({ viewer: { id: 'teacher-1', role: 'teacher' } as { id: string; role: string } | null, taught: true }))
vi.mock('next/cache', () => ({ revalidatePath: () => {} }))
vi.mock('@/lib/server/viewer', () => ({ currentViewer: async () => world.viewer }))
vi.mock('@/lib/server/course-catalog', () => ({
  findCatalogCourse: async (id: string) => (id === 'kubernetes-basics' ? { lessons: [{ id: 'pod' }, { id: 'service' }] } : undefined),
}))
vi.mock('@/lib/server/dal', async (original) => {
  const actual = await original<typeof import('@/lib/server/dal')>()
  const gate = () => {
    if (!world.viewer) throw new AccessDeniedError(401, 'Sign in first.')
    if (world.viewer.role === 'learner') throw new AccessDeniedError(403, 'teachers only')
  }
  return {
    ...actual,
    dal: () => ({
      deadlines: {
        forClass: async (_viewer: unknown, classId: string) => {
          gate()
          return world.taught && classId === 'c1' ? { classId, courseId: 'kubernetes-basics', deadlines: [] } : null
        },
        save: async (_viewer: unknown, _classId: string, changes: unknown) => {
          gate()
          saved.push(changes)
          return true
        },
      },
    }),
  }
})
const { saveDeadlinesAction } = await import('./deadline-actions')

const form = (fields: Record<string, string | Blob>) => {
  const f = new FormData()
  for (const [k, v] of Object.entries(fields)) f.append(k, v)
  return f
}
const idle = { status: 'idle' } as const
const changes = (value: unknown) => JSON.stringify(value)

describe('saving due dates', () => {
  beforeEach(() => {
    saved.length = 0
    world.viewer = { id: 'teacher-1', role: 'teacher' }
    world.taught = true
  })

  it('saves the changed lessons of a class the teacher teaches', async () => {
    const answer = await saveDeadlinesAction(
      idle,
      form({
        classId: 'c1',
        changes: changes([
          { lessonId: 'pod', dueAt: '2026-11-20T15:00:00.000Z' },
          { lessonId: 'service', dueAt: null },
        ]),
      }),
    )
    expect(answer).toEqual({ status: 'saved', changed: 2 })
    expect(saved).toEqual([
      [
        { lessonId: 'pod', dueAt: new Date('2026-11-20T15:00:00.000Z') },
        { lessonId: 'service', dueAt: null },
      ],
    ])
  })

  it('answers wrong types, files, broken JSON and bad dates with "invalid", saving nothing', async () => {
    const wrong = [2, null, undefined, 'classId=c1', { classId: 'c1' }, new Blob(['x'])] as unknown as FormData[]
    for (const argument of wrong) await expect(saveDeadlinesAction(idle, argument)).resolves.toEqual({ status: 'invalid' })
    const bad: Record<string, string | Blob>[] = [
      { classId: 'c1' },
      { classId: 'c1', changes: new Blob(['[]']) },
      { classId: 'c1', changes: '{not json' },
      { classId: 'c1', changes: changes({ lessonId: 'pod', dueAt: null }) },
      { classId: 'c1', changes: changes([{ lessonId: 'pod', dueAt: '2026-11-20 15:00' }]) },
      { classId: 'c1', changes: changes([{ lessonId: 'pod', dueAt: '3026-11-20T15:00:00Z' }]) },
      {
        classId: 'c1',
        changes: changes([
          { lessonId: 'pod', dueAt: null },
          { lessonId: 'pod', dueAt: '2026-11-20T15:00:00Z' },
        ]),
      },
      { classId: 'c1', changes: changes([{ lessonId: '../admin', dueAt: null }]) },
      { classId: 'c'.repeat(100_000), changes: '[]' },
      { classId: 'c1', changes: `[${'{"lessonId":"pod","dueAt":null},'.repeat(4000)}]` },
    ]
    for (const fields of bad)
      await expect(saveDeadlinesAction(idle, form(fields)), JSON.stringify(fields).slice(0, 80)).resolves.toEqual({ status: 'invalid' })
    expect(saved).toEqual([])
  })

  it('refuses a lesson the class’s course does not have, saving none of the batch', async () => {
    const answer = await saveDeadlinesAction(
      idle,
      form({
        classId: 'c1',
        changes: changes([
          { lessonId: 'pod', dueAt: null },
          { lessonId: 'not-in-course', dueAt: null },
        ]),
      }),
    )
    expect(answer).toEqual({ status: 'unknownLesson' })
    expect(saved).toEqual([])
  })

  it('says not found for a class the viewer does not teach, and forbidden for a learner or a signed-out request', async () => {
    const good = form({ classId: 'c1', changes: changes([{ lessonId: 'pod', dueAt: null }]) })
    world.taught = false
    expect(await saveDeadlinesAction(idle, good)).toEqual({ status: 'notFound' })
    world.taught = true
    world.viewer = { id: 'learner-1', role: 'learner' }
    expect(await saveDeadlinesAction(idle, good)).toEqual({ status: 'forbidden' })
    world.viewer = null
    expect(await saveDeadlinesAction(idle, good)).toEqual({ status: 'forbidden' })
    expect(saved).toEqual([])
  })
})
