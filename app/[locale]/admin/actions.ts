'use server'
import { headers } from 'next/headers'
import { currentLang } from '@/i18n/current-lang'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { roleSchema } from '@/lib/server/auth/roles'
import { AccessDeniedError, dal } from '@/lib/server/dal'
import { AccountRuleError } from '@/lib/server/dal/accounts'
import { invitationInputSchema } from '@/lib/server/dal/invitations'
import { NoSuchAccountError } from '@/lib/server/dal/password-resets'
import { env } from '@/lib/server/env'
import { publicOrigin } from '@/lib/server/http/public-origin'
import { currentViewer } from '@/lib/server/viewer'
import { formatDateTime } from '@/lib/text/dates'

export type AdminMessage =
  'roleChanged' | 'unchanged' | 'disabled' | 'enabled' | 'revoked' | 'lastAdmin' | 'notFound' | 'forbidden' | 'invalid'

/** What an admin form shows after its action: a result line, or a link shown once (with its expiry, formatted). */
export type AdminActionState =
  { status: 'idle' } | { status: 'done' | 'error'; message: AdminMessage } | { status: 'link'; link: string; until: string; email?: string }

const id = z.string().min(1).max(64)

/**
 * Runs an admin change: refusals the admin should read (not an admin any more, the last admin, a vanished
 * account) become messages; anything else is a real error.
 */
async function attempt(change: () => Promise<AdminActionState>): Promise<AdminActionState> {
  try {
    const state = await change()
    revalidatePath('/admin', 'layout')
    return state
  } catch (error) {
    if (error instanceof AccessDeniedError) return { status: 'error', message: 'forbidden' }
    if (error instanceof AccountRuleError) return { status: 'error', message: error.code === 'last_admin' ? 'lastAdmin' : 'notFound' }
    if (error instanceof NoSuchAccountError) return { status: 'error', message: 'notFound' }
    throw error
  }
}

async function linkTo(path: string, expiresAt: Date): Promise<{ link: string; until: string }> {
  const origin = publicOrigin(await headers(), env().PUBLIC_URL, env().PORT)
  const locale = await currentLang()
  return { link: `${origin}${path}`, until: formatDateTime(expiresAt, locale) }
}

export async function changeRoleAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  const input = z.object({ userId: id, role: roleSchema }).safeParse({ userId: form.get('userId'), role: form.get('role') })
  if (!input.success) return { status: 'error', message: 'invalid' }
  return attempt(async () => {
    const { changed } = await dal().admin.changeRole(await currentViewer(), input.data.userId, input.data.role)
    return { status: 'done', message: changed ? 'roleChanged' : 'unchanged' }
  })
}

export async function setDisabledAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  const input = z
    .object({ userId: id, disabled: z.enum(['0', '1']) })
    .safeParse({ userId: form.get('userId'), disabled: form.get('disabled') })
  if (!input.success) return { status: 'error', message: 'invalid' }
  const disabled = input.data.disabled === '1'
  return attempt(async () => {
    const { changed } = await dal().admin.setDisabled(await currentViewer(), input.data.userId, disabled)
    return { status: 'done', message: !changed ? 'unchanged' : disabled ? 'disabled' : 'enabled' }
  })
}

export async function resetPasswordAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  const userId = id.safeParse(form.get('userId'))
  if (!userId.success) return { status: 'error', message: 'invalid' }
  return attempt(async () => {
    const made = await dal().admin.createPasswordReset(await currentViewer(), userId.data)
    return { status: 'link', email: made.email, ...(await linkTo(`/reset/${made.token}`, made.expiresAt)) }
  })
}

export async function createInvitationAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  const input = invitationInputSchema.safeParse({
    role: form.get('role'),
    days: form.get('days') || undefined,
    note: form.get('note') ?? undefined,
  })
  if (!input.success) return { status: 'error', message: 'invalid' }
  return attempt(async () => {
    const made = await dal().admin.createInvitation(await currentViewer(), input.data)
    return { status: 'link', ...(await linkTo(`/invite/${made.token}`, made.expiresAt)) }
  })
}

export async function revokeInvitationAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  const invitationId = id.safeParse(form.get('invitationId'))
  if (!invitationId.success) return { status: 'error', message: 'invalid' }
  return attempt(async () => {
    const revoked = await dal().admin.revokeInvitation(await currentViewer(), invitationId.data)
    return revoked ? { status: 'done', message: 'revoked' } : { status: 'error', message: 'notFound' }
  })
}
