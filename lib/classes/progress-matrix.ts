/**
 * A class's progress matrix: one row per learner, one cell per lesson of the class's course, built from the
 * learners' lesson progress. A learner is stuck on a lesson after as many failed attempts as unlock the
 * solution (lib/grading/attempts.ts) without a pass: the moment a teacher should step in.
 */
import { attemptsBeforeSolution } from '../grading/attempts.ts'

export interface MatrixLesson {
  id: string
  number: number
  title: string
  /** the lesson has a graded exercise (only those can be failed) */
  graded: boolean
}

export interface ProgressRecord {
  userId: string
  lessonId: string
  status: string
  attempts: number
  bestScore: number
  updatedAt: Date
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
}

export interface MatrixRow {
  learner: MatrixLearner
  cells: MatrixCell[]
  completed: number
  /** lessons this learner is stuck on, in course order */
  stuckOn: string[]
  lastActivity: Date | null
}

export interface ProgressMatrix {
  lessons: MatrixLesson[]
  rows: MatrixRow[]
  /** per lesson, in course order: how many learners completed it, and how many are stuck on it */
  totals: { lessonId: string; completed: number; stuck: number }[]
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

/** Rows sorted stuck learners first, then by name (or email), so who needs help is on top. */
export function buildProgressMatrix(lessons: MatrixLesson[], learners: MatrixLearner[], records: ProgressRecord[], quizzes: QuizRecord[] = []): ProgressMatrix {
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
    for (const r of mine?.values() ?? []) if (!lastActivity || r.updatedAt > lastActivity) lastActivity = r.updatedAt
    const cells = lessons.map((lesson): MatrixCell => {
      const r = mine?.get(lesson.id)
      const quiz = quizOf.get(`${learner.id}|${lesson.id}`)
      return {
        lessonId: lesson.id,
        state: cellState(r, lesson.graded),
        attempts: r?.attempts ?? 0,
        bestScore: r?.bestScore ?? 0,
        quizScore: quiz?.bestScore ?? null,
        quizFirstScore: quiz?.firstScore ?? null,
      }
    })
    return {
      learner,
      cells,
      completed: cells.filter((c) => c.state === 'completed').length,
      stuckOn: cells.filter((c) => c.state === 'stuck').map((c) => c.lessonId),
      lastActivity,
    }
  })
  const label = (r: MatrixRow): string => (r.learner.name ?? r.learner.email).toLocaleLowerCase()
  rows.sort((a, b) => Number(b.stuckOn.length > 0) - Number(a.stuckOn.length > 0) || label(a).localeCompare(label(b)) || a.learner.email.localeCompare(b.learner.email))
  const totals = lessons.map((lesson, i) => ({
    lessonId: lesson.id,
    completed: rows.filter((r) => r.cells[i]!.state === 'completed').length,
    stuck: rows.filter((r) => r.cells[i]!.state === 'stuck').length,
  }))
  return { lessons, rows, totals, stuckCount: rows.filter((r) => r.stuckOn.length > 0).length }
}
