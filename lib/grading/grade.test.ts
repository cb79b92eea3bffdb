import { describe, expect, it } from 'vitest'
import { gradeExercise, type GradeOptions } from './grade.ts'
import type { Exercise } from './exercise-schema.ts'

const gradeManifestExercise = (exercise: Exercise, yaml: string, options: GradeOptions) => gradeExercise(exercise, { yaml }, options).result
import { buildExercise, podYaml } from './test-exercise.ts'

const clock = () => {
  let t = 0
  return () => (t += 5)
}

describe('grading a manifest exercise', () => {
  it('passes the reference solution with every check and a full score', () => {
    const result = gradeManifestExercise(buildExercise(), podYaml(), { lang: 'en', now: clock() })
    expect(result).toMatchObject({ exercise: 'test-pod', passed: true, score: 1, validation: { valid: true, errors: [] }, durationMs: 5 })
    expect(result.checks.map((c) => [c.id, c.passed, c.hint])).toEqual([
      ['exists', true, null],
      ['image', true, null],
      ['running', true, null],
    ])
  })

  it('passes an answer with a field the simulator does not act on, and lists it as a warning on its line', () => {
    const result = gradeManifestExercise(buildExercise(), podYaml('nginx:1.27', '      resources: {limits: {cpu: 500m}}\n'), { lang: 'en' })
    expect(result.passed).toBe(true)
    expect(result.validation.warnings).toEqual([
      expect.objectContaining({ field: 'spec.containers[0].resources.limits[cpu]', type: 'NotSimulated', line: 11 }),
    ])
    expect(gradeManifestExercise(buildExercise(), podYaml(), { lang: 'en' }).validation).not.toHaveProperty('warnings')
  })

  it('points a wrong field at its line and says what it found, in the chosen language', () => {
    const en = gradeManifestExercise(buildExercise(), podYaml('nginx:1.25'), { lang: 'en' })
    const image = en.checks.find((c) => c.id === 'image')!
    expect(image).toMatchObject({ passed: false, line: 10, hint: 'fix the image' })
    expect(image.message).toContain('"nginx:1.25"')
    expect(en.score).toBeCloseTo(2 / 3, 2)
    const ko = gradeManifestExercise(buildExercise(), podYaml('nginx:1.25'), { lang: 'ko' })
    expect(ko.checks.find((c) => c.id === 'image')!.message).toMatch(/^\[ko\] image is nginx:1\.27 — .*이어야 하는데/)
  })

  it('fails the pods check from what the simulated cluster did: an image that cannot be pulled', () => {
    const result = gradeManifestExercise(buildExercise(), podYaml('nginx:does-not-exist'), { lang: 'en' })
    const running = result.checks.find((c) => c.id === 'running')!
    expect(running).toMatchObject({ passed: false, line: 10 })
    expect(running.message).toMatch(/ImagePullBackOff|ErrImagePull/)
  })

  it('weights checks in the score', () => {
    const exercise = buildExercise()
    exercise.checks[1]!.weight = 3
    const result = gradeManifestExercise(exercise, podYaml('nginx:1.25'), { lang: 'en' })
    expect(result.score).toBeCloseTo(2 / 5, 3)
  })

  it('answers broken YAML with a line-numbered validation error and fails every check instead of throwing', () => {
    const result = gradeManifestExercise(buildExercise(), 'apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n', { lang: 'en' })
    expect(result.passed).toBe(false)
    expect(result.score).toBe(0)
    expect(result.validation.valid).toBe(false)
    expect(result.validation.errors[0]).toMatchObject({ type: 'YAMLSyntax' })
    expect(result.validation.errors[0]!.line).toBeGreaterThan(0)
    expect(result.checks.every((c) => !c.passed)).toBe(true)
  })

  it('answers refused YAML with its validation errors and one line saying the cluster did not run, not a hint per check', () => {
    for (const lang of ['en', 'ko'] as const) {
      const result = gradeManifestExercise(buildExercise(), 'apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n', { lang })
      expect(result.checks.map((c) => [c.id, c.passed, c.notRun, c.hint, c.line])).toEqual([
        ['exists', false, true, null, null],
        ['image', false, true, null, null],
        ['running', false, true, null, null],
      ])
      // the author's message alone: no "Pod web is missing" detail behind it
      expect(result.checks.map((c) => c.message)).toEqual(buildExercise().checks.map((c) => c.message[lang]))
      expect(result.notRun).toBe(
        lang === 'en'
          ? 'The cluster did not run anything: it refused your YAML. Fix the validation errors above and the checks will run.'
          : '클러스터가 YAML을 받아들이지 않아 아무것도 실행하지 않았습니다. 위의 검증 오류를 고치면 검사가 실행됩니다.',
      )
    }
  })

  it('reports the checks that fail beside a refused document as not run, and keeps the ones that passed', () => {
    const exercise = buildExercise({
      checks: [
        ...buildExercise().checks,
        {
          id: 'service',
          type: 'service',
          name: 'web',
          port: { port: 80 },
          message: { ko: '서비스', en: 'service' },
          hint: { ko: '힌트', en: 'hint' },
        },
      ],
    })
    const source = `${podYaml()}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{ port: 80, targetPort: 70000 }]\n`
    const result = gradeManifestExercise(exercise, source, { lang: 'en' })
    expect(result.validation.valid).toBe(false)
    expect(result.checks.map((c) => [c.id, c.passed, c.notRun ?? false])).toEqual([
      ['exists', true, false],
      ['image', true, false],
      ['running', true, false],
      ['service', false, true],
    ])
    expect(result.notRun).toMatch(/^The cluster ran only the objects it accepted/)
  })

  it('says nothing ran when the YAML holds no object, and nothing about not running when it is valid', () => {
    expect(gradeManifestExercise(buildExercise(), '# nothing yet\n', { lang: 'en' }).notRun).toBe(
      'Your YAML has no objects, so nothing ran on the cluster.',
    )
    expect(gradeManifestExercise(buildExercise(), podYaml('nginx:1.25'), { lang: 'en' }).notRun).toBeUndefined()
  })

  it('does not pass a submission that is valid in parts but rejected in others', () => {
    const source = `${podYaml()}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: Bad_Name\nspec:\n  ports: [{ port: 80 }]\n`
    const result = gradeManifestExercise(buildExercise(), source, { lang: 'en' })
    expect(result.checks.every((c) => c.passed)).toBe(true)
    expect(result.validation.valid).toBe(false)
    expect(result.passed).toBe(false)
  })

  it('checks field conditions: matches, oneOf, ranges and absence', () => {
    const exercise = buildExercise({
      checks: [
        {
          id: 'm',
          type: 'field',
          kind: 'Pod',
          name: 'web',
          path: 'spec.containers[0].image',
          matches: '^nginx:1\\.2[0-9]$',
          message: { ko: 'm', en: 'm' },
          hint: { ko: 'h', en: 'h' },
        },
        {
          id: 'o',
          type: 'field',
          kind: 'Pod',
          name: 'web',
          path: 'spec.restartPolicy',
          oneOf: ['Always', 'OnFailure'],
          message: { ko: 'o', en: 'o' },
          hint: { ko: 'h', en: 'h' },
        },
        {
          id: 'r',
          type: 'field',
          kind: 'Pod',
          name: 'web',
          path: 'spec.terminationGracePeriodSeconds',
          min: 10,
          max: 20,
          message: { ko: 'r', en: 'r' },
          hint: { ko: 'h', en: 'h' },
        },
        {
          id: 'n',
          type: 'field',
          kind: 'Pod',
          name: 'web',
          path: 'spec.nodeName',
          exists: false,
          message: { ko: 'n', en: 'n' },
          hint: { ko: 'h', en: 'h' },
        },
      ],
    })
    const result = gradeManifestExercise(exercise, podYaml(), { lang: 'en' })
    // restartPolicy defaults to Always; terminationGracePeriodSeconds defaults to 30 (outside 10..20).
    expect(Object.fromEntries(result.checks.map((c) => [c.id, c.passed]))).toEqual({ m: true, o: true, r: false, n: true })
    expect(result.checks.find((c) => c.id === 'r')!.message).toContain('30')
  })
})
