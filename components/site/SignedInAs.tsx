'use client'
import { useTranslations } from 'next-intl'
import { useSignedInViewer } from './useViewer'

/** "Signed in as …" on the 403 page, so the learner sees which account lacks the role. */
export function SignedInAs() {
  const t = useTranslations('errors.forbidden')
  const site = useTranslations('site')
  const viewer = useSignedInViewer()
  if (!viewer) return null
  return <p className="muted">{t('signedInAs', { name: viewer.name ?? viewer.email ?? '', role: site(`role.${viewer.role}`) })}</p>
}
