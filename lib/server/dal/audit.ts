/**
 * The audit log: who did what to whom and when, for administrators (ADR 0011). Every change to an account's
 * role or state, every password reset and role invitation, and every archived class writes one event in the
 * same transaction as the change, so the log never misses a change that happened nor lists one that did not.
 */
import type { Db } from '../db/client.ts'
import type { Tx } from './progress.ts'
import { pageWindow, type Paged } from './paging.ts'

export const auditActions = [
  'user.created',
  'user.role_changed',
  'user.disabled',
  'user.enabled',
  'password_reset.created',
  'password_reset.completed',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'class.archived',
  'class.co_teacher_added',
  'class.co_teacher_removed',
  'demo.removed',
  'studio.course_created',
  'studio.lesson_created',
  'studio.lesson_published',
  'studio.lesson_restored',
  'studio.lesson_unpublished',
] as const
export type AuditAction = (typeof auditActions)[number]
export type AuditTargetType = 'user' | 'class' | 'invitation' | 'demo' | 'lesson' | 'course'

/** Who acts: a signed-in user (their email is copied into the log), or the command line on the server. */
export type Actor = { kind: 'user'; id: string; email?: string } | { kind: 'cli' }
export const cliActor: Actor = { kind: 'cli' }
export const cliLabel = 'cli'

export type AuditDetail = Record<string, string | number | boolean | null | string[]>

export interface AuditInput {
  action: AuditAction
  targetType: AuditTargetType
  targetId?: string | null
  targetLabel?: string | null
  detail?: AuditDetail
}

export interface AuditEntry {
  id: string
  at: Date
  actor: { id: string | null; label: string; cli: boolean }
  action: AuditAction
  target: { type: AuditTargetType; id: string | null; label: string | null }
  detail: AuditDetail
}

/** Writes one event with the caller's transaction client, so it commits (or not) with the change it records. */
export async function recordAudit(tx: Tx | Db, actor: Actor, event: AuditInput): Promise<void> {
  let actorLabel = cliLabel
  if (actor.kind === 'user') {
    actorLabel = actor.email ?? (await tx.user.findUnique({ where: { id: actor.id }, select: { email: true } }))?.email ?? actor.id
  }
  await tx.auditEvent.create({
    data: {
      actorId: actor.kind === 'user' ? actor.id : null,
      actorLabel,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId ?? null,
      targetLabel: event.targetLabel ?? null,
      detail: JSON.stringify(event.detail ?? {}),
    },
  })
}

export const auditPageSize = 30

/** The log, newest first (ties, such as events of one transaction, by id). Callers check the viewer is an admin. */
export async function readAuditLog(db: Db, requestedPage: number, pageSize = auditPageSize): Promise<Paged<AuditEntry>> {
  const total = await db.auditEvent.count()
  const { page, pageCount, skip } = pageWindow(requestedPage, total, pageSize)
  const rows = await db.auditEvent.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip, take: pageSize })
  return { items: rows.map(toEntry), total, page, pageCount, pageSize }
}

function toEntry(row: {
  id: string
  createdAt: Date
  actorId: string | null
  actorLabel: string
  action: string
  targetType: string
  targetId: string | null
  targetLabel: string | null
  detail: string
}): AuditEntry {
  let detail: AuditDetail = {}
  try {
    const parsed = JSON.parse(row.detail) as unknown
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) detail = parsed as AuditDetail
  } catch {
    // an unreadable detail shows as none rather than breaking the page
  }
  return {
    id: row.id,
    at: row.createdAt,
    actor: { id: row.actorId, label: row.actorLabel, cli: row.actorId === null && row.actorLabel === cliLabel },
    action: row.action as AuditAction,
    target: { type: row.targetType as AuditTargetType, id: row.targetId, label: row.targetLabel },
    detail,
  }
}
