import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { AuthForm } from '../AuthForm'
import { signInAction } from '../actions'

export const metadata: Metadata = { title: 'Sign in' }

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const t = await getTranslations('auth')
  const { next } = await searchParams
  return (
    <div className="page narrow">
      <h1>{t('signInTitle')}</h1>
      <AuthForm mode="signin" action={signInAction} redirectTo={next ?? '/courses/kubernetes-basics'} />
      <p className="muted">{t('demoAccounts')}</p>
    </div>
  )
}
