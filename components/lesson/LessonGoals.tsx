'use client'
import type { ReactNode } from 'react'
import { useLessonViewer } from './lessonViewerContext'
import { useVisitorStatuses } from './useVisitorStatuses'

/**
 * "You will be able to …": the lesson's goals, each ticked once the learner passed the lesson's exercise (whose
 * checks prove them) — a signed-in learner's pass comes from the server, a visitor's from this browser, and a pass
 * made on this page ticks them at once.
 */
export function LessonGoals({
  courseId,
  lessonId,
  exerciseId,
  title,
  reachedLabel,
  goals,
}: {
  courseId: string
  lessonId: string
  exerciseId: string | null
  title: string
  reachedLabel: string
  goals: ReactNode[]
}) {
  const viewer = useLessonViewer()
  const loaded = viewer?.loaded
  const learner = loaded?.status === 'ready' && loaded.state.signedIn ? loaded.state : null
  const visitorMode = loaded?.status === 'ready' && !loaded.state.signedIn
  const visitor = useVisitorStatuses(courseId, [{ id: lessonId, exerciseId }], visitorMode)
  const reached = learner
    ? Boolean(learner.exercise?.lastPass) || learner.progress.some((p) => p.lessonId === lessonId && p.status === 'completed')
    : visitor?.[lessonId] === 'completed'
  return (
    <section className="lesson-goals" aria-labelledby="lesson-goals-title" data-testid="lesson-goals" data-reached={reached || undefined}>
      <h2 id="lesson-goals-title">{title}</h2>
      <ul>
        {goals.map((goal, i) => (
          <li key={i} data-reached={reached || undefined}>
            <span className="goal-mark" aria-hidden="true">
              {reached ? '✓' : '○'}
            </span>
            <span>
              {goal}
              {reached && <span className="visually-hidden"> ({reachedLabel})</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
