'use client'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useLang } from '@/i18n/use-lang'
import type { CourseState } from '@/lib/server/learner-state'
import { CourseDeadlines, dueByLesson, useCourseDeadlines } from './CourseDeadlines'
import { CourseLessons, VisitorCourseProgress, type CourseLesson } from './CourseLessons'
import { useLearnerState } from './useLearnerState'

/**
 * The course page's moving parts: the learner's progress bar, where to resume and each lesson's status. The page
 * around them is prerendered and the same for everyone (ADR 0018); this asks the server who is looking, and for
 * the course's order when published studio lessons join its file lessons (ADR 0020).
 */
export function CourseOverview({
  courseId,
  lessons: fileLessons,
  glossary,
}: {
  courseId: string
  lessons: Omit<CourseLesson, 'status'>[]
  glossary: boolean
}) {
  const t = useTranslations('course')
  const locale = useLang()
  const { loaded } = useLearnerState<CourseState>(`/api/me/courses/${encodeURIComponent(courseId)}`)
  const outline = loaded.status === 'ready' ? loaded.state.outline : null
  // the server's outline (studio lessons joined) knows no `requires`: the file lessons' edges are kept
  const requires = new Map(fileLessons.map((l) => [l.id, l.requires]))
  const lessons = outline
    ? outline.map((l) => ({
        id: l.id,
        number: l.number,
        title: l.title[locale],
        summary: l.summary[locale],
        minutes: l.minutes,
        exerciseId: l.exerciseId,
        requires: requires.get(l.id),
      }))
    : fileLessons

  const learner = loaded.status === 'ready' && loaded.state.signedIn ? loaded.state : null
  const due = useCourseDeadlines(courseId, learner !== null) // issue 17: what the learner's classes set due
  const visitor = loaded.status === 'ready' && !loaded.state.signedIn
  const progress = learner?.progress ?? []
  const status = new Map(progress.map((p) => [p.lessonId, p.status]))
  const withStatus: CourseLesson[] = lessons.map((l) => ({ ...l, status: status.get(l.id) ?? null }))
  const done = progress.filter((p) => p.status === 'completed').length
  const percent = Math.round((done / lessons.length) * 100)
  // Resume where the learner left off: the lesson they touched last unless it is done, then the first one not done.
  const lastTouched = progress[0]
  const resume =
    (lastTouched && lastTouched.status !== 'completed' ? lessons.find((l) => l.id === lastTouched.lessonId) : undefined) ??
    lessons.find((l) => status.get(l.id) !== 'completed') ??
    lessons[0]!
  return (
    <>
      {glossary && (
        <p>
          <Link href={`/courses/${courseId}/glossary`} data-testid="glossary-link">
            {t('glossary')}
          </Link>
        </p>
      )}
      {learner && (
        <div>
          <p id="course-progress-label">{t('progress', { done, total: lessons.length })}</p>
          <div
            className="progress-bar"
            role="progressbar"
            aria-labelledby="course-progress-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <span style={{ width: `${percent}%` }} />
          </div>
        </div>
      )}
      {visitor && (
        <>
          <VisitorCourseProgress courseId={courseId} lessons={withStatus} />
          <p className="notice">{t('signInToSave')}</p>
        </>
      )}
      <p style={{ marginTop: '1rem' }}>
        <Link className="button primary" href={`/courses/${courseId}/${resume.id}`} data-testid="resume">
          {progress.length > 0 ? t('continue', { title: resume.title }) : t('start')}
        </Link>
      </p>
      <CourseDeadlines courseId={courseId} due={due} lessons={lessons} />
      <h2>{t('map')}</h2>
      <p className="muted">{t('mapHelp')}</p>
      <CourseLessons courseId={courseId} lessons={withStatus} signedIn={!visitor} due={dueByLesson(due)} />
    </>
  )
}
