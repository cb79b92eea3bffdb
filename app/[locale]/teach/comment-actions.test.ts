/** The comment actions with what a form, or a hand-made request, can send: a form error or nothing done, never a throw. */
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const calls = vi.hoisted(() => ({ list: [] as [string, unknown][], answer: 'ok' as 'ok' | 'null' | 'denied' }))
vi.mock('next/cache', () => ({ revalidatePath: () => {} }))
vi.mock('@/lib/server/viewer', () => ({ currentViewer: async () => ({ id: 'teacher-1', role: 'teacher' }) }))
vi.mock('@/lib/server/dal', async (original) => {
  const actual = await original<typeof import('@/lib/server/dal')>()
  const record = (name: string) => async (_viewer: unknown, input: unknown) => {
    calls.list.push([name, input])
    if (calls.answer === 'denied') throw new actual.AccessDeniedError(403, 'no')
    return calls.answer === 'null' ? null : name === 'delete' ? 1 : [{}]
  }
  return {
    ...actual,
    dal: () => ({ comments: { commentOnSubmission: record('submission'), commentOnGroup: record('group'), delete: record('delete') } }),
  }
})
const { commentAction, deleteCommentAction } = await import('./comment-actions')

const form = (fields: Record<string, string | string[] | Blob>) => {
  const f = new FormData()
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) f.append(k, one)
  return f
}
const idle = { status: 'idle' } as const

beforeEach(() => {
  calls.list.length = 0
  calls.answer = 'ok'
})

describe('commentAction', () => {
  it('comments on a submission when the form names one, else on the group it names', async () => {
    await expect(
      commentAction(
        idle,
        form({
          classId: 'c1',
          submissionId: 's1',
          lessonId: 'deployment',
          exerciseId: 'deployment-web',
          learnerId: 'u1',
          body: ' Look at line 7. ',
        }),
      ),
    ).resolves.toMatchObject({ status: 'sent' })
    await expect(
      commentAction(
        idle,
        form({
          classId: 'c1',
          submissionId: '',
          exerciseId: 'deployment-web',
          checkId: 'selector',
          learnerId: ['u1', 'u2'],
          body: 'Shared mistake.',
        }),
      ),
    ).resolves.toMatchObject({ status: 'sent' })
    expect(calls.list).toEqual([
      ['submission', { classId: 'c1', submissionId: 's1', body: ' Look at line 7. ' }],
      ['group', { classId: 'c1', exerciseId: 'deployment-web', checkId: 'selector', learnerIds: ['u1', 'u2'], body: 'Shared mistake.' }],
    ])
  })

  it('says what is wrong with the text, and sends nothing', async () => {
    const send = (body: string) => commentAction(idle, form({ classId: 'c1', submissionId: 's1', body }))
    await expect(send('')).resolves.toEqual({ status: 'error', error: 'empty' })
    await expect(send(' \r\n\t ')).resolves.toEqual({ status: 'error', error: 'empty' })
    await expect(send('x'.repeat(2001))).resolves.toEqual({ status: 'error', error: 'tooLong', length: 2001 })
    await expect(send('a\u0000b')).resolves.toEqual({ status: 'error', error: 'unstorable' })
    // (a lone surrogate cannot arrive in a FormData: it becomes U+FFFD on the way; the DAL's tests refuse it)
    expect(calls.list).toEqual([])
    await expect(send(`${'x'.repeat(1999)}\r\n`)).resolves.toMatchObject({ status: 'sent' }) // the trailing line end is trimmed
  })

  it('answers wrong types, files, missing targets and huge ids with a form error, never a throw', async () => {
    const wrong = [2, [1, 2], null, undefined, 'body=x', { classId: 'c1', body: 'x' }, new Blob(['x'])] as unknown as FormData[]
    for (const argument of wrong) await expect(commentAction(idle, argument)).resolves.toEqual({ status: 'error', error: 'invalid' })
    const bad: Record<string, string | string[] | Blob>[] = [
      { classId: 'c1', submissionId: 's1', body: new Blob(['x']) },
      { classId: new Blob(['c1']), submissionId: 's1', body: 'x' },
      { classId: 'c1', body: 'no target' },
      { classId: 'c1', exerciseId: 'e', checkId: 'k', body: 'a group of nobody' },
      { classId: 'c1', exerciseId: 'e', learnerId: 'u1', body: 'no check' },
      { classId: 'c'.repeat(100_000), submissionId: 's1', body: 'x' },
      { classId: 'c1', exerciseId: 'e', checkId: 'k', learnerId: Array.from({ length: 501 }, (_, i) => `u${i}`), body: 'too many' },
    ]
    for (const fields of bad) await expect(commentAction(idle, form(fields))).resolves.toEqual({ status: 'error', error: 'invalid' })
    expect(calls.list).toEqual([])
  })

  it('turns a refusal into a form error: not found, or not a teacher of the class', async () => {
    calls.answer = 'null'
    await expect(commentAction(idle, form({ classId: 'c1', submissionId: 's1', body: 'x' }))).resolves.toEqual({
      status: 'error',
      error: 'notFound',
    })
    calls.answer = 'denied'
    await expect(commentAction(idle, form({ classId: 'c1', exerciseId: 'e', checkId: 'k', learnerId: 'u1', body: 'x' }))).resolves.toEqual({
      status: 'error',
      error: 'forbidden',
    })
  })
})

describe('deleteCommentAction', () => {
  it('deletes the comment it names, and does nothing with anything else', async () => {
    for (const argument of [
      2,
      null,
      'x',
      form({ classId: 'c1' }),
      form({ commentId: 'k1' }),
      form({ classId: 'c1', commentId: new Blob(['k1']) }),
    ] as unknown as FormData[]) {
      await expect(deleteCommentAction(argument)).resolves.toBeUndefined()
    }
    expect(calls.list).toEqual([])
    calls.answer = 'denied'
    await expect(deleteCommentAction(form({ classId: 'c1', commentId: 'k1' }))).resolves.toBeUndefined()
    expect(calls.list).toEqual([['delete', { classId: 'c1', commentId: 'k1' }]])
  })
})
