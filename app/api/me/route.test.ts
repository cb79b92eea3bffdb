/** GET /api/me: who is signed in, with the unread comments count the header's badge shows. */
import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const state = vi.hoisted(() => ({
  session: null as null | { id: string; email: string; name: string | null; role: 'learner' },
  unread: 0 as number | Error,
  asked: [] as string[],
}))
vi.mock('@/lib/server/session', () => ({ displayedSession: async () => state.session }))
vi.mock('@/lib/server/dal', () => ({
  dal: () => ({
    comments: {
      unreadCount: async (viewer: { id: string }) => {
        state.asked.push(viewer.id)
        if (state.unread instanceof Error) throw state.unread
        return state.unread
      },
    },
  }),
}))
const { GET } = await import('./route')
const me = async () => (await (await GET()).json()) as { viewer: null | { id: string; role: string; unreadComments: number | null } }

describe('GET /api/me', () => {
  it('says nobody for a visitor, without asking for comments', async () => {
    state.session = null
    expect(await me()).toEqual({ viewer: null })
    expect(state.asked).toEqual([])
  })

  it('gives a signed-in person their unread comments count', async () => {
    state.session = { id: 'u1', email: 'u1@example.org', name: 'Ada', role: 'learner' }
    state.unread = 3
    expect(await me()).toEqual({ viewer: { id: 'u1', email: 'u1@example.org', name: 'Ada', role: 'learner', unreadComments: 3 } })
    expect(state.asked).toEqual(['u1'])
  })

  it('still answers who is signed in when the count cannot be read (the badge is left out)', async () => {
    state.unread = new Error('database down')
    expect((await me()).viewer).toMatchObject({ id: 'u1', role: 'learner', unreadComments: null })
  })
})
