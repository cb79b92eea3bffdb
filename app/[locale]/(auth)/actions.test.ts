/**
 * The sign-in and sign-up actions with the arguments a hand-made request can send (wrong types, files, huge
 * strings): a form error, never a throw (Next.js would answer 500). And the limits' refusals as form errors.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const calls = vi.hoisted(() => ({ signIn: [] as unknown[], signUp: [] as unknown[], signInError: null as Error | null }))
vi.mock('next-auth', () => {
  class AuthError extends Error {}
  class CredentialsSignin extends AuthError {
    code = 'credentials'
  }
  return { AuthError, CredentialsSignin }
})
vi.mock('@/lib/server/auth/auth', () => ({
  signIn: async (...args: unknown[]) => {
    calls.signIn.push(args)
    if (calls.signInError) throw calls.signInError
  },
  signOut: async () => {},
}))
vi.mock('@/lib/server/dal', () => ({ dal: () => ({ users: { signUp: async (input: unknown) => calls.signUp.push(input) } }) }))
const { signInAction, signUpAction } = await import('./actions')
const { CredentialsSignin } = await import('next-auth')
const { createLimits, useLimits } = await import('@/lib/server/rate-limit/index')

const form = (fields: Record<string, string | Blob>) => {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) data.append(k, v)
  return data
}
const prev = { error: null }
const wrong = [2, [1, 2], null, undefined, 'email=a', { email: 'a@example.com', password: 'x' }, new Blob(['x'])] as unknown as FormData[]

describe('the sign-in and sign-up actions', () => {
  beforeEach(() => {
    calls.signIn = []
    calls.signUp = []
    calls.signInError = null
    useLimits(
      createLimits(
        { kind: 'memory' },
        {
          signInAccount: null,
          signInBackoff: { firstSeconds: 30, maxSeconds: 60 },
          signInAddress: null,
          signUpAddress: { points: 1, seconds: 3600 },
          gradeUser: null,
          gradeAddress: null,
          quizUser: null,
          importUser: null,
        },
      ),
    )
  })

  it('answer arguments of the wrong type with a form error', async () => {
    for (const argument of wrong) {
      await expect(signInAction(prev, argument)).resolves.toEqual({ error: 'invalidInput' })
      await expect(signUpAction(prev, argument)).resolves.toEqual({ error: 'invalidInput' })
    }
    expect(calls.signIn).toEqual([])
    expect(calls.signUp).toEqual([])
  })

  it('answer missing fields, files and huge strings with the fields to fix', async () => {
    expect(await signInAction(prev, form({ email: 'a@example.com' }))).toMatchObject({ error: 'invalidInput', fields: { password: true } })
    expect(await signInAction(prev, form({ email: new Blob(['a@example.com']), password: 'x' }))).toMatchObject({
      error: 'invalidInput',
      fields: { email: true },
    })
    expect(await signInAction(prev, form({ email: 'a@example.com', password: 'p'.repeat(1 << 20) }))).toMatchObject({
      error: 'invalidInput',
      fields: { password: true },
    })
    const huge = await signUpAction(prev, form({ email: 'e'.repeat(100_000), password: 'password-1', name: 'n'.repeat(100_000) }))
    expect(huge).toMatchObject({ error: 'invalidInput', fields: { email: true, name: true } })
    expect(huge.email!.length).toBeLessThanOrEqual(254)
    expect(await signUpAction(prev, form({ email: 'a@example.com', password: 'password-1', name: 'a\u0000b' }))).toMatchObject({
      error: 'invalidInput',
      fields: { name: true },
    })
    expect(calls.signUp).toEqual([])
  })

  it('tell a learner the limits refused the sign-in, with the wait, and one refused by its password apart', async () => {
    calls.signInError = Object.assign(new CredentialsSignin(), { code: 'rate_limited.42' })
    expect(await signInAction(prev, form({ email: 'a@example.com', password: 'x' }))).toEqual({
      error: 'signInThrottled',
      retryAfter: 42,
      email: 'a@example.com',
    })
    calls.signInError = new CredentialsSignin()
    expect(await signInAction(prev, form({ email: 'a@example.com', password: 'x' }))).toEqual({
      error: 'invalidCredentials',
      email: 'a@example.com',
    })
  })

  it('refuse sign-ups past the limit for the address, before creating the account', async () => {
    expect(await signUpAction(prev, form({ email: 'one@example.com', password: 'password-1' }))).toEqual({ error: null })
    const refused = await signUpAction(prev, form({ email: 'two@example.com', password: 'password-1', name: 'Two' }))
    expect(refused).toMatchObject({ error: 'signUpThrottled', email: 'two@example.com', name: 'Two' })
    expect(refused.retryAfter).toBeGreaterThan(3500)
    expect(calls.signUp).toHaveLength(1)
  })
})
