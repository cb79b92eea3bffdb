import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { exerciseSchema } from '../grading/exercise-schema.ts'
import { proveExercise } from './prove.ts'
import { newLessonTexts } from './scaffold.ts'
import { addKnownRight, addKnownWrong, KnownWrongError } from './known-wrong.ts'

const exerciseYaml = newLessonTexts('config-maps').exerciseYaml

describe('addKnownWrong', () => {
  it('appends the answer to wrongAnswers and the exercise still parses and is proven', () => {
    const proof = proveExercise(exerciseSchema.parse(parse(exerciseYaml)))
    const starter = proof.cases.find((c) => c.kind === 'starter')!
    const exercise = exerciseSchema.parse(parse(exerciseYaml))
    const text = addKnownWrong(exerciseYaml, { name: 'the starter as it is', source: exercise.starter, fails: starter.failing })
    const after = exerciseSchema.parse(parse(text))
    expect(after.wrongAnswers).toHaveLength(exercise.wrongAnswers.length + 1)
    expect(after.wrongAnswers.at(-1)).toEqual({
      name: 'the starter as it is',
      source: exercise.starter.endsWith('\n') ? exercise.starter : `${exercise.starter}\n`,
      fails: starter.failing,
    })
    expect(proveExercise(after).ok).toBe(true)
  })

  it('keeps the author’s comments and the text before the list byte for byte', () => {
    const withComment = `# my note\n${exerciseYaml}`
    const text = addKnownWrong(withComment, { name: 'x', source: 'kubectl get pods', fails: ['a'] })
    expect(text.startsWith('# my note\n')).toBe(true)
    const head = withComment.slice(0, withComment.indexOf('wrongAnswers:'))
    expect(text.slice(0, head.length)).toBe(head)
  })

  it('creates the list when the exercise has none, and writes the source as a literal block', () => {
    const text = addKnownWrong('id: e\nkind: command\n', { name: 'typo', source: 'kubectl get nods\nkubectl get pods', fails: ['listed'] })
    expect(parse(text)).toEqual({
      id: 'e',
      kind: 'command',
      wrongAnswers: [{ name: 'typo', source: 'kubectl get nods\nkubectl get pods\n', fails: ['listed'] }],
    })
    expect(text).toContain('source: |')
  })

  it('refuses broken YAML, a non-list wrongAnswers and an answer that fails nothing', () => {
    expect(() => addKnownWrong('id: [', { name: 'x', source: 'y', fails: ['a'] })).toThrow(KnownWrongError)
    expect(() => addKnownWrong('wrongAnswers: 3\n', { name: 'x', source: 'y', fails: ['a'] })).toThrow(/not a list/)
    expect(() => addKnownWrong('id: e\n', { name: 'x', source: 'y', fails: [] })).toThrow(/at least one/)
  })
})

describe('addKnownRight', () => {
  it('appends a passing answer to rightAnswers, and the exercise is still proven with it', () => {
    const exercise = exerciseSchema.parse(parse(exerciseYaml))
    const variant = `# the same answer, with a comment on top\n${exercise.solution}`
    const text = addKnownRight(exerciseYaml, { name: 'a comment on top', source: variant })
    const after = exerciseSchema.parse(parse(text))
    expect(after.rightAnswers.at(-1)).toEqual({ name: 'a comment on top', source: variant.endsWith('\n') ? variant : `${variant}\n` })
    const proof = proveExercise(after)
    expect(proof.cases.find((c) => c.kind === 'right' && c.name === 'a comment on top')).toMatchObject({ ok: true, failing: [] })
    expect(proof.ok).toBe(true)
  })

  it('creates the list when there is none, and refuses a rightAnswers that is not a list', () => {
    expect(parse(addKnownRight('id: e\nkind: command\n', { name: 'short name', source: 'kubectl get no' }))).toEqual({
      id: 'e',
      kind: 'command',
      rightAnswers: [{ name: 'short name', source: 'kubectl get no\n' }],
    })
    expect(() => addKnownRight('rightAnswers: {}\n', { name: 'x', source: 'y' })).toThrow(/rightAnswers is not a list/)
  })
})
