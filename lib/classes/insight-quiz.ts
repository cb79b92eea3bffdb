/**
 * Item analysis of a quiz for a class (issue 17): per question, the share of learners who missed it on their first
 * try and the wrong answer chosen most, the most-missed questions first. A learner's first try is what they knew; a
 * later attempt may have been made with the key the first one revealed. Pure.
 */
import type { Localized, Question, Quiz } from '../content/schemas.ts'
import { gradeQuiz, type QuizAnswers } from '../grading/quiz.ts'

export interface QuizAttemptRow {
  id: string
  userId: string
  createdAt: Date
  answers: QuizAnswers
}

/** A wrong answer as the teacher reads it: a choice's text, true or false, or what was typed. */
export type WrongAnswerValue =
  { kind: 'choice'; id: string; text: Localized } | { kind: 'boolean'; value: boolean } | { kind: 'text'; text: string }
export type WrongAnswer = WrongAnswerValue & { learners: number }

export interface QuestionInsight {
  id: string
  /** 1-based position in the quiz */
  number: number
  type: Question['type']
  prompt: Localized
  /** learners whose first try answered this question */
  answered: number
  /** of those, how many got it wrong */
  missed: number
  /** missed / answered; null when nobody answered it */
  missedShare: number | null
  /** the wrong answer most of them chose (a choice, true/false, or typed text); null when nobody missed it, or for an ordering question */
  topWrong: WrongAnswer | null
}

export interface QuizInsight {
  quizId: string
  /** learners of the class who tried the quiz */
  learners: number
  /** most missed first (by share, then by count); ties in the quiz's order; unanswered questions last */
  questions: QuestionInsight[]
}

const normalize = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase()
const byTime = (a: QuizAttemptRow, b: QuizAttemptRow) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The wrong answers a learner gave to a question they missed: the wrong choices they picked, the wrong boolean, the text. */
function wrongAnswersOf(q: Question, given: QuizAnswers[string]): { key: string; answer: WrongAnswerValue }[] {
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const key = new Set(q.type === 'single' ? [q.answer] : q.answer)
      const picked = typeof given === 'string' ? [given] : Array.isArray(given) ? given : []
      return [...new Set(picked)].flatMap((id) => {
        const choice = q.choices.find((c) => c.id === id)
        return choice && !key.has(id) ? [{ key: `choice:${id}`, answer: { kind: 'choice' as const, id, text: choice.text } }] : []
      })
    }
    case 'truefalse':
      return typeof given === 'boolean' ? [{ key: `boolean:${given}`, answer: { kind: 'boolean' as const, value: given } }] : []
    case 'short':
      return typeof given === 'string' && given.trim()
        ? [{ key: `text:${normalize(given)}`, answer: { kind: 'text' as const, text: given.trim().replace(/\s+/g, ' ') } }]
        : []
    case 'ordering':
      return [] // an order is wrong in too many ways for one of them to say much
  }
}

export function quizItemAnalysis(quiz: Quiz, attempts: readonly QuizAttemptRow[], learnerIds: readonly string[]): QuizInsight {
  const inClass = new Set(learnerIds)
  const byLearner = new Map<string, QuizAttemptRow[]>()
  for (const a of [...attempts].sort(byTime)) {
    if (!inClass.has(a.userId)) continue
    const list = byLearner.get(a.userId)
    if (list) list.push(a)
    else byLearner.set(a.userId, [a])
  }
  const stats = quiz.questions.map(() => ({
    answered: 0,
    missed: 0,
    wrong: new Map<string, { answer: WrongAnswerValue; learners: number; firstSeen: number }>(),
  }))
  let seen = 0
  for (const list of byLearner.values()) {
    quiz.questions.forEach((q, i) => {
      // the learner's first attempt that answered this question (one added to the quiz later was not in the first)
      const first = list.find((a) => Object.hasOwn(a.answers, q.id))
      if (!first) return
      const given = first.answers[q.id]!
      const stat = stats[i]!
      stat.answered++
      const correct = gradeQuiz({ id: quiz.id, questions: [q] }, { [q.id]: given }, 'en').questions[0]!.correct
      if (correct) return
      stat.missed++
      for (const { key, answer } of wrongAnswersOf(q, given)) {
        const w = stat.wrong.get(key)
        if (w) w.learners++
        else stat.wrong.set(key, { answer, learners: 1, firstSeen: seen++ })
      }
    })
  }
  const questions = quiz.questions.map((q, i): QuestionInsight => {
    const stat = stats[i]!
    // the most chosen; ties: the first choice in the question's order, else the first seen
    const choiceOrder = ({ answer, firstSeen }: { answer: WrongAnswerValue; firstSeen: number }) =>
      'choices' in q && answer.kind === 'choice' ? q.choices.findIndex((c) => c.id === answer.id) : firstSeen
    const top = [...stat.wrong.values()].sort((a, b) => b.learners - a.learners || choiceOrder(a) - choiceOrder(b))[0]
    return {
      id: q.id,
      number: i + 1,
      type: q.type,
      prompt: q.prompt,
      answered: stat.answered,
      missed: stat.missed,
      missedShare: stat.answered ? stat.missed / stat.answered : null,
      topWrong: top ? { ...top.answer, learners: top.learners } : null,
    }
  })
  questions.sort((a, b) => (b.missedShare ?? -1) - (a.missedShare ?? -1) || b.missed - a.missed || a.number - b.number)
  return { quizId: quiz.id, learners: byLearner.size, questions }
}
