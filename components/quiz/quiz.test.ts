import { describe, expect, it, vi } from 'vitest'
import type { PublicQuestion } from '@/lib/grading/quiz'
import { isAnswered, unansweredNumbers } from './quiz-answers'
import { QuizApiError, submitQuiz } from './quiz-api'

const questions: PublicQuestion[] = [
  { id: 'a', type: 'single', prompt: '?', choices: [{ id: 'x', text: 'x' }] },
  { id: 'b', type: 'multiple', prompt: '?', choices: [{ id: 'x', text: 'x' }] },
  { id: 'c', type: 'truefalse', prompt: '?' },
  { id: 'd', type: 'short', prompt: '?' },
  { id: 'e', type: 'ordering', prompt: '?', choices: [{ id: 'x', text: 'x' }] },
]

describe('unanswered quiz questions', () => {
  it('lists the numbers of the questions without an answer', () => {
    expect(unansweredNumbers(questions, {})).toEqual([1, 2, 3, 4])
    expect(unansweredNumbers(questions, { a: 'x', b: ['x'], c: false, d: 'replicas' })).toEqual([])
    expect(unansweredNumbers(questions, { a: 'x', b: [], c: true, d: '   ' })).toEqual([2, 4])
  })

  it('counts false as an answer and an ordering as always answered', () => {
    expect(isAnswered(questions[2]!, false)).toBe(true)
    expect(isAnswered(questions[4]!, undefined)).toBe(true)
  })
})

describe('submitting a quiz', () => {
  const result = {
    quiz: 'q',
    correct: 1,
    total: 2,
    score: 0.5,
    questions: [{ id: 'a', correct: true, explanation: 'because', answer: 'x' }],
    saved: false,
  }

  it('posts the answers and parses the result', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(result), { status: 200 }))
    expect(await submitQuiz('q', { a: 'x' }, 'ko', fetchMock)).toEqual(result)
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/quizzes/q/attempts')
    expect(JSON.parse(init.body as string)).toEqual({ answers: { a: 'x' }, lang: 'ko' })
  })

  it('fails clearly on an error status, an answer of the wrong shape, or no network', async () => {
    await expect(submitQuiz('q', {}, 'en', async () => new Response('{}', { status: 500 }))).rejects.toBeInstanceOf(QuizApiError)
    await expect(submitQuiz('q', {}, 'en', async () => new Response(JSON.stringify({ ...result, score: 2 })))).rejects.toBeInstanceOf(
      QuizApiError,
    )
    await expect(submitQuiz('q', {}, 'en', async () => new Response('not json'))).rejects.toBeInstanceOf(QuizApiError)
    await expect(submitQuiz('q', {}, 'en', () => Promise.reject(new TypeError('offline')))).rejects.toBeInstanceOf(QuizApiError)
  })
})

describe('a quiz result with marked choices', () => {
  it('parses the choices, right or not, picked or not, and their why', async () => {
    const result = {
      quiz: 'q',
      correct: 0,
      total: 1,
      score: 0,
      questions: [
        {
          id: 'a',
          correct: false,
          explanation: 'e',
          answer: 'B',
          choices: [
            { id: 'x', right: false, chosen: true, why: 'because' },
            { id: 'y', right: true, chosen: false },
          ],
        },
      ],
      saved: false,
    }
    expect(await submitQuiz('q', { a: 'x' }, 'en', async () => new Response(JSON.stringify(result)))).toEqual(result)
  })
})
