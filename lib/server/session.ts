import 'server-only'
import { cache } from 'react'
import { cookies } from 'next/headers'
import { auth } from './auth/auth.ts'
import type { Role } from './auth/roles.ts'

/** Auth.js's session cookie: `authjs.session-token`, `__Secure-` over HTTPS, `.0`, `.1`, … when chunked. */
export const sessionCookieName = /^(__Secure-)?authjs\.session-token(\.\d+)?$/

export interface SessionUser {
  id: string
  email: string | null
  name: string | null
  role: Role
}

/** The database could not confirm the session's account (an outage): the request fails rather than guess. */
export class SessionUnverifiedError extends Error {
  constructor() {
    super('the database could not confirm the signed-in account')
    this.name = 'SessionUnverifiedError'
  }
}

const readSession = cache(async (): Promise<{ user: SessionUser; unverified: boolean } | null> => {
  // No session cookie, no session: a visitor's request skips Auth.js, which would otherwise make (and hash) a CSRF
  // token on every call — a twentieth of a visitor's grade on the request thread (docs/benchmarks.md).
  if (!(await cookies()).getAll().some((cookie) => sessionCookieName.test(cookie.name))) return null
  const session = await auth()
  if (!session?.user?.id) return null
  return {
    user: { id: session.user.id, email: session.user.email ?? null, name: session.user.name ?? null, role: session.user.role },
    unverified: session.user.unverified === true,
  }
})

/**
 * The signed-in user with the role their account has now, or null for a visitor. Auth.js reads the account from
 * the database while checking the session cookie (lib/server/auth/session-check.ts), so a demoted user loses the
 * role at once and a deleted or disabled account reads as signed out. React's cache makes it one lookup per
 * request however many components ask (the layout, the header, the page, generateMetadata). Throws
 * SessionUnverifiedError when the database could not be asked, so the page shows the error page (500).
 */
export const currentSession = cache(async (): Promise<SessionUser | null> => {
  const read = await readSession()
  if (read?.unverified) throw new SessionUnverifiedError()
  return read?.user ?? null
})

/**
 * Who the session cookie says is signed in, for the header and layout only: during a database outage it is the
 * name and role the cookie last carried, so the page around an error still reads as the person's. Never use it
 * to decide what someone may see or do: that is currentSession / currentViewer.
 */
export const displayedSession = cache(async (): Promise<SessionUser | null> => (await readSession())?.user ?? null)
