import { describe, expect, it } from 'vitest'
import { loadCourses } from '../content/load.ts'
import { gradeExercise } from './grade.ts'
import {
  checklistCounts,
  checklistReducer,
  gradableExercise,
  initialChecklist,
  isPublicCheck,
  publicChecklist,
  publicText,
  regexLiterals,
} from './checklist.ts'
import { exerciseSchema, type Exercise } from './exercise-schema.ts'

const exercises = loadCourses().flatMap((c) => c.lessons.flatMap((l) => (l.exercise ? [l.exercise] : [])))
const byId = (id: string) => exercises.find((e) => e.id === id)!

function hiddenValueExercise(): Exercise {
  return exerciseSchema.parse({
    id: 'hidden',
    kind: 'manifest',
    title: { ko: '숨은 값', en: 'Hidden value' },
    instructions: { ko: 'Pod `web`을 만드세요.', en: 'Create Pod `web`.' },
    starter: 'apiVersion: v1\nkind: Pod\n',
    solution:
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: registry.example/secret-image:4.2\n',
    checks: [
      {
        id: 'exists',
        type: 'object',
        kind: 'Pod',
        name: 'web',
        message: { ko: 'Pod `web`이 있습니다.', en: 'Pod `web` exists.' },
        hint: { ko: '만드세요.', en: 'Create it.' },
      },
      {
        id: 'image',
        type: 'field',
        kind: 'Pod',
        name: 'web',
        path: 'spec.containers.0.image',
        equals: 'registry.example/secret-image:4.2',
        message: { ko: '이미지가 맞습니다.', en: 'The image is right.' },
        hint: { ko: '이미지를 확인하세요.', en: 'Check the image.' },
      },
      {
        id: 'log',
        type: 'output',
        command: 'kubectl logs web',
        matches: 'swordfish-\\d+',
        message: { ko: '로그가 맞습니다.', en: 'The log is right.' },
        hint: { ko: '로그를 보세요.', en: 'Read the log.' },
      },
    ],
  })
}

describe('what the checklist sends to the browser', () => {
  it('never carries an exercise’s solution or its wrong answers', () => {
    for (const exercise of exercises) {
      for (const lang of ['ko', 'en'] as const) {
        const sent = JSON.stringify(publicChecklist(exercise, lang))
        expect(sent, exercise.id).not.toContain(JSON.stringify(exercise.solution).slice(1, -1))
        for (const wrong of exercise.wrongAnswers)
          expect(sent, `${exercise.id}: ${wrong.name}`).not.toContain(JSON.stringify(wrong.source).slice(1, -1))
        expect(sent).not.toMatch(/"(solution|wrongAnswers)"/)
      }
    }
  })

  it('lists every check by its message in the page’s language, in order', () => {
    const deployment = byId('deployment-web')
    const ko = publicChecklist(deployment, 'ko')
    expect(ko.items.map((i) => i.id)).toEqual(deployment.checks.map((c) => c.id))
    expect(ko.items[0]).toEqual({ id: 'replicas', message: '`spec.replicas`가 3입니다.', live: true })
    expect(publicChecklist(deployment, 'en').items[0]!.message).toBe('`spec.replicas` is 3.')
  })

  it('keeps a check whose expected value is written nowhere public on the server', () => {
    const exercise = hiddenValueExercise()
    const list = publicChecklist(exercise, 'en')
    expect(list.items.map((i) => [i.id, i.live])).toEqual([
      ['exists', true],
      ['image', false],
      ['log', false],
    ])
    expect(list.exercise!.checks.map((c) => c.id)).toEqual(['exists'])
    expect(JSON.stringify(list)).not.toContain('secret-image')
    expect(JSON.stringify(list)).not.toContain('swordfish')
  })

  it('runs a check once its value is public, e.g. named in the instructions', () => {
    const exercise = hiddenValueExercise()
    exercise.instructions.en = 'Create Pod `web` running `registry.example/secret-image:4.2`.'
    expect(isPublicCheck(exercise.checks[1]!, publicText(exercise))).toBe(true)
  })

  it('matches numbers as whole numbers: 3 is not found in 30 or 1.3', () => {
    const exercise = byId('deployment-web')
    const replicas = exercise.checks.find((c) => c.id === 'replicas')!
    expect(isPublicCheck(replicas, 'web: replicas 30, version 1.3')).toBe(false)
    expect(isPublicCheck(replicas, 'set `replicas` of `web` to 3.')).toBe(true)
  })

  it('reads a check path by its field and the values its selectors choose items by, not the selector text', () => {
    const check = {
      id: 'c',
      type: 'field',
      kind: 'Pod',
      name: 'web',
      path: 'spec.containers[name=nginx].ports[containerPort=8080]',
      exists: true,
      message: { ko: 'k', en: 'e' },
      hint: { ko: 'k', en: 'e' },
      weight: 1,
    } as const
    expect(isPublicCheck(check, 'Pod `web` with container `nginx` on 8080, under `ports`')).toBe(true)
    expect(isPublicCheck(check, 'Pod `web` with container `nginx`, under `ports`')).toBe(false) // 8080 is what it checks
    expect(isPublicCheck(check, 'Pod `web` on 8080, under `ports`')).toBe(false) // so is the container's name
    expect(
      isPublicCheck(
        { ...check, path: 'spec.containers[*].image', exists: undefined, equals: 'nginx:1.27' } as never,
        'Pod `web`, image nginx:1.27',
      ),
    ).toBe(true)
  })

  it('reads the literal parts of a pattern, leaving escapes and classes out', () => {
    expect(regexLiterals('^NAME[^\\n]*\\nweb-[a-z0-9]+\\s[^\\n]*\\n?(?![\\s\\S])')).toEqual(['NAME', 'web-'])
    expect(regexLiterals('swordfish-\\d+')).toEqual(['swordfish-'])
    expect(regexLiterals('^\\s*$')).toEqual([])
  })

  it('sends nothing to grade for a command exercise (it has no Run): its checks tick on Submit', () => {
    const command = exercises.find((e) => e.kind === 'command')!
    const list = publicChecklist(command, 'ko')
    expect(list.exercise).toBeNull()
    expect(list.items.every((i) => !i.live)).toBe(true)
  })
})

describe('the browser grades as the server does', () => {
  for (const id of ['pod-first-manifest', 'deployment-web']) {
    it(`${id}: the live checks give the server’s verdicts for the solution and every wrong answer`, () => {
      const exercise = byId(id)
      const browser = gradableExercise(publicChecklist(exercise, 'en').exercise!)
      for (const source of [exercise.solution, ...exercise.wrongAnswers.map((w) => w.source)]) {
        const server = gradeExercise(exercise, { yaml: source }, { lang: 'en' }).result.checks
        const local = gradeExercise(browser, { yaml: source }, { lang: 'en' }).result.checks
        expect(local.length).toBeGreaterThan(0)
        for (const check of local) expect([check.id, check.passed]).toEqual([check.id, server.find((c) => c.id === check.id)!.passed])
      }
    })
  }
})

describe('the checklist in the workspace', () => {
  const items = [
    { id: 'a', message: 'A', live: true },
    { id: 'b', message: 'B', live: true },
    { id: 'c', message: 'C', live: false },
  ]

  it('starts with every check unticked', () => {
    expect(initialChecklist(items).map((e) => e.status)).toEqual(['unchecked', 'unchecked', 'unchecked'])
  })

  it('ticks live checks green or red on Run and leaves the server-only one for Submit', () => {
    const after = checklistReducer(initialChecklist(items), {
      type: 'run',
      checks: [
        { id: 'a', passed: true },
        { id: 'b', passed: false },
        { id: 'c', passed: true },
      ],
    })
    expect(after.map((e) => [e.id, e.status, e.by])).toEqual([
      ['a', 'passed', 'run'],
      ['b', 'failed', 'run'],
      ['c', 'unchecked', null],
    ])
    expect(checklistCounts(after)).toEqual({ passed: 1, failed: 1, total: 3 })
  })

  it('ticks every check on Submit, and a later Run clears what Submit said about the server-only one', () => {
    const submitted = checklistReducer(initialChecklist(items), {
      type: 'submit',
      checks: [
        { id: 'a', passed: true },
        { id: 'b', passed: true },
        { id: 'c', passed: false },
      ],
    })
    expect(submitted.map((e) => [e.status, e.by])).toEqual([
      ['passed', 'submit'],
      ['passed', 'submit'],
      ['failed', 'submit'],
    ])
    const rerun = checklistReducer(submitted, {
      type: 'run',
      checks: [
        { id: 'a', passed: false },
        { id: 'b', passed: true },
      ],
    })
    expect(rerun.map((e) => e.status)).toEqual(['failed', 'passed', 'unchecked'])
  })

  it('marks the checks a refused YAML kept from running as not run, neither passed nor failed', () => {
    const submitted = checklistReducer(initialChecklist(items), {
      type: 'submit',
      checks: [
        { id: 'a', passed: true },
        { id: 'b', passed: false, notRun: true },
        { id: 'c', passed: false, notRun: true },
      ],
    })
    expect(submitted.map((e) => [e.status, e.by])).toEqual([
      ['passed', 'submit'],
      ['notRun', 'submit'],
      ['notRun', 'submit'],
    ])
    expect(checklistCounts(submitted)).toEqual({ passed: 1, failed: 0, total: 3 })
  })

  it('unticks everything after an inconclusive run or a reset', () => {
    const ran = checklistReducer(initialChecklist(items), { type: 'run', checks: [{ id: 'a', passed: true }] })
    expect(checklistReducer(ran, { type: 'runInconclusive' }).every((e) => e.status === 'unchecked')).toBe(true)
    expect(checklistReducer(ran, { type: 'reset' }).every((e) => e.status === 'unchecked' && e.by === null)).toBe(true)
  })
})
