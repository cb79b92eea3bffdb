/**
 * Password resets made by an administrator (ADR 0011): a one-time link, valid for a day, where the account's
 * owner sets a new password. Only the token's hash is stored; a new reset replaces an unused older one; setting
 * the password ends every session the account held.
 */
import type { Db } from '../db/client.ts'
import { hashPassword } from '../auth/password.ts'
import { recordAudit, type Actor } from './audit.ts'
import { passwordSchema } from './accounts.ts'
import { hashToken, isTokenShaped, newToken } from './tokens.ts'

export const passwordResetHours = 24

export type ResetView = { status: 'valid'; email: string; expiresAt: Date } | { status: 'invalid' }
export type ResetOutcome = { status: 'done'; email: string } | { status: 'invalid' } | { status: 'weak' }

export class NoSuchAccountError extends Error {}

export function passwordResetOperations(db: Db) {
  return {
    /** A new reset link's token for an account (returned once, never stored). */
    async create(actor: Actor, userId: string): Promise<{ token: string; expiresAt: Date; email: string }> {
      const { token, tokenHash } = newToken()
      const expiresAt = new Date(Date.now() + passwordResetHours * 60 * 60 * 1000)
      return db.$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } })
        if (!user) throw new NoSuchAccountError('No such account.')
        // the newest link is the one that works: an older one handed to the wrong person stops working
        await tx.passwordReset.deleteMany({ where: { userId: user.id, usedAt: null } })
        await tx.passwordReset.create({ data: { tokenHash, userId: user.id, expiresAt } })
        await recordAudit(tx, actor, {
          action: 'password_reset.created',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
          detail: { hours: passwordResetHours },
        })
        return { token, expiresAt, email: user.email }
      })
    },
  }
}

/** What the holder of a reset link may do: see whose password it sets, and set it once. */
export function passwordResetsDal(db: Db) {
  async function usable(token: string) {
    if (!isTokenShaped(token)) return null
    const row = await db.passwordReset.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { user: { select: { email: true } } },
    })
    return row && !row.usedAt && row.expiresAt > new Date() ? row : null
  }

  return {
    async describe(token: string): Promise<ResetView> {
      const row = await usable(token)
      return row ? { status: 'valid', email: row.user.email, expiresAt: row.expiresAt } : { status: 'invalid' }
    },

    /** Sets the new password and uses the link up; every session of the account ends (its version moves on). */
    async complete(token: string, password: string): Promise<ResetOutcome> {
      const parsed = passwordSchema.safeParse(password)
      if (!parsed.success) return { status: 'weak' }
      // checked before hashing, so a stream of made-up tokens costs a lookup each, not a scrypt each
      const found = await usable(token)
      if (!found) return { status: 'invalid' }
      const passwordHash = await hashPassword(parsed.data)
      return db.$transaction(async (tx) => {
        const now = new Date()
        const { count } = await tx.passwordReset.updateMany({
          where: { id: found.id, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        })
        if (count !== 1) return { status: 'invalid' }
        const user = await tx.user.update({
          where: { id: found.userId },
          data: { passwordHash, sessionVersion: { increment: 1 } },
          select: { id: true, email: true },
        })
        await recordAudit(
          tx,
          { kind: 'user', id: user.id, email: user.email },
          { action: 'password_reset.completed', targetType: 'user', targetId: user.id, targetLabel: user.email },
        )
        return { status: 'done', email: user.email }
      })
    },
  }
}
