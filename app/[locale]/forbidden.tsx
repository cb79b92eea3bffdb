import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { SignedInAs } from '@/components/site/SignedInAs'

export async function generateMetadata() {
  const t = await getTranslations('errors.forbidden')
  return { title: t('title') }
}

/**
 * Rendered with status 403 where a page calls forbidden(): signed in, but not in a role that may see it. Next.js
 * renders this boundary with every page under the layout, prerendered ones too, so it reads no session itself.
 */
export default async function Forbidden() {
  const t = await getTranslations('errors.forbidden')
  return (
    <div className="page narrow" data-testid="forbidden-page">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <SignedInAs />
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
