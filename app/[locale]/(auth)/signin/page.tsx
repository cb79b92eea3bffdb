import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { demoAccounts, demoPassword } from '@/prisma/seed'
import { AuthPage, type AuthSearch } from '../AuthPage'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth')
  return { title: t('signInTitle'), description: t('signInDescription') }
}

export default async function SignInPage({ searchParams }: { searchParams: AuthSearch }) {
  const t = await getTranslations('auth')
  const roles = await getTranslations('site.role')
  const demo = (
    <aside className="auth-demo" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('demoTitle')}</h2>
      <ul>
        {demoAccounts.map((account) => (
          <li key={account.email}>{t('demoRole', { role: roles(account.role), email: account.email })}</li>
        ))}
      </ul>
      <p>{t.rich('demoPassword', { password: demoPassword, code: (chunks) => <code>{chunks}</code> })}</p>
    </aside>
  )
  return <AuthPage mode="signin" searchParams={searchParams} aside={demo} />
}
