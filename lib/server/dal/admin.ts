/**
 * The administrators' data access (ADR 0011): every function first checks, in the database, that the viewer
 * is an active admin — not only what their session said — then runs the operation as that admin, audited.
 */
import type { Db } from '../db/client.ts'
import type { Role } from '../auth/roles.ts'
import { accountOperations, type Account, type AccountSearch } from './accounts.ts'
import { readAuditLog, type Actor, type AuditEntry } from './audit.ts'
import { invitationOperations, type Invitation, type InvitationInput, type InvitationRole } from './invitations.ts'
import { passwordResetOperations } from './password-resets.ts'
import type { Paged } from './paging.ts'
import { AccessDeniedError, requireRole, type Viewer } from './viewer.ts'

/** The viewer as an acting admin, read from the database: a demoted or disabled admin is refused at once. */
export async function requireAdmin(db: Db, viewer: Viewer | null): Promise<Actor & { kind: 'user' }> {
  const claimed = requireRole(viewer, ['admin'])
  const row = await db.user.findUnique({ where: { id: claimed.id }, select: { email: true, role: true, disabledAt: true } })
  if (!row) throw new AccessDeniedError(401, 'This account no longer exists.')
  if (row.role !== 'admin' || row.disabledAt) throw new AccessDeniedError(403, 'This needs the admin role.')
  return { kind: 'user', id: claimed.id, email: row.email }
}

export function adminDal(db: Db) {
  const accounts = accountOperations(db)
  const invitations = invitationOperations(db)
  const resets = passwordResetOperations(db)
  return {
    async users(viewer: Viewer | null, search: AccountSearch): Promise<Paged<Account>> {
      await requireAdmin(db, viewer)
      return accounts.list(search)
    },
    async changeRole(viewer: Viewer | null, userId: string, role: Role) {
      return accounts.changeRole(await requireAdmin(db, viewer), { id: userId }, role)
    },
    async setDisabled(viewer: Viewer | null, userId: string, disabled: boolean) {
      return accounts.setDisabled(await requireAdmin(db, viewer), { id: userId }, disabled)
    },
    async createPasswordReset(viewer: Viewer | null, userId: string) {
      return resets.create(await requireAdmin(db, viewer), userId)
    },
    async createInvitation(
      viewer: Viewer | null,
      input: InvitationInput,
    ): Promise<{ id: string; token: string; role: InvitationRole; expiresAt: Date }> {
      return invitations.create(await requireAdmin(db, viewer), input)
    },
    async invitations(viewer: Viewer | null, page: number): Promise<Paged<Invitation>> {
      await requireAdmin(db, viewer)
      return invitations.list(page)
    },
    async revokeInvitation(viewer: Viewer | null, id: string): Promise<boolean> {
      return invitations.revoke(await requireAdmin(db, viewer), id)
    },
    async auditLog(viewer: Viewer | null, page: number): Promise<Paged<AuditEntry>> {
      await requireAdmin(db, viewer)
      return readAuditLog(db, page)
    },
  }
}
