import { describe, expect, it } from 'vitest'
import { gradeExercise, MAX_GRADE_DIAGNOSTICS } from './grade.ts'
import { exerciseSchema } from './exercise-schema.ts'
import { buildExercise } from './test-exercise.ts'
import { decimate, MAX_GRADE_RESPONSE_BYTES, serializeTrace, type SimulationTrace } from './trace.ts'
import { durationWords, overBudgetMessage } from './messages.ts'

const deployment = (replicas: number, name = 'web', image = 'nginx:1.27') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n`

const commandExercise = (overrides = {}) =>
  buildExercise({
    kind: 'command',
    starter: '# commands',
    solution: 'kubectl get pods',
    setup: [{ apply: deployment(3) }, { wait: '30s' }],
    scenario: [{ wait: '10s' }],
    checks: [
      {
        id: 'out',
        type: 'output',
        learner: true,
        matches: 'NAME',
        message: { ko: '출력', en: 'output' },
        hint: { ko: '힌트', en: 'hint' },
      },
    ],
    ...overrides,
  })

describe('grading within a budget', () => {
  it('answers a manifest that asks for 100,000 Pods as over budget, in the learner’s language, without simulating it', () => {
    const started = performance.now()
    const ko = gradeExercise(buildExercise(), { yaml: deployment(100_000) }, { lang: 'ko' })
    expect(performance.now() - started).toBeLessThan(1000)
    expect(ko.simulation).toBeNull()
    expect(ko.overBudget).toMatchObject({ limit: 'pods', max: 50, requested: 100_000 })
    expect(ko.overBudget!.message).toBe(
      '이 실습에서는 Pod를 최대 50개까지 만들 수 있습니다. 제출한 내용은 Pod 100,000개를 요청합니다. replicas를 줄여 다시 제출하세요.',
    )
    const en = gradeExercise(buildExercise(), { yaml: [0, 1, 2].map((i) => deployment(100_000, `w${i}`)).join('---\n') }, { lang: 'en' })
    expect(en.overBudget!.message).toBe(
      'This exercise allows at most 50 Pods. Your submission asks for 300,000. Lower replicas and submit again.',
    )
  })

  it('stops command answers at the limits: scale to 50,000, wait 1000h, too many commands', () => {
    const scale = gradeExercise(commandExercise(), { commands: ['kubectl scale deployment/web --replicas=50000'] }, { lang: 'en' })
    expect(scale.overBudget).toMatchObject({ limit: 'pods', requested: 50_000 })
    expect(scale.simulation!.commandOutputs[0]!.output).toContain("exceeded the simulator's limit of 50 Pods")
    const wait = gradeExercise(commandExercise(), { commands: ['wait 1000h', 'kubectl get pods'] }, { lang: 'ko' })
    expect(wait.overBudget!.message).toBe('이 실습에서는 클러스터 시간을 최대 1시간까지 흘려보낼 수 있습니다. wait를 더 짧게 하세요.')
    // the rest of the run is skipped once a limit is reached
    expect(wait.simulation!.commandOutputs).toHaveLength(1)
  })

  it('uses the exercise’s own limits, and keeps authors within safe bounds', () => {
    const small = buildExercise({ limits: { pods: 2, virtualTime: '2m' } })
    expect(gradeExercise(small, { yaml: deployment(3) }, { lang: 'en' }).overBudget).toMatchObject({ limit: 'pods', max: 2 })
    expect(gradeExercise(small, { yaml: deployment(2) }, { lang: 'en' }).overBudget).toBeNull()
    const long = commandExercise({ limits: { virtualTime: '3h' } })
    expect(gradeExercise(long, { commands: ['wait 2h'] }, { lang: 'en' }).overBudget).toBeNull()
    const base = { ...buildExercise(), limits: undefined }
    expect(exerciseSchema.safeParse({ ...base, limits: { pods: 100_000 } }).success).toBe(false)
    expect(exerciseSchema.safeParse({ ...base, limits: { virtualTime: '1000h' } }).success).toBe(false)
    expect(exerciseSchema.safeParse({ ...base, limits: { cpu: 2 } }).success).toBe(false)
  })

  it('names every limit in both languages', () => {
    expect(overBudgetMessage('en', { limit: 'objects', max: 200, requested: 1000 })).toBe(
      'This exercise allows at most 200 objects. Your YAML has 1,000.',
    )
    expect(overBudgetMessage('ko', { limit: 'objects', max: 200 })).toBe('이 실습에서는 오브젝트를 최대 200개까지 만들 수 있습니다.')
    expect(overBudgetMessage('ko', { limit: 'wallTime', max: 2000 })).toBe(
      '채점이 제한 시간 2초를 넘어 중단되었습니다. 클러스터를 더 작게 만들어 다시 제출하세요.',
    )
    expect(overBudgetMessage('en', { limit: 'commands', max: 500 })).toBe('This exercise allows at most 500 commands.')
    expect(overBudgetMessage('en', { limit: 'events', max: 50_000 })).toContain('50,000 events')
    expect(overBudgetMessage('en', { limit: 'memory', max: 256 })).toMatch(/^Grading used more memory/)
    expect([durationWords('ko', 5_400_000), durationWords('en', 3_600_000), durationWords('en', 90_000), durationWords('ko', 0)]).toEqual([
      '1시간 30분',
      '1 hour',
      '1 minute 30 seconds',
      '0초',
    ])
  })

  it('lists at most 100 diagnostics and says how many more there were', () => {
    const broken = Array.from({ length: 300 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_${i}\n`).join('---\n')
    const { result } = gradeExercise(buildExercise(), { yaml: broken }, { lang: 'en' })
    expect(result.validation.errors).toHaveLength(MAX_GRADE_DIAGNOSTICS)
    expect(result.validation.omitted).toBeGreaterThan(0)
  })
})

describe('the replay trace within the response budget', () => {
  it('decimates evenly, keeping the first and the last', () => {
    expect(decimate([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4)).toEqual([0, 3, 6, 9])
    expect(decimate([1, 2], 5)).toEqual([1, 2])
  })

  it('sends a small trace whole, once, without a note', () => {
    const { simulation } = gradeExercise(buildExercise(), { yaml: deployment(3) }, { lang: 'en' })
    const { json, thinned } = serializeTrace(simulation, MAX_GRADE_RESPONSE_BYTES)
    expect(thinned).toBe(false)
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(simulation)))
  })

  it('thins the largest legal answer: 50 crash-looping Pods for an hour and 40 full listings of them', () => {
    const commands = [
      'kubectl create deployment crash --image=busybox --replicas=47',
      'wait 59m',
      ...Array(40).fill('kubectl get pods -o yaml'),
    ]
    const { simulation, overBudget } = gradeExercise(commandExercise(), { commands }, { lang: 'en' })
    expect(overBudget).toBeNull()
    const raw = JSON.stringify(simulation).length
    expect(raw).toBeGreaterThan(MAX_GRADE_RESPONSE_BYTES * 4)
    const { json, thinned } = serializeTrace(simulation, MAX_GRADE_RESPONSE_BYTES - 4096)
    expect(thinned).toBe(true)
    expect(json.length).toBeLessThanOrEqual(MAX_GRADE_RESPONSE_BYTES - 4096)
    const trace = JSON.parse(json) as SimulationTrace
    expect(trace.thinned!.events[1]).toBe(simulation!.events.length)
    expect(trace.thinned!.outputsCut).toBeGreaterThan(0)
    expect(trace.final).not.toBeNull()
    expect(trace.events.at(-1)).toEqual(simulation!.events.at(-1))
    expect(trace.commandOutputs).toHaveLength(commands.length)
  })

  it('leaves the final state out only when nothing else makes the trace fit', () => {
    const { simulation } = gradeExercise(buildExercise(), { yaml: deployment(3) }, { lang: 'en' })
    const { json, thinned } = serializeTrace(simulation, 2000)
    expect(thinned).toBe(true)
    expect(json.length).toBeLessThanOrEqual(2000)
    expect(JSON.parse(json).thinned.finalOmitted).toBe(true)
  })
})
