import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { AuthPage, type AuthSearch } from '../AuthPage'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth')
  return { title: t('signUpTitle'), description: t('signUpDescription') }
}

export default function SignUpPage({ searchParams }: { searchParams: AuthSearch }) {
  return <AuthPage mode="signup" searchParams={searchParams} />
}
