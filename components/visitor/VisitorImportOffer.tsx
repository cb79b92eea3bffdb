'use client'
import { useTranslations } from 'next-intl'
import { useLang } from '@/i18n/use-lang'
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import {
  clearVisitorWork,
  hasVisitorWork,
  importBatches,
  readVisitorWork,
  visitorDrafts,
  visitorImportRequest,
  visitorWorkCounts,
} from '@/lib/browser/visitor-work'
import { announceLearnerWorkChanged } from '@/lib/browser/learner-work-changed'
import { summarizeImport, type ImportResponse, type ImportSummary } from './import-summary'

/** "Not now" lasts for this tab's session; the offer comes back in the next one. */
export const laterKey = 'kubelab:visitor-import:later'

type Phase =
  | { kind: 'closed' }
  | { kind: 'offer'; exercises: number; quizzes: number }
  | { kind: 'confirm-discard'; exercises: number; quizzes: number }
  | { kind: 'adding'; exercises: number; quizzes: number }
  | { kind: 'failed'; exercises: number; quizzes: number; signedOut: boolean }
  | { kind: 'done'; summary: ImportSummary }

function laterThisSession(): boolean {
  try {
    return sessionStorage.getItem(laterKey) === '1'
  } catch {
    return false
  }
}

/** The offer when this browser holds visitor work and "not now" was not said in this tab's session. */
function initialPhase(): Phase {
  const work = readVisitorWork()
  if (!hasVisitorWork(work) || laterThisSession()) return { kind: 'closed' }
  const counts = visitorWorkCounts(work)
  return { kind: 'offer', exercises: counts.exercises, quizzes: counts.quizzes }
}

/**
 * Offers a signed-in learner to add what this browser did before they signed in (lib/browser/visitor-work.ts).
 * Mounted once in the root layout for signed-in users; shows nothing when there is nothing to offer.
 */
export function VisitorImportOffer() {
  const t = useTranslations('visitor')
  const locale = useLang()
  const router = useRouter()
  const dialog = useRef<HTMLDialogElement>(null)
  // Only mounted in the browser, once /api/me said who is signed in (SignedInExtras): never server-rendered or
  // hydrated, so the first render can read this browser's storage.
  const [phase, setPhase] = useState<Phase>(initialPhase)

  const open = phase.kind !== 'closed'
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])

  // Each step puts the focus on its main button (the safe one when confirming a discard).
  useEffect(() => {
    if (phase.kind !== 'closed' && phase.kind !== 'adding') dialog.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus()
  }, [phase.kind])

  const close = () => setPhase({ kind: 'closed' })
  const later = () => {
    try {
      sessionStorage.setItem(laterKey, '1')
    } catch {}
    close()
  }

  async function add(counts: { exercises: number; quizzes: number }) {
    setPhase({ kind: 'adding', ...counts })
    const request = visitorImportRequest(readVisitorWork(), visitorDrafts(), locale)
    const responses: ImportResponse[] = []
    try {
      for (const part of importBatches(request)) {
        const response = await fetch('/api/me/import', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(part),
        })
        if (!response.ok) {
          setPhase({ kind: 'failed', ...counts, signedOut: response.status === 401 })
          return
        }
        responses.push((await response.json()) as ImportResponse)
      }
    } catch {
      setPhase({ kind: 'failed', ...counts, signedOut: false })
      return
    }
    clearVisitorWork()
    setPhase({ kind: 'done', summary: summarizeImport(request, responses) })
    router.refresh() // the page behind shows the lessons as the account now has them
    announceLearnerWorkChanged() // the prerendered lesson and course pages ask for it themselves
  }

  const outcomeLines = (summary: ImportSummary): string[] => {
    const lines = [
      summary.exercisesAdded > 0 && t('result.exercises', { added: summary.exercisesAdded, passed: summary.passed }),
      summary.quizzesAdded > 0 && t('result.quizzes', { added: summary.quizzesAdded }),
      summary.notPassedAgain > 0 && t('result.notPassedAgain', { count: summary.notPassedAgain }),
      summary.duplicates > 0 && t('result.duplicates', { count: summary.duplicates }),
      summary.skipped > 0 && t('result.skipped', { count: summary.skipped }),
      summary.draftsSaved > 0 && t('result.drafts', { count: summary.draftsSaved }),
      summary.quizzesIncomplete > 0 && t('result.quizzesIncomplete', { count: summary.quizzesIncomplete }),
      summary.overBudget > 0 && t('result.overBudget', { count: summary.overBudget }),
      summary.overQuota > 0 && t('result.overQuota', { count: summary.overQuota }),
    ].filter((line): line is string => typeof line === 'string')
    return lines.length > 0 ? lines : [t('result.nothing')]
  }

  const question = (counts: { exercises: number; quizzes: number }) =>
    counts.exercises > 0 && counts.quizzes > 0
      ? t('offer.both', counts)
      : counts.exercises > 0
        ? t('offer.exercisesOnly', counts)
        : t('offer.quizzesOnly', counts)

  return (
    <dialog
      ref={dialog}
      className="visitor-import"
      aria-labelledby="visitor-import-title"
      aria-describedby="visitor-import-text"
      data-testid="visitor-import"
      onCancel={(event) => {
        // Escape: "not now" while offering, "close" after; never in the middle of adding
        event.preventDefault()
        if (phase.kind === 'adding') return
        if (phase.kind === 'done') close()
        else later()
      }}
    >
      {phase.kind !== 'closed' && (
        <>
          <h2 id="visitor-import-title">{phase.kind === 'done' ? t('result.title') : t('offer.title')}</h2>
          {phase.kind !== 'done' && (
            <>
              <p id="visitor-import-text">{question(phase)}</p>
              <p className="muted visitor-import-note">{t('offer.regraded')}</p>
            </>
          )}
          {/* one live region from "adding" to the outcome, so the outcome is announced */}
          <div
            role="status"
            className="visitor-import-status"
            id={phase.kind === 'done' ? 'visitor-import-text' : undefined}
            data-testid="visitor-import-status"
          >
            {phase.kind === 'adding' && <p>{t('offer.adding')}</p>}
            {phase.kind === 'done' && outcomeLines(phase.summary).map((line) => <p key={line}>{line}</p>)}
          </div>
          {phase.kind === 'failed' && (
            <p role="alert" className="error">
              {phase.signedOut ? t('error.signedOut') : t('error.failed')}
            </p>
          )}
          {phase.kind === 'done' ? (
            <div className="button-row">
              <button type="button" className="button primary" data-autofocus onClick={close}>
                {t('result.close')}
              </button>
            </div>
          ) : phase.kind === 'confirm-discard' ? (
            <div className="visitor-import-confirm">
              <p>{t('offer.confirmDiscard')}</p>
              <div className="button-row">
                <button
                  type="button"
                  className="button danger"
                  onClick={() => {
                    clearVisitorWork()
                    close()
                  }}
                >
                  {t('offer.confirmDiscardButton')}
                </button>
                <button
                  type="button"
                  className="button"
                  data-autofocus
                  onClick={() => setPhase({ kind: 'offer', exercises: phase.exercises, quizzes: phase.quizzes })}
                >
                  {t('offer.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div className="button-row">
              <button
                type="button"
                className="button primary"
                data-autofocus
                disabled={phase.kind === 'adding'}
                onClick={() => add(phase)}
                data-testid="visitor-import-add"
              >
                {phase.kind === 'failed' ? t('error.retry') : t('offer.add')}
              </button>
              <button type="button" className="button" disabled={phase.kind === 'adding'} onClick={later}>
                {t('offer.later')}
              </button>
              <button
                type="button"
                className="button danger"
                disabled={phase.kind === 'adding'}
                onClick={() => setPhase({ kind: 'confirm-discard', exercises: phase.exercises, quizzes: phase.quizzes })}
              >
                {t('offer.discard')}
              </button>
            </div>
          )}
        </>
      )}
    </dialog>
  )
}
