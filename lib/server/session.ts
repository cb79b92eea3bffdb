import 'server-only'
import { cache } from 'react'
import { headers } from 'next/headers'
import type { Role } from './auth/roles.ts'
import { readSessionCookie, type SessionRead } from './auth/session-cookie.ts'
import { dal } from './dal/index.ts'
import { log } from './observability/log.ts'

export { sessionCookieName } from './auth/session-cookie.ts'

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

// Auth.js's session endpoint minus what auth() throws away (lib/server/auth/session-cookie.ts).
const readSession = cache(async (): Promise<SessionRead | null> =>
  readSessionCookie(
    await headers(),
    (id) => dal().users.sessionRecord(id),
    (error) => log().error({ event: 'auth.error', err: error }, 'the session cookie could not be read'),
  ),
)

/**
 * The signed-in user with the role their account has now, or null for a visitor. The account is read from the
 * database while checking the session cookie (lib/server/auth/session-check.ts), so a demoted user loses the
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
