'use client'
import Link from 'next/link'
import { useActionState, useEffect, useRef } from 'react'
import { useTranslations } from 'next-intl'
import type { AuthFormState } from './actions'
import { authHref } from '@/lib/text/safe-redirect'

type Field = 'email' | 'password' | 'name'

interface Props {
  mode: 'signin' | 'signup'
  action: (state: AuthFormState, form: FormData) => Promise<AuthFormState>
  /** a same-site path, already checked by the page; checked again by the action */
  redirectTo: string
}

const fieldMessage = { email: 'fieldEmail', password: 'fieldPassword', name: 'fieldName' } as const

/** A wait in the unit a person would say: seconds up to 90, then minutes, then hours (rounded up). */
function waitIn(seconds: number): { unit: 'seconds' | 'minutes' | 'hours'; count: number } {
  if (seconds <= 90) return { unit: 'seconds', count: seconds }
  if (seconds <= 90 * 60) return { unit: 'minutes', count: Math.ceil(seconds / 60) }
  return { unit: 'hours', count: Math.ceil(seconds / 3600) }
}

export function AuthForm({ mode, action, redirectTo }: Props) {
  const t = useTranslations('auth')
  const tl = useTranslations('limits')
  const [state, formAction, pending] = useActionState(action, { error: null })
  const form = useRef<HTMLFormElement>(null)
  const invalid = (field: Field) => Boolean(state.fields?.[field])
  const signup = mode === 'signup'

  // After a refused attempt, the first field to fix takes the focus (the message is announced as an alert).
  useEffect(() => {
    if (!state.error) return
    const first = form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')
    first?.focus()
  }, [state])

  const describedBy = (field: Field, ...more: (string | false)[]) => {
    const ids = [invalid(field) && `${field}-error`, ...more].filter(Boolean)
    return ids.length > 0 ? ids.join(' ') : undefined
  }
  const fieldError = (field: Field) =>
    invalid(field) && state.error === 'invalidInput' ? (
      <span className="field-error" id={`${field}-error`}>
        {t(fieldMessage[field])}
      </span>
    ) : null

  return (
    <form ref={form} className="form auth-form" action={formAction} data-testid={`${mode}-form`}>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {signup && (
        <div className="field">
          <div className="field-label">
            <label htmlFor="auth-name">{t('name')}</label>
            <span className="field-optional" id="name-optional">
              ({t('optional')})
            </span>
          </div>
          <input
            id="auth-name"
            type="text"
            name="name"
            autoComplete="name"
            maxLength={80}
            defaultValue={state.name}
            aria-invalid={invalid('name')}
            aria-describedby={describedBy('name', 'name-optional')}
          />
          {fieldError('name')}
        </div>
      )}
      <div className="field">
        <label htmlFor="auth-email">{t('email')}</label>
        <input
          id="auth-email"
          type="email"
          name="email"
          required
          autoComplete={signup ? 'email' : 'username'}
          inputMode="email"
          spellCheck={false}
          defaultValue={state.email}
          aria-invalid={invalid('email')}
          aria-describedby={describedBy('email', state.error === 'emailTaken' && 'auth-error')}
        />
        {fieldError('email')}
      </div>
      <div className="field">
        <label htmlFor="auth-password">{t('password')}</label>
        <input
          id="auth-password"
          type="password"
          name="password"
          required
          minLength={signup ? 8 : 1}
          autoComplete={signup ? 'new-password' : 'current-password'}
          aria-invalid={invalid('password')}
          aria-describedby={describedBy('password', signup && 'password-rule')}
        />
        {signup && (
          <small id="password-rule" className="field-hint">
            {t('passwordRule')}
          </small>
        )}
        {fieldError('password')}
      </div>
      <div role="alert" className="form-alert">
        {state.error && (
          <p className="error" id="auth-error">
            {state.error === 'signInThrottled' || state.error === 'signUpThrottled'
              ? tl(state.error === 'signInThrottled' ? 'signIn' : 'signUp', {
                  wait: tl(`wait.${waitIn(state.retryAfter ?? 60).unit}`, { count: waitIn(state.retryAfter ?? 60).count }),
                })
              : t(state.error)}
          </p>
        )}
      </div>
      <button className="button primary wide" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? t(signup ? 'signingUp' : 'signingIn') : t(signup ? 'signUp' : 'signIn')}
      </button>
      <p className="auth-switch">
        {signup ? t('haveAccount') : t('noAccount')}{' '}
        <Link href={authHref(signup ? '/signin' : '/signup', redirectTo)} data-testid="auth-switch">
          {signup ? t('signIn') : t('signUp')}
        </Link>
      </p>
    </form>
  )
}
