'use client'
import Link from 'next/link'
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import type { AuthFormState } from './actions'

interface Props {
  mode: 'signin' | 'signup'
  action: (state: AuthFormState, form: FormData) => Promise<AuthFormState>
  redirectTo: string
}

export function AuthForm({ mode, action, redirectTo }: Props) {
  const t = useTranslations('auth')
  const [state, formAction, pending] = useActionState(action, { error: null })
  const invalid = (field: 'email' | 'password' | 'name') => Boolean(state.fields?.[field])
  return (
    <form className="form" action={formAction} noValidate={false}>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {mode === 'signup' && (
        <label>
          {t('name')}
          <input type="text" name="name" autoComplete="name" maxLength={80} aria-invalid={invalid('name')} />
        </label>
      )}
      <label>
        {t('email')}
        <input type="email" name="email" required autoComplete="email" defaultValue={state.email} aria-invalid={invalid('email')} />
      </label>
      <label>
        {t('password')}
        <input type="password" name="password" required minLength={mode === 'signup' ? 8 : 1} autoComplete={mode === 'signup' ? 'new-password' : 'current-password'} aria-invalid={invalid('password')} aria-describedby={mode === 'signup' ? 'password-rule' : undefined} />
        {mode === 'signup' && <small id="password-rule">{t('passwordRule')}</small>}
      </label>
      {state.error && (
        <p className="error" role="alert">
          {t(state.error)}
        </p>
      )}
      <button className="button primary" type="submit" disabled={pending}>
        {mode === 'signin' ? t('signIn') : t('signUp')}
      </button>
      <p className="muted">
        {mode === 'signin' ? (
          <>
            {t('noAccount')} <Link href={`/signup?next=${encodeURIComponent(redirectTo)}`}>{t('signUp')}</Link>
          </>
        ) : (
          <>
            {t('haveAccount')} <Link href={`/signin?next=${encodeURIComponent(redirectTo)}`}>{t('signIn')}</Link>
          </>
        )}
      </p>
    </form>
  )
}
