'use client'
import { useTranslations } from 'next-intl'
import { useLang } from '@/i18n/use-lang'
import type { GateResult } from '@/lib/content/publish-gate'
import { ProofTable } from './ProofTable'
import { InlineMarkdown } from '@/components/workspace/InlineMarkdown'

/** The publish gate's verdict: every reason the lesson cannot go to learners (file, line, why), then the proof. */
export function GateReport({ gate, refused }: { gate: GateResult; refused: boolean }) {
  const t = useTranslations('studio.editor')
  const locale = useLang()
  return (
    <div className="studio-gate" data-testid="gate" data-ok={gate.ok} role={refused ? 'alert' : undefined}>
      <p>
        <strong>
          {gate.ok
            ? t('gateOk')
            : refused
              ? t('gateRefused', { count: gate.problems.length })
              : t('gateProblems', { count: gate.problems.length })}
        </strong>
      </p>
      {gate.problems.length > 0 && (
        <ul className="studio-problems" data-testid="gate-problems">
          {gate.problems.map((p, i) => (
            <li key={i}>
              <code>{p.file}</code>
              {p.line ? ` ${t('at', { line: p.line, column: p.column ?? 1 })}` : ''} —{' '}
              {/* a proof's problem quotes check messages, whose field paths are `code` */}
              <InlineMarkdown text={p.message[locale]} />
            </li>
          ))}
        </ul>
      )}
      {gate.proof && <ProofTable proof={gate.proof} label={t('proofOf', { id: gate.proof.exerciseId })} />}
    </div>
  )
}
