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
      <form className="admin-form invitation-form" action={action} aria-labelledby="new-invitation">
        <div className="admin-field">
          <label htmlFor="invitation-role">{t('invitations.role')}</label>
          <select id="invitation-role" name="role" defaultValue="teacher">
            {(['teacher', 'author', 'admin'] as const).map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-field days">
          <label htmlFor="invitation-days">{t('invitations.days')}</label>
          <input id="invitation-days" type="number" name="days" min={1} max={30} defaultValue={7} required inputMode="numeric" />
        </div>
        <div className="admin-field note">
          <label htmlFor="invitation-note">{t('invitations.note')}</label>
          <input id="invitation-note" type="text" name="note" maxLength={80} aria-describedby="invitation-note-hint" />
          <small id="invitation-note-hint" className="muted">
            {t('invitations.noteHint')}
          </small>
        </div>
        <button className="button primary" type="submit" disabled={pending}>
          {t('invitations.submit')}
        </button>
      </form>
      {state.status === 'error' && (
        <p className="error" role="alert">
          {t(`result.${state.message}`)}
        </p>
      )}
      {state.status === 'link' && (
        <LinkOnce link={state.link} text={t('invitations.made', { date: state.until })} testId="invitation-link" />
      )}
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
