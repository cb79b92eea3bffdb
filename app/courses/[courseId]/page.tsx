import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { findCourse } from '@/lib/content/load'
import { dal } from '@/lib/server/dal'
import { currentViewer } from '@/lib/server/viewer'

export async function generateMetadata({ params }: { params: Promise<{ courseId: string }> }) {
  const course = findCourse((await params).courseId)
  const locale = (await getLocale()) === 'en' ? 'en' : 'ko'
  return { title: course?.title[locale] }
}

export default async function CoursePage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params
  const course = findCourse(courseId)
  if (!course) notFound()
  const t = await getTranslations('course')
  const locale = (await getLocale()) === 'en' ? 'en' : 'ko'
  const viewer = await currentViewer()
  const progress = viewer ? await dal().progress.courseProgress(viewer, course.id) : []
  const status = new Map(progress.map((p) => [p.lessonId, p.status]))
  const done = progress.filter((p) => p.status === 'completed').length
  const percent = Math.round((done / course.lessons.length) * 100)
  return (
    <div className="page">
      <h1>{course.title[locale]}</h1>
      <p className="muted">{course.description[locale]}</p>
      {viewer ? (
        <div>
          <p id="course-progress-label">{t('progress', { done, total: course.lessons.length })}</p>
          <div className="progress-bar" role="progressbar" aria-labelledby="course-progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <span style={{ width: `${percent}%` }} />
          </div>
        </div>
      ) : (
        <p className="notice">{t('signInToSave')}</p>
      )}
      <h2>{t('lessons')}</h2>
      <ol className="lesson-list">
        {course.lessons.map((lesson) => {
          const s = status.get(lesson.id)
          return (
            <li key={lesson.id}>
              <Link href={`/courses/${course.id}/${lesson.id}`} data-testid={`lesson-link-${lesson.id}`}>
                <span className="lesson-number">{lesson.number}</span>
                <span>
                  <strong>{lesson.title[locale]}</strong>
                  <br />
                  <span className="muted">{lesson.summary[locale]}</span>
                </span>
                <span className="status-dot" data-status={s ?? 'none'} data-testid={`lesson-status-${lesson.id}`}>
                  {s === 'completed' ? `✓ ${t('completed')}` : s === 'started' ? t('started') : t('minutes', { minutes: lesson.minutes })}
                </span>
              </Link>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
