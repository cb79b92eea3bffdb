'use client'
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { createInvitationAction, revokeInvitationAction, type AdminActionState } from './actions'
import { LinkOnce } from './LinkOnce'

const idle: AdminActionState = { status: 'idle' }

/** A new role invitation: the role, how many days it stays valid, for whom; the link is shown once. */
export function InvitationForm() {
  const t = useTranslations('admin')
  const [state, action, pending] = useActionState(createInvitationAction, idle)
  return (
    <>
      <form className="form inline-form invitation-form" action={action} aria-labelledby="new-invitation">
        <label>
          {t('invitations.role')}
          <select name="role" defaultValue="teacher" data-testid="invitation-role">
            {(['teacher', 'author', 'admin'] as const).map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="days">
          {t('invitations.days')}
          <input type="number" name="days" min={1} max={30} defaultValue={7} required inputMode="numeric" />
        </label>
        <label>
          {t('invitations.note')}
          <input type="text" name="note" maxLength={80} aria-describedby="note-hint" />
          <small id="note-hint">{t('invitations.noteHint')}</small>
        </label>
        <button className="button primary" type="submit" disabled={pending}>
          {t('invitations.submit')}
        </button>
      </form>
      {state.status === 'error' && (
        <p className="error" role="alert">
          {t(`result.${state.message}`)}
        </p>
      )}
      {state.status === 'link' && <LinkOnce link={state.link} text={t('invitations.made', { date: state.until })} testId="invitation-link" />}
    </>
  )
}

export function RevokeInvitation({ id, label }: { id: string; label: string }) {
  const t = useTranslations('admin')
  const [state, action, pending] = useActionState(revokeInvitationAction, idle)
  return (
    <form action={action} className="revoke-form">
      <input type="hidden" name="invitationId" value={id} />
      <button className="button small danger" type="submit" disabled={pending} aria-label={label}>
        {t('invitations.revoke')}
      </button>
      {state.status === 'error' && (
        <span className="error" role="alert">
          {t(`result.${state.message}`)}
        </span>
      )}
    </form>
  )
}
