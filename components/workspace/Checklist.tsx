'use client'
import { useTranslations } from 'next-intl'
import { checklistCounts, type ChecklistEntry } from '@/lib/grading/checklist'
import type { GradeResponse } from '@/lib/api-contract/exercises'
import { InlineMarkdown } from './InlineMarkdown'

/**
 * The exercise's checks, listed from the start: ticked by Run in the browser and by Submit on the server.
 * After a Submit, a check it ticked shows the server's detail, hint and line; a check the refused YAML kept from
 * running shows only its message (the verdict above says why).
 */
export function Checklist({
  entries,
  result,
  onGoToLine,
}: {
  entries: ChecklistEntry[]
  result: GradeResponse | null
  onGoToLine(line: number): void
}) {
  const t = useTranslations('workspace')
  const counts = checklistCounts(entries)
  return (
    <section className="checklist" aria-labelledby="checklist-title" data-testid="checklist">
      <h3 id="checklist-title">
        {t('checklist')}{' '}
        <span className="muted checklist-counts">· {t('checklistCounts', { passed: counts.passed, total: counts.total })}</span>
      </h3>
      <ul className="checks">
        {entries.map((entry) => {
          const graded = entry.by === 'submit' ? result?.checks.find((c) => c.id === entry.id) : undefined
          const state = { passed: t('checkPassed'), failed: t('checkFailed'), notRun: t('checkNotRun'), unchecked: t('checkUnchecked') }[
            entry.status
          ]
          return (
            <li
              key={entry.id}
              className="check"
              data-check-id={entry.id}
              data-status={entry.status}
              data-passed={entry.status === 'unchecked' ? undefined : entry.status === 'passed'}
              data-by={entry.by ?? undefined}
            >
              <div className="check-head">
                <span className="check-icon" aria-hidden="true">
                  {{ passed: '✓', failed: '✗', notRun: '–', unchecked: '○' }[entry.status]}
                </span>
                <span className="visually-hidden">{state}: </span>
                <span className="check-message">
                  <InlineMarkdown text={graded?.message ?? entry.message} />
                  {!entry.live && entry.by === null && <span className="muted check-note"> ({t('checkOnSubmit')})</span>}
                  {entry.by && <span className="muted check-note"> · {entry.by === 'run' ? t('checkByRun') : t('checkBySubmit')}</span>}
                </span>
                {graded && graded.line !== null && !graded.passed && (
                  <button
                    type="button"
                    className="button small line-link"
                    onClick={() => onGoToLine(graded.line!)}
                    aria-label={t('goToLine', { line: graded.line })}
                  >
                    {t('line', { line: graded.line })}
                  </button>
                )}
              </div>
              {graded?.hint && (
                <p className="hint">
                  <strong>{t('hint')}:</strong> <InlineMarkdown text={graded.hint} />
                </p>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
