import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { dal } from '@/lib/server/dal'
import { teacherPage } from '@/lib/server/teach/teacher-page'
import { ExerciseSummaryList } from '@/components/teach/insight/ExerciseSummaryList'
import '@/components/teach/teach.css'
import '@/components/teach/insight/insight.css'

type Params = Promise<{ classId: string }>

const exercisesPage = teacherPage((viewer, classId: string) => dal().insight.classExercises(viewer, classId))

export async function generateMetadata({ params }: { params: Params }) {
  const found = await exercisesPage.find((await params).classId)
  const title = (await getTranslations('insight'))('list.title')
  return { title: found ? `${title} · ${found.class.name}` : title }
}

/** The class's exercises, each with its pass rate, attempts, stuck learners and most common mistake. */
export default async function ClassExercisesPage({ params }: { params: Params }) {
  const { classId } = await params
  const { found } = await exercisesPage.open(['teach', classId, 'exercises'], classId)
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
