import { describe, expect, it } from 'vitest'
import type { CheckDefinition } from './insight.ts'
import { exerciseSummaries } from './insight-summary.ts'

const checks: CheckDefinition[] = [
  { id: 'pod-exists', message: { ko: 'Pod `web`이 있습니다.', en: 'Pod `web` exists.' } },
  { id: 'selector-matches', message: { ko: 'selector가 template의 레이블과 맞습니다.', en: 'The selector matches the template labels.' } },
  { id: 'replicas-3', message: { ko: '`spec.replicas`가 3입니다.', en: '`spec.replicas` is 3.' } },
]

describe('the summary of every exercise of a class', () => {
  const exercises = [
    { id: 'pod-first-manifest', checks },
    { id: 'deployment-web', checks: [] },
  ]

  it('counts learners who tried, passed and are stuck, and the median attempts per learner', () => {
    const [pod, deployment] = exerciseSummaries({
      exercises,
      learnerIds: ['yuna', 'bora', 'minho', 'jisu'],
      stuckAfter: 3,
      attempts: [
        { exerciseId: 'pod-first-manifest', userId: 'yuna', passed: false, count: 2 },
        { exerciseId: 'pod-first-manifest', userId: 'yuna', passed: true, count: 1 },
        { exerciseId: 'pod-first-manifest', userId: 'bora', passed: false, count: 3 },
        { exerciseId: 'pod-first-manifest', userId: 'minho', passed: false, count: 1 },
        { exerciseId: 'pod-first-manifest', userId: 'gone', passed: false, count: 9 },
      ],
      mistakes: [],
    })
    expect(pod).toMatchObject({ learners: 4, tried: 3, passed: 1, passRate: 0.25, medianAttempts: 3, stuck: 1, topMistake: null })
    expect(deployment).toMatchObject({ exerciseId: 'deployment-web', tried: 0, passed: 0, passRate: 0, medianAttempts: null, stuck: 0 })
  })

  it('names the mistake most learners made, as the insight would put it first', () => {
    const [pod] = exerciseSummaries({
      exercises,
      learnerIds: ['yuna'],
      stuckAfter: 3,
      attempts: [],
      mistakes: [
        { exerciseId: 'pod-first-manifest', key: 'validation:spec', learners: 4 },
        { exerciseId: 'pod-first-manifest', key: 'replicas-3', learners: 4 },
        { exerciseId: 'pod-first-manifest', key: 'pod-exists', learners: 2 },
        { exerciseId: 'deployment-web', key: 'pod-exists', learners: 9 },
      ],
    })
    expect(pod!.topMistake).toEqual({ key: 'replicas-3', kind: 'check', field: null, title: checks[2]!.message, learners: 4 })
    const [onlyValidation] = exerciseSummaries({
      exercises,
      learnerIds: [],
      stuckAfter: 3,
      attempts: [],
      mistakes: [{ exerciseId: 'pod-first-manifest', key: 'validation:spec.replicas', learners: 1 }],
    })
    expect(onlyValidation!.topMistake).toEqual({
      key: 'validation:spec.replicas',
      kind: 'validation',
      field: 'spec.replicas',
      title: null,
      learners: 1,
    })
  })
})
