'use client'
import { useTranslations } from 'next-intl'
import { useLang } from '@/i18n/use-lang'
import type { Locale } from '@/i18n/locales'
import type { GradeResponse } from '@/lib/api-contract/exercises'
import { InlineMarkdown } from './InlineMarkdown'

/**
 * The verdict of the last Submit and what the cluster refused (the YAML's validation errors, or the commands kubectl
 * refused, in kubectl's words with an explanation); the checks themselves are in the checklist.
 */
export function GradeVerdict({ result, onGoToLine }: { result: GradeResponse; onGoToLine(line: number): void }) {
  const t = useTranslations('workspace')
  const lang = useLang()
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
          <DiagnosticList diagnostics={result.validation.errors} lang={lang} onGoToLine={onGoToLine} />
        </div>
      )}
      {result.validation.warnings && result.validation.warnings.length > 0 && (
        <div className="validation-warnings" data-testid="validation-warnings">
          <strong>{t('notSimulatedWarnings')}</strong>
          <DiagnosticList diagnostics={result.validation.warnings} lang={lang} onGoToLine={onGoToLine} />
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

/** Diagnostics on their lines: the field, Kubernetes' words (English, as the API server says them), the hint. */
function DiagnosticList({
  diagnostics,
  lang,
  onGoToLine,
}: {
  diagnostics: GradeResponse['validation']['errors']
  lang: Locale
  onGoToLine(line: number): void
}) {
  const t = useTranslations('workspace')
  return (
    <ul>
      {diagnostics.map((e, i) => (
        <li key={i}>
          {e.line > 0 && (
            <button type="button" className="button small" onClick={() => onGoToLine(e.line)} aria-label={t('goToLine', { line: e.line })}>
              {t('line', { line: e.line })}
            </button>
          )}{' '}
          <code>{e.field}</code>: <span lang="en">{e.message}</span>
          <br />
          <span className="muted">
            <InlineMarkdown text={e.hint[lang]} />
          </span>
        </li>
      ))}
    </ul>
  )
}
