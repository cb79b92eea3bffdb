'use client'
import Link from 'next/link'
import { useEffect } from 'react'
import { useTranslations } from 'next-intl'

/**
 * A page that failed to render (a server error, or a client component that threw), inside the site's layout.
 * Server errors arrive without their message (Next.js keeps it on the server); the digest matches the log line.
 */
export default function ErrorPage({ error, retry, reset }: { error: unknown; retry?: () => void; reset?: () => void }) {
  const t = useTranslations('errors.error')
  const digest = typeof error === 'object' && error !== null && 'digest' in error && typeof error.digest === 'string' ? error.digest : null
  useEffect(() => {
    console.error(error)
  }, [error])
  return (
    <div className="page narrow" data-testid="error-page">
      <title>{`${t('title')} · Kubelab`}</title>
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      {digest && <p className="muted">{t('reference', { digest })}</p>}
      <p className="actions">
        <button type="button" className="button primary" onClick={() => (retry ?? reset)?.()}>
          {t('retry')}
        </button>{' '}
        <Link className="button" href="/courses/kubernetes-basics">
          {t('home')}
        </Link>
      </p>
    </div>
  )
}
