import type { ReactNode } from 'react'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { currentSession } from '@/lib/server/session'
import { AuthForm } from './AuthForm'
import { signInAction, signUpAction } from './actions'
import { safeRedirect, sameSitePath } from '@/lib/text/safe-redirect'

export type AuthSearch = Promise<{ next?: string | string[] }>

/** The sign-in and sign-up pages: one card, the same return path through errors and the switch between them. */
export async function AuthPage({ mode, searchParams, aside }: { mode: 'signin' | 'signup'; searchParams: AuthSearch; aside?: ReactNode }) {
  const t = await getTranslations('auth')
  const raw = (await searchParams).next
  const next = sameSitePath(Array.isArray(raw) ? raw[0] : raw)
  const redirectTo = safeRedirect(next)
  // someone already signed in (a second tab, the back button) goes where the form would have sent them
  if (await currentSession()) redirect(redirectTo)
  const signup = mode === 'signup'
  return (
    <div className="page auth-page">
      <section className="auth-card" aria-labelledby="auth-title">
        <h1 id="auth-title">{signup ? t('signUpTitle') : t('signInTitle')}</h1>
        <p className="auth-lead">{signup ? t('signUpLead') : t('signInLead')}</p>
        {next && (
          <p className="auth-return" data-testid="auth-return">
            {t('returnsTo')}
          </p>
        )}
        <AuthForm mode={mode} action={signup ? signUpAction : signInAction} redirectTo={redirectTo} />
      </section>
      {aside}
    </div>
  )
}
