import { join } from 'node:path'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { contentLocale, locales } from '@/i18n/locales'
import { findCourse, loadCourses } from '@/lib/content/load'
import { compileMdxFile } from '@/lib/content/mdx'
import { LessonMdx } from '@/components/mdx/LessonMdx'
import { SplitPane } from '@/components/lesson/SplitPane'
import { LessonCompleted, LessonCourseMap, LessonViewerProvider, LessonWorkspace } from '@/components/lesson/LessonViewer'
import { publicChecklist } from '@/lib/grading/checklist'

type Params = Promise<{ locale: string; courseId: string; lessonId: string }>

// Every lesson in both languages is prerendered at build time (ADR 0018); an address no lesson has is a 404.
export const dynamicParams = false

export function generateStaticParams() {
  return locales.flatMap((locale) => loadCourses().flatMap((course) => course.lessons.map((lesson) => ({ locale, courseId: course.id, lessonId: lesson.id }))))
}

export async function generateMetadata({ params }: { params: Params }) {
  const { locale, courseId, lessonId } = await params
  const lesson = findCourse(courseId)?.lessons.find((l) => l.id === lessonId)
  return { title: lesson?.title[contentLocale(locale)] }
}

/**
 * A lesson: the text (MDX, diagrams, quiz questions without their keys) and the exercise's workspace. The page is
 * the same for everyone; the learner's part (progress, draft, attempts, last pass) is asked for in the browser
 * (LessonViewerProvider), which keeps the page prerenderable.
 */
export default async function LessonPage({ params }: { params: Params }) {
  const { locale: segment, courseId, lessonId } = await params
  const locale = contentLocale(segment)
  setRequestLocale(locale)
  const course = findCourse(courseId)
  const index = course?.lessons.findIndex((l) => l.id === lessonId) ?? -1
  if (!course || index < 0) notFound()
  const lesson = course.lessons[index]!
  const t = await getTranslations('lesson')
  const tw = await getTranslations('workspace')
  const code = await compileMdxFile(join(lesson.dir, `${locale}.mdx`))
  const previous = course.lessons[index - 1]
  const next = course.lessons[index + 1]
  const exercise = lesson.exercise
  const mapLessons = course.lessons.map((l) => ({ id: l.id, number: l.number, title: l.title[locale], status: null, exerciseId: l.exercise?.id ?? null }))
  const text = (
    <article className="lesson-text" aria-labelledby="lesson-title">
      <LessonCourseMap courseId={course.id} lessons={mapLessons} currentId={lesson.id} />
      <p className="muted">
        <Link href={`/courses/${course.id}`}>{course.title[locale]}</Link> · {t('lessonNumber', { number: lesson.number })}
        <LessonCompleted lessonId={lesson.id} label={t('done')} />
      </p>
      <h1 id="lesson-title">{lesson.title[locale]}</h1>
      <LessonMdx code={code} lesson={lesson} courseDir={course.dir} />
      <nav className="lesson-nav" aria-label={t('lessonNav')}>
        {previous ? <Link href={`/courses/${course.id}/${previous.id}`}>← {t('previous')}: {previous.title[locale]}</Link> : <span />}
        {next && <Link href={`/courses/${course.id}/${next.id}`}>{t('next')}: {next.title[locale]} →</Link>}
      </nav>
    </article>
  )
  const workspace = exercise ? (
    <LessonWorkspace
      label={tw('label')}
      exercise={{
        id: exercise.id,
        courseId: course.id,
        lessonId: lesson.id,
        kind: exercise.kind,
        title: exercise.title[locale],
        instructions: exercise.instructions[locale],
        starter: exercise.starter,
        hints: exercise.hints.map((h) => h[locale]),
        cluster: exercise.cluster,
        setup: exercise.setup,
        checklist: publicChecklist(exercise, locale),
        quizId: lesson.quiz?.id ?? null,
      }}
      links={{
        next: next ? { href: `/courses/${course.id}/${next.id}`, title: next.title[locale] } : null,
        course: `/courses/${course.id}`,
        quizAnchor: lesson.quiz ? `quiz-${lesson.quiz.id}` : null,
      }}
    />
  ) : (
    <section className="workspace" aria-label={tw('label')}>
      <p className="muted" style={{ padding: '1rem' }}>
        {tw('noExercise')}
      </p>
    </section>
  )
  return (
    <LessonViewerProvider courseId={course.id} lessonId={lesson.id}>
      <SplitPane left={text} right={workspace} label={t('resize')} />
    </LessonViewerProvider>
  )
}
