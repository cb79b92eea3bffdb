/**
 * Quizzes: what the browser may see (no answer keys), and grading on the server. The keys and explanations are
 * revealed only for an attempt that answers every question (attemptQuiz): otherwise an empty attempt would be a
 * free way to read the key before a "first" try. Pure.
 */
import { z } from 'zod'
import type { Localized, Question, Quiz } from '../content/schemas.ts'
import type { Locale } from '../../i18n/locales.ts'

/** A predict-what-happens question's demo and `run:` step (the page shows what the simulator printed there). */
export interface PublicShows {
  scenario: string
  run: number
}

export type PublicQuestion =
  | { id: string; type: 'single' | 'multiple' | 'ordering'; prompt: string; choices: { id: string; text: string }[]; shows?: PublicShows }
  | { id: string; type: 'truefalse' | 'short'; prompt: string; shows?: PublicShows }

export interface PublicQuiz {
  id: string
  questions: PublicQuestion[]
}

/**
 * The quiz as sent to the browser before answering: prompts and choices in one language, and which demo step a
 * question shows — never the key, the explanations or a choice's `why` (they would tell the answer).
 */
export function publicQuiz(quiz: Quiz, lang: Locale): PublicQuiz {
  return {
    id: quiz.id,
    questions: quiz.questions.map((q): PublicQuestion => {
      const shows = q.shows ? { shows: { scenario: q.shows.scenario, run: q.shows.run } } : {}
      if (q.type === 'truefalse' || q.type === 'short') return { id: q.id, type: q.type, prompt: q.prompt[lang], ...shows }
      return { id: q.id, type: q.type, prompt: q.prompt[lang], choices: q.choices.map((c) => ({ id: c.id, text: c.text[lang] })), ...shows }
    }),
  }
}

export const quizAnswersSchema = z.record(
  z.string().max(100),
  z.union([z.string().max(500), z.boolean(), z.array(z.string().max(100)).max(50)]),
)
export type QuizAnswers = z.infer<typeof quizAnswersSchema>

/** One choice of a single or multiple-choice question after answering: part of the key or not, picked or not, and why it is wrong. */
export interface ChoiceOutcome {
  id: string
  /** part of the answer */
  right: boolean
  /** the learner picked it */
  chosen: boolean
  /** for a wrong choice: why it is wrong, in the learner's language (when the quiz says) */
  why?: string
}

export interface QuestionOutcome {
  id: string
  correct: boolean
  explanation: string
  /** The right answer, in the learner's language, revealed after submitting. */
  answer: string
  /** single and multiple questions: every choice, marked, with the wrong ones' `why` */
  choices?: ChoiceOutcome[]
}

export interface QuizResult {
  quiz: string
  correct: number
  total: number
  score: number
  questions: QuestionOutcome[]
}

const normalize = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase()
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')

function isCorrect(q: Question, given: QuizAnswers[string] | undefined): boolean {
  switch (q.type) {
    case 'single':
      return given === q.answer
    case 'multiple':
      return Array.isArray(given) && sameSet(given, q.answer)
    case 'truefalse':
      return given === q.answer
    case 'ordering':
      return Array.isArray(given) && given.length === q.answer.length && given.every((id, i) => id === q.answer[i])
    case 'short':
      return typeof given === 'string' && q.answer.accept.some((a) => normalize(a) === normalize(given))
  }
}

function answerText(q: Question, lang: Locale, trueFalse: Localized[]): string {
  const choice = (id: string) => ('choices' in q ? (q.choices.find((c) => c.id === id)?.text[lang] ?? id) : id)
  switch (q.type) {
    case 'single':
      return choice(q.answer)
    case 'multiple':
      return q.answer.map(choice).join(', ')
    case 'ordering':
      return q.answer.map(choice).join(' → ')
    case 'truefalse':
      return (q.answer ? trueFalse[0] : trueFalse[1])[lang]
    case 'short':
      return q.answer.accept[0]
  }
}

const trueFalseWords: Localized[] = [
  { ko: '참', en: 'True' },
  { ko: '거짓', en: 'False' },
]

const given = (answers: QuizAnswers, id: string) => (Object.hasOwn(answers, id) ? answers[id] : undefined)

/** A value that can be this question's answer (right or wrong): one of its choices, all of them in some order, true or false, some text. */
function isAnswer(q: Question, value: QuizAnswers[string] | undefined): boolean {
  const choiceIds = 'choices' in q ? new Set(q.choices.map((c) => c.id)) : new Set<string>()
  const distinctChoices = (list: string[]) => list.every((id) => choiceIds.has(id)) && new Set(list).size === list.length
  switch (q.type) {
    case 'single':
      return typeof value === 'string' && choiceIds.has(value)
    case 'multiple':
      return Array.isArray(value) && value.length > 0 && distinctChoices(value)
    case 'ordering':
      return Array.isArray(value) && value.length === choiceIds.size && distinctChoices(value)
    case 'truefalse':
      return typeof value === 'boolean'
    case 'short':
      return typeof value === 'string' && value.trim() !== ''
  }
}

/** Ids of the questions without an answer (or with something that cannot be one), in the quiz's order. */
export function unansweredQuestions(quiz: Quiz, answers: QuizAnswers): string[] {
  return quiz.questions.filter((q) => !isAnswer(q, given(answers, q.id))).map((q) => q.id)
}

export type QuizAttempt = { complete: true; result: QuizResult; answers: QuizAnswers } | { complete: false; unanswered: string[] }

/**
 * A learner's attempt: graded, with keys and explanations, only when every question is answered. The answers
 * kept are those to this quiz's questions, nothing else that was sent.
 */
export function attemptQuiz(quiz: Quiz, answers: QuizAnswers, lang: Locale): QuizAttempt {
  const unanswered = unansweredQuestions(quiz, answers)
  if (unanswered.length > 0) return { complete: false, unanswered }
  const kept: QuizAnswers = {}
  for (const q of quiz.questions) kept[q.id] = given(answers, q.id)!
  return { complete: true, result: gradeQuiz(quiz, kept, lang), answers: kept }
}

/** A single or multiple question's choices after answering: which are right, which the learner picked, why the wrong ones are wrong. */
function choiceOutcomes(q: Question, value: QuizAnswers[string] | undefined, lang: Locale): ChoiceOutcome[] | undefined {
  if (q.type !== 'single' && q.type !== 'multiple') return undefined
  const key = new Set(q.type === 'single' ? [q.answer] : q.answer)
  const picked = new Set(typeof value === 'string' ? [value] : Array.isArray(value) ? value : [])
  return q.choices.map((c) => {
    const right = key.has(c.id)
    return { id: c.id, right, chosen: picked.has(c.id), ...(!right && c.why ? { why: c.why[lang] } : {}) }
  })
}

export function gradeQuiz(quiz: Quiz, answers: QuizAnswers, lang: Locale): QuizResult {
  const questions = quiz.questions.map((q): QuestionOutcome => {
    const value = given(answers, q.id)
    const choices = choiceOutcomes(q, value, lang)
    return {
      id: q.id,
      correct: isCorrect(q, value),
      explanation: q.explanation[lang],
      answer: answerText(q, lang, trueFalseWords),
      ...(choices ? { choices } : {}),
    }
  })
  const correct = questions.filter((q) => q.correct).length
  return {
    quiz: quiz.id,
    correct,
    total: questions.length,
    score: questions.length ? Math.round((correct / questions.length) * 1000) / 1000 : 0,
    questions,
  }
}
