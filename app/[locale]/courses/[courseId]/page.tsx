import { notFound } from 'next/navigation'
import { setRequestLocale } from 'next-intl/server'
import { contentLocale, locales } from '@/i18n/locales'
import { findCourse, loadCourses } from '@/lib/content/load'
import { CourseBody } from '@/components/lesson/CourseBody'

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
  return <CourseBody course={course} locale={locale} />
}
