'use client'
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import type { Role } from '@/lib/server/auth/roles'
import { changeRoleAction, resetPasswordAction, setDisabledAction, type AdminActionState } from './actions'
import { LinkOnce } from './LinkOnce'

const roles: Role[] = ['learner', 'teacher', 'author', 'admin']
const idle: AdminActionState = { status: 'idle' }

interface Props {
  user: { id: string; email: string; name: string | null; role: Role; disabled: boolean }
}

/** One account's controls on the admin page: its role, disable/enable, and a password reset link. */
export function UserActions({ user }: Props) {
  const t = useTranslations('admin')
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, idle)
  const [stateState, stateAction, statePending] = useActionState(setDisabledAction, idle)
  const [resetState, resetAction, resetPending] = useActionState(resetPasswordAction, idle)
  const who = user.name ?? user.email
  const message = (state: AdminActionState) =>
    state.status === 'done' || state.status === 'error' ? (
      <p className={state.status === 'error' ? 'error' : 'done'} role={state.status === 'error' ? 'alert' : 'status'}>
        {t(`result.${state.message}`)}
      </p>
    ) : null
  return (
    <div className="user-actions">
      <form action={roleAction} className="user-role-form">
        <input type="hidden" name="userId" value={user.id} />
        <select
          name="role"
          defaultValue={user.role}
          key={user.role}
          aria-label={t('users.roleOf', { name: who })}
          data-testid="role-select"
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
        <button className="button small" type="submit" disabled={rolePending}>
          {t('users.changeRole')}
        </button>
      </form>
      <form action={stateAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabled ? '0' : '1'} />
        <button
          className={`button small${user.disabled ? '' : ' danger'}`}
          type="submit"
          disabled={statePending}
          aria-label={t(user.disabled ? 'users.enableLabel' : 'users.disableLabel', { name: who })}
        >
          {t(user.disabled ? 'users.enable' : 'users.disable')}
        </button>
      </form>
      <form action={resetAction}>
        <input type="hidden" name="userId" value={user.id} />
        <button className="button small" type="submit" disabled={resetPending} aria-label={t('users.resetLabel', { name: who })}>
          {t('users.reset')}
        </button>
      </form>
      <div className="user-action-results">
        {message(roleState)}
        {message(stateState)}
        {message(resetState)}
        {resetState.status === 'link' && (
          <LinkOnce
            link={resetState.link}
            text={t('users.resetMade', { email: resetState.email ?? user.email, date: resetState.until })}
            testId="reset-link"
          />
        )}
      </div>
    </div>
  )
}
