'use client'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useVisitorStatuses } from './useVisitorStatuses'

export interface CourseMapLesson {
  id: string
  number: number
  title: string
  status: 'completed' | 'started' | null
  exerciseId: string | null
}

/**
 * The course at a glance from inside a lesson: where you are, what is done, a progress bar. A visitor's progress
 * is this browser's (lib/browser/visitor-work.ts), and follows a pass made in this tab at once.
 */
export function CourseMap({
  courseId,
  lessons,
  currentId,
  signedIn,
}: {
  courseId: string
  lessons: CourseMapLesson[]
  currentId: string
  signedIn: boolean
}) {
  const t = useTranslations('course')
  const tl = useTranslations('lesson')
  const statuses = useVisitorStatuses(courseId, lessons, !signedIn)
  const statusOf = (l: CourseMapLesson) => statuses?.[l.id] ?? l.status
  const done = lessons.filter((l) => statusOf(l) === 'completed').length
  const percent = Math.round((done / lessons.length) * 100)
  return (
    <details className="course-map">
      <summary data-testid="course-map-summary">
        {tl('courseMap')} · {t('progress', { done, total: lessons.length })}
      </summary>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={t('progress', { done, total: lessons.length })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <ol>
        {lessons.map((l) => {
          const status = statusOf(l)
          return (
            <li key={l.id} data-status={status ?? 'none'}>
              <Link href={`/courses/${courseId}/${l.id}`} aria-current={l.id === currentId ? 'page' : undefined}>
                <span aria-hidden="true">{status === 'completed' ? '✓' : status === 'started' ? '◐' : '○'}</span> {l.number}. {l.title}
                <span className="visually-hidden">
                  {' '}
                  — {status === 'completed' ? t('completed') : status === 'started' ? t('started') : t('notStarted')}
                </span>
              </Link>
            </li>
          )
        })}
      </ol>
    </details>
  )
}
