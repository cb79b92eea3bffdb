'use client'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useVisitorStatuses, type LessonStatus } from './useVisitorStatuses'

export interface CourseLesson {
  id: string
  number: number
  title: string
  summary: string
  minutes: number
  status: LessonStatus
  exerciseId: string | null
}

/** The course page's lesson list; a visitor's statuses come from this browser. */
export function CourseLessons({ courseId, lessons, signedIn }: { courseId: string; lessons: CourseLesson[]; signedIn: boolean }) {
  const t = useTranslations('course')
  const visitor = useVisitorStatuses(courseId, lessons, !signedIn)
  return (
    <ol className="lesson-list">
      {lessons.map((lesson) => {
        const s = visitor?.[lesson.id] ?? lesson.status
        return (
          <li key={lesson.id}>
            <Link href={`/courses/${courseId}/${lesson.id}`} data-testid={`lesson-link-${lesson.id}`}>
              <span className="lesson-number">{lesson.number}</span>
              <span>
                <strong>{lesson.title}</strong>
                <br />
                <span className="muted">{lesson.summary}</span>
              </span>
              <span className="status-dot" data-status={s ?? 'none'} data-testid={`lesson-status-${lesson.id}`}>
                {s === 'completed' ? `✓ ${t('completed')}` : s === 'started' ? t('started') : t('minutes', { minutes: lesson.minutes })}
              </span>
            </Link>
          </li>
        )
      })}
    </ol>
  )
}

/** For a visitor: how far they got in this browser (nothing until they passed something). */
export function VisitorCourseProgress({ courseId, lessons }: { courseId: string; lessons: CourseLesson[] }) {
  const t = useTranslations('course')
  const visitor = useVisitorStatuses(courseId, lessons, true)
  const done = visitor ? lessons.filter((l) => visitor[l.id] === 'completed').length : 0
  if (done === 0) return null
  const percent = Math.round((done / lessons.length) * 100)
  return (
    <div data-testid="visitor-progress">
      <p id="course-progress-label">{t('thisBrowser', { done, total: lessons.length })}</p>
      <div className="progress-bar" role="progressbar" aria-labelledby="course-progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  )
}
