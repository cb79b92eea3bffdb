/**
 * The session cookie read without Auth.js's session endpoint answers what that endpoint answers: every case is
 * asked of Auth.js itself (@auth/core's Auth with Kubelab's callbacks, as next-auth's auth() asks it) and of
 * readSessionCookie, and the two must agree.
 */
import { Auth, type AuthConfig } from '@auth/core'
import Credentials from '@auth/core/providers/credentials'
import { encode } from 'next-auth/jwt'
import { beforeEach, describe, expect, it } from 'vitest'
import { toRole } from './roles.ts'
import { checkSession, type SessionAccount } from './session-check.ts'
import {
  decodeSessionToken,
  forgetSessionTokens,
  readSessionCookie,
  sessionCookieNameFor,
  sessionSecret,
  sessionTokenIn,
} from './session-cookie.ts'

const secret = 'a-test-secret-of-at-least-thirty-two-characters'
const environment = { AUTH_SECRET: secret }
const plain = 'authjs.session-token'
const secure = '__Secure-authjs.session-token'

let accounts: Map<string, SessionAccount>
let outage = false
const lookUp = async (id: string): Promise<SessionAccount | null> => {
  if (outage) throw new Error('database down')
  return accounts.get(id) ?? null
}

beforeEach(() => {
  forgetSessionTokens()
  outage = false
  accounts = new Map([
    ['u1', { id: 'u1', email: 'kim@example.org', name: 'Kim', role: 'teacher', disabled: false, sessionVersion: 0 }],
    ['u2', { id: 'u2', email: 'lee@example.org', name: 'Lee', role: 'learner', disabled: true, sessionVersion: 0 }],
    ['u3', { id: 'u3', email: 'park@example.org', name: 'Park', role: 'learner', disabled: false, sessionVersion: 2 }],
  ])
})

/** Kubelab's callbacks (lib/server/auth/auth.ts) on Auth.js's session endpoint, as next-auth's auth() calls it. */
async function askAuthJs(headers: Headers): Promise<unknown> {
  const config: AuthConfig = {
    secret,
    trustHost: true,
    basePath: '/api/auth',
    session: { strategy: 'jwt' },
    providers: [Credentials({ credentials: {}, authorize: async () => null })],
    logger: { error: () => {} },
    callbacks: {
      jwt: ({ token }) => checkSession(token, undefined, lookUp),
      session({ session, token }) {
        session.user.id = String(token.uid ?? token.sub ?? '')
        ;(session.user as { role?: string }).role = toRole(token.role)
        ;(session.user as { unverified?: boolean }).unverified = token.unverified === true
        return session
      },
    },
  }
  const protocol = headers.get('x-forwarded-proto') ?? 'https'
  const response = await Auth(
    new Request(`${protocol}://${headers.get('host')}/api/auth/session`, { headers: { cookie: headers.get('cookie') ?? '' } }),
    config,
  )
  const body = (await response.json()) as {
    user?: { id: string; email?: string | null; name?: string | null; role: string; unverified: boolean }
  } | null
  if (!body?.user?.id) return null
  return {
    user: { id: body.user.id, email: body.user.email ?? null, name: body.user.name ?? null, role: body.user.role },
    unverified: body.user.unverified,
  }
}

const token = (claims: Record<string, unknown>, salt = plain, options: { maxAge?: number; secret?: string } = {}) =>
  encode({ token: claims, secret: options.secret ?? secret, salt, maxAge: options.maxAge ?? 3600 })

function request(cookie: string | null, proto: string | null = 'http'): Headers {
  const headers = new Headers({ host: '127.0.0.1:3000' })
  if (cookie !== null) headers.set('cookie', cookie)
  if (proto !== null) headers.set('x-forwarded-proto', proto)
  return headers
}

/** A JWE (header.key.iv.ciphertext.tag) with the first character of its ciphertext changed. */
function alter(jwe: string): string {
  const parts = jwe.split('.')
  const ciphertext = parts[3]!
  parts[3] = (ciphertext[0] === 'A' ? 'B' : 'A') + ciphertext.slice(1)
  return parts.join('.')
}

describe('readSessionCookie answers as Auth.js does', () => {
  const cases: [string, () => Promise<Headers>][] = [
    ['no cookie', async () => request(null)],
    ['other cookies only', async () => request('NEXT_LOCALE=ko; authjs.csrf-token=x')],
    [
      'a session over http',
      async () =>
        request(
          `NEXT_LOCALE=ko; ${plain}=${await token({ uid: 'u1', sv: 0, role: 'learner', name: 'Old name', email: 'kim@example.org' })}`,
        ),
    ],
    [
      'a token from before session versions',
      async () => request(`${plain}=${await token({ sub: 'u1', name: 'Kim', email: 'kim@example.org' })}`),
    ],
    ['a session over https, secure cookie', async () => request(`${secure}=${await token({ uid: 'u1', sv: 0 }, secure)}`, 'https')],
    ['no forwarded protocol: https, secure cookie', async () => request(`${secure}=${await token({ uid: 'u1', sv: 0 }, secure)}`, null)],
    ['https but a plain cookie', async () => request(`${plain}=${await token({ uid: 'u1', sv: 0 })}`, 'https')],
    ['http but a secure cookie', async () => request(`${secure}=${await token({ uid: 'u1', sv: 0 }, secure)}`)],
    ['a secure cookie sealed for the plain name', async () => request(`${secure}=${await token({ uid: 'u1', sv: 0 }, plain)}`, 'https')],
    [
      'a chunked cookie, chunks out of order',
      async () => {
        const value = await token({ uid: 'u1', sv: 0, name: 'x'.repeat(300) })
        const third = Math.ceil(value.length / 3)
        return request(
          `${plain}.2=${value.slice(2 * third)}; ${plain}.0=${value.slice(0, third)}; ${plain}.1=${value.slice(third, 2 * third)}`,
        )
      },
    ],
    // one character of the ciphertext changed: its first, whose six bits all count (the last character of a
    // base64url segment carries padding bits, so changing it could leave the token as it was)
    ['an altered token', async () => request(`${plain}=${alter(await token({ uid: 'u1', sv: 0 }))}`)],
    [
      'a token of another secret',
      async () =>
        request(`${plain}=${await token({ uid: 'u1', sv: 0 }, plain, { secret: 'another-secret-of-at-least-thirty-two-chars' })}`),
    ],
    ['an expired token', async () => request(`${plain}=${await token({ uid: 'u1', sv: 0 }, plain, { maxAge: -60 })}`)],
    [
      'a token just past its expiry (within the tolerance)',
      async () => request(`${plain}=${await token({ uid: 'u1', sv: 0 }, plain, { maxAge: -5 })}`),
    ],
    ['a disabled account', async () => request(`${plain}=${await token({ uid: 'u2', sv: 0 })}`)],
    ['an ended session (older session version)', async () => request(`${plain}=${await token({ uid: 'u3', sv: 1 })}`)],
    ['a deleted account', async () => request(`${plain}=${await token({ uid: 'gone', sv: 0 })}`)],
    ['a token without an account id', async () => request(`${plain}=${await token({ name: 'nobody' })}`)],
    ['garbage', async () => request(`${plain}=not-a-jwt`)],
  ]

  // what Auth.js answered, so the comparison is known not to be null against null throughout
  const signedIn = new Set([
    'a session over http',
    'a token from before session versions',
    'a session over https, secure cookie',
    'no forwarded protocol: https, secure cookie',
    'a chunked cookie, chunks out of order',
    'a token just past its expiry (within the tolerance)',
  ])

  it.each(cases)('%s', async (name, make) => {
    const headers = await make()
    const expected = await askAuthJs(headers)
    if (signedIn.has(name))
      expect(expected).toMatchObject({ user: { id: 'u1', email: 'kim@example.org', role: 'teacher' }, unverified: false })
    else expect(expected).toBeNull()
    // twice: the second read comes from the remembered claims
    expect(await readSessionCookie(headers, lookUp, undefined, environment)).toEqual(expected)
    expect(await readSessionCookie(headers, lookUp, undefined, environment)).toEqual(expected)
  })

  it('during a database outage: the cookie’s user, marked unverified', async () => {
    const headers = request(`${plain}=${await token({ uid: 'u1', sv: 0, role: 'teacher', name: 'Kim', email: 'kim@example.org' })}`)
    outage = true
    const expected = await askAuthJs(headers)
    expect(expected).toEqual({ user: { id: 'u1', email: 'kim@example.org', name: 'Kim', role: 'teacher' }, unverified: true })
    expect(await readSessionCookie(headers, lookUp, undefined, environment)).toEqual(expected)
  })

  it('reads the role from the database on every request, also when the cookie is remembered', async () => {
    const headers = request(`${plain}=${await token({ uid: 'u1', sv: 0 })}`)
    expect((await readSessionCookie(headers, lookUp, undefined, environment))?.user.role).toBe('teacher')
    accounts.set('u1', { ...accounts.get('u1')!, role: 'learner' })
    expect((await readSessionCookie(headers, lookUp, undefined, environment))?.user.role).toBe('learner')
    accounts.set('u1', { ...accounts.get('u1')!, disabled: true })
    expect(await readSessionCookie(headers, lookUp, undefined, environment)).toBeNull()
  })

  it('passes a cookie that does not decrypt or has expired to `rejected`', async () => {
    const rejected: unknown[] = []
    await readSessionCookie(request(`${plain}=not-a-jwt`), lookUp, (error) => rejected.push(error), environment)
    await readSessionCookie(
      request(`${plain}=${await token({ uid: 'u1' }, plain, { maxAge: -60 })}`),
      lookUp,
      (error) => rejected.push(error),
      environment,
    )
    expect(rejected).toHaveLength(2)
  })
})

describe('the pieces', () => {
  it('remembers a decrypted token, and still refuses it once it has expired', async () => {
    const value = await token({ uid: 'u1' }, plain, { maxAge: 60 })
    const first = await decodeSessionToken(value, secret, plain)
    first.uid = 'changed by a caller'
    expect((await decodeSessionToken(value, secret, plain)).uid).toBe('u1')
    await expect(decodeSessionToken(value, secret, plain, new Date(Date.now() + 80_000))).rejects.toThrow(/expired/)
    // the remembered claims are for this cookie name only
    await expect(decodeSessionToken(value, secret, secure)).rejects.toThrow()
  })

  it('names the cookie as Auth.js does', () => {
    expect(sessionCookieNameFor(request(null, 'http'), {})).toBe(plain)
    expect(sessionCookieNameFor(request(null, 'https'), {})).toBe(secure)
    expect(sessionCookieNameFor(request(null, null), {})).toBe(secure)
    expect(sessionCookieNameFor(request(null, 'http'), { AUTH_URL: 'https://kubelab.example.org' })).toBe(secure)
    expect(sessionCookieNameFor(request(null, 'https'), { NEXTAUTH_URL: 'http://localhost:3000' })).toBe(plain)
  })

  it('takes the token from the cookie only, never from an Authorization header', async () => {
    expect(await sessionTokenIn('a=b', plain)).toBeNull()
    expect(await sessionTokenIn(`${plain}=abc`, plain)).toBe('abc')
    expect(await sessionTokenIn(`${secure}=abc`, plain)).toBeNull()
  })

  it('finds the secret where next-auth and Auth.js look', () => {
    expect(sessionSecret({ AUTH_SECRET: 'a', NEXTAUTH_SECRET: 'b' })).toBe('a')
    expect(sessionSecret({ NEXTAUTH_SECRET: 'b' })).toBe('b')
    expect(sessionSecret({ AUTH_SECRET_1: 'one', AUTH_SECRET_3: 'three' })).toEqual(['three', 'one'])
    expect(() => sessionSecret({})).toThrow(/AUTH_SECRET/)
  })
})
