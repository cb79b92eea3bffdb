import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { dal } from '@/lib/server/dal'
import { formatDateTime } from '@/lib/text/dates'
import { ResetForm } from './ResetForm'

type Params = Promise<{ token: string }>

// The token is in the address: never sent on to another site, never indexed.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.reset')
  return { title: t('title'), referrer: 'no-referrer', robots: { index: false, follow: false } }
}

/** A password reset link made by an administrator: the account's owner sets a new password, once. */
export default async function ResetPasswordPage({ params }: { params: Params }) {
  const { token } = await params
  const t = await getTranslations('admin.reset')
  const locale = await currentLang()
  const found = await dal().passwordResets.describe(token)
  if (found.status !== 'valid') {
    return (
      <div className="page narrow">
        <h1>{t('invalidTitle')}</h1>
        <p data-testid="reset-invalid">{t('invalid')}</p>
      </div>
    )
  }
  return (
    <div className="page auth-page">
      <section className="auth-card" aria-labelledby="reset-title">
        <h1 id="reset-title">{t('title')}</h1>
        <p className="auth-lead">{t('lead', { email: found.email, date: formatDateTime(found.expiresAt, locale) })}</p>
        <ResetForm token={token} email={found.email} />
      </section>
    </div>
  )
}
