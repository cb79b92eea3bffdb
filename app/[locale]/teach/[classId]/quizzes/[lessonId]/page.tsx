import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { dal } from '@/lib/server/dal'
import { teacherPage } from '@/lib/server/teach/teacher-page'
import { QuizItemList } from '@/components/teach/insight/QuizItemList'
import '@/components/teach/teach.css'
import '@/components/teach/insight/insight.css'

type Params = Promise<{ classId: string; lessonId: string }>

const quizPage = teacherPage((viewer, classId: string, lessonId: string) => dal().insight.quizInsight(viewer, classId, lessonId))

export async function generateMetadata({ params }: { params: Params }) {
  const { classId, lessonId } = await params
  const found = await quizPage.find(classId, lessonId)
  const locale = await currentLang()
  const title = (await getTranslations('insight'))('quiz.title')
  return { title: found ? `${found.lesson.number}. ${found.lesson.title[locale]} · ${title} · ${found.class.name}` : title }
}

/** A lesson's quiz for a class: each question's first-try misses and the wrong answer chosen most, most missed first. */
export default async function QuizInsightPage({ params }: { params: Params }) {
  const { classId, lessonId } = await params
  const { found } = await quizPage.open(['teach', classId, 'quizzes', lessonId], classId, lessonId)
  const locale = await currentLang()
  const t = await getTranslations('insight')
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
        {t('quiz.title')} · <Link href={classBase}>{found.class.name}</Link>
      </p>
      <p>{t('quiz.intro')}</p>
      <p data-testid="quiz-learners">{t('quiz.learners', { count: found.insight.learners })}</p>
      {found.insight.learners === 0 ? (
        <p className="muted" data-testid="quiz-no-attempts">
          {t('quiz.noQuestionsYet')}
        </p>
      ) : (
        <QuizItemList questions={found.insight.questions} locale={locale} />
      )}
    </div>
  )
}
