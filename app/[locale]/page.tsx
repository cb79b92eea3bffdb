import Link from 'next/link'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { loadCourses } from '@/lib/content/load'
import { contentLocale } from '@/i18n/locales'

/** Prerendered per language (ADR 0018): nothing here depends on who is looking. */
export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = contentLocale((await params).locale)
  setRequestLocale(locale)
  const t = await getTranslations('home')
  const courses = loadCourses()
  return (
    <div className="page">
      <section className="hero">
        <h1>{t('title')}</h1>
        <p>{t('lead')}</p>
        {courses.map((course) => (
          <div key={course.id} className="card" style={{ margin: '1.5rem 0' }}>
            <h2 style={{ marginTop: 0 }}>{course.title[locale]}</h2>
            <p className="muted">{course.description[locale]}</p>
            <p className="muted">{t('lessons', { count: course.lessons.length })}</p>
            <Link className="button primary" href={`/courses/${course.id}`}>
              {t('start')}
            </Link>
          </div>
        ))}
      </section>
      <h2>{t('forWhom')}</h2>
      <div className="cards">
        <div className="card">
          <h3>{t('learners')}</h3>
          <p>{t('learnersText')}</p>
          <p>
            <Link href="/join">{t('joinLink')}</Link>
          </p>
        </div>
        <div className="card">
          <h3>{t('teachers')}</h3>
          <p>{t('teachersText')}</p>
          <p>
            <Link href="/teach">{t('teachersLink')}</Link>
          </p>
        </div>
        <div className="card">
          <h3>{t('authors')}</h3>
          <p>{t('authorsText')}</p>
          <p>
            <Link href="/studio">{t('authorsLink')}</Link>
          </p>
        </div>
      </div>
    </div>
  )
}
