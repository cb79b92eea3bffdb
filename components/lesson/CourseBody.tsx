import type { Localized } from '@/lib/content/schemas'
import { CourseOverview } from './CourseOverview'
import type { Locale } from '@/i18n/locales'

interface CourseLike {
  id: string
  title: Localized
  description: Localized
  lessons: Array<{
    id: string
    number: number
    title: Localized
    summary: Localized
    minutes: number
    exercise: { id: string } | null
    requires?: string[]
  }>
  /** a file course's glossary.yaml terms (a studio course has none) */
  glossary?: readonly unknown[]
}

/** A course's page as learners see it, for a file course (prerendered) and a studio course (per request) alike. */
export function CourseBody({ course, locale }: { course: CourseLike; locale: Locale }) {
  const lessons = course.lessons.map((l) => ({
    id: l.id,
    number: l.number,
    title: l.title[locale],
    summary: l.summary[locale],
    minutes: l.minutes,
    exerciseId: l.exercise?.id ?? null,
    requires: l.requires,
  }))
  return (
    <div className="page">
      <h1>{course.title[locale]}</h1>
      <p className="muted">{course.description[locale]}</p>
      <CourseOverview courseId={course.id} lessons={lessons} glossary={(course.glossary?.length ?? 0) > 0} />
    </div>
  )
}
