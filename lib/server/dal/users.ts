import { z } from 'zod'
import { sqliteConnection, type Db } from '../db/client.ts'
import { hashPassword, verifyPassword } from '../auth/password.ts'
import { toRole, type Role } from '../auth/roles.ts'
import { assertStorable, isStorableText, storableText } from './text.ts'

export const signUpSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(8).max(200),
  name: storableText(z.string().trim().min(1).max(80)).optional(),
})
export type SignUpInput = z.input<typeof signUpSchema>

export interface PublicUser {
  id: string
  email: string
  name: string | null
  role: Role
  /** the session version a new session starts with (ADR 0011) */
  sessionVersion: number
}

/** The account behind a session as the database has it now: the JWT says who, this says what they may do. */
export interface SessionRecord {
  id: string
  email: string
  name: string | null
  role: Role
  disabled: boolean
  sessionVersion: number
}

export class EmailTakenError extends Error {}

function toPublic(u: { id: string; email: string; name: string | null; role: string; sessionVersion: number }): PublicUser {
  return { id: u.id, email: u.email, name: u.name, role: toRole(u.role), sessionVersion: u.sessionVersion }
}

export function usersDal(db: Db) {
  return {
    /** Anyone may sign up, always as a learner; other roles are given by an admin (or the demo seed). */
    async signUp(input: SignUpInput): Promise<PublicUser> {
      assertStorable({ email: input.email, name: input.name }) // named, before zod's generic refusal
      const data = signUpSchema.parse(input)
      const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } })
      if (existing) throw new EmailTakenError('An account with this email already exists.')
      const user = await db.user.create({
        data: { email: data.email, name: data.name ?? null, passwordHash: await hashPassword(data.password), role: 'learner' },
      })
      return toPublic(user)
    },

    /**
     * The user for these credentials, or null; the same answer (and similar time) for an unknown email and for
     * a disabled account, whose password is still checked so the timing does not tell them apart.
     */
    async authenticate(email: string, password: string): Promise<PublicUser | null> {
      // PostgreSQL cannot even look up such text; no account has it
      const user = isStorableText(email) ? await db.user.findUnique({ where: { email: email.trim().toLowerCase() } }) : null
      if (!user?.passwordHash) {
        await hashPassword(password)
        return null
      }
      const matches = await verifyPassword(password, user.passwordHash)
      return matches && !user.disabledAt ? toPublic(user) : null
    },

    /** One lookup by primary key per request (lib/server/auth/session-check.ts); null when the account is gone. */
    async sessionRecord(id: string): Promise<SessionRecord | null> {
      if (!id) return null
      // every signed-in request: a prepared statement on SQLite (lib/server/db/sqlite-direct.ts), in turn with the
      // connection's transactions so a change to the account is seen committed or not at all
      const sqlite = await sqliteConnection(db)
      const user = sqlite
        ? await sqlite.transaction(
            () =>
              sqlite
                .statement('SELECT "id", "email", "name", "role", "disabledAt", "sessionVersion" FROM "User" WHERE "id" = ?')
                .get(id) as
                | { id: string; email: string; name: string | null; role: string; disabledAt: string | null; sessionVersion: number }
                | undefined,
            { model: 'User', operation: 'sessionRecord' },
          )
        : await db.user.findUnique({
            where: { id },
            select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true },
          })
      return user
        ? {
            id: user.id,
            email: user.email,
            name: user.name,
            role: toRole(user.role),
            disabled: user.disabledAt !== null,
            sessionVersion: user.sessionVersion,
          }
        : null
    },

    async upsertWithRole(email: string, password: string, role: Role, name: string): Promise<PublicUser> {
      assertStorable({ email, name })
      const passwordHash = await hashPassword(password)
      const user = await db.user.upsert({
        where: { email },
        update: { role, name },
        create: { email, role, name, passwordHash },
      })
      return toPublic(user)
    },
  }
}
