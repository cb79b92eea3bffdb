import { useTranslations } from 'next-intl'
import type { CaseProof, ExerciseProof } from '@/lib/content/prove'
import { InlineMarkdown } from '@/components/workspace/InlineMarkdown'

/**
 * One exercise's proof, case by case: what each case should do, the checks it failed, its score and grading time.
 * Shared by the studio's list of file lessons (server) and the lesson editor (browser).
 */
export function ProofTable({ proof, label }: { proof: ExerciseProof; label: string }) {
  const t = useTranslations('studio')
  const expectation = (c: CaseProof): string =>
    c.kind === 'wrong' ? t('expect.wrong', { checks: c.expected!.join(', ') }) : t(`expect.${c.kind}`)
  return (
    // on a phone the table scrolls sideways in its own box, which keyboard users can focus and scroll
    <div className="proof-scroll" role="region" tabIndex={0} aria-label={label}>
      <table className="proof-table">
        <thead>
          <tr>
            <th scope="col">{t('case')}</th>
            <th scope="col">{t('expectation')}</th>
            <th scope="col">{t('actual')}</th>
            <th scope="col">{t('score')}</th>
            <th scope="col">{t('time')}</th>
          </tr>
        </thead>
        <tbody>
          {proof.cases.map((c) => (
            <tr key={`${c.kind}:${c.name}`} data-ok={c.ok}>
              <th scope="row">
                {c.ok ? '✓' : '✗'} {c.name}
              </th>
              <td>{expectation(c)}</td>
              <td>
                {c.failing.length ? c.failing.join(', ') : <span className="muted">{t('none')}</span>}
                {!c.ok && (
                  <ul className="proof-details">
                    {c.overBudget && <li>{c.overBudget}</li>}
                    {c.validationErrors.map((e) => (
                      <li key={e}>
                        {t('validation')}: {e}
                      </li>
                    ))}
                    {c.details
                      .filter((d) => !d.passed)
                      .map((d) => (
                        <li key={d.check}>
                          <code>{d.check}</code>: <InlineMarkdown text={d.message} />
                        </li>
                      ))}
                  </ul>
                )}
              </td>
              <td>{Math.round(c.score * 100)}%</td>
              <td>{c.durationMs.toFixed(1)} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
