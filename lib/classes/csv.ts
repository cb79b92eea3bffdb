/**
 * A class as CSV for spreadsheets — the progress matrix, and every attempt (issue 17): RFC 4180 quoting, CRLF line
 * ends, a UTF-8 byte-order mark so Excel shows Korean names, and spreadsheet formula injection defused (a cell a
 * learner controls — a name, a check's message — that starts with = + - @ or a tab is prefixed with an apostrophe,
 * as OWASP recommends; so are their full-width forms ＝ ＋ － ＠, which a Korean or Japanese spreadsheet may read as
 * the ASCII ones).
 */
import { quizPercents, type ProgressMatrix } from './progress-matrix.ts'

export function csvCell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: (string | number)[]): string {
  return values.map(csvCell).join(',')
}

export const BOM = '\uFEFF'
const CRLF = '\r\n'

export interface CsvLabels {
  name: string
  email: string
  joined: string
  completed: string
  stuckOn: string
  /** columns of the lessons completed after their due date, and of those past due and not completed */
  lateOn: string
  overdueOn: string
  lastActivity: string
  state: Record<'none' | 'started' | 'completed' | 'stuck', string>
  /** a cell's deadline mark, e.g. "late", "overdue" */
  deadline: Record<'late' | 'overdue', string>
  /** a lesson column's due date (ISO), e.g. "due 2026-11-10T14:00:00.000Z" */
  due: (iso: string) => string
  /** the quiz's scores in percent, e.g. "quiz 80%", or "quiz: first 40%, best 100%" when they differ */
  quiz: (scores: { best: number; first: number }) => string
}

/**
 * One row per learner: identity, totals, the lessons they were late with or have overdue, then one column per lesson
 * (its due date in the header; state, attempts, late or overdue, first and best quiz score).
 */
export function progressCsv(matrix: ProgressMatrix, labels: CsvLabels): string {
  const numbers = (ids: string[]) => ids.map((id) => matrix.lessons.find((l) => l.id === id)?.number ?? id).join(' ')
  const header = [
    labels.name,
    labels.email,
    labels.joined,
    labels.completed,
    labels.stuckOn,
    labels.lateOn,
    labels.overdueOn,
    labels.lastActivity,
    ...matrix.lessons.map((l) => `${l.number}. ${l.title}${l.dueAt ? ` (${labels.due(l.dueAt.toISOString())})` : ''}`),
  ]
  const lines = [csvLine(header)]
  for (const row of matrix.rows) {
    lines.push(
      csvLine([
        row.learner.name ?? '',
        row.learner.email,
        row.learner.joinedAt.toISOString(),
        `${row.completed}/${matrix.lessons.length}`,
        numbers(row.stuckOn),
        numbers(row.late),
        numbers(row.overdue),
        row.lastActivity?.toISOString() ?? '',
        ...row.cells.map((c) => {
          const quiz = quizPercents(c)
          return [
            c.attempts > 0 ? `${labels.state[c.state]} (${c.attempts})` : labels.state[c.state],
            c.deadline ? labels.deadline[c.deadline] : '',
            quiz === null ? '' : labels.quiz(quiz),
          ]
            .filter(Boolean)
            .join(' · ')
        }),
      ]),
    )
  }
  return `${BOM}${lines.join(CRLF)}${CRLF}`
}

/** One graded attempt, as the attempts export reads it from the database (oldest first). */
export interface AttemptRecord {
  userId: string
  lessonId: string
  exerciseId: string
  passed: boolean
  /** 0–1 */
  score: number
  createdAt: Date
  /** the failed checks and validation errors, as the learner was told */
  failing: { id: string; message: string }[]
}

export interface AttemptsCsvLabels {
  learner: string
  email: string
  lesson: string
  exercise: string
  attempt: string
  passed: string
  score: string
  failingChecks: string
  failingMessages: string
  time: string
  yes: string
  no: string
}

/**
 * Every attempt of a class's learners as CSV, written page by page as the pages arrive (so 20,000 attempts never
 * make one huge string): the first chunk is the byte-order mark and the header, then one chunk per page. The
 * attempt number counts per learner and exercise, from 1, in the order the pages give (oldest first); rows of
 * anyone not in `learners` (who left the class meanwhile) are left out.
 */
export async function* attemptsCsv(
  pages: AsyncIterable<readonly AttemptRecord[]> | Iterable<readonly AttemptRecord[]>,
  learners: ReadonlyMap<string, { name: string | null; email: string }>,
  lessonLabel: (lessonId: string) => string,
  labels: AttemptsCsvLabels,
): AsyncGenerator<string> {
  yield (
    BOM +
    csvLine([
      labels.learner,
      labels.email,
      labels.lesson,
      labels.exercise,
      labels.attempt,
      labels.passed,
      labels.score,
      labels.failingChecks,
      labels.failingMessages,
      labels.time,
    ]) +
    CRLF
  )
  const counts = new Map<string, number>()
  for await (const page of pages) {
    const lines: string[] = []
    for (const a of page) {
      const learner = learners.get(a.userId)
      if (!learner) continue
      const key = `${a.userId}|${a.exerciseId}`
      const n = (counts.get(key) ?? 0) + 1
      counts.set(key, n)
      lines.push(
        csvLine([
          learner.name ?? '',
          learner.email,
          lessonLabel(a.lessonId),
          a.exerciseId,
          n,
          a.passed ? labels.yes : labels.no,
          Math.round(a.score * 100),
          a.failing.map((f) => f.id).join('; '),
          a.failing.map((f) => f.message).join('\n'),
          a.createdAt.toISOString(),
        ]),
      )
    }
    if (lines.length > 0) yield lines.join(CRLF) + CRLF
  }
}
