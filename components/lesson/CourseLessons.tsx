'use client'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useLang } from '@/i18n/use-lang'
import { useLayoutEffect, useRef, useState } from 'react'
import type { LearnerDue } from '@/lib/classes/deadlines'
import { LessonDueBadge } from './CourseDeadlines'
import { edgePath, edgeReach, groupIntoParts, requireEdges } from './course-graph'
import { useVisitorStatuses, type LessonStatus } from './useVisitorStatuses'

export interface CourseLesson {
  id: string
  number: number
  title: string
  summary: string
  minutes: number
  status: LessonStatus
  exerciseId: string | null
  /** the earlier lessons this one builds on (lesson.yaml `requires`) */
  requires?: string[]
}

interface DrawnEdge {
  d: string
  done: boolean
}

/**
 * The course page's map: the lessons as nodes in the course's parts, in order, each a link with the learner's status
 * (a visitor's comes from this browser), and the `requires` edges drawn in the left gutter between the nodes' number
 * circles. The edges are a picture only (aria-hidden): each node also says in words which lessons it builds on. The
 * edges are measured from the laid-out nodes, so a title that wraps on a phone keeps its edges attached.
 */
export function CourseLessons({
  courseId,
  lessons,
  signedIn,
  due,
}: {
  courseId: string
  lessons: CourseLesson[]
  signedIn: boolean
  due?: ReadonlyMap<string, LearnerDue>
}) {
  const t = useTranslations('course')
  const locale = useLang()
  const visitor = useVisitorStatuses(courseId, lessons, !signedIn)
  const statusOf = (l: CourseLesson) => visitor?.[l.id] ?? l.status
  const number = new Map(lessons.map((l) => [l.id, l.number]))
  const parts = groupIntoParts(courseId, lessons, locale)
  const edges = requireEdges(lessons)
  const reach = edgeReach(edges, lessons)
  const root = useRef<HTMLDivElement>(null)
  const [drawn, setDrawn] = useState<{ width: number; height: number; edges: DrawnEdge[] } | null>(null)
  const completed = lessons
    .filter((l) => statusOf(l) === 'completed')
    .map((l) => l.id)
    .join(',')
  const edgeKey = edges.map((e) => `${e.from}>${e.to}`).join(',')

  useLayoutEffect(() => {
    const element = root.current
    if (!element || edges.length === 0) return
    const done = new Set(completed.split(','))
    const measure = () => {
      const box = element.getBoundingClientRect()
      const centre = new Map<string, number>()
      let width = 0
      for (const node of element.querySelectorAll<HTMLElement>('[data-map-node]')) {
        const circle = node.querySelector('.lesson-number')!.getBoundingClientRect()
        centre.set(node.dataset.mapNode!, circle.top + circle.height / 2 - box.top)
        width = node.getBoundingClientRect().left - box.left
      }
      setDrawn({
        width,
        height: box.height,
        edges: edges.flatMap((e, i) => {
          const y1 = centre.get(e.from)
          const y2 = centre.get(e.to)
          return y1 === undefined || y2 === undefined ? [] : [{ d: edgePath(y1, y2, width, reach[i]!), done: done.has(e.from) }]
        }),
      })
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
    // `edgeKey` and `completed` stand for `edges` and the statuses, which are made anew on each render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [edgeKey, completed])

  return (
    <div className="course-graph" ref={root} data-testid="course-graph">
      {drawn && (
        <svg
          className="course-graph-edges"
          aria-hidden="true"
          focusable="false"
          width={drawn.width}
          height={drawn.height}
          viewBox={`0 0 ${drawn.width} ${drawn.height}`}
        >
          {drawn.edges.map((e, i) => (
            <path key={i} d={e.d} data-done={e.done || undefined} />
          ))}
        </svg>
      )}
      {parts.map((part, p) => (
        <section key={p} className="course-part" aria-labelledby={part.title ? `course-part-${p}` : undefined}>
          {part.title && (
            <h3 id={`course-part-${p}`} className="course-part-title">
              {part.title}
            </h3>
          )}
          <ol className="lesson-list course-graph-lessons" start={part.lessons[0]?.number}>
            {part.lessons.map((lesson) => {
              const s = statusOf(lesson)
              const builds = (lesson.requires ?? []).map((id) => number.get(id)).filter((n) => n !== undefined)
              return (
                <li key={lesson.id} data-map-node={lesson.id} data-status={s ?? 'none'}>
                  <Link href={`/courses/${courseId}/${lesson.id}`} data-testid={`lesson-link-${lesson.id}`}>
                    <span className="lesson-number">{lesson.number}</span>
                    <span className="lesson-main">
                      <strong>{lesson.title}</strong>
                      <br />
                      <span className="muted">{lesson.summary}</span>
                      {builds.length > 0 && (
                        <>
                          <br />
                          <span className="lesson-requires">{t('buildsOn', { lessons: builds.join(', ') })}</span>
                        </>
                      )}
                      {due?.has(lesson.id) && (
                        <>
                          <br />
                          <LessonDueBadge due={due.get(lesson.id)} />
                        </>
                      )}
                    </span>
                    <span className="status-dot" data-status={s ?? 'none'} data-testid={`lesson-status-${lesson.id}`}>
                      {s === 'completed'
                        ? `✓ ${t('completed')}`
                        : s === 'started'
                          ? t('started')
                          : t('minutes', { minutes: lesson.minutes })}
                    </span>
                  </Link>
                </li>
              )
            })}
          </ol>
        </section>
      ))}
    </div>
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
  )
}
