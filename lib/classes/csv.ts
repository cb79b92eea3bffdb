/**
 * The progress matrix as CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark so
 * Excel shows Korean names, and spreadsheet formula injection defused (a cell a learner controls — a name —
 * that starts with = + - @ or a tab is prefixed with an apostrophe, as OWASP recommends; so are their
 * full-width forms ＝ ＋ － ＠, which a Korean or Japanese spreadsheet may read as the ASCII ones).
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

export interface CsvLabels {
  name: string
  email: string
  joined: string
  completed: string
  stuckOn: string
  lastActivity: string
  state: Record<'none' | 'started' | 'completed' | 'stuck', string>
  /** the quiz's scores in percent, e.g. "quiz 80%", or "quiz: first 40%, best 100%" when they differ */
  quiz: (scores: { best: number; first: number }) => string
}

/** One row per learner: identity, totals, then one column per lesson (state, attempts, first and best quiz score). */
export function progressCsv(matrix: ProgressMatrix, labels: CsvLabels): string {
  const header = [labels.name, labels.email, labels.joined, labels.completed, labels.stuckOn, labels.lastActivity, ...matrix.lessons.map((l) => `${l.number}. ${l.title}`)]
  const lines = [csvLine(header)]
  for (const row of matrix.rows) {
    lines.push(
      csvLine([
        row.learner.name ?? '',
        row.learner.email,
        row.learner.joinedAt.toISOString(),
        `${row.completed}/${matrix.lessons.length}`,
        row.stuckOn.map((id) => matrix.lessons.find((l) => l.id === id)?.number ?? id).join(' '),
        row.lastActivity?.toISOString() ?? '',
        ...row.cells.map((c) => {
          const quiz = quizPercents(c)
          return [c.attempts > 0 ? `${labels.state[c.state]} (${c.attempts})` : labels.state[c.state], quiz === null ? '' : labels.quiz(quiz)].filter(Boolean).join(' · ')
        }),
      ]),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
