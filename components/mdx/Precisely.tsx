import type { ReactNode } from 'react'
import { getTranslations } from 'next-intl/server'

/** The visible "정확히는 / Precisely" note: what Kubernetes really does where the source document simplifies. */
export async function Precisely({ children }: { children: ReactNode }) {
  const t = await getTranslations('lesson')
  return (
    <div className="precisely" role="note" aria-label={t('precisely')}>
      <strong className="precisely-label">{t('precisely')}</strong>
      {children}
    </div>
  )
}
