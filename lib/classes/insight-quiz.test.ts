import { describe, expect, it } from 'vitest'
import { quizSchema, type Quiz } from '../content/schemas.ts'
import { quizItemAnalysis, type QuizAttemptRow } from './insight-quiz.ts'

const l = (en: string) => ({ ko: `${en} (ko)`, en })
const quiz: Quiz = quizSchema.parse({
  id: 'pod-basics',
  questions: [
    {
      id: 'how-many',
      type: 'single',
      prompt: l('How many Pods?'),
      explanation: l('Three.'),
      choices: [
        { id: 'a', text: l('One') },
        { id: 'b', text: l('Two') },
        { id: 'c', text: l('Three') },
      ],
      answer: 'c',
    },
    {
      id: 'which-kinds',
      type: 'multiple',
      prompt: l('Which are workloads?'),
      explanation: l('Both.'),
      choices: [
        { id: 'pod', text: l('Pod') },
        { id: 'deploy', text: l('Deployment') },
        { id: 'svc', text: l('Service') },
      ],
      answer: ['pod', 'deploy'],
    },
    { id: 'restarts', type: 'truefalse', prompt: l('A bare Pod comes back after delete.'), explanation: l('No.'), answer: false },
    {
      id: 'kind-name',
      type: 'short',
      prompt: l('The kind that keeps replicas?'),
      explanation: l('ReplicaSet.'),
      answer: { accept: ['ReplicaSet'] },
    },
    {
      id: 'order',
      type: 'ordering',
      prompt: l('Order the steps.'),
      explanation: l('Like so.'),
      choices: [
        { id: 'x', text: l('X') },
        { id: 'y', text: l('Y') },
      ],
      answer: ['x', 'y'],
    },
  ],
})

const start = Date.parse('2026-11-02T09:00:00Z')
let n = 0
const attempt = (userId: string, minutes: number, answers: QuizAttemptRow['answers']): QuizAttemptRow => ({
  id: `q${++n}`,
  userId,
  createdAt: new Date(start + minutes * 60_000),
  answers,
})
const right = { 'how-many': 'c', 'which-kinds': ['pod', 'deploy'], restarts: false, 'kind-name': 'ReplicaSet', order: ['x', 'y'] }

describe('quiz item analysis', () => {
  it('counts each learner’s first try only: a later perfect attempt does not hide the miss', () => {
    const insight = quizItemAnalysis(
      quiz,
      [attempt('yuna', 0, { ...right, 'how-many': 'a' }), attempt('yuna', 5, right), attempt('bora', 1, right)],
      ['yuna', 'bora'],
    )
    const howMany = insight.questions.find((q) => q.id === 'how-many')!
    expect(howMany).toMatchObject({
      number: 1,
      answered: 2,
      missed: 1,
      missedShare: 0.5,
      topWrong: { kind: 'choice', id: 'a', text: l('One'), learners: 1 },
    })
    expect(insight.learners).toBe(2)
  })

  it('puts the most missed questions first, ties in the quiz’s order', () => {
    const insight = quizItemAnalysis(
      quiz,
      [
        attempt('yuna', 0, { ...right, restarts: true, 'kind-name': 'replicaset ' }),
        attempt('bora', 0, { ...right, restarts: true, order: ['y', 'x'] }),
        attempt('minho', 0, { ...right, 'which-kinds': ['pod', 'svc'] }),
      ],
      ['yuna', 'bora', 'minho'],
    )
    expect(insight.questions.map((q) => [q.id, q.missed])).toEqual([
      ['restarts', 2],
      ['which-kinds', 1],
      ['order', 1],
      ['how-many', 0],
      ['kind-name', 0], // "replicaset " is accepted: case and spaces do not count
    ])
    expect(insight.questions[0]!.topWrong).toEqual({ kind: 'boolean', value: true, learners: 2 })
    // a multiple-choice miss names the wrong choice picked, not the right one left out
    expect(insight.questions[1]!.topWrong).toEqual({ kind: 'choice', id: 'svc', text: l('Service'), learners: 1 })
    expect(insight.questions[2]!.topWrong).toBeNull()
  })

  it('names the wrong choice most learners picked, ties by the choices’ order', () => {
    const insight = quizItemAnalysis(
      quiz,
      [
        attempt('a1', 0, { 'how-many': 'b' }),
        attempt('a2', 0, { 'how-many': 'a' }),
        attempt('a3', 0, { 'how-many': 'b' }),
        attempt('a4', 0, { 'how-many': 'a' }),
        attempt('a5', 0, { 'how-many': 'b' }),
      ],
      ['a1', 'a2', 'a3', 'a4', 'a5'],
    )
    expect(insight.questions[0]).toMatchObject({ id: 'how-many', missed: 5, topWrong: { id: 'b', learners: 3 } })
    const tie = quizItemAnalysis(quiz, [attempt('a1', 0, { 'how-many': 'b' }), attempt('a2', 0, { 'how-many': 'a' })], ['a1', 'a2'])
    expect(tie.questions[0]!.topWrong).toMatchObject({ id: 'a', learners: 1 })
  })

  it('groups typed answers by how they read, and shows one of them', () => {
    const insight = quizItemAnalysis(
      quiz,
      [
        attempt('a1', 0, { 'kind-name': 'Deployment' }),
        attempt('a2', 0, { 'kind-name': '  deployment ' }),
        attempt('a3', 0, { 'kind-name': 'Pod' }),
      ],
      ['a1', 'a2', 'a3'],
    )
    expect(insight.questions[0]).toMatchObject({ id: 'kind-name', missed: 3, topWrong: { kind: 'text', text: 'Deployment', learners: 2 } })
  })

  it('takes a question added later from the first attempt that answered it, and leaves out learners not in the class', () => {
    const insight = quizItemAnalysis(
      quiz,
      [
        attempt('yuna', 0, { 'how-many': 'c' }),
        attempt('yuna', 10, { ...right, restarts: true }),
        attempt('gone', 0, { ...right, 'how-many': 'a' }),
      ],
      ['yuna', 'bora'],
    )
    expect(insight.learners).toBe(1)
    expect(insight.questions.find((q) => q.id === 'how-many')).toMatchObject({ answered: 1, missed: 0 })
    expect(insight.questions.find((q) => q.id === 'restarts')).toMatchObject({ answered: 1, missed: 1 })
  })

  it('has nothing to say before anyone tried: every share is unknown, the quiz’s order kept', () => {
    const insight = quizItemAnalysis(quiz, [], ['yuna'])
    expect(insight.learners).toBe(0)
    expect(insight.questions.map((q) => [q.id, q.missedShare, q.topWrong])).toEqual(quiz.questions.map((q) => [q.id, null, null]))
  })
})
