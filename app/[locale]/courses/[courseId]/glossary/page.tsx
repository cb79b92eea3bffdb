import { notFound } from 'next/navigation'
import { setRequestLocale } from 'next-intl/server'
import { contentLocale, locales } from '@/i18n/locales'
import { findCourse, loadCourses } from '@/lib/content/load'
import { GlossaryBody } from '@/components/lesson/GlossaryBody'

type Params = Promise<{ locale: string; courseId: string }>

// Prerendered per course and language, like the course page (ADR 0018); a course without glossary.yaml has none.
export const dynamicParams = false

export function generateStaticParams() {
  return locales.flatMap((locale) =>
    loadCourses()
      .filter((course) => course.glossary.length > 0)
      .map((course) => ({ locale, courseId: course.id })),
  )
}

export async function generateMetadata({ params }: { params: Params }) {
  const { locale, courseId } = await params
  const course = findCourse(courseId)
  return { title: course ? `${locale === 'en' ? 'Glossary' : '용어집'} · ${course.title[contentLocale(locale)]}` : undefined }
}

export default async function GlossaryPage({ params }: { params: Params }) {
  const { locale: segment, courseId } = await params
  const locale = contentLocale(segment)
  setRequestLocale(locale)
  const course = findCourse(courseId)
  if (!course || course.glossary.length === 0) notFound()
  return <GlossaryBody course={course} locale={locale} />
}
