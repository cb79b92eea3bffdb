/**
 * The session cookie (a JWT) only says who someone is. What they may do is read from the database on every
 * request (ADR 0011): the role, whether the account is disabled, whether it still exists, and whether the
 * session was ended (the account's session version moved on after it was disabled or its password reset).
 * Pure of Next and Auth.js, so the integration tests run it against a real database.
 */
import type { Role } from './roles.ts'

export interface SessionAccount {
  id: string
  email: string
  name: string | null
  role: Role
  disabled: boolean
  sessionVersion: number
}

/** What the JWT carries: `uid` (the account) and `sv` (the session version it was signed in with). */
export interface SessionToken {
  uid?: unknown
  sub?: string | null
  sv?: unknown
  /** set while the database could not be asked about the account; never trusted for anything but display */
  unverified?: unknown
  role?: unknown
  name?: string | null
  email?: string | null
  [key: string]: unknown
}

/**
 * The token for this request, refreshed from the account as the database has it now, or null when the session
 * no longer stands (account deleted or disabled, or signed out everywhere): Auth.js then treats the request as
 * signed out and clears the cookie where it can. `signedIn` is the user Auth.js just authenticated, at sign-in.
 */
export async function checkSession<T extends SessionToken>(
  token: T,
  signedIn: { id?: string; sessionVersion?: number } | undefined,
  lookUp: (id: string) => Promise<SessionAccount | null>,
): Promise<T | null> {
  if (signedIn?.id) {
    token.uid = signedIn.id
    token.sv = signedIn.sessionVersion ?? 0
  }
  const id = typeof token.uid === 'string' ? token.uid : (token.sub ?? '')
  if (!id) return null
  let account: SessionAccount | null
  try {
    account = await lookUp(id)
  } catch {
    // The database cannot say (an outage): keep the token and mark it, so the request fails with a 500 where the
    // account matters instead of reading as signed out (which would also clear the cookie of everyone at once).
    token.unverified = true
    return token
  }
  delete token.unverified
  // A token from before session versions existed counts as version 0, the version every account started at.
  const version = typeof token.sv === 'number' ? token.sv : 0
  if (!account || account.disabled || account.sessionVersion !== version) return null
  token.uid = account.id
  token.role = account.role
  token.name = account.name
  token.email = account.email
  return token
}
