import { describe, expect, it } from 'vitest'
import { summarizeImport, type ImportResponse } from './import-summary'

const request = {
  lang: 'en' as const,
  exercises: [
    { exerciseId: 'a', answer: 'x', passed: true },
    { exerciseId: 'b', answer: 'x', passed: true },
    { exerciseId: 'c', answer: 'x', passed: false },
    { exerciseId: 'gone', answer: 'x', passed: true },
  ],
  quizzes: [{ quizId: 'q', answers: {} }],
  drafts: [],
  lessons: [],
}

describe('the outcome told after an import', () => {
  it('counts what was added and passed, what was there already, and where the server disagreed with the browser', () => {
    const parts: ImportResponse[] = [
      {
        exercises: [
          { exerciseId: 'a', outcome: 'added', passed: true },
          { exerciseId: 'b', outcome: 'added', passed: false },
        ],
        quizzes: [],
        drafts: [{ exerciseId: 'a', outcome: 'saved' }],
        skipped: { exercises: ['gone'], quizzes: [] },
      },
      {
        exercises: [{ exerciseId: 'c', outcome: 'duplicate', passed: false }],
        quizzes: [{ quizId: 'q', outcome: 'added' }],
        drafts: [{ exerciseId: 'c', outcome: 'kept' }],
        skipped: { exercises: [], quizzes: [] },
      },
    ]
    expect(summarizeImport(request, parts)).toEqual({
      exercisesAdded: 2,
      passed: 1,
      quizzesAdded: 1,
      duplicates: 1,
      notPassedAgain: 1,
      skipped: 1,
      draftsSaved: 1,
      quizzesIncomplete: 0,
      overBudget: 0,
      overQuota: 0,
    })
  })

  it('counts what was graded but not added: open quiz questions, answers over the budget or the quota', () => {
    const part: ImportResponse = {
      exercises: [],
      quizzes: [],
      drafts: [],
      skipped: { exercises: [], quizzes: [] },
      notAdded: {
        exercises: [
          { exerciseId: 'a', reason: 'over_budget' },
          { exerciseId: 'b', reason: 'over_quota' },
          { exerciseId: 'c', reason: 'over_quota' },
        ],
        quizzes: [{ quizId: 'q', reason: 'unanswered' }],
      },
    }
    expect(summarizeImport(request, [part])).toMatchObject({ quizzesIncomplete: 1, overBudget: 1, overQuota: 2, duplicates: 0 })
  })
})
