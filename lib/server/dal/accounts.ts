/**
 * Operations on accounts that only administrators may run: create an account with a role, change a role,
 * disable or enable, list, and remove the demo accounts. Each takes the Actor who acts and writes the audit
 * event in the same transaction.
 *
 * Nothing here checks a viewer: the admin DAL (admin.ts) checks that the viewer is an admin first, and the
 * command line (lib/cli/user.ts) runs with the server's own access to the database. That is why this module is
 * not part of `dal()`: app code reaches these operations only through admin.ts.
 *
 * One rule holds whoever acts: there is always at least one active admin. A change that would take the last
 * one away (a role change, disabling, removal) is refused with LastAdminError.
 */
import { z } from 'zod'
import type { Db } from '../db/client.ts'
import { hashPassword } from '../auth/password.ts'
import { roleSchema, toRole, type Role } from '../auth/roles.ts'
import { recordAudit, type Actor } from './audit.ts'
import { pageWindow, type Paged } from './paging.ts'
import type { Tx } from './progress.ts'

export type AccountProblem = 'not_found' | 'last_admin' | 'email_taken'

export class AccountRuleError extends Error {
  constructor(
    readonly code: AccountProblem,
    message: string,
  ) {
    super(message)
  }
}

export interface Account {
  id: string
  email: string
  name: string | null
  role: Role
  disabledAt: Date | null
  createdAt: Date
}

/** An account named by its id (the admin page) or its email (the command line). */
export type AccountRef = { id: string } | { email: string }

export const passwordSchema = z.string().min(8).max(200)

export const newAccountSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  role: roleSchema,
  name: z.string().trim().min(1).max(80).optional(),
  password: passwordSchema,
})
export type NewAccount = z.input<typeof newAccountSchema>

export const accountSearchSchema = z.object({
  query: z.string().trim().max(100).default(''),
  role: roleSchema.optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
})
export type AccountSearch = z.input<typeof accountSearchSchema>

export const accountsPageSize = 20

const accountFields = { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true } as const

function toAccount(row: {
  id: string
  email: string
  name: string | null
  role: string
  disabledAt: Date | null
  createdAt: Date
}): Account {
  return { id: row.id, email: row.email, name: row.name, role: toRole(row.role), disabledAt: row.disabledAt, createdAt: row.createdAt }
}

const whereRef = (ref: AccountRef) => ('id' in ref ? { id: ref.id } : { email: ref.email.trim().toLowerCase() })

/**
 * Refuses a change that would leave no active admin. Called inside a serializable transaction: two admins
 * demoting each other at once cannot both pass, one of the two transactions fails and is retried.
 */
async function keepAnAdmin(tx: Tx, leaving: string[]): Promise<void> {
  const remaining = await tx.user.count({ where: { role: 'admin', disabledAt: null, id: { notIn: leaving } } })
  if (remaining === 0) throw new AccountRuleError('last_admin', 'This is the last active admin: make another account an admin first.')
}

/**
 * Runs a change in a serializable transaction, retried when the database reports a conflict with another one
 * (PostgreSQL: a serialization failure; SQLite has a single writer and never conflicts).
 */
export async function serializable<T>(db: Db, change: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(change, { isolationLevel: 'Serializable', maxWait: 10_000, timeout: 20_000 })
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= 5) throw error
    }
  }
}

function isWriteConflict(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | null
  if (e?.code === 'P2034') return true
  // The pg driver adapter reports PostgreSQL's serialization_failure (40001) in the message or cause.
  const text = `${String(e?.message ?? '')} ${JSON.stringify(e?.cause ?? '')}`
  return /40001|could not serialize|deadlock detected|40P01/.test(text)
}

export function accountOperations(db: Db) {
  /** The same account, read inside the transaction that changes it. */
  async function find(tx: Tx, ref: AccountRef) {
    const user = await tx.user.findUnique({ where: whereRef(ref), select: accountFields })
    if (!user) throw new AccountRuleError('not_found', 'No such account.')
    return user
  }

  return {
    /** A new account with a role and a password (the command line: the first admin of a school). */
    async create(actor: Actor, input: NewAccount): Promise<Account> {
      const data = newAccountSchema.parse(input)
      const passwordHash = await hashPassword(data.password)
      try {
        return await db.$transaction(async (tx) => {
          const user = await tx.user.create({
            data: { email: data.email, name: data.name ?? null, role: data.role, passwordHash },
            select: accountFields,
          })
          await recordAudit(tx, actor, {
            action: 'user.created',
            targetType: 'user',
            targetId: user.id,
            targetLabel: user.email,
            detail: { role: data.role },
          })
          return toAccount(user)
        })
      } catch (error) {
        if ((error as { code?: unknown }).code === 'P2002')
          throw new AccountRuleError('email_taken', 'An account with this email already exists.')
        throw error
      }
    },

    /** Gives an account another role; `changed` is false when it had that role already (nothing is logged). */
    async changeRole(actor: Actor, ref: AccountRef, role: Role): Promise<{ account: Account; changed: boolean }> {
      const to = roleSchema.parse(role)
      return serializable(db, async (tx) => {
        const user = await find(tx, ref)
        const from = toRole(user.role)
        if (from === to) return { account: toAccount(user), changed: false }
        if (from === 'admin' && !user.disabledAt) await keepAnAdmin(tx, [user.id])
        const updated = await tx.user.update({ where: { id: user.id }, data: { role: to }, select: accountFields })
        await recordAudit(tx, actor, {
          action: 'user.role_changed',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
          detail: { from, to },
        })
        return { account: toAccount(updated), changed: true }
      })
    },

    /**
     * Disables an account (it cannot sign in, and every session it holds ends at once: the session version
     * moves on, so even re-enabling it later does not bring an old cookie back) or enables it again.
     */
    async setDisabled(actor: Actor, ref: AccountRef, disabled: boolean): Promise<{ account: Account; changed: boolean }> {
      return serializable(db, async (tx) => {
        const user = await find(tx, ref)
        if (!!user.disabledAt === disabled) return { account: toAccount(user), changed: false }
        if (disabled && user.role === 'admin') await keepAnAdmin(tx, [user.id])
        const updated = await tx.user.update({
          where: { id: user.id },
          data: disabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
          select: accountFields,
        })
        await recordAudit(tx, actor, {
          action: disabled ? 'user.disabled' : 'user.enabled',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
        })
        return { account: toAccount(updated), changed: true }
      })
    },

    /** Accounts by email or name (case does not matter), optionally of one role, sorted by email. */
    async list(search: AccountSearch, pageSize = accountsPageSize): Promise<Paged<Account>> {
      const { query, role, page: requested } = accountSearchSchema.parse(search)
      const where = {
        ...(role ? { role } : {}),
        ...(query ? { OR: [{ email: { contains: query.toLowerCase() } }, { name: { contains: query, ...caseInsensitive(db) } }] } : {}),
      }
      const total = await db.user.count({ where })
      const { page, pageCount, skip } = pageWindow(requested, total, pageSize)
      const rows = await db.user.findMany({ where, orderBy: { email: 'asc' }, skip, take: pageSize, select: accountFields })
      return { items: rows.map(toAccount), total, page, pageCount, pageSize }
    },

    /**
     * Deletes these accounts and everything that is theirs (progress, submissions, drafts, the classes they
     * made and those classes' enrolments), in one transaction. A class of theirs that another teacher co-teaches
     * is not deleted: it goes on with the co-teacher added first as its owner (`handedOver`). Returns the emails
     * that existed.
     */
    async remove(
      actor: Actor,
      emails: string[],
      reason: 'demo.removed',
    ): Promise<{ removed: string[]; classes: number; handedOver: number }> {
      return serializable(db, async (tx) => {
        const users = await tx.user.findMany({
          where: { email: { in: emails } },
          select: { id: true, email: true, role: true, disabledAt: true },
        })
        if (users.length === 0) return { removed: [], classes: 0, handedOver: 0 }
        if (users.some((u) => u.role === 'admin' && !u.disabledAt))
          await keepAnAdmin(
            tx,
            users.map((u) => u.id),
          )
        const ids = users.map((u) => u.id)
        const owned = await tx.classroom.findMany({
          where: { teacherId: { in: ids } },
          select: {
            id: true,
            coTeachers: {
              where: { userId: { notIn: ids } },
              orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
              take: 1,
              select: { userId: true },
            },
          },
        })
        let handedOver = 0
        for (const c of owned) {
          const heir = c.coTeachers[0]
          if (!heir) continue
          await tx.classroom.update({ where: { id: c.id }, data: { teacherId: heir.userId } })
          await tx.coTeacher.delete({ where: { classroomId_userId: { classroomId: c.id, userId: heir.userId } } })
          handedOver++
        }
        const classes = owned.length - handedOver
        await tx.user.deleteMany({ where: { id: { in: ids } } })
        const removed = users.map((u) => u.email).sort()
        await recordAudit(tx, actor, {
          action: reason,
          targetType: 'demo',
          targetLabel: removed.join(', '),
          detail: { accounts: removed, classes, handedOver },
        })
        return { removed, classes, handedOver }
      })
    },
  }
}

export type AccountOperations = ReturnType<typeof accountOperations>

/**
 * PostgreSQL compares text with case; SQLite's LIKE already ignores ASCII case and Prisma refuses `mode` there.
 * The provider is read from the client, which knows which schema it was generated from.
 */
function caseInsensitive(db: Db): { mode?: 'insensitive' } {
  return (db as unknown as { _activeProvider?: string })._activeProvider === 'postgresql'
    ? ({ mode: 'insensitive' } as { mode?: 'insensitive' })
    : {}
}
