/** currentSession asks Auth.js only when the request has a session cookie. */
import { beforeEach, describe, expect, it, vi } from 'vitest'

const state = vi.hoisted(() => ({ cookies: [] as { name: string; value: string }[], authCalls: 0 }))
vi.mock('server-only', () => ({}))
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), cache: <T>(fn: T) => fn }))
vi.mock('next/headers', () => ({ cookies: async () => ({ getAll: () => state.cookies }) }))
vi.mock('./auth/auth.ts', () => ({
  auth: async () => {
    state.authCalls++
    return { user: { id: 'u1', email: 'a@example.org', name: 'A', role: 'learner' } }
  },
}))
const { currentSession, sessionCookieName } = await import('./session.ts')

beforeEach(() => {
  state.authCalls = 0
})

describe('currentSession', () => {
  it('answers a request without a session cookie as a visitor without asking Auth.js', async () => {
    state.cookies = [{ name: 'NEXT_LOCALE', value: 'ko' }, { name: 'authjs.csrf-token', value: 'x' }, { name: 'authjs.callback-url', value: 'y' }]
    expect(await currentSession()).toBeNull()
    expect(state.authCalls).toBe(0)
  })

  it('asks Auth.js when a session cookie is there, plain, secure or chunked', async () => {
    for (const name of ['authjs.session-token', '__Secure-authjs.session-token', 'authjs.session-token.0']) {
      state.cookies = [{ name, value: 'jwt' }]
      expect(await currentSession(), name).toEqual({ id: 'u1', email: 'a@example.org', name: 'A', role: 'learner' })
    }
    expect(state.authCalls).toBe(3)
    for (const name of ['xauthjs.session-token', 'authjs.session-token-x', 'next-auth.session-token']) expect(sessionCookieName.test(name), name).toBe(false)
  })
})
