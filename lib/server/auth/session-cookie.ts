/**
 * Reads Auth.js's session cookie the way its session endpoint does, without the rest of that endpoint. `auth()`
 * runs Auth.js's whole session action on every call: it makes and hashes a CSRF token, builds a Request and a
 * Response, decrypts the cookie, encrypts a fresh one (which `auth()` then throws away) and derives both keys
 * with HKDF — 2.6 ms of the request thread per signed-in request, the largest part of a learner's grade outside
 * grading (docs/benchmarks.md). Here the cookie is found and joined with Auth.js's own code (getToken, raw) and
 * decrypted with Auth.js's own decode, once per distinct cookie: the verified claims are kept, so the next
 * request with the same cookie only checks its expiry. What the account may do is still read from the database
 * on every request (checkSession, ADR 0011); only the decryption of an unchanged cookie is remembered.
 */
import { decode, getToken, type JWT } from 'next-auth/jwt'
import { toRole, type Role } from './roles.ts'
import { checkSession, type SessionAccount } from './session-check.ts'

export interface SessionRead {
  user: { id: string; email: string | null; name: string | null; role: Role }
  /** the database could not be asked about the account: the user is the cookie's, for display only */
  unverified: boolean
}

/** Auth.js's session cookie: `authjs.session-token`, `__Secure-` over HTTPS, `.0`, `.1`, … when chunked. */
export const sessionCookieName = /^(__Secure-)?authjs\.session-token(\.\d+)?$/

/**
 * The session a request carries, as `auth()` answers it: the cookie Auth.js would read for this request,
 * decrypted; the account checked in the database as Auth.js's jwt callback does (lib/server/auth/auth.ts); the
 * user as its session callback builds it. Null for no session, or one that no longer stands. A cookie that does
 * not decrypt or has expired is no session either, and is passed to `rejected` (Auth.js logs it as an error).
 */
export async function readSessionCookie(
  headers: Headers,
  lookUp: (id: string) => Promise<SessionAccount | null>,
  rejected: (error: unknown) => void = () => {},
  environment: Record<string, string | undefined> = process.env,
): Promise<SessionRead | null> {
  const cookieHeader = headers.get('cookie')
  // no session cookie, no session: a visitor's request goes no further
  if (!cookieHeader || !cookieHeader.split(';').some((pair) => sessionCookieName.test(pair.split('=', 1)[0]!.trim()))) return null
  const cookieName = sessionCookieNameFor(headers, environment)
  const token = await sessionTokenIn(cookieHeader, cookieName)
  if (!token) return null
  let claims: JWT
  try {
    claims = await decodeSessionToken(token, sessionSecret(environment), cookieName)
  } catch (error) {
    rejected(error)
    return null
  }
  const checked = await checkSession(claims, undefined, lookUp)
  const id = checked ? String(checked.uid ?? checked.sub ?? '') : ''
  if (!checked || !id) return null
  return {
    user: { id, email: checked.email ?? null, name: checked.name ?? null, role: toRole(checked.role) },
    unverified: checked.unverified === true,
  }
}

/** The secret(s) Auth.js decrypts sessions with, chosen as next-auth and @auth/core choose them from the environment. */
export function sessionSecret(environment: Record<string, string | undefined> = process.env): string | string[] {
  const given = environment.AUTH_SECRET ?? environment.NEXTAUTH_SECRET
  if (given) return given
  const numbered = [3, 2, 1].map((i) => environment[`AUTH_SECRET_${i}`]).filter((value): value is string => Boolean(value))
  if (numbered.length === 0) throw new Error('AUTH_SECRET is not set: no session can be read')
  return numbered
}

/** Auth.js's session cookie name for this request: `__Secure-` when its URL is https (as Auth.js decides it). */
export function sessionCookieNameFor(headers: Headers, environment: Record<string, string | undefined> = process.env): string {
  // as @auth/core's createActionURL: AUTH_URL (or NEXTAUTH_URL), else the forwarded protocol, https when none
  const envUrl = environment.AUTH_URL ?? environment.NEXTAUTH_URL
  let protocol: string
  if (envUrl) {
    protocol = new URL(envUrl).protocol
  } else {
    const forwarded = headers.get('x-forwarded-proto') ?? 'https'
    protocol = new URL(
      `${forwarded.endsWith(':') ? forwarded : `${forwarded}:`}//${headers.get('x-forwarded-host') ?? headers.get('host')}`,
    ).protocol
  }
  return `${protocol === 'https:' ? '__Secure-' : ''}authjs.session-token`
}

/** The session token in a Cookie header, its chunks joined as Auth.js joins them; null when there is none. */
export async function sessionTokenIn(cookieHeader: string, cookieName: string): Promise<string | null> {
  // only the Cookie header: getToken would otherwise also take an `Authorization: Bearer` token
  const token = await getToken({
    req: { headers: { cookie: cookieHeader } },
    cookieName,
    salt: cookieName,
    secret: 'unused with raw',
    raw: true,
  })
  return token || null
}

/** Auth.js's decode accepts a token up to this many seconds past its expiry (jose's clockTolerance there). */
const CLOCK_TOLERANCE_S = 15
/** Distinct cookies remembered: a signed-in person sends the same one until they sign in again. */
const MAX_REMEMBERED = 1000

const remembered = new Map<string, JWT>()

/**
 * The claims of a session token, as Auth.js's decode returns them (a copy: callers may change it). Throws as
 * that decode throws when the token does not decrypt with the secret (not ours, altered, or for another cookie
 * name) or has expired.
 */
export async function decodeSessionToken(token: string, secret: string | string[], salt: string, now = new Date()): Promise<JWT> {
  const key = `${salt}\0${token}`
  let claims = remembered.get(key)
  if (claims) {
    remembered.delete(key) // most recently used last: the first key is the one to forget
  } else {
    claims = (await decode({ token, secret, salt })) ?? undefined
    if (!claims) throw new Error('no session token')
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!)
  }
  // decode checked the expiry when the token was first seen; time has passed since (jose's rule and tolerance)
  if (typeof claims.exp !== 'number' || claims.exp <= Math.floor(now.getTime() / 1000) - CLOCK_TOLERANCE_S)
    throw new Error('the session token has expired')
  remembered.set(key, claims)
  return { ...claims }
}

/** Tests: forget the remembered claims. */
export function forgetSessionTokens(): void {
  remembered.clear()
}
