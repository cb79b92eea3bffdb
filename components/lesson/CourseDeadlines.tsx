'use client'
import Link from 'next/link'
import { useEffect, useState } from 'react'
import { useTranslations } from 'next-intl'
import { useLang } from '@/i18n/use-lang'
import type { LearnerDeadlinesAnswer, LearnerDue } from '@/lib/classes/deadlines'
import { formatDateTime } from '@/lib/text/dates'
import './course-deadlines.css'

const MARK: Record<LearnerDue['state'], string> = { upcoming: '◷', overdue: '!', onTime: '✓', late: '✓' }

/**
 * A signed-in learner's due dates in a course (issue 17), asked from the server once the prerendered course page
 * (ADR 0018) knows someone is signed in. Null while not asked or not answered: the page shows no due dates then
 * (a failed answer hides them rather than claiming there are none).
 */
export function useCourseDeadlines(courseId: string, signedIn: boolean): LearnerDue[] | null {
  const [due, setDue] = useState<{ courseId: string; due: LearnerDue[] } | null>(null)
  useEffect(() => {
    if (!signedIn) return
    let current = true
    fetch(`/api/me/deadlines/${encodeURIComponent(courseId)}`, { cache: 'no-store' })
      .then(async (response) => {
        if (!response.ok) return
        const answer = (await response.json()) as LearnerDeadlinesAnswer
        if (current) setDue({ courseId, due: answer.due })
      })
      .catch(() => {})
    return () => {
      current = false
    }
  }, [courseId, signedIn])
  return signedIn && due?.courseId === courseId ? due.due : null
}

/** The earliest due date per lesson (a learner in two classes of a course may have two). */
export function dueByLesson(due: LearnerDue[] | null): Map<string, LearnerDue> {
  const first = new Map<string, LearnerDue>()
  for (const d of due ?? []) if (!first.has(d.lessonId)) first.set(d.lessonId, d) // the list comes earliest first
  return first
}

/** "Due Nov 20, 2026, 3:00 PM · overdue" under a lesson of the course map. */
export function LessonDueBadge({ due }: { due: LearnerDue | undefined }) {
  const t = useTranslations('deadlines.due')
  const locale = useLang()
  if (!due) return null
  return (
    <span className="lesson-due" data-state={due.state} data-testid={`lesson-due-${due.lessonId}`}>
      <span aria-hidden="true">{MARK[due.state]} </span>
      {t('label', { date: formatDateTime(due.dueAt, locale) })}
      {due.state !== 'upcoming' && ` · ${t(`state.${due.state}`)}`}
    </span>
  )
}

/** The course page's list of what is due, earliest first; nothing when no class of the learner set a date. */
export function CourseDeadlines({
  courseId,
  due,
  lessons,
}: {
  courseId: string
  due: LearnerDue[] | null
  lessons: { id: string; number: number; title: string }[]
}) {
  const t = useTranslations('deadlines.due')
  const locale = useLang()
  if (!due || due.length === 0) return null
  const lesson = new Map(lessons.map((l) => [l.id, l]))
  const classes = new Set(due.map((d) => d.classId))
  return (
    <section className="course-deadlines" aria-labelledby="course-deadlines-heading" data-testid="course-deadlines">
      <h2 id="course-deadlines-heading">{t('heading')}</h2>
      <p className="muted">{t('intro')}</p>
      <ul>
        {due.map((d) => {
          const l = lesson.get(d.lessonId)
          return (
            <li key={`${d.classId}/${d.lessonId}`} data-state={d.state}>
              <span className="due-mark" aria-hidden="true">
                {MARK[d.state]}
              </span>
              <span className="due-main">
                {l ? <Link href={`/courses/${courseId}/${d.lessonId}`}>{`${l.number}. ${l.title}`}</Link> : d.lessonId}
                <span className="due-detail">
                  {t('label', { date: formatDateTime(d.dueAt, locale) })} · <strong className="due-state">{t(`state.${d.state}`)}</strong>
                  {d.completedAt && ` · ${t('completedAt', { date: formatDateTime(d.completedAt, locale) })}`}
                  {classes.size > 1 && ` · ${t('fromClass', { className: d.className })}`}
                </span>
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
