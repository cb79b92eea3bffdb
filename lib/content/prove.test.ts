import { describe, expect, it } from 'vitest'
import { findExercise } from './load.ts'
import { caseProblem, proveExercise } from './prove.ts'

describe('proving an exercise', () => {
  const found = findExercise('deployment-web')!

  it('proves a course exercise: the solution passes, the starter fails, each wrong answer fails exactly its checks', () => {
    const proof = proveExercise(found.exercise)
    expect(proof.ok).toBe(true)
    const { rightAnswers, wrongAnswers } = found.exercise
    expect(rightAnswers.length).toBeGreaterThan(0)
    expect(proof.cases.map((c) => c.kind)).toEqual([
      'solution',
      'starter',
      ...rightAnswers.map(() => 'right'),
      ...wrongAnswers.map(() => 'wrong'),
    ])
    const solution = proof.cases[0]!
    expect(solution).toMatchObject({ ok: true, failing: [], score: 1 })
    for (const [i, right] of rightAnswers.entries()) expect(proof.cases[i + 2]).toMatchObject({ name: right.name, ok: true, failing: [] })
    for (const [i, wrong] of wrongAnswers.entries()) {
      expect(proof.cases[i + 2 + rightAnswers.length]).toMatchObject({
        name: wrong.name,
        ok: true,
        failing: [...wrong.fails].sort(),
        expected: [...wrong.fails].sort(),
      })
    }
    expect(proof.cases.map((c) => caseProblem(c))).toEqual(proof.cases.map(() => null))
  })

  it('says what went wrong when an author is mistaken', () => {
    const wrong = found.exercise.wrongAnswers[0]!
    const mistaken = {
      ...found.exercise,
      starter: found.exercise.solution, // a starter that already passes
      rightAnswers: [],
      wrongAnswers: [{ ...wrong, fails: ['no-such-expectation'] }],
    }
    const proof = proveExercise(mistaken)
    expect(proof.ok).toBe(false)
    expect(caseProblem(proof.cases[1]!)).toBe('the starter already passes every check')
    expect(caseProblem(proof.cases[2]!)).toBe(
      `wrong answer "${wrong.name}" should fail [no-such-expectation] but fails [${[...wrong.fails].sort().join(', ')}]`,
    )
    expect(caseProblem(proof.cases[1]!, 'ko')).toBe('처음 틀이 이미 모든 검사를 통과합니다')
    expect(caseProblem({ ...proof.cases[2]!, name: 'web' }, 'ko')).toBe(
      `오답 "web"은 [no-such-expectation]에서 실패해야 하는데 [${[...wrong.fails].sort().join(', ')}]에서 실패합니다`,
    )
  })

  it('proves each right answer passes every check, and says which check a right answer the grader refuses fails', () => {
    const wrong = found.exercise.wrongAnswers[0]!
    const withRight = {
      ...found.exercise,
      rightAnswers: [
        { name: 'the solution with a comment on top', source: `# my Deployment\n${found.exercise.solution}` },
        { name: 'not right after all', source: wrong.source },
      ],
    }
    const proof = proveExercise(withRight)
    expect(proof.cases.map((c) => [c.kind, c.name, c.ok])).toEqual([
      ['solution', 'solution', true],
      ['starter', 'starter', true],
      ['right', 'the solution with a comment on top', true],
      ['right', 'not right after all', false],
      ...found.exercise.wrongAnswers.map((w) => ['wrong', w.name, true]),
    ])
    expect(caseProblem(proof.cases[3]!)).toMatch(
      new RegExp(`^right answer "not right after all" does not pass: .*${[...wrong.fails].sort()[0]}: `),
    )
    expect(caseProblem(proveExercise(withRight, 'ko').cases[3]!, 'ko')).toMatch(
      new RegExp(`^정답 "not right after all"이 모든 검사를 통과하지 못합니다: .*${[...wrong.fails].sort()[0]}: `),
    )
  })

  it('does not prove a case that goes over the exercise’s limits', () => {
    const tight = { ...found.exercise, limits: { pods: 1 } }
    const proof = proveExercise(tight)
    expect(proof.ok).toBe(false)
    expect(caseProblem(proof.cases[0]!)).toMatch(
      /^the reference solution goes over the exercise's limits: This exercise allows at most 1 Pod\./,
    )
  })
})
