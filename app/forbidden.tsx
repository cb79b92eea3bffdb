import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { currentSession } from '@/lib/server/session'

export async function generateMetadata() {
  const t = await getTranslations('errors.forbidden')
  return { title: t('title') }
}

/** Rendered with status 403 where a page calls forbidden(): signed in, but not in a role that may see it. */
export default async function Forbidden() {
  const t = await getTranslations('errors.forbidden')
  const site = await getTranslations('site')
  const session = await currentSession()
  return (
    <div className="page narrow" data-testid="forbidden-page">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      {session && <p className="muted">{t('signedInAs', { name: session.name ?? session.email ?? '', role: site(`role.${session.role}`) })}</p>}
      <p>
        <Link className="button primary" href="/courses/kubernetes-basics">
          {t('home')}
        </Link>{' '}
        <Link className="button" href="/signin">
          {t('otherAccount')}
        </Link>
      </p>
    </div>
  )
}
