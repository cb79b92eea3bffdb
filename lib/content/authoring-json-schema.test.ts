/**
 * The JSON Schemas an editor uses for exercise.yaml and quiz.yaml accept every file of the course and mark the
 * mistakes an author makes, at the path where they are (what monaco-yaml turns into a marker on the line).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { authoringJsonSchema, type AuthoringFile } from './authoring-json-schema.ts'

const ajv = new Ajv({ allErrors: true, strict: false })
const validators = new Map(
  (['exercise', 'quiz', 'lesson'] as AuthoringFile[]).map((file) => [file, ajv.compile(authoringJsonSchema(file))]),
)
const errorsOf = (file: AuthoringFile, data: unknown) => {
  const validate = validators.get(file)!
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

const lessonsDir = join('content', 'kubernetes-basics', 'lessons')
const lessonDirs = readdirSync(lessonsDir).map((name) => join(lessonsDir, name))
const exercise = parse(readFileSync(join(lessonsDir, '03-pod', 'exercise.yaml'), 'utf8')) as Record<string, unknown>

describe('authoring JSON Schemas', () => {
  it.each(
    lessonDirs.flatMap((dir) =>
      (['exercise', 'quiz', 'lesson'] as const)
        .filter((file) => existsSync(join(dir, `${file}.yaml`)))
        .map((file) => [`${dir}/${file}.yaml`, file] as const),
    ),
  )('accept %s', (path, file) => {
    expect(errorsOf(file, parse(readFileSync(path, 'utf8')))).toEqual([])
  })

  it('mark a check type that does not exist, at that check', () => {
    const checks = [...(exercise.checks as Array<Record<string, unknown>>)]
    checks[1] = { ...checks[1], type: 'feild' }
    expect(errorsOf('exercise', { ...exercise, checks }).join('\n')).toContain('/checks/1')
  })

  it('mark a message without its English text, and an unknown key', () => {
    const checks = [...(exercise.checks as Array<Record<string, unknown>>)]
    checks[0] = { ...checks[0], message: { ko: 'Pod가 있습니다.' } }
    expect(errorsOf('exercise', { ...exercise, checks }).join('\n')).toMatch(/\/checks\/0.*/)
    expect(errorsOf('exercise', { ...exercise, solutoin: 'x' }).join('\n')).toMatch(/additional properties/)
  })

  it('accept right answers beside wrong ones, and mark a right answer that names checks to fail', () => {
    const rightAnswers = [{ name: 'the containers in another order', source: 'apiVersion: v1\nkind: Pod\n' }]
    expect(errorsOf('exercise', { ...exercise, rightAnswers })).toEqual([])
    expect(errorsOf('exercise', { ...exercise, rightAnswers: [{ ...rightAnswers[0], fails: ['image'] }] }).join('\n')).toMatch(
      /\/rightAnswers\/0 .*additional properties/,
    )
    expect(errorsOf('exercise', { ...exercise, rightAnswers: [{ source: 'x' }] }).join('\n')).toMatch(/\/rightAnswers\/0 .*name/)
  })

  it('mark a quiz question of an unknown type and a lesson without minutes', () => {
    expect(
      errorsOf('quiz', {
        id: 'q',
        questions: [{ id: 'a', type: 'essay', prompt: { ko: '가', en: 'a' }, explanation: { ko: '가', en: 'a' } }],
      }),
    ).not.toEqual([])
    expect(errorsOf('lesson', { id: 'pods', title: { ko: '가', en: 'a' }, summary: { ko: '가', en: 'a' } }).join('\n')).toContain('minutes')
  })

  it('carry a title an editor can show', () => {
    expect(authoringJsonSchema('exercise').title).toBe('Kubelab exercise (exercise.yaml)')
    expect(authoringJsonSchema('quiz').$schema).toBe('http://json-schema.org/draft-07/schema#')
  })
})
