/** The co-teacher actions: what a form (or a hand-made request) gets back, and what reaches the DAL. */
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const state = vi.hoisted(() => ({
  calls: [] as unknown[][],
  redirects: [] as string[],
  answer: null as unknown,
}))
vi.mock('next/cache', () => ({ revalidatePath: () => {} }))
vi.mock('next/navigation', () => ({ redirect: (to: string) => void state.redirects.push(to) }))
vi.mock('@/lib/server/viewer', () => ({ currentViewer: async () => ({ id: 'teacher-1', role: 'teacher' }) }))
vi.mock('@/lib/server/dal', async (original) => {
  const actual = await original<typeof import('@/lib/server/dal')>()
  const record =
    (name: string) =>
    async (...args: unknown[]) => {
      state.calls.push([name, ...args.slice(1)])
      if (state.answer instanceof Error) throw state.answer
      return state.answer
    }
  return { ...actual, dal: () => ({ classes: { addCoTeacher: record('add'), removeCoTeacher: record('remove') } }) }
})
const { addCoTeacherAction, removeCoTeacherAction } = await import('./co-teacher-actions')
const { CoTeacherError } = await import('@/lib/server/dal/co-teachers')
const { AccessDeniedError } = await import('@/lib/server/dal')

const form = (fields: Record<string, string>) => {
  const f = new FormData()
  for (const [k, v] of Object.entries(fields)) f.append(k, v)
  return f
}

beforeEach(() => {
  state.calls = []
  state.redirects = []
  state.answer = null
})

describe('adding a co-teacher', () => {
  it('refuses wrong types, files and missing fields without calling the DAL', async () => {
    const file = new FormData()
    file.append('classId', new Blob(['c1']))
    file.append('email', new Blob(['a@b.example']))
    for (const argument of [
      2,
      null,
      'x',
      { classId: 'c1', email: 'a@b.example' },
      file,
      new FormData(),
      form({ classId: 'c1' }),
    ] as unknown as FormData[]) {
      await expect(addCoTeacherAction({ error: null }, argument)).resolves.toEqual({ error: 'invalid' })
    }
    expect(state.calls).toEqual([])
  })

  it('keeps what was typed when it is not an email, and asks the DAL nothing', async () => {
    await expect(addCoTeacherAction({ error: null }, form({ classId: 'c1', email: 'kim@school' }))).resolves.toEqual({
      error: 'invalid',
      email: 'kim@school',
    })
    expect(state.calls).toEqual([])
  })

  it('adds by the address as typed in any case and with spaces, and names who was added', async () => {
    state.answer = { id: 'u2', name: 'Mr Park', email: 'park@school.example' }
    await expect(addCoTeacherAction({ error: null }, form({ classId: 'c1', email: ' Park@School.example ' }))).resolves.toEqual({
      error: null,
      added: 'Mr Park',
    })
    expect(state.calls).toEqual([['add', 'c1', 'park@school.example']])
    state.answer = { id: 'u3', name: null, email: 'lee@school.example' }
    await expect(addCoTeacherAction({ error: null }, form({ classId: 'c1', email: 'lee@school.example' }))).resolves.toEqual({
      error: null,
      added: 'lee@school.example',
    })
  })

  it.each(['no_account', 'disabled', 'not_teacher', 'already_teaches', 'learner_of_class'] as const)(
    'answers the refusal %s with the typed address kept',
    async (reason) => {
      state.answer = new CoTeacherError(reason)
      await expect(addCoTeacherAction({ error: null }, form({ classId: 'c1', email: 'Kim@school.example' }))).resolves.toEqual({
        error: reason,
        email: 'Kim@school.example',
      })
    },
  )

  it('says when the class is not the viewer’s, or the viewer is signed out or no teacher', async () => {
    await expect(addCoTeacherAction({ error: null }, form({ classId: 'c1', email: 'a@b.example' }))).resolves.toEqual({
      error: 'notFound',
      email: 'a@b.example',
    })
    state.answer = new AccessDeniedError(401, 'Sign in first.')
    await expect(addCoTeacherAction({ error: null }, form({ classId: 'c1', email: 'a@b.example' }))).resolves.toEqual({
      error: 'forbidden',
      email: 'a@b.example',
    })
  })
})

describe('removing a co-teacher', () => {
  it('ignores a malformed request', async () => {
    for (const argument of [null, 'x', new FormData(), form({ classId: 'c1' })] as unknown as FormData[])
      await expect(removeCoTeacherAction(argument)).resolves.toBeUndefined()
    expect(state.calls).toEqual([])
  })

  it('sends a teacher who left the class to their classes, and stays on the page after removing someone else', async () => {
    state.answer = true
    await removeCoTeacherAction(form({ classId: 'c1', userId: 'teacher-1' }))
    expect(state.redirects).toEqual(['/teach'])
    await removeCoTeacherAction(form({ classId: 'c1', userId: 'someone-else' }))
    expect(state.redirects).toEqual(['/teach'])
    expect(state.calls).toEqual([
      ['remove', 'c1', 'teacher-1'],
      ['remove', 'c1', 'someone-else'],
    ])
  })

  it('changes nothing and throws nothing when the DAL refuses', async () => {
    for (const refusal of [new CoTeacherError('owner'), new AccessDeniedError(403, 'no')]) {
      state.answer = refusal
      await expect(removeCoTeacherAction(form({ classId: 'c1', userId: 'teacher-1' }))).resolves.toBeUndefined()
    }
    expect(state.redirects).toEqual([])
  })
})
