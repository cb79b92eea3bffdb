import { join } from 'node:path'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { findCourse } from '@/lib/content/load'
import { compileMdxFile } from '@/lib/content/mdx'
import { LessonMdx } from '@/components/mdx/LessonMdx'
import { Workspace } from '@/components/workspace/Workspace'
import { SplitPane } from '@/components/lesson/SplitPane'
import { CourseMap } from '@/components/lesson/CourseMap'
import { dal } from '@/lib/server/dal'
import { currentViewer } from '@/lib/server/viewer'
import { solutionUnlocked } from '@/lib/grading/attempts'
import { publicChecklist } from '@/lib/grading/checklist'

type Params = Promise<{ courseId: string; lessonId: string }>

export async function generateMetadata({ params }: { params: Params }) {
  const { courseId, lessonId } = await params
  const lesson = findCourse(courseId)?.lessons.find((l) => l.id === lessonId)
  const locale = (await getLocale()) === 'en' ? 'en' : 'ko'
  return { title: lesson?.title[locale] }
}

export default async function LessonPage({ params }: { params: Params }) {
  const { courseId, lessonId } = await params
  const course = findCourse(courseId)
  const index = course?.lessons.findIndex((l) => l.id === lessonId) ?? -1
  if (!course || index < 0) notFound()
  const lesson = course.lessons[index]!
  const locale = (await getLocale()) === 'en' ? 'en' : 'ko'
  const t = await getTranslations('lesson')
  const tw = await getTranslations('workspace')
  const viewer = await currentViewer()
  const exerciseId = lesson.exercise?.id
  // The lesson text compiles while the learner's progress loads (touch first: the map shows this lesson started).
  const [code, mine] = await Promise.all([
    compileMdxFile(join(lesson.dir, `${locale}.mdx`)),
    viewer
      ? dal()
          .progress.touchLesson(viewer, course.id, lesson.id)
          .then(() =>
            Promise.all([
              dal().progress.courseProgress(viewer, course.id),
              exerciseId ? dal().progress.exerciseAttempts(viewer, exerciseId) : undefined,
              exerciseId ? dal().drafts.load(viewer, exerciseId) : null,
              exerciseId ? dal().progress.lastPass(viewer, exerciseId) : null,
              lesson.quiz ? dal().quizzes.bestAttempt(viewer, lesson.quiz.id) : null,
            ]),
          )
      : undefined,
  ])
  const progress = mine?.[0] ?? []
  const attempts = mine?.[1] ?? { attempts: 0, passed: false }
  const serverDraft = mine?.[2] ?? null
  const lastPass = mine?.[3] ?? null
  const bestQuiz = mine?.[4] ?? null
  const completed = progress.some((p) => p.lessonId === lesson.id && p.status === 'completed')
  const previous = course.lessons[index - 1]
  const next = course.lessons[index + 1]
  const exercise = lesson.exercise
  const status = new Map(progress.map((p) => [p.lessonId, p.status]))
  const mapLessons = course.lessons.map((l) => ({ id: l.id, number: l.number, title: l.title[locale], status: status.get(l.id) ?? null, exerciseId: l.exercise?.id ?? null }))
  const text = (
      <article className="lesson-text" aria-labelledby="lesson-title">
        <CourseMap courseId={course.id} lessons={mapLessons} currentId={lesson.id} signedIn={viewer !== null} />
        <p className="muted">
          <Link href={`/courses/${course.id}`}>{course.title[locale]}</Link> · {t('lessonNumber', { number: lesson.number })}
          {completed && (
            <span className="status-dot" data-status="completed" data-testid="lesson-completed">
              {' '}
              · ✓ {t('done')}
            </span>
          )}
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
        <Workspace
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
          signedIn={viewer !== null}
          initialAttempts={attempts.attempts}
          initialSolutionAvailable={solutionUnlocked(attempts)}
          serverDraft={serverDraft}
          initialPass={lastPass && { ...lastPass, visitor: false }}
          initialQuiz={bestQuiz && { correct: bestQuiz.correct, total: bestQuiz.total, score: bestQuiz.score }}
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
  return <SplitPane left={text} right={workspace} label={t('resize')} />
}
