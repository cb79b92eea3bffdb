import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { findCourse } from '@/lib/content/load'
import { dal } from '@/lib/server/dal'
import { currentViewer } from '@/lib/server/viewer'
import { CourseLessons, VisitorCourseProgress } from '@/components/lesson/CourseLessons'

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
  // Resume where the learner left off: the lesson they touched last unless it is done, then the first one not done.
  const lastTouched = progress[0]
  const resume =
    (lastTouched && lastTouched.status !== 'completed' ? course.lessons.find((l) => l.id === lastTouched.lessonId) : undefined) ??
    course.lessons.find((l) => status.get(l.id) !== 'completed') ??
    course.lessons[0]!
  const lessons = course.lessons.map((l) => ({
    id: l.id,
    number: l.number,
    title: l.title[locale],
    summary: l.summary[locale],
    minutes: l.minutes,
    status: status.get(l.id) ?? null,
    exerciseId: l.exercise?.id ?? null,
  }))
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
        <>
          <VisitorCourseProgress courseId={course.id} lessons={lessons} />
          <p className="notice">{t('signInToSave')}</p>
        </>
      )}
      <p style={{ marginTop: '1rem' }}>
        <Link className="button primary" href={`/courses/${course.id}/${resume.id}`} data-testid="resume">
          {progress.length > 0 ? t('continue', { title: resume.title[locale] }) : t('start')}
        </Link>
      </p>
      <h2>{t('lessons')}</h2>
      <CourseLessons courseId={course.id} lessons={lessons} signedIn={viewer !== null} />
    </div>
  )
}
