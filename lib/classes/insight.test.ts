import { describe, expect, it } from 'vitest'
import {
  exerciseInsight,
  median,
  storedFailures,
  validationKey,
  type CheckDefinition,
  type Failure,
  type InsightSubmission,
} from './insight.ts'

const learners = [
  { id: 'yuna', name: 'Yuna', email: 'yuna@example.com' },
  { id: 'bora', name: null, email: 'bora@example.com' },
  { id: 'minho', name: 'Minho', email: 'minho@example.com' },
  { id: 'jisu', name: 'Jisu', email: 'jisu@example.com' },
]
const checks: CheckDefinition[] = [
  { id: 'pod-exists', message: { ko: 'Pod `web`이 있습니다.', en: 'Pod `web` exists.' } },
  { id: 'selector-matches', message: { ko: 'selector가 template의 레이블과 맞습니다.', en: 'The selector matches the template labels.' } },
  { id: 'replicas-3', message: { ko: '`spec.replicas`가 3입니다.', en: '`spec.replicas` is 3.' } },
]
const start = Date.parse('2026-11-02T09:00:00Z')
const minute = 60_000

let n = 0
/** A submission `minutes` after the start, failing the given checks (each on a line, when given as [id, line]). */
function attempt(
  userId: string,
  minutes: number,
  failing: (string | [string, number])[] = [],
  extra: Partial<InsightSubmission> = {},
): InsightSubmission {
  const failures: Failure[] = failing.map((f) => {
    const [key, line] = typeof f === 'string' ? [f, null] : f
    return { key, kind: 'check', field: null, message: `${key} failed`, hint: null, line }
  })
  return {
    id: `s${String(++n).padStart(3, '0')}`,
    userId,
    passed: failures.length === 0,
    score: failures.length ? 0.5 : 1,
    createdAt: new Date(start + minutes * minute),
    failures,
    source: `apiVersion: v1\nkind: Pod # by ${userId} at ${minutes}\n`,
    sourceTrimmed: false,
    ...extra,
  }
}

describe('the failures stored with a submission', () => {
  it('reads failed checks and validation errors, leaves out checks that did not run and those that passed', () => {
    const result = {
      passed: false,
      checks: [
        { id: 'pod-exists', passed: true, message: 'ok', line: null },
        { id: 'selector-matches', passed: false, message: 'The selector matches — it selects app=api', line: 7 },
        { id: 'replicas-3', passed: false, notRun: true, message: 'not run', line: null },
      ],
      validation: {
        valid: false,
        errors: [
          { field: 'spec.replicas', message: 'Invalid value: -1', line: 4, hint: { ko: '0 이상이어야 합니다.', en: 'Must be 0 or more.' } },
          { field: '', message: 'mapping values are not allowed', line: 2 },
        ],
      },
    }
    expect(storedFailures(JSON.stringify(result))).toEqual([
      {
        key: 'validation:spec.replicas',
        kind: 'validation',
        field: 'spec.replicas',
        message: 'Invalid value: -1',
        hint: { ko: '0 이상이어야 합니다.', en: 'Must be 0 or more.' },
        line: 4,
      },
      { key: 'validation:', kind: 'validation', field: '', message: 'mapping values are not allowed', hint: null, line: 2 },
      { key: 'selector-matches', kind: 'check', field: null, message: 'The selector matches — it selects app=api', hint: null, line: 7 },
    ])
  })

  it('is empty for text that is not a result, and ignores entries of the wrong shape', () => {
    expect(storedFailures('not json')).toEqual([])
    expect(storedFailures('null')).toEqual([])
    expect(storedFailures(JSON.stringify({ checks: 'no', validation: { errors: 3 } }))).toEqual([])
    expect(storedFailures(JSON.stringify({ checks: [null, { id: 7, passed: false }, { id: 'x', passed: false, line: -1 }] }))).toEqual([
      { key: 'x', kind: 'check', field: null, message: '', hint: null, line: null },
    ])
  })
})

describe('the median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull()
    expect(median([4])).toBe(4)
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 2, 10])).toBe(3)
  })
})

describe('insight into one exercise', () => {
  it('counts pass rates over the class and over those who tried', () => {
    const insight = exerciseInsight({
      learners,
      checks,
      submissions: [attempt('yuna', 0, ['replicas-3']), attempt('yuna', 10), attempt('bora', 0, ['replicas-3']), attempt('minho', 5)],
    })
    expect(insight).toMatchObject({ learners: 4, tried: 3, passed: 2, notPassed: 1, passRate: 0.5 })
    expect(insight.passRateOfTried).toBeCloseTo(2 / 3)
  })

  it('has no rates in an empty class and none of those who tried before anyone did', () => {
    expect(exerciseInsight({ learners: [], checks, submissions: [] })).toMatchObject({
      passRate: null,
      passRateOfTried: null,
      medianAttemptsToPass: null,
      medianTimeToPassMs: null,
      groups: [],
    })
    expect(exerciseInsight({ learners, checks, submissions: [] })).toMatchObject({ passRate: 0, passRateOfTried: null, tried: 0 })
  })

  it('takes attempts and time up to the first pass, not the attempts after it', () => {
    const insight = exerciseInsight({
      learners,
      checks,
      submissions: [
        // Yuna: 3 attempts to pass over 30 minutes, then fails again and passes again later
        attempt('yuna', 0, ['replicas-3']),
        attempt('yuna', 12, ['replicas-3']),
        attempt('yuna', 30),
        attempt('yuna', 90, ['pod-exists']),
        attempt('yuna', 95),
        // Minho: first try, no time
        attempt('minho', 40),
        // Jisu: 2 attempts over 2 hours
        attempt('jisu', 0, ['replicas-3']),
        attempt('jisu', 120),
        // Bora never passes: not in the medians
        attempt('bora', 0, ['replicas-3']),
        attempt('bora', 500, ['replicas-3']),
      ],
    })
    expect(insight.medianAttemptsToPass).toBe(2)
    expect(insight.medianTimeToPassMs).toBe(30 * minute)
  })

  it('orders attempts by time, whatever order they come in', () => {
    const first = attempt('yuna', 0, ['replicas-3'])
    const pass = attempt('yuna', 20)
    const insight = exerciseInsight({ learners, checks, submissions: [pass, first] })
    expect(insight.medianAttemptsToPass).toBe(2)
    expect(insight.medianTimeToPassMs).toBe(20 * minute)
  })

  it('groups learners by the check they failed, most learners first, and knows who is still on it', () => {
    const insight = exerciseInsight({
      learners,
      checks,
      submissions: [
        // Yuna hit the selector, then fixed it, and now fails replicas
        attempt('yuna', 0, [['selector-matches', 7]]),
        attempt('yuna', 5, ['replicas-3']),
        // Bora hit the selector twice and is still on it
        attempt('bora', 1, [['selector-matches', 8]]),
        attempt('bora', 2, [['selector-matches', 8]]),
        // Minho hit the selector and replicas together, then passed: on neither any more
        attempt('minho', 3, [['selector-matches', 6], 'replicas-3']),
        attempt('minho', 9),
      ],
    })
    expect(insight.groups.map((g) => [g.key, g.learners.length, g.stillCount])).toEqual([
      ['selector-matches', 3, 1],
      ['replicas-3', 2, 1],
    ])
    const [selector, replicas] = insight.groups
    // still on it first, then by name (Bora has none: her email)
    expect(selector!.learners.map((l) => [l.id, l.still])).toEqual([
      ['bora', true],
      ['minho', false],
      ['yuna', false],
    ])
    expect(replicas!.learners.map((l) => [l.id, l.still])).toEqual([
      ['yuna', true],
      ['minho', false],
    ])
    expect(selector!.title).toEqual(checks[1]!.message)
    expect(selector!.learners.find((l) => l.id === 'bora')!.lastAt).toEqual(new Date(start + 2 * minute))
  })

  it('shows the newest submission that hit a mistake as its example, with that mistake’s lines marked', () => {
    const newest = attempt('minho', 30, [
      ['selector-matches', 9],
      ['replicas-3', 4],
    ])
    const insight = exerciseInsight({
      learners,
      checks,
      submissions: [newest, attempt('bora', 10, [['selector-matches', 6]]), attempt('bora', 20, [['selector-matches', 6]])],
    })
    const selector = insight.groups.find((g) => g.key === 'selector-matches')!
    expect(selector.example).toEqual({
      submissionId: newest.id,
      userId: 'minho',
      createdAt: newest.createdAt,
      source: newest.source,
      sourceTrimmed: false,
      message: 'selector-matches failed',
      lines: [9],
    })
    expect(insight.groups.find((g) => g.key === 'replicas-3')!.example.lines).toEqual([4])
  })

  it('marks every line of a mistake that failed on several lines of the example', () => {
    const s: InsightSubmission = {
      ...attempt('yuna', 0),
      passed: false,
      failures: [
        {
          key: validationKey('spec.containers[0].name'),
          kind: 'validation',
          field: 'spec.containers[0].name',
          message: 'Required value',
          hint: null,
          line: 12,
        },
        {
          key: validationKey('spec.containers[0].name'),
          kind: 'validation',
          field: 'spec.containers[0].name',
          message: 'Required value',
          hint: { ko: '이름을 쓰세요.', en: 'Give it a name.' },
          line: 5,
        },
      ],
    }
    const [group] = exerciseInsight({ learners, checks, submissions: [s] }).groups
    expect(group).toMatchObject({
      key: 'validation:spec.containers[0].name',
      kind: 'validation',
      field: 'spec.containers[0].name',
      title: null,
      hint: { ko: '이름을 쓰세요.', en: 'Give it a name.' },
      stillCount: 1,
    })
    expect(group!.example.lines).toEqual([5, 12])
    expect(group!.learners).toHaveLength(1)
  })

  it('breaks ties by the order of the exercise’s checks, validation errors after checks', () => {
    const validation: Failure = { key: validationKey('spec'), kind: 'validation', field: 'spec', message: 'bad', hint: null, line: 1 }
    const insight = exerciseInsight({
      learners,
      checks,
      submissions: [
        attempt('yuna', 0, ['replicas-3']),
        attempt('bora', 0, ['pod-exists']),
        { ...attempt('minho', 0), passed: false, failures: [validation] },
      ],
    })
    expect(insight.groups.map((g) => g.key)).toEqual(['pod-exists', 'replicas-3', 'validation:spec'])
  })

  it('keeps a check the exercise no longer has, without a title, so the stored message stands in', () => {
    const [group] = exerciseInsight({ learners, checks, submissions: [attempt('yuna', 0, ['old-check'])] }).groups
    expect(group).toMatchObject({ key: 'old-check', title: null, example: { message: 'old-check failed' } })
  })

  it('ignores submissions of someone no longer in the class', () => {
    const insight = exerciseInsight({ learners, checks, submissions: [attempt('gone', 0, ['replicas-3']), attempt('gone', 3)] })
    expect(insight).toMatchObject({ tried: 0, passed: 0, groups: [] })
  })
})
