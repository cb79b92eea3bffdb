'use client'
import { useLocale, useTranslations } from 'next-intl'
import type { GradeResponse } from './exercise-api'
import { InlineMarkdown } from './InlineMarkdown'

/**
 * The verdict of the last Submit and what the cluster refused (the YAML's validation errors, or the commands kubectl
 * refused, in kubectl's words with an explanation); the checks themselves are in the checklist.
 */
export function GradeVerdict({ result, onGoToLine }: { result: GradeResponse; onGoToLine(line: number): void }) {
  const t = useTranslations('workspace')
  const lang = useLocale() === 'en' ? 'en' : 'ko'
  return (
    <>
      <p className="verdict" data-passed={result.passed} role="status">
        <span aria-hidden="true">{result.passed ? '✓' : '✗'}</span>
        {result.passed ? t('passed') : t('notPassed')}
        <span className="muted" style={{ marginLeft: 'auto', fontWeight: 400 }}>
          {t('score', { score: Math.round(result.score * 100) })}
        </span>
      </p>
      {result.validation.errors.length > 0 && (
        <div className="validation-errors" data-testid="validation-errors">
          <strong>{t('validationErrors')}</strong>
          <ul>
            {result.validation.errors.map((e, i) => (
              <li key={i}>
                {e.line > 0 && (
                  <button type="button" className="button small" onClick={() => onGoToLine(e.line)} aria-label={t('goToLine', { line: e.line })}>
                    {t('line', { line: e.line })}
                  </button>
                )}{' '}
                <code>{e.field}</code>: {e.message}
                <br />
                <span className="muted">
                  <InlineMarkdown text={e.hint[lang]} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.commandErrors && result.commandErrors.length > 0 && (
        <div className="validation-errors" data-testid="command-errors">
          <strong>{t('commandErrors')}</strong>
          <ul>
            {result.commandErrors.map((e) => (
              <li key={e.number}>
                {t('commandNumber', { number: e.number })} <code>{e.command}</code>
                {/* kubectl's own words, in English whatever the page's language */}
                <pre lang="en">{e.output}</pre>
                <span className="muted">
                  <InlineMarkdown text={e.explanation} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.notRun && (
        <p className="muted" data-testid="not-run">
          {result.notRun}
        </p>
      )}
    </>
  )
}

export function GradeFooter({ result }: { result: GradeResponse }) {
  const t = useTranslations('workspace')
  return (
    <p className="muted" style={{ fontSize: '0.85rem' }}>
      {t('gradedIn', { ms: result.durationMs })}
      {result.saved && <> · {t('saved')}</>}
    </p>
  )
}
