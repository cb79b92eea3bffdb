import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { dal } from '@/lib/server/dal'
import { teacherPage } from '@/lib/server/teach/teacher-page'
import { InsightStats } from '@/components/teach/insight/InsightStats'
import { MistakeGroupCard } from '@/components/teach/insight/MistakeGroupCard'
import { commentAction } from '../../../comment-actions'
import '@/components/teach/teach.css'
import '@/components/teach/insight/insight.css'

type Params = Promise<{ classId: string; exerciseId: string }>

const insightPage = teacherPage((viewer, classId: string, exerciseId: string) => dal().insight.exerciseInsight(viewer, classId, exerciseId))

export async function generateMetadata({ params }: { params: Params }) {
  const { classId, exerciseId } = await params
  const found = await insightPage.find(classId, exerciseId)
  const locale = await currentLang()
  const heading = (await getTranslations('insight'))('exercise.heading')
  return { title: found ? `${found.lesson.number}. ${found.lesson.title[locale]} · ${heading} · ${found.class.name}` : heading }
}

/** One exercise of a class: the numbers, then the mistakes learners share, each with who made it and an example. */
export default async function ExerciseInsightPage({ params }: { params: Params }) {
  const { classId, exerciseId } = await params
  const { found } = await insightPage.open(['teach', classId, 'exercises', exerciseId], classId, exerciseId)
  const locale = await currentLang()
  const t = await getTranslations('insight')
  const { insight } = found
  const classBase = `/teach/${encodeURIComponent(found.class.id)}`
  return (
    <div className="page insight-page">
      <p>
        <Link href={`${classBase}/exercises`}>← {t('list.exercises')}</Link>
      </p>
      <h1>
        {found.lesson.number}. {found.lesson.title[locale]}
      </h1>
      <p className="muted">
        {t('exercise.heading')} · <Link href={classBase}>{found.class.name}</Link> · <code>{found.exercise.id}</code>
      </p>
      <InsightStats insight={insight} />

      <section aria-labelledby="mistakes-heading">
        <h2 id="mistakes-heading">{t('exercise.mistakesHeading')}</h2>
        {insight.tried === 0 ? (
          <p className="muted" data-testid="insight-no-submissions">
            {t('exercise.noSubmissions')}
          </p>
        ) : insight.groups.length === 0 ? (
          <p className="notice" data-testid="insight-no-mistakes">
            {t('exercise.noMistakes')}
          </p>
        ) : (
          <>
            <p className="muted">{t('exercise.mistakesHelp')}</p>
            <ol className="mistake-groups" data-testid="mistake-groups">
              {insight.groups.map((group, i) => (
                <li key={group.key}>
                  <MistakeGroupCard
                    group={group}
                    index={i}
                    classId={found.class.id}
                    lessonId={found.lesson.id}
                    exerciseId={found.exercise.id}
                    locale={locale}
                    commentAction={commentAction}
                  />
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  )
}
