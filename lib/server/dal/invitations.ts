/**
 * Role invitations (ADR 0011): an administrator makes a one-time link for a role, valid for some days; whoever
 * opens it, signs in or signs up, and accepts gets that role, once. Only the token's hash is stored.
 */
import { z } from 'zod'
import type { Db } from '../db/client.ts'
import { toRole, type Role } from '../auth/roles.ts'
import { recordAudit, type Actor } from './audit.ts'
import { hashToken, isTokenShaped, newToken } from './tokens.ts'
import { pageWindow, type Paged } from './paging.ts'
import { requireViewer, type Viewer } from './viewer.ts'

export const invitationRoles = ['teacher', 'author', 'admin'] as const
export type InvitationRole = (typeof invitationRoles)[number]

export const invitationInputSchema = z.object({
  role: z.enum(invitationRoles),
  days: z.coerce.number().int().min(1).max(30).default(7),
  note: z
    .string()
    .trim()
    .max(80)
    .optional()
    .transform((v) => v || undefined),
})
export type InvitationInput = z.input<typeof invitationInputSchema>

export type InvitationStatus = 'pending' | 'used' | 'expired' | 'revoked'

export interface Invitation {
  id: string
  role: InvitationRole
  note: string | null
  createdAt: Date
  expiresAt: Date
  status: InvitationStatus
  usedAt: Date | null
  usedBy: string | null
  createdBy: string | null
}

export type AcceptOutcome =
  | { status: 'accepted'; role: InvitationRole; from: Role }
  /** the account has this role already: the invitation stays unused for someone else */
  | { status: 'already'; role: InvitationRole }
  /** an admin would lose admin by accepting another role: refused, the invitation stays unused */
  | { status: 'admin'; role: InvitationRole }
  | { status: 'invalid' }

export type InvitationView = { status: 'valid'; role: InvitationRole; expiresAt: Date } | { status: 'invalid' }

const DAY = 24 * 60 * 60 * 1000
export const invitationsPageSize = 20

function statusOf(row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (row.usedAt) return 'used'
  if (row.revokedAt) return 'revoked'
  return row.expiresAt <= now ? 'expired' : 'pending'
}

const usable = (now: Date) => ({ usedAt: null, revokedAt: null, expiresAt: { gt: now } })

export function invitationOperations(db: Db) {
  return {
    /** A new invitation; the token is returned once, to be shown as a link, and never stored. */
    async create(actor: Actor, input: InvitationInput): Promise<{ id: string; token: string; role: InvitationRole; expiresAt: Date }> {
      const data = invitationInputSchema.parse(input)
      const { token, tokenHash } = newToken()
      const expiresAt = new Date(Date.now() + data.days * DAY)
      return db.$transaction(async (tx) => {
        const row = await tx.roleInvitation.create({
          data: { tokenHash, role: data.role, note: data.note ?? null, expiresAt, createdById: actor.kind === 'user' ? actor.id : null },
        })
        await recordAudit(tx, actor, {
          action: 'invitation.created',
          targetType: 'invitation',
          targetId: row.id,
          targetLabel: data.note ?? null,
          detail: { role: data.role, days: data.days },
        })
        return { id: row.id, token, role: data.role, expiresAt }
      })
    },

    /** Invitations, newest first, with who made and who used them. */
    async list(requestedPage: number, pageSize = invitationsPageSize): Promise<Paged<Invitation>> {
      const total = await db.roleInvitation.count()
      const { page, pageCount, skip } = pageWindow(requestedPage, total, pageSize)
      const rows = await db.roleInvitation.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip, take: pageSize })
      const people = await db.user.findMany({
        where: { id: { in: rows.flatMap((r) => [r.usedById, r.createdById]).filter((id): id is string => !!id) } },
        select: { id: true, email: true },
      })
      const email = new Map(people.map((p) => [p.id, p.email]))
      const now = new Date()
      const items = rows.map((r) => ({
        id: r.id,
        role: r.role as InvitationRole,
        note: r.note,
        createdAt: r.createdAt,
        expiresAt: r.expiresAt,
        status: statusOf(r, now),
        usedAt: r.usedAt,
        usedBy: r.usedById ? (email.get(r.usedById) ?? null) : null,
        createdBy: r.createdById ? (email.get(r.createdById) ?? null) : null,
      }))
      return { items, total, page, pageCount, pageSize }
    },

    /** Revokes an invitation nobody has used yet; false when there is none such. */
    async revoke(actor: Actor, id: string): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const { count } = await tx.roleInvitation.updateMany({
          where: { id, usedAt: null, revokedAt: null },
          data: { revokedAt: new Date() },
        })
        if (count === 0) return false
        const row = await tx.roleInvitation.findUniqueOrThrow({ where: { id } })
        await recordAudit(tx, actor, {
          action: 'invitation.revoked',
          targetType: 'invitation',
          targetId: id,
          targetLabel: row.note,
          detail: { role: row.role },
        })
        return true
      })
    },
  }
}

/** What anyone holding a link may do with it: see what it offers, and accept it once signed in. */
export function invitationsDal(db: Db) {
  return {
    /** The invitation behind a link, if it can still be used; used, expired, revoked and unknown links read alike. */
    async describe(token: string): Promise<InvitationView> {
      if (!isTokenShaped(token)) return { status: 'invalid' }
      const row = await db.roleInvitation.findUnique({ where: { tokenHash: hashToken(token) } })
      if (!row || statusOf(row) !== 'pending') return { status: 'invalid' }
      return { status: 'valid', role: row.role as InvitationRole, expiresAt: row.expiresAt }
    },

    /** Gives the signed-in viewer the invitation's role and uses the invitation up, in one transaction. */
    async accept(viewer: Viewer | null, token: string): Promise<AcceptOutcome> {
      const who = requireViewer(viewer)
      if (!isTokenShaped(token)) return { status: 'invalid' }
      const tokenHash = hashToken(token)
      return db.$transaction(async (tx) => {
        const now = new Date()
        const invitation = await tx.roleInvitation.findUnique({ where: { tokenHash } })
        if (!invitation || statusOf(invitation, now) !== 'pending') return { status: 'invalid' }
        const role = invitation.role as InvitationRole
        const user = await tx.user.findUnique({ where: { id: who.id }, select: { id: true, email: true, role: true, disabledAt: true } })
        if (!user || user.disabledAt) return { status: 'invalid' }
        const from = toRole(user.role)
        if (from === role) return { status: 'already', role }
        if (from === 'admin') return { status: 'admin', role }
        // used up by exactly one acceptance, even when two people open the link at once
        const { count } = await tx.roleInvitation.updateMany({
          where: { id: invitation.id, ...usable(now) },
          data: { usedAt: now, usedById: user.id },
        })
        if (count !== 1) return { status: 'invalid' }
        await tx.user.update({ where: { id: user.id }, data: { role } })
        await recordAudit(
          tx,
          { kind: 'user', id: user.id, email: user.email },
          {
            action: 'invitation.accepted',
            targetType: 'user',
            targetId: user.id,
            targetLabel: user.email,
            detail: { from, to: role, invitation: invitation.id },
          },
        )
        return { status: 'accepted', role, from }
      })
    },
  }
}
