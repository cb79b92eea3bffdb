/**
 * Due dates of a class's lessons (issue 17): what a deadline means for one learner's work. Pure, with the moment
 * to judge at passed in, so the matrix, the learner's course page and the CSV agree and tests need no clock.
 *
 * Work completed at the due moment itself is on time; work not completed is overdue only once `now` is past it.
 */

export type DeadlineState =
  /** no due date for this lesson */
  | 'none'
  /** not completed, not due yet */
  | 'upcoming'
  /** not completed and now past due */
  | 'overdue'
  /** completed by the due date */
  | 'onTime'
  /** completed after the due date */
  | 'late'

/** The marks the matrix and the CSV show: only what a teacher should notice. */
export type DeadlineMark = 'late' | 'overdue'

/**
 * `completedAt` null with `completed` true (progress stored before completion times were kept) reads as on time:
 * nothing says it was late. `now` null judges no work overdue (only completed work is marked).
 */
export function deadlineState(
  dueAt: Date | null | undefined,
  completion: { completed: boolean; completedAt: Date | null | undefined },
  now: Date | null,
): DeadlineState {
  if (!dueAt) return 'none'
  if (completion.completed) return completion.completedAt && completion.completedAt.getTime() > dueAt.getTime() ? 'late' : 'onTime'
  return now && now.getTime() > dueAt.getTime() ? 'overdue' : 'upcoming'
}

export function deadlineMark(state: DeadlineState): DeadlineMark | null {
  return state === 'late' || state === 'overdue' ? state : null
}

/** The earliest moment a teacher may set as a due date, and the latest (a typo such as year 20266 is refused). */
export const dueAtBounds = { min: new Date('2000-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z') }

export function isDueAtInBounds(dueAt: Date): boolean {
  const t = dueAt.getTime()
  return Number.isFinite(t) && t >= dueAtBounds.min.getTime() && t < dueAtBounds.max.getTime()
}

/** A lesson due for a learner, as the course page receives it (`/api/me/deadlines/[courseId]`). */
export interface LearnerDue {
  lessonId: string
  /** ISO */
  dueAt: string
  classId: string
  className: string
  /** ISO; null while not completed (or when the completion time is not known) */
  completedAt: string | null
  /** judged by the server when it answered */
  state: Exclude<DeadlineState, 'none'>
}

export interface LearnerDeadlinesAnswer {
  signedIn: boolean
  /** earliest first */
  due: LearnerDue[]
}
