import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { setRequestLocale } from 'next-intl/server'
import { contentLocale } from '@/i18n/locales'
import { LessonBody } from '@/components/lesson/LessonBody'
import { findCatalogLesson } from '@/lib/server/course-catalog'
import { lessonPageCode } from '@/lib/server/lesson-page-code'

type Params = Promise<{ locale: string; courseId: string; lessonId: string }>

export async function generateMetadata({ params }: { params: Params }) {
  const { locale, courseId, lessonId } = await params
  const found = await findCatalogLesson(courseId, lessonId)
  return { title: found?.lesson.title[contentLocale(locale)] }
}

/**
 * A published studio lesson (ADR 0020) at its learners' address, `/courses/<course>/<lesson>`: proxy.ts rewrites
 * there to this route when the address names no file lesson, and answers this route's own address with a 404.
 * Rendered per request (a nonce, like every page not prerendered: ADR 0018), with the same body as a file lesson;
 * an unpublished or unknown lesson is a 404.
 */
export default async function StudioLessonPage({ params }: { params: Params }) {
  await connection()
  const { locale: segment, courseId, lessonId } = await params
  const locale = contentLocale(segment)
  setRequestLocale(locale)
  const found = await findCatalogLesson(courseId, lessonId)
  if (!found || found.lesson.source.kind !== 'studio') notFound()
  const { course, lesson, index } = found
  const code = await lessonPageCode(course.id, lesson, locale)
  return <LessonBody course={course} lessons={course.lessons} index={index} code={code} locale={locale} />
}
