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

/**
 * The signed-in user with the role their account has now, or null for a visitor. Auth.js reads the account from
 * the database while checking the session cookie (lib/server/auth/session-check.ts), so a demoted user loses the
 * role at once and a deleted or disabled account reads as signed out. React's cache makes it one lookup per
 * request however many components ask (the layout, the header, the page, generateMetadata).
 */
export const currentSession = cache(async (): Promise<SessionUser | null> => {
  // No session cookie, no session: a visitor's request skips Auth.js, which would otherwise make (and hash) a CSRF
  // token on every call — a twentieth of a visitor's grade on the request thread (docs/benchmarks.md).
  if (!(await cookies()).getAll().some((cookie) => sessionCookieName.test(cookie.name))) return null
  const session = await auth()
  if (!session?.user?.id) return null
  return { id: session.user.id, email: session.user.email ?? null, name: session.user.name ?? null, role: session.user.role }
})
