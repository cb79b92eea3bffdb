import 'server-only'
import type { ReactNode } from 'react'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import type { Viewer } from '@/lib/server/dal'
import { hasRole } from '@/lib/server/auth/roles'
import { currentViewer } from '@/lib/server/viewer'

/**
 * The studio's pages are for authors and admins: a visitor is sent to sign in (and back to `path`), anyone else
 * gets a page that says whom the studio is for. The data-access layer checks again on every read and write.
 */
export async function studioViewer(path: string): Promise<{ viewer: Viewer; refusal: null } | { viewer: null; refusal: ReactNode }> {
  const viewer = await currentViewer()
  if (!viewer) redirect(`/signin?next=${encodeURIComponent(path)}`)
  if (hasRole(viewer, ['author'])) return { viewer, refusal: null }
  const t = await getTranslations('studio')
  return {
    viewer: null,
    refusal: (
      <div className="page narrow">
        <h1>{t('title')}</h1>
        <p data-testid="not-author">{t('notAuthor')}</p>
      </div>
    ),
  }
}
