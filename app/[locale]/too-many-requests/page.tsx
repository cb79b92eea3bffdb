import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { retryAfterParam, retryAfterSeconds } from '@/lib/server/http/too-many-requests'

export async function generateMetadata() {
  const t = await getTranslations('errors.tooManyRequests')
  return { title: t('title'), robots: { index: false } }
}

/**
 * What a person sees when a rate limit stops a page request: proxy.ts serves it with status 429 and Retry-After
 * (tooManyRequests() in lib/server/http/too-many-requests.ts), keeping the address they asked for, so
 * "Try again" reloads that page.
 */
export default async function TooManyRequests({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('errors.tooManyRequests')
  const seconds = retryAfterSeconds((await searchParams)[retryAfterParam])
  return (
    <div className="page narrow" data-testid="too-many-requests-page">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p>{t('wait', { seconds })}</p>
      <p>
        {/* the address bar still holds the page that was refused: reloading it is the retry */}
        <a className="button primary" href="">
          {t('retry')}
        </a>{' '}
        <Link className="button" href="/courses/kubernetes-basics">
          {t('home')}
        </Link>
      </p>
    </div>
  )
}
