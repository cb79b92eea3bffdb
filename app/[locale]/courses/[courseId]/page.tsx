import { notFound } from 'next/navigation'
import { setRequestLocale } from 'next-intl/server'
import { contentLocale, locales } from '@/i18n/locales'
import { findCourse, loadCourses } from '@/lib/content/load'
import { CourseOverview } from '@/components/lesson/CourseOverview'

type Params = Promise<{ locale: string; courseId: string }>

// Prerendered per course and language (ADR 0018); the learner's progress is asked for in the browser.
export const dynamicParams = false

export function generateStaticParams() {
  return locales.flatMap((locale) => loadCourses().map((course) => ({ locale, courseId: course.id })))
}

export async function generateMetadata({ params }: { params: Params }) {
  const { locale, courseId } = await params
  return { title: findCourse(courseId)?.title[contentLocale(locale)] }
}

export default async function CoursePage({ params }: { params: Params }) {
  const { locale: segment, courseId } = await params
  const locale = contentLocale(segment)
  setRequestLocale(locale)
  const course = findCourse(courseId)
  if (!course) notFound()
  const lessons = course.lessons.map((l) => ({
    id: l.id,
    number: l.number,
    title: l.title[locale],
    summary: l.summary[locale],
    minutes: l.minutes,
    exerciseId: l.exercise?.id ?? null,
  }))
  return (
    <div className="page">
      <h1>{course.title[locale]}</h1>
      <p className="muted">{course.description[locale]}</p>
      <CourseOverview courseId={course.id} lessons={lessons} />
    </div>
  )
}
