import { describe, expect, it } from 'vitest'
import { ExerciseApiError } from './exercise-api'
import { gradingProblemOf, gradingProblemText } from './grading-problem'
import en from '../../messages/en.json' with { type: 'json' }
import ko from '../../messages/ko.json' with { type: 'json' }

/** A stand-in for next-intl's t over the real messages: {name} placeholders only. */
const translator =
  (messages: Record<string, string>) =>
  (key: string, values: Record<string, string | number> = {}) => {
    const template = messages[key]
    if (template === undefined) throw new Error(`no message ${key}`)
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]))
  }

describe('what the workspace says when grading is refused', () => {
  const cases: [ExerciseApiError, RegExp, RegExp][] = [
    [new ExerciseApiError('over_budget', 422, null), /limit/i, /한도|최대/],
    [new ExerciseApiError('invalid', 422), /refused/i, /받아들이지/],
    [new ExerciseApiError('quota', 403, null), /quota|no longer saved/i, /저장/],
    [new ExerciseApiError('rate_limited', 429, null, 17), /17/, /17초/],
    [new ExerciseApiError('unavailable', 503, null, 2), /2/, /2초/],
    [new ExerciseApiError('unauthorized', 401), /sign/i, /로그인/],
    [new ExerciseApiError('network', null), /connect|network/i, /연결/],
    [new ExerciseApiError('too_large', 413), /256 KiB/, /256KiB|256 KiB/],
  ]
  for (const [error, inEnglish, inKorean] of cases) {
    it(`${error.reason}: a reason in each language, no generic failure`, () => {
      const problem = gradingProblemOf(error)
      expect(problem.key).not.toBe('errorGeneric')
      const english = gradingProblemText(problem, translator(en.workspace as Record<string, string>))
      const korean = gradingProblemText(problem, translator(ko.workspace as Record<string, string>))
      expect(english).toMatch(inEnglish)
      expect(korean).toMatch(inKorean)
      for (const text of [english, korean]) expect(text).not.toMatch(/undefined|\{/)
    })
  }

  it('shows the server’s own words when they are written for the learner (over budget, quota)', () => {
    const said = '이 실습에서는 Pod를 최대 50개까지 만들 수 있습니다.'
    expect(
      gradingProblemText(
        gradingProblemOf(new ExerciseApiError('over_budget', 422, said)),
        translator(ko.workspace as Record<string, string>),
      ),
    ).toBe(said)
  })

  it('waits a minute when a 429 names no time', () => {
    expect(gradingProblemOf(new ExerciseApiError('rate_limited', 429))).toEqual({ key: 'errorRateLimited', seconds: 60 })
    expect(gradingProblemOf(new Error('boom'))).toEqual({ key: 'errorGeneric' })
  })
})
