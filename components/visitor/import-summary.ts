/**
 * What to tell the learner after an import, from the server's answers (one per request part) and what this
 * browser had claimed. Pure, so the counting is tested without a browser.
 */
import type { VisitorImportRequest } from '@/lib/browser/visitor-work'

/** The JSON of `POST /api/me/import` (lib/server/visitor-import.ts, VisitorImportOutcome), as far as it is read here. */
export interface ImportResponse {
  exercises: { exerciseId: string; outcome: 'added' | 'duplicate'; passed: boolean }[]
  quizzes: { quizId: string; outcome: 'added' | 'duplicate' }[]
  drafts: { exerciseId: string; outcome: 'saved' | 'kept' }[]
  skipped: { exercises: string[]; quizzes: string[] }
  /** graded but not added, and why (ADR 0015) */
  notAdded?: {
    exercises: { exerciseId: string; reason: 'over_budget' | 'over_quota' }[]
    quizzes: { quizId: string; reason: 'unanswered' }[]
  }
}

export interface ImportSummary {
  exercisesAdded: number
  /** of the exercises added, how many passed when graded again */
  passed: number
  quizzesAdded: number
  /** answers the account already had */
  duplicates: number
  /** passed in this browser, not when graded again on the server */
  notPassedAgain: number
  /** exercises and quizzes the course no longer has */
  skipped: number
  draftsSaved: number
  /** quizzes with questions left unanswered: not added */
  quizzesIncomplete: number
  /** answers over the grading budget: not added */
  overBudget: number
  /** answers past the account's storage quota: not added */
  overQuota: number
}

export function summarizeImport(request: VisitorImportRequest, responses: ImportResponse[]): ImportSummary {
  const claimedPass = new Set(request.exercises.filter((e) => e.passed).map((e) => e.exerciseId))
  const exercises = responses.flatMap((r) => r.exercises)
  const quizzes = responses.flatMap((r) => r.quizzes)
  const added = exercises.filter((e) => e.outcome === 'added')
  return {
    exercisesAdded: added.length,
    passed: added.filter((e) => e.passed).length,
    quizzesAdded: quizzes.filter((q) => q.outcome === 'added').length,
    duplicates: exercises.length - added.length + quizzes.filter((q) => q.outcome === 'duplicate').length,
    notPassedAgain: exercises.filter((e) => !e.passed && claimedPass.has(e.exerciseId)).length,
    skipped: responses.reduce((sum, r) => sum + r.skipped.exercises.length + r.skipped.quizzes.length, 0),
    draftsSaved: responses.flatMap((r) => r.drafts).filter((d) => d.outcome === 'saved').length,
    quizzesIncomplete: responses.reduce((sum, r) => sum + (r.notAdded?.quizzes.length ?? 0), 0),
    overBudget: responses.flatMap((r) => r.notAdded?.exercises ?? []).filter((e) => e.reason === 'over_budget').length,
    overQuota: responses.flatMap((r) => r.notAdded?.exercises ?? []).filter((e) => e.reason === 'over_quota').length,
  }
}
