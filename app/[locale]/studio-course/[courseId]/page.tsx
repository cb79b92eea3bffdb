import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { setRequestLocale } from 'next-intl/server'
import { contentLocale } from '@/i18n/locales'
import { CourseBody } from '@/components/lesson/CourseBody'
import { findCatalogCourse } from '@/lib/server/course-catalog'

type Params = Promise<{ locale: string; courseId: string }>

/** A studio course as learners see it: in the catalog once it has a published lesson. */
async function listedStudioCourse(courseId: string) {
  const course = await findCatalogCourse(courseId)
  return course?.kind === 'studio' ? course : undefined
}

export async function generateMetadata({ params }: { params: Params }) {
  const { locale, courseId } = await params
  return { title: (await listedStudioCourse(courseId))?.title[contentLocale(locale)] }
}

/**
 * A course written in the studio (ADR 0020) at its learners' address, `/courses/<course>`: proxy.ts rewrites there
 * when the address names no file course, and answers this route's own address with a 404. Rendered per request (a
 * nonce, like every page not prerendered: ADR 0018), with the same overview as a file course; an unknown course, or
 * one with no published lesson, is a 404.
 */
export default async function StudioCoursePage({ params }: { params: Params }) {
  await connection()
  const { locale: segment, courseId } = await params
  const locale = contentLocale(segment)
  setRequestLocale(locale)
  const course = await listedStudioCourse(courseId)
  if (!course) notFound()
  return <CourseBody course={course} locale={locale} />
}
