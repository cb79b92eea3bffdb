/**
 * A class's progress matrix: one row per learner, one cell per lesson of the class's course, built from the
 * learners' lesson progress. A learner is stuck on a lesson after as many failed attempts as unlock the
 * solution (lib/grading/attempts.ts) without a pass: the moment a teacher should step in. With due dates
 * (lib/classes/deadlines.ts) a cell is also marked late (completed after its due date) or overdue (not completed
 * and past due at `now`).
 */
import { attemptsBeforeSolution } from '../grading/attempts.ts'
import { deadlineMark, deadlineState, type DeadlineMark } from './deadlines.ts'

export interface MatrixLesson {
  id: string
  number: number
  title: string
  /** the lesson has a graded exercise (only those can be failed) */
  graded: boolean
  /** when the lesson is due for this class; none when absent or null */
  dueAt?: Date | null
}

export interface ProgressRecord {
  userId: string
  lessonId: string
  status: string
  attempts: number
  bestScore: number
  updatedAt: Date
  /** when the lesson was first completed (null or absent: not known) */
  completedAt?: Date | null
}

export interface QuizRecord {
  userId: string
  lessonId: string
  /** best score over the learner's attempts, 0–1 */
  bestScore: number
  /** score of the learner's first attempt, 0–1: a later perfect score may have been made with the key the first one revealed */
  firstScore: number
}

export interface MatrixLearner {
  id: string
  name: string | null
  email: string
  joinedAt: Date
}

export type CellState = 'none' | 'started' | 'completed' | 'stuck'

export interface MatrixCell {
  lessonId: string
  state: CellState
  attempts: number
  bestScore: number
  /** best quiz score (0–1), null when the quiz was not taken */
  quizScore: number | null
  /** the first attempt's quiz score (0–1), null when the quiz was not taken */
  quizFirstScore: number | null
  /** completed after the lesson's due date, or not completed and past it; null otherwise */
  deadline: DeadlineMark | null
  /** when the lesson was completed, when known */
  completedAt: Date | null
}

export interface MatrixRow {
  learner: MatrixLearner
  cells: MatrixCell[]
  completed: number
  /** lessons this learner is stuck on, in course order */
  stuckOn: string[]
  /** lessons completed after their due date, and lessons past due and not completed, in course order */
  late: string[]
  overdue: string[]
  /** the learner's latest progress in the course (a lesson opened, an attempt, a completion) */
  lastActivity: Date | null
}

export interface ProgressMatrix {
  lessons: MatrixLesson[]
  rows: MatrixRow[]
  /** per lesson, in course order: how many learners completed it, are stuck on it, were late or are overdue */
  totals: { lessonId: string; completed: number; stuck: number; late: number; overdue: number }[]
  /** learners stuck on at least one lesson */
  stuckCount: number
}

export function cellState(record: Pick<ProgressRecord, 'status' | 'attempts'> | undefined, graded: boolean): CellState {
  if (!record) return 'none'
  if (record.status === 'completed') return 'completed'
  if (graded && record.attempts >= attemptsBeforeSolution) return 'stuck'
  return 'started'
}

/** A cell's quiz scores in whole percent (first attempt and best), or null when the quiz was not taken. */
export function quizPercents(cell: Pick<MatrixCell, 'quizScore' | 'quizFirstScore'>): { first: number; best: number } | null {
  if (cell.quizScore === null) return null
  return { first: Math.round((cell.quizFirstScore ?? cell.quizScore) * 100), best: Math.round(cell.quizScore * 100) }
}

/**
 * Rows sorted stuck learners first, then by name (or email), so who needs help is on top. `now` is the moment
 * overdue work is judged at (without it, only late work is marked).
 */
export function buildProgressMatrix(
  lessons: MatrixLesson[],
  learners: MatrixLearner[],
  records: ProgressRecord[],
  quizzes: QuizRecord[] = [],
  options: { now?: Date | null } = {},
): ProgressMatrix {
  const now = options.now ?? null
  const byUser = new Map<string, Map<string, ProgressRecord>>()
  for (const r of records) {
    let m = byUser.get(r.userId)
    if (!m) byUser.set(r.userId, (m = new Map()))
    m.set(r.lessonId, r)
  }
  const quizOf = new Map(quizzes.map((q) => [`${q.userId}|${q.lessonId}`, q]))
  const rows = learners.map((learner): MatrixRow => {
    const mine = byUser.get(learner.id)
    let lastActivity: Date | null = null
    for (const r of mine?.values() ?? []) {
      for (const moment of [r.updatedAt, r.completedAt]) if (moment && (!lastActivity || moment > lastActivity)) lastActivity = moment
    }
    const cells = lessons.map((lesson): MatrixCell => {
      const r = mine?.get(lesson.id)
      const quiz = quizOf.get(`${learner.id}|${lesson.id}`)
      const state = cellState(r, lesson.graded)
      const completedAt = state === 'completed' ? (r?.completedAt ?? null) : null
      return {
        lessonId: lesson.id,
        state,
        attempts: r?.attempts ?? 0,
        bestScore: r?.bestScore ?? 0,
        quizScore: quiz?.bestScore ?? null,
        quizFirstScore: quiz?.firstScore ?? null,
        deadline: deadlineMark(deadlineState(lesson.dueAt, { completed: state === 'completed', completedAt }, now)),
        completedAt,
      }
    })
    return {
      learner,
      cells,
      completed: cells.filter((c) => c.state === 'completed').length,
      stuckOn: cells.filter((c) => c.state === 'stuck').map((c) => c.lessonId),
      late: cells.filter((c) => c.deadline === 'late').map((c) => c.lessonId),
      overdue: cells.filter((c) => c.deadline === 'overdue').map((c) => c.lessonId),
      lastActivity,
    }
  })
  const label = (r: MatrixRow): string => (r.learner.name ?? r.learner.email).toLocaleLowerCase()
  rows.sort(
    (a, b) =>
      Number(b.stuckOn.length > 0) - Number(a.stuckOn.length > 0) ||
      label(a).localeCompare(label(b)) ||
      a.learner.email.localeCompare(b.learner.email),
  )
  const totals = lessons.map((lesson, i) => ({
    lessonId: lesson.id,
    completed: rows.filter((r) => r.cells[i]!.state === 'completed').length,
    stuck: rows.filter((r) => r.cells[i]!.state === 'stuck').length,
    late: rows.filter((r) => r.cells[i]!.deadline === 'late').length,
    overdue: rows.filter((r) => r.cells[i]!.deadline === 'overdue').length,
  }))
  return { lessons, rows, totals, stuckCount: rows.filter((r) => r.stuckOn.length > 0).length }
}
