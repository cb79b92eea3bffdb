import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { AuthForm } from '../AuthForm'
import { signUpAction } from '../actions'

export const metadata: Metadata = { title: 'Sign up' }

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const t = await getTranslations('auth')
  const { next } = await searchParams
  return (
    <div className="page narrow">
      <h1>{t('signUpTitle')}</h1>
      <AuthForm mode="signup" action={signUpAction} redirectTo={next ?? '/courses/kubernetes-basics'} />
    </div>
  )
}
