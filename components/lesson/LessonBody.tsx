import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import type { Localized, Quiz } from '@/lib/content/schemas'
import type { Exercise } from '@/lib/grading/exercise-schema'
import { publicChecklist } from '@/lib/grading/checklist'
import { LessonMdx } from '@/components/mdx/LessonMdx'
import { SplitPane } from './SplitPane'
import { LessonGoals } from './LessonGoals'
import { withInlineCode } from './inline-code'
import { LessonCompleted, LessonCourseMap, LessonNav, LessonNumber, LessonViewerProvider, LessonWorkspace } from './LessonViewer'
import type { Locale } from '@/i18n/locales'

interface BodyLesson {
  id: string
  courseId: string
  number: number
  title: Localized
  exercise: Exercise | null
  quiz: Quiz | null
  /** "you will be able to …" (lesson.yaml `goals`) */
  goals?: ReadonlyArray<Localized & { checks: string[] }>
}

/**
 * A lesson's page: the text (MDX, diagrams, quiz questions without their keys) and the exercise's workspace. The
 * same for a prerendered file lesson and a studio lesson rendered per request; the learner's part (progress, draft,
 * attempts, last pass, and the course's order when studio lessons join it) is asked for in the browser
 * (LessonViewerProvider), which keeps the file lessons prerenderable (ADR 0018).
 */
export async function LessonBody({
  course,
  lessons,
  index,
  code,
  locale,
}: {
  course: { id: string; title: Localized; dir: string | null; glossary?: readonly unknown[] }
  /** the course's lessons as this page knows them, in order */
  lessons: readonly BodyLesson[]
  /** this lesson's index in `lessons` */
  index: number
  /** the compiled MDX of the page in `locale` */
  code: string
  locale: Locale
}) {
  const lesson = lessons[index]!
  const t = await getTranslations('lesson')
  const tw = await getTranslations('workspace')
  const link = (l: BodyLesson | undefined) => (l ? { id: l.id, number: l.number, title: l.title[locale] } : null)
  const previous = link(lessons[index - 1])
  const next = link(lessons[index + 1])
  const exercise = lesson.exercise
  const mapLessons = lessons.map((l) => ({
    id: l.id,
    number: l.number,
    title: l.title[locale],
    status: null,
    exerciseId: l.exercise?.id ?? null,
  }))
  const text = (
    <article className="lesson-text" aria-labelledby="lesson-title">
      <LessonCourseMap courseId={course.id} lessons={mapLessons} currentId={lesson.id} />
      <p className="muted">
        <Link href={`/courses/${course.id}`}>{course.title[locale]}</Link> · <LessonNumber lessonId={lesson.id} number={lesson.number} />
        <LessonCompleted lessonId={lesson.id} label={t('done')} />
        {(course.glossary?.length ?? 0) > 0 && (
          <>
            {' · '}
            <Link href={`/courses/${course.id}/glossary`} data-testid="lesson-glossary-link">
              {t('glossary')}
            </Link>
          </>
        )}
      </p>
      <h1 id="lesson-title">{lesson.title[locale]}</h1>
      {lesson.goals && lesson.goals.length > 0 && (
        <LessonGoals
          courseId={course.id}
          lessonId={lesson.id}
          exerciseId={exercise?.id ?? null}
          title={t('goals')}
          reachedLabel={t('goalReached')}
          goals={lesson.goals.map((g) => withInlineCode(g[locale]))}
        />
      )}
      <LessonMdx code={code} lesson={lesson} courseDir={course.dir} />
      <LessonNav courseId={course.id} lessonId={lesson.id} number={lesson.number} previous={previous} next={next} />
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
        next: next ? { href: `/courses/${course.id}/${next.id}`, title: next.title } : null,
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
