'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { AccessDeniedError, dal } from '@/lib/server/dal'
import { currentViewer } from '@/lib/server/viewer'

export interface AcceptInvitationState {
  error: 'invalid' | 'already' | 'admin' | 'signedOut' | null
}

/** Where each role starts: a new teacher goes to their classes, an author to the studio, an admin to administration. */
const home = { teacher: '/teach', author: '/studio', admin: '/admin' } as const

export async function acceptInvitationAction(_prev: AcceptInvitationState, form: FormData): Promise<AcceptInvitationState> {
  const token = z.string().min(1).max(100).safeParse(form.get('token'))
  if (!token.success) return { error: 'invalid' }
  let role: keyof typeof home
  try {
    const outcome = await dal().invitations.accept(await currentViewer(), token.data)
    if (outcome.status !== 'accepted') return { error: outcome.status }
    role = outcome.role
  } catch (error) {
    if (error instanceof AccessDeniedError) return { error: 'signedOut' }
    throw error
  }
  // The whole site is not revalidated here: that would re-render the prerendered lessons, whose script hashes are fixed at build time
  // (ADR 0018). The header asks /api/me again on the page this leads to, and shows the new role.
  redirect(home[role])
}
