'use client'
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { acceptInvitationAction, type AcceptInvitationState } from '../actions'

/** The one button that accepts an invitation (a POST: opening the link alone changes nothing). */
export function AcceptInvitation({ token, role }: { token: string; role: string }) {
  const t = useTranslations('admin')
  const [state, action, pending] = useActionState<AcceptInvitationState, FormData>(acceptInvitationAction, { error: null })
  const message =
    state.error === 'signedOut'
      ? t('invite.signedOut')
      : state.error === 'already'
        ? t('invite.already', { role })
        : state.error === 'admin'
          ? t('invite.admin')
          : state.error === 'invalid'
            ? t('invite.invalid')
            : null
  return (
    <form action={action} className="form">
      <input type="hidden" name="token" value={token} />
      <div role="alert" className="form-alert">
        {message && <p className="error">{message}</p>}
      </div>
      <button className="button primary wide" type="submit" disabled={pending}>
        {pending ? t('invite.accepting') : t('invite.acceptInvitation')}
      </button>
    </form>
  )
}
