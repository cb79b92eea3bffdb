/** The teachers' actions with arguments a hand-made request can send: a form error or nothing done, never a throw. */
import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const called = vi.hoisted(() => [] as string[])
vi.mock('next/cache', () => ({ revalidatePath: () => {} }))
vi.mock('next/navigation', () => ({ redirect: () => {} }))
vi.mock('@/lib/server/viewer', () => ({ currentViewer: async () => ({ id: 'teacher-1', role: 'teacher' }) }))
vi.mock('@/lib/server/dal', async (original) => {
  const actual = await original<typeof import('@/lib/server/dal')>()
  const record = (name: string) => async () => {
    called.push(name)
    return null
  }
  return {
    ...actual,
    dal: () => ({
      classes: {
        create: record('create'),
        join: record('join'),
        renewInviteCode: record('renew'),
        rename: record('rename'),
        removeLearner: record('remove'),
        archive: record('archive'),
      },
    }),
  }
})
const actions = await import('./actions')
const { setLocaleAction } = await import('../../locale-actions')

const wrong = [2, [1, 2], null, undefined, 'classId=x', { classId: 'c1', name: 'x' }, new Blob(['x'])] as unknown as FormData[]
const withFile = () => {
  const f = new FormData()
  f.append('classId', new Blob(['c1']))
  f.append('name', new Blob(['n']))
  f.append('userId', new Blob(['u']))
  f.append('code', new Blob(['ABCD-2345']))
  return f
}

describe('the teachers’ actions', () => {
  it('answer wrong types, files, missing fields and huge strings without acting or throwing', async () => {
    for (const argument of [...wrong, withFile(), new FormData()]) {
      await expect(actions.createClassAction({ error: null }, argument)).resolves.toEqual({ error: 'invalid' })
      await expect(actions.joinClassAction({ error: null }, argument)).resolves.toEqual({ error: 'invalid' })
      await expect(actions.renewInviteCodeAction(argument)).resolves.toBeUndefined()
      await expect(actions.renameClassAction(argument)).resolves.toBeUndefined()
      await expect(actions.removeLearnerAction(argument)).resolves.toBeUndefined()
      await expect(actions.archiveClassAction(argument)).resolves.toBeUndefined()
    }
    const huge = new FormData()
    huge.append('classId', 'c'.repeat(100_000))
    huge.append('name', 'n'.repeat(100_000))
    huge.append('code', 'A'.repeat(100_000))
    await expect(actions.renameClassAction(huge)).resolves.toBeUndefined()
    await expect(actions.joinClassAction({ error: null }, huge)).resolves.toEqual({ error: 'invalid' })
    await expect(actions.createClassAction({ error: null }, huge)).resolves.toEqual({ error: 'invalid' })
    expect(called).toEqual([])
    // and a well-formed one acts
    const good = new FormData()
    good.append('classId', 'c1')
    good.append('name', 'Renamed')
    await actions.renameClassAction(good)
    expect(called).toEqual(['rename'])
  })

  it('the language action ignores anything but a known locale', async () => {
    for (const value of [5, {}, [1, 2], null, 'x'.repeat(1 << 20), 'de'])
      await expect(setLocaleAction(value as unknown as string)).resolves.toBeUndefined()
  })
})
