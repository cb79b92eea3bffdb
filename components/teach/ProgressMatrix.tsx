import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { quizPercents, type CellState, type ProgressMatrix as Matrix } from '@/lib/classes/progress-matrix'
import { formatDateTime } from '@/lib/text/dates'
import type { Locale } from '@/i18n/locales'
import './teach.css'

const MARK: Record<CellState, string> = { none: '', started: '•', completed: '✓', stuck: '!' }
const DUE_MARK = '◷'
const percent = (score: number) => Math.round(score * 100)

/**
 * Learners × lessons: a coloured, marked cell per lesson (colour is never the only signal), stuck rows first.
 * The quiz mark shows the first attempt's score beside the best when they differ ("40→100"): the first attempt
 * is the one made without the key it reveals. With due dates (issue 17) a cell completed late has a dotted ring and
 * an outlined clock tag, an overdue one a dashed ring and a filled tag; the words are in its title and hidden text.
 */
export async function ProgressMatrix({ matrix, locale, classId }: { matrix: Matrix; locale: Locale; classId: string }) {
  const t = await getTranslations('teach')
  const td = await getTranslations('deadlines.matrix')
  const dueText = (l: Matrix['lessons'][number]) => (l.dueAt ? td('dueOn', { date: formatDateTime(l.dueAt, locale) }) : null)
  const hasDue = matrix.lessons.some((l) => l.dueAt)
  return (
    <>
      <div className="matrix-scroll" tabIndex={0} role="region" aria-label={t('detail.progressTable')}>
        <table className="progress-matrix" data-testid="progress-matrix">
          <thead>
            <tr>
              <th scope="col">{t('detail.learner')}</th>
              {matrix.lessons.map((l) => (
                <th scope="col" key={l.id} className="lesson-col" data-due={l.dueAt ? true : undefined}>
                  <abbr title={[l.title, dueText(l)].filter(Boolean).join(' · ')}>{l.number}</abbr>
                  <span className="visually-hidden">{l.title}</span>
                  {l.dueAt && (
                    <>
                      <span className="due-flag" aria-hidden="true">
                        {DUE_MARK}
                      </span>
                      <span className="visually-hidden">{dueText(l)}</span>
                    </>
                  )}
                </th>
              ))}
              <th scope="col">{t('detail.completed')}</th>
              <th scope="col">{t('detail.lastActivity')}</th>
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.learner.id} data-stuck={row.stuckOn.length > 0 || undefined}>
                <th scope="row">
                  <span className="learner-name">
                    <Link href={`/teach/${classId}/learners/${row.learner.id}`}>{row.learner.name ?? row.learner.email}</Link>
                  </span>
                  {row.learner.name && <span className="muted learner-email">{row.learner.email}</span>}
                </th>
                {row.cells.map((cell, i) => {
                  const lesson = matrix.lessons[i]!
                  const quiz = quizPercents(cell)
                  const detail = [
                    t(`cell.${cell.state}`),
                    cell.attempts > 0 ? t('cell.attempts', { count: cell.attempts }) : null,
                    cell.attempts > 0 ? t('cell.score', { score: percent(cell.bestScore) }) : null,
                    quiz === null ? null : quiz.first === quiz.best ? t('cell.quiz', { score: quiz.best }) : t('cell.quizFirstBest', quiz),
                    cell.deadline ? td(cell.deadline) : null,
                  ]
                    .filter(Boolean)
                    .join(', ')
                  return (
                    // the column's header names the lesson (for screen readers too): each cell says only its state, so 200
                    // learners × 30 lessons stay a page and not megabytes
                    <td
                      key={cell.lessonId}
                      className="cell"
                      data-state={cell.state}
                      data-deadline={cell.deadline ?? undefined}
                      title={`${lesson.number}. ${detail}`}
                    >
                      <span className="cell-box" aria-hidden="true" data-deadline={cell.deadline ?? undefined}>
                        <span className="cell-mark">{MARK[cell.state]}</span>
                        {cell.deadline && (
                          <span className="deadline-mark" data-deadline={cell.deadline} data-testid="deadline-mark">
                            {DUE_MARK}
                          </span>
                        )}
                        {quiz !== null && (
                          <span
                            className="quiz-mark"
                            data-full={quiz.best >= 100 || undefined}
                            data-first-differs={quiz.first !== quiz.best || undefined}
                            data-testid="quiz-mark"
                          >
                            {quiz.first === quiz.best ? quiz.best : `${quiz.first}→${quiz.best}`}
                          </span>
                        )}
                      </span>
                      <span className="visually-hidden">{detail}</span>
                    </td>
                  )
                })}
                <td>
                  {row.completed}/{matrix.lessons.length}
                </td>
                <td>{row.lastActivity ? formatDateTime(row.lastActivity, locale) : <span className="muted">{t('detail.never')}</span>}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('detail.perLesson')}</th>
              {matrix.totals.map((total, i) => {
                const lesson = matrix.lessons[i]!
                const text = [
                  t('detail.totals', { completed: total.completed, stuck: total.stuck, learners: matrix.rows.length }),
                  lesson.dueAt ? td('totals', { late: total.late, overdue: total.overdue }) : null,
                ]
                  .filter(Boolean)
                  .join(', ')
                return (
                  <td key={total.lessonId} className="total" title={`${lesson.number}. ${lesson.title}: ${text}`}>
                    <span className="total-bar" aria-hidden="true">
                      <span style={{ height: `${matrix.rows.length ? (100 * total.completed) / matrix.rows.length : 0}%` }} />
                    </span>
                    <span className="visually-hidden">
                      {lesson.number}. {text}
                    </span>
                    <span aria-hidden="true">{total.completed}</span>
                  </td>
                )
              })}
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="matrix-legend muted">
        {t('detail.legend')}:{' '}
        {(['none', 'started', 'completed', 'stuck'] as const).map((s) => (
          <span key={s} className="legend-item">
            <span className="cell-box" aria-hidden="true" data-state={s}>
              <span className="cell-mark">{MARK[s]}</span>
            </span>
            {t(`cell.${s}`)}
          </span>
        ))}
        <span className="legend-item">
          <span className="cell-box" aria-hidden="true">
            <span className="cell-mark" />
            <span className="quiz-mark" data-first-differs>
              40→80
            </span>
          </span>
          {t('detail.legendQuiz')}
        </span>
        {hasDue &&
          (['late', 'overdue'] as const).map((d) => (
            <span key={d} className="legend-item">
              <span className="cell-box" aria-hidden="true" data-state={d === 'late' ? 'completed' : 'none'} data-deadline={d}>
                <span className="cell-mark">{d === 'late' ? MARK.completed : ''}</span>
                <span className="deadline-mark" data-deadline={d}>
                  {DUE_MARK}
                </span>
              </span>
              {d === 'late' ? td('legendLate') : td('legendOverdue')}
            </span>
          ))}
      </p>
    </>
  )
}
