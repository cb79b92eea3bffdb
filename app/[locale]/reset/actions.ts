'use server'
import { z } from 'zod'
import { dal } from '@/lib/server/dal'

export interface ResetPasswordState {
  status: 'idle' | 'done' | 'weak' | 'invalid'
}

/** Sets a new password through a reset link; the link's token is the only authority (no session needed). */
export async function completePasswordResetAction(_prev: ResetPasswordState, form: FormData): Promise<ResetPasswordState> {
  const input = z
    .object({ token: z.string().min(1).max(100), password: z.string().max(200) })
    .safeParse({ token: form.get('token'), password: form.get('password') })
  if (!input.success) return { status: input.error.issues.some((i) => i.path[0] === 'password') ? 'weak' : 'invalid' }
  const outcome = await dal().passwordResets.complete(input.data.token, input.data.password)
  return { status: outcome.status }
}
