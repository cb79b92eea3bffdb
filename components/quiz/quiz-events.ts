/** Dispatched on `window` when a quiz on the page is graded (the workspace's pass panel shows its score). */
export const quizGradedEvent = 'kubelab:quiz-graded'

export interface QuizGradedDetail {
  quizId: string
  correct: number
  total: number
  score: number
}
