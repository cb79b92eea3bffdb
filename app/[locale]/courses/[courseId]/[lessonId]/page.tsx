import { join } from 'node:path'
import { notFound } from 'next/navigation'
import { setRequestLocale } from 'next-intl/server'
import { contentLocale, locales } from '@/i18n/locales'
import { findCourse, loadCourses } from '@/lib/content/load'
import { compileMdxFile } from '@/lib/content/mdx'
import { LessonBody } from '@/components/lesson/LessonBody'

type Params = Promise<{ locale: string; courseId: string; lessonId: string }>

// Every file lesson in both languages is prerendered at build time (ADR 0018); an address no file lesson has is a
// 404 here. proxy.ts sends a studio lesson's address to app/[locale]/studio-lesson/ instead (ADR 0020).
export const dynamicParams = false

export function generateStaticParams() {
  return locales.flatMap((locale) =>
    loadCourses().flatMap((course) => course.lessons.map((lesson) => ({ locale, courseId: course.id, lessonId: lesson.id }))),
  )
}

export async function generateMetadata({ params }: { params: Params }) {
  const { locale, courseId, lessonId } = await params
  const lesson = findCourse(courseId)?.lessons.find((l) => l.id === lessonId)
  return { title: lesson?.title[contentLocale(locale)] }
}

/**
 * A file lesson, the same for everyone; the learner's part, and studio lessons published since the build, are
 * asked for in the browser (LessonBody).
 */
export default async function LessonPage({ params }: { params: Params }) {
  const { locale: segment, courseId, lessonId } = await params
  const locale = contentLocale(segment)
  setRequestLocale(locale)
  const course = findCourse(courseId)
  const index = course?.lessons.findIndex((l) => l.id === lessonId) ?? -1
  if (!course || index < 0) notFound()
  const code = await compileMdxFile(join(course.lessons[index]!.dir, `${locale}.mdx`))
  return <LessonBody course={course} lessons={course.lessons} index={index} code={code} locale={locale} />
}
