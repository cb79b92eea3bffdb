import Link from 'next/link'
import { forbidden, notFound, redirect } from 'next/navigation'
import { cache } from 'react'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { dal } from '@/lib/server/dal'
import { hasRole } from '@/lib/server/auth/roles'
import { currentViewer } from '@/lib/server/viewer'
import { ExerciseSummaryList } from '@/components/teach/insight/ExerciseSummaryList'
import '@/components/teach/teach.css'
import '@/components/teach/insight/insight.css'

type Params = Promise<{ classId: string }>

// one read per request for the title and the page
const load = cache(async (classId: string) => {
  const viewer = await currentViewer()
  return hasRole(viewer, ['teacher']) ? dal().insight.classExercises(viewer, classId) : null
})

export async function generateMetadata({ params }: { params: Params }) {
  const found = await load((await params).classId)
  const title = (await getTranslations('insight'))('list.title')
  return { title: found ? `${title} · ${found.class.name}` : title }
}

/** The class's exercises, each with its pass rate, attempts, stuck learners and most common mistake. */
export default async function ClassExercisesPage({ params }: { params: Params }) {
  const { classId } = await params
  const viewer = await currentViewer()
  if (!viewer) redirect(`/signin?next=/teach/${encodeURIComponent(classId)}/exercises`)
  if (!hasRole(viewer, ['teacher'])) forbidden()
  const found = await load(classId)
  if (!found) notFound()
  const locale = await currentLang()
  const t = await getTranslations('insight')
  return (
    <div className="page insight-page">
      <p>
        <Link href={`/teach/${encodeURIComponent(found.class.id)}`}>← {found.class.name}</Link>
      </p>
      <h1>{t('list.title')}</h1>
      {found.class.courseTitle && <p className="muted">{found.class.courseTitle[locale]}</p>}
      <p>{t('list.intro')}</p>
      {found.learnerCount === 0 && (
        <p className="notice" data-testid="insight-no-learners">
          {t('list.noLearners')}
        </p>
      )}
      {found.rows.length === 0 ? (
        <p className="muted" data-testid="insight-no-exercises">
          {t('list.noExercises')}
        </p>
      ) : (
        <ExerciseSummaryList classId={found.class.id} rows={found.rows} locale={locale} />
      )}
    </div>
  )
}
