import { describe, expect, it } from 'vitest'
import { quizSchema } from '../content/schemas.ts'
import { attemptQuiz, gradeQuiz, publicQuiz, unansweredQuestions, type QuizAnswers } from './quiz.ts'

const t = (en: string) => ({ ko: `ko:${en}`, en })
const quiz = quizSchema.parse({
  id: 'sample',
  questions: [
    { id: 'one', type: 'single', prompt: t('pick b'), choices: [{ id: 'a', text: t('A') }, { id: 'b', text: t('B') }], answer: 'b', explanation: t('because b') },
    { id: 'many', type: 'multiple', prompt: t('pick a and c'), choices: [{ id: 'a', text: t('A') }, { id: 'b', text: t('B') }, { id: 'c', text: t('C') }], answer: ['a', 'c'], explanation: t('a and c') },
    { id: 'tf', type: 'truefalse', prompt: t('false?'), answer: false, explanation: t('it is false') },
    { id: 'order', type: 'ordering', prompt: t('order'), choices: [{ id: 'x', text: t('X') }, { id: 'y', text: t('Y') }, { id: 'z', text: t('Z') }], answer: ['y', 'z', 'x'], explanation: t('y z x') },
    { id: 'short', type: 'short', prompt: t('command'), answer: { accept: ['kubectl get pods', 'kubectl get po'] }, explanation: t('get pods') },
  ],
})

describe('quizzes', () => {
  it('sends the browser prompts and choices but never the answer or the explanation', () => {
    const shown = JSON.stringify(publicQuiz(quiz, 'en'))
    expect(shown).not.toMatch(/answer|accept|because b|it is false|kubectl get po/)
    expect(publicQuiz(quiz, 'ko').questions[0]).toEqual({ id: 'one', type: 'single', prompt: 'ko:pick b', choices: [{ id: 'a', text: 'ko:A' }, { id: 'b', text: 'ko:B' }] })
  })

  it('grades every question type', () => {
    const right = gradeQuiz(quiz, { one: 'b', many: ['c', 'a'], tf: false, order: ['y', 'z', 'x'], short: '  KUBECTL   get po ' }, 'en')
    expect(right).toMatchObject({ correct: 5, total: 5, score: 1 })
    const wrong = gradeQuiz(quiz, { one: 'a', many: ['a'], tf: true, order: ['x', 'y', 'z'], short: 'kubectl get deploy' }, 'en')
    expect(wrong).toMatchObject({ correct: 0, score: 0 })
    expect(wrong.questions.map((q) => q.answer)).toEqual(['B', 'A, C', 'False', 'Y → Z → X', 'kubectl get pods'])
    expect(wrong.questions[0]!.explanation).toBe('because b')
  })

  it('treats missing and malformed answers as wrong, not as errors', () => {
    const result = gradeQuiz(quiz, { one: ['b'], tf: 'false', order: ['y', 'z'] }, 'ko')
    expect(result.correct).toBe(0)
    expect(result.questions[2]!.answer).toBe('거짓')
  })

  it('refuses a quiz file whose key is not among its choices', () => {
    const broken = quizSchema.safeParse({ id: 'x', questions: [{ id: 'q', type: 'single', prompt: t('p'), choices: [{ id: 'a', text: t('A') }, { id: 'b', text: t('B') }], answer: 'c', explanation: t('e') }] })
    expect(broken.success).toBe(false)
    expect(broken.error?.issues[0]?.message).toContain('answer "c" is not one of the choices')
  })
})

describe('a quiz attempt', () => {
  const complete = { one: 'a', many: ['b'], tf: true, order: ['x', 'y', 'z'], short: 'kubectl get deploy' }

  it('is graded, with the keys and explanations, only when every question is answered', () => {
    const attempt = attemptQuiz(quiz, complete, 'en')
    expect(attempt.complete).toBe(true)
    if (attempt.complete) {
      expect(attempt.result).toMatchObject({ correct: 0, total: 5, score: 0 })
      expect(attempt.result.questions.map((q) => q.answer)).toEqual(['B', 'A, C', 'False', 'Y → Z → X', 'kubectl get pods'])
    }
  })

  it('lists the unanswered questions, in quiz order, and reveals nothing, when any is missing', () => {
    const attempt = attemptQuiz(quiz, {}, 'en')
    expect(attempt).toEqual({ complete: false, unanswered: ['one', 'many', 'tf', 'order', 'short'] })
    expect(JSON.stringify(attempt)).not.toMatch(/because b|kubectl get pods/)
    const { short: _short, tf: _tf, ...most } = complete
    expect(attemptQuiz(quiz, most, 'en')).toEqual({ complete: false, unanswered: ['tf', 'short'] })
  })

  it.each([
    ['a choice the question does not offer', { one: 'c' }, 'one'],
    ['a single answer given as a list', { one: ['b'] }, 'one'],
    ['no choice ticked in a multiple-choice question', { many: [] }, 'many'],
    ['a choice ticked twice', { many: ['a', 'a'] }, 'many'],
    ['"false" as text for true/false', { tf: 'false' }, 'tf'],
    ['an ordering that leaves a choice out', { order: ['y', 'z'] }, 'order'],
    ['an ordering that repeats a choice', { order: ['y', 'y', 'x'] }, 'order'],
    ['blank text', { short: '   ' }, 'short'],
  ])('counts %s as unanswered', (_, change, id) => {
    expect(unansweredQuestions(quiz, { ...complete, ...change } as QuizAnswers)).toEqual([id])
  })

  it('keeps only the answers to its own questions, and reads no inherited property as an answer', () => {
    const attempt = attemptQuiz(quiz, { ...complete, extra: 'x', ['__proto__']: 'y' } as QuizAnswers, 'en')
    expect(attempt.complete && Object.keys(attempt.answers)).toEqual(['one', 'many', 'tf', 'order', 'short'])
    const inherited = quizSchema.parse({ id: 'proto', questions: [{ id: 'constructor', type: 'truefalse', prompt: t('p'), answer: true, explanation: t('e') }] })
    expect(unansweredQuestions(inherited, {})).toEqual(['constructor'])
  })
})
