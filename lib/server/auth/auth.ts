/**
 * Auth.js (next-auth v5): email + password through the Credentials provider, JWT sessions carrying the role.
 * The Prisma adapter is wired for providers that store accounts (OAuth, email links) added later.
 */
import NextAuth, { type NextAuthConfig } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { PrismaAdapter } from '@auth/prisma-adapter'
import { z } from 'zod'
import { db } from '../db/client.ts'
import { dal } from '../dal/index.ts'
import { signInLimits } from '../rate-limit/sign-in.ts'
import { toRole } from './roles.ts'
import { checkSession } from './session-check.ts'
import { log } from '../observability/log.ts'

const credentialsSchema = z.object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(200) })

// Lazy: the database is opened on the first request, not when `next build` imports this module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config: NextAuthConfig = {
    adapter: PrismaAdapter(db() as never),
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    trustHost: true,
    secret: process.env.AUTH_SECRET,
    pages: { signIn: '/signin' },
    // A wrong password is an expected outcome shown to the user, not a server error worth a stack trace.
    logger: {
      error(error) {
        if ((error as { type?: string }).type === 'CredentialsSignin') return
        log().error({ event: 'auth.error', err: error }, 'Auth.js failed')
      },
    },
    providers: [
      Credentials({
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw)
          if (!parsed.success) return null
          await signInLimits.check(parsed.data.email, request) // throws while this account or address must wait (ADR 0015)
          const user = await dal().users.authenticate(parsed.data.email, parsed.data.password)
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } : null
        },
      }),
    ],
    // the right password forgives the account's earlier failures (the sign-in limits, ADR 0015)
    events: { signIn: ({ user }) => signInLimits.succeeded(user.email) },
    callbacks: {
      // The role and the account's state come from the database on every request, not from the token (ADR 0011).
      jwt({ token, user }) {
        return checkSession(token, user ? { id: user.id, sessionVersion: user.sessionVersion } : undefined, (id) =>
          dal().users.sessionRecord(id),
        )
      },
      session({ session, token }) {
        session.user.id = String(token.uid ?? token.sub ?? '')
        session.user.role = toRole(token.role)
        session.user.unverified = token.unverified === true
        return session
      },
    },
  }
  return config
})
