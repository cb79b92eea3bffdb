/**
 * Why a Submit did not give a grade, as the workspace tells the learner: each refusal of the grade API
 * (components/workspace/exercise-api.ts) becomes a message key of the `workspace` namespace and its values.
 * The server's own text is used where it is written for the learner in their language (over budget, quota).
 */
import { ExerciseApiError } from './exercise-api'

export type GradingProblem =
  | { key: 'errorTooLarge' }
  | { key: 'noCommands' }
  | { key: 'errorOverBudget'; serverMessage: string | null }
  | { key: 'errorInvalid' }
  | { key: 'errorQuota'; serverMessage: string | null }
  | { key: 'errorRateLimited'; seconds: number }
  | { key: 'errorUnavailable'; seconds: number }
  | { key: 'errorSignedOut' }
  | { key: 'errorNetwork' }
  | { key: 'errorGeneric' }

export function gradingProblemOf(error: unknown): GradingProblem {
  if (!(error instanceof ExerciseApiError)) return { key: 'errorGeneric' }
  switch (error.reason) {
    case 'too_large':
      return { key: 'errorTooLarge' }
    case 'over_budget':
      return { key: 'errorOverBudget', serverMessage: error.serverMessage }
    case 'invalid':
      return { key: 'errorInvalid' }
    case 'quota':
      return { key: 'errorQuota', serverMessage: error.serverMessage }
    case 'rate_limited':
      return { key: 'errorRateLimited', seconds: error.retryAfter ?? 60 }
    case 'unavailable':
      return { key: 'errorUnavailable', seconds: error.retryAfter ?? 2 }
    case 'unauthorized':
      return { key: 'errorSignedOut' }
    case 'network':
      return { key: 'errorNetwork' }
    default:
      return { key: 'errorGeneric' }
  }
}

/** The text shown: the server's message when it has one for the learner, else the translated key. */
export function gradingProblemText(problem: GradingProblem, t: (key: string, values?: Record<string, string | number>) => string): string {
  if ((problem.key === 'errorOverBudget' || problem.key === 'errorQuota') && problem.serverMessage) return problem.serverMessage
  if (problem.key === 'errorRateLimited' || problem.key === 'errorUnavailable') return t(problem.key, { seconds: problem.seconds })
  return t(problem.key)
}
