/** currentSession reads the session cookie and asks the database about its account only when there is one. */
import { encode } from 'next-auth/jwt'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const secret = 'a-test-secret-of-at-least-thirty-two-characters'
const state = vi.hoisted(() => ({ cookie: '' as string, lookUps: 0, outage: false, errors: [] as unknown[] }))
vi.stubEnv('AUTH_SECRET', secret)
vi.mock('server-only', () => ({}))
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), cache: <T>(fn: T) => fn }))
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({ host: '127.0.0.1:3000', 'x-forwarded-proto': 'http', ...(state.cookie ? { cookie: state.cookie } : {}) }),
}))
vi.mock('./dal/index.ts', () => ({
  dal: () => ({
    users: {
      sessionRecord: async (id: string) => {
        state.lookUps++
        if (state.outage) throw new Error('database down')
        return id === 'u1' ? { id: 'u1', email: 'a@example.org', name: 'A', role: 'learner', disabled: false, sessionVersion: 0 } : null
      },
    },
  }),
}))
vi.mock('./observability/log.ts', () => ({ log: () => ({ error: (fields: unknown) => state.errors.push(fields) }) }))
const { currentSession, displayedSession, sessionCookieName, SessionUnverifiedError } = await import('./session.ts')

const sessionToken = (claims: Record<string, unknown>, name = 'authjs.session-token') =>
  encode({ token: claims, secret, salt: name, maxAge: 3600 })

beforeEach(() => {
  state.lookUps = 0
  state.outage = false
  state.errors = []
})

describe('currentSession', () => {
  it('answers a request without a session cookie as a visitor without asking the database', async () => {
    state.cookie = 'NEXT_LOCALE=ko; authjs.csrf-token=x; authjs.callback-url=y'
    expect(await currentSession()).toBeNull()
    state.cookie = ''
    expect(await currentSession()).toBeNull()
    expect(state.lookUps).toBe(0)
    for (const name of ['xauthjs.session-token', 'authjs.session-token-x', 'next-auth.session-token'])
      expect(sessionCookieName.test(name), name).toBe(false)
  })

  it('reads the session cookie and the account as the database has it', async () => {
    state.cookie = `NEXT_LOCALE=ko; authjs.session-token=${await sessionToken({ uid: 'u1', sv: 0, role: 'admin', name: 'Old', email: 'a@example.org' })}`
    expect(await currentSession()).toEqual({ id: 'u1', email: 'a@example.org', name: 'A', role: 'learner' })
    expect(state.lookUps).toBe(1)
  })

  it('reads an account that is gone, and a cookie that is not ours, as signed out (the latter logged)', async () => {
    state.cookie = `authjs.session-token=${await sessionToken({ uid: 'gone', sv: 0 })}`
    expect(await currentSession()).toBeNull()
    state.cookie = 'authjs.session-token=not-a-jwt'
    expect(await currentSession()).toBeNull()
    expect(state.errors).toEqual([expect.objectContaining({ event: 'auth.error' })])
  })

  it('fails during a database outage, while the header still shows who the cookie names', async () => {
    state.cookie = `authjs.session-token=${await sessionToken({ uid: 'u1', sv: 0, role: 'teacher', name: 'Kim', email: 'a@example.org' })}`
    state.outage = true
    await expect(currentSession()).rejects.toBeInstanceOf(SessionUnverifiedError)
    expect(await displayedSession()).toEqual({ id: 'u1', email: 'a@example.org', name: 'Kim', role: 'teacher' })
  })
})
