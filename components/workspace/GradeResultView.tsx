'use client'
import { useLocale, useTranslations } from 'next-intl'
import type { GradeResponse } from './exercise-api'
import { InlineMarkdown } from './InlineMarkdown'

export function GradeResultView({ result, onGoToLine }: { result: GradeResponse; onGoToLine(line: number): void }) {
  const t = useTranslations('workspace')
  const lang = useLocale() === 'en' ? 'en' : 'ko'
  return (
    <div data-testid="grade-result">
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
      <ul className="checks" aria-label={t('result')}>
        {result.checks.map((check) => (
          <li key={check.id} className="check" data-passed={check.passed} data-check-id={check.id}>
            <div className="check-head">
              <span className="check-icon" aria-label={check.passed ? t('checkPassed') : t('checkFailed')}>
                {check.passed ? '✓' : '✗'}
              </span>
              <span>
                <InlineMarkdown text={check.message} />
              </span>
              {check.line !== null && !check.passed && (
                <button type="button" className="button small line-link" onClick={() => onGoToLine(check.line!)} aria-label={t('goToLine', { line: check.line })}>
                  {t('line', { line: check.line })}
                </button>
              )}
            </div>
            {check.hint && (
              <p className="hint">
                <strong>{t('hint')}:</strong> <InlineMarkdown text={check.hint} />
              </p>
            )}
          </li>
        ))}
      </ul>
      <p className="muted" style={{ fontSize: '0.85rem' }}>
        {t('gradedIn', { ms: result.durationMs })}
        {result.saved && <> · {t('saved')}</>}
      </p>
    </div>
  )
}
