import { describe, expect, it } from 'vitest'
import { quizSchema } from '../content/schemas.ts'
import { attemptQuiz, gradeQuiz, publicQuiz, unansweredQuestions, type QuizAnswers } from './quiz.ts'

const t = (en: string) => ({ ko: `ko:${en}`, en })
const quiz = quizSchema.parse({
  id: 'sample',
  questions: [
    {
      id: 'one',
      type: 'single',
      prompt: t('pick b'),
      choices: [
        { id: 'a', text: t('A') },
        { id: 'b', text: t('B') },
      ],
      answer: 'b',
      explanation: t('because b'),
    },
    {
      id: 'many',
      type: 'multiple',
      prompt: t('pick a and c'),
      choices: [
        { id: 'a', text: t('A') },
        { id: 'b', text: t('B') },
        { id: 'c', text: t('C') },
      ],
      answer: ['a', 'c'],
      explanation: t('a and c'),
    },
    { id: 'tf', type: 'truefalse', prompt: t('false?'), answer: false, explanation: t('it is false') },
    {
      id: 'order',
      type: 'ordering',
      prompt: t('order'),
      choices: [
        { id: 'x', text: t('X') },
        { id: 'y', text: t('Y') },
        { id: 'z', text: t('Z') },
      ],
      answer: ['y', 'z', 'x'],
      explanation: t('y z x'),
    },
    {
      id: 'short',
      type: 'short',
      prompt: t('command'),
      answer: { accept: ['kubectl get pods', 'kubectl get po'] },
      explanation: t('get pods'),
    },
  ],
})

describe('quizzes', () => {
  it('sends the browser prompts and choices but never the answer or the explanation', () => {
    const shown = JSON.stringify(publicQuiz(quiz, 'en'))
    expect(shown).not.toMatch(/answer|accept|because b|it is false|kubectl get po/)
    expect(publicQuiz(quiz, 'ko').questions[0]).toEqual({
      id: 'one',
      type: 'single',
      prompt: 'ko:pick b',
      choices: [
        { id: 'a', text: 'ko:A' },
        { id: 'b', text: 'ko:B' },
      ],
    })
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
    const broken = quizSchema.safeParse({
      id: 'x',
      questions: [
        {
          id: 'q',
          type: 'single',
          prompt: t('p'),
          choices: [
            { id: 'a', text: t('A') },
            { id: 'b', text: t('B') },
          ],
          answer: 'c',
          explanation: t('e'),
        },
      ],
    })
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
    const inherited = quizSchema.parse({
      id: 'proto',
      questions: [{ id: 'constructor', type: 'truefalse', prompt: t('p'), answer: true, explanation: t('e') }],
    })
    expect(unansweredQuestions(inherited, {})).toEqual(['constructor'])
  })
})

describe('why a choice is wrong, and what a question shows', () => {
  const withWhy = quizSchema.parse({
    id: 'with-why',
    questions: [
      {
        id: 'predict',
        type: 'single',
        prompt: t('what comes next?'),
        shows: { scenario: 'scaling', run: 2 },
        choices: [
          { id: 'a', text: t('A'), why: t('A is wrong because') },
          { id: 'b', text: t('B') },
          { id: 'c', text: t('C'), why: t('C is wrong because') },
        ],
        answer: 'b',
        explanation: t('b'),
      },
      {
        id: 'many',
        type: 'multiple',
        prompt: t('a and b'),
        choices: [
          { id: 'a', text: t('A') },
          { id: 'b', text: t('B') },
          { id: 'c', text: t('C'), why: t('not C') },
        ],
        answer: ['a', 'b'],
        explanation: t('a b'),
      },
      { id: 'tf', type: 'truefalse', prompt: t('tf'), answer: true, explanation: t('true') },
    ],
  })

  it('keeps every why out of the quiz the browser gets before answering, and tells it which demo step a question shows', () => {
    const shown = JSON.stringify(publicQuiz(withWhy, 'en'))
    expect(shown).not.toMatch(/wrong because|not C|"why"/)
    expect(publicQuiz(withWhy, 'ko').questions[0]).toEqual({
      id: 'predict',
      type: 'single',
      prompt: 'ko:what comes next?',
      choices: [
        { id: 'a', text: 'ko:A' },
        { id: 'b', text: 'ko:B' },
        { id: 'c', text: 'ko:C' },
      ],
      shows: { scenario: 'scaling', run: 2 },
    })
    expect(publicQuiz(withWhy, 'en').questions[1]).not.toHaveProperty('shows')
  })

  it('marks after answering which choice is right, which the learner picked, and why each wrong one is wrong, in their language', () => {
    const result = gradeQuiz(withWhy, { predict: 'a', many: ['a', 'c'], tf: true }, 'ko')
    expect(result.questions[0]!.choices).toEqual([
      { id: 'a', right: false, chosen: true, why: 'ko:A is wrong because' },
      { id: 'b', right: true, chosen: false },
      { id: 'c', right: false, chosen: false, why: 'ko:C is wrong because' },
    ])
    expect(result.questions[1]!.choices).toEqual([
      { id: 'a', right: true, chosen: true },
      { id: 'b', right: true, chosen: false },
      { id: 'c', right: false, chosen: true, why: 'ko:not C' },
    ])
    // a true/false question has no choices to mark
    expect(result.questions[2]).not.toHaveProperty('choices')
  })

  it('reveals the whys only with a complete attempt', () => {
    const attempt = attemptQuiz(withWhy, { predict: 'a' }, 'en')
    expect(attempt).toEqual({ complete: false, unanswered: ['many', 'tf'] })
    const complete = attemptQuiz(withWhy, { predict: 'b', many: ['a', 'b'], tf: false }, 'en')
    expect(complete.complete && complete.result.questions[0]!.choices?.map((c) => c.why ?? null)).toEqual([
      'A is wrong because',
      null,
      'C is wrong because',
    ])
  })
})
