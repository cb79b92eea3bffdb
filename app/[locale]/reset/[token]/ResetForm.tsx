'use client'
import Link from 'next/link'
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { completePasswordResetAction, type ResetPasswordState } from '../actions'

export function ResetForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('admin.reset')
  const [state, action, pending] = useActionState<ResetPasswordState, FormData>(completePasswordResetAction, { status: 'idle' })
  if (state.status === 'done') {
    return (
      <div role="status" data-testid="reset-done">
        <p>{t('done')}</p>
        <Link className="button primary wide" href="/signin">
          {t('signIn')}
        </Link>
      </div>
    )
  }
  const problem = state.status === 'weak' ? t('weak') : state.status === 'invalid' ? t('invalid') : null
  return (
    <form action={action} className="form auth-form">
      <input type="hidden" name="token" value={token} />
      {/* for password managers: which account this password belongs to */}
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <div className="field">
        <label htmlFor="reset-password">{t('password')}</label>
        <input
          id="reset-password"
          type="password"
          name="password"
          required
          minLength={8}
          maxLength={200}
          autoComplete="new-password"
          aria-invalid={state.status === 'weak'}
          aria-describedby="reset-rule"
        />
        <small id="reset-rule" className="field-hint">
          {t('rule')}
        </small>
      </div>
      <div role="alert" className="form-alert">
        {problem && <p className="error">{problem}</p>}
      </div>
      <button className="button primary wide" type="submit" disabled={pending}>
        {pending ? t('saving') : t('submit')}
      </button>
    </form>
  )
}
