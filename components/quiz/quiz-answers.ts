/** Which quiz questions the learner has not answered yet. Pure. */
import type { PublicQuestion } from '@/lib/grading/quiz'

export type Answer = string | boolean | string[]

export function isAnswered(question: PublicQuestion, answer: Answer | undefined): boolean {
  switch (question.type) {
    case 'single':
      return typeof answer === 'string' && answer !== ''
    case 'truefalse':
      return typeof answer === 'boolean'
    case 'short':
      return typeof answer === 'string' && answer.trim() !== ''
    case 'multiple':
      return Array.isArray(answer) && answer.length > 0
    case 'ordering':
      return true // always holds an order (the one shown first, or the learner's)
  }
}

/** The 1-based numbers of the questions without an answer, in order. */
export function unansweredNumbers(questions: PublicQuestion[], answers: Record<string, Answer>): number[] {
  return questions.flatMap((q, index) => (isAnswered(q, answers[q.id]) ? [] : [index + 1]))
}
