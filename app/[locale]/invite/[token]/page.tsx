import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { dal } from '@/lib/server/dal'
import { currentSession } from '@/lib/server/session'
import { formatDateTime } from '@/lib/text/dates'
import { AcceptInvitation } from './AcceptInvitation'

type Params = Promise<{ token: string }>

// The token is in the address: never sent on to another site, never indexed.
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('admin')
  const found = await dal().invitations.describe((await params).token)
  return {
    title: found.status === 'valid' ? t('invite.title', { role: t(`roles.${found.role}`) }) : t('invite.invalidTitle'),
    referrer: 'no-referrer',
    robots: { index: false, follow: false },
  }
}

/** A role invitation: what it gives, then sign in or up (and come back here), then accept. */
export default async function InvitationPage({ params }: { params: Params }) {
  const { token } = await params
  const t = await getTranslations('admin')
  const locale = await currentLang()
  const found = await dal().invitations.describe(token)
  if (found.status !== 'valid') {
    return (
      <div className="page narrow">
        <h1>{t('invite.invalidTitle')}</h1>
        <p data-testid="invitation-invalid">{t('invite.invalid')}</p>
      </div>
    )
  }
  const role = t(`roles.${found.role}`)
  const session = await currentSession()
  const next = encodeURIComponent(`/invite/${token}`)
  return (
    <div className="page auth-page">
      <section className="auth-card" aria-labelledby="invite-title" data-testid="invitation">
        <h1 id="invite-title">{t('invite.title', { role })}</h1>
        <p className="auth-lead">{t('invite.lead', { role, date: formatDateTime(found.expiresAt, locale) })}</p>
        {!session ? (
          <>
            <p>{t('invite.signInFirst')}</p>
            <p className="button-row">
              <Link className="button primary" href={`/signin?next=${next}`}>
                {t('invite.signIn')}
              </Link>
              <Link className="button" href={`/signup?next=${next}`}>
                {t('invite.signUp')}
              </Link>
            </p>
          </>
        ) : (
          <>
            <p>{t('invite.signedInAs', { email: session.email ?? '', role: t(`roles.${session.role}`) })}</p>
            {session.role === found.role ? (
              <p className="notice">{t('invite.already', { role })}</p>
            ) : session.role === 'admin' ? (
              <p className="notice">{t('invite.admin')}</p>
            ) : (
              <>
                <p>{t('invite.willChange', { from: t(`roles.${session.role}`), to: role })}</p>
                <AcceptInvitation token={token} role={role} />
              </>
            )}
          </>
        )}
      </section>
    </div>
  )
}
