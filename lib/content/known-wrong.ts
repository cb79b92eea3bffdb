/**
 * The studio's "add as known-wrong answer": appends an answer to exercise.yaml's `wrongAnswers` with the checks it
 * failed, keeping the rest of the author's text (comments, order, quoting) as it was. Pure; runs in the browser.
 */
import { isMap, isSeq, parseDocument, Scalar, YAMLSeq } from 'yaml'

export interface KnownWrong {
  name: string
  /** the answer as the learner would write it: a manifest, or kubectl commands one per line */
  source: string
  /** the checks it fails, as the grader said */
  fails: string[]
}

export class KnownWrongError extends Error {}

export function addKnownWrong(exerciseYaml: string, answer: KnownWrong): string {
  const doc = parseDocument(exerciseYaml)
  if (doc.errors.length > 0) throw new KnownWrongError(`exercise.yaml does not parse: ${doc.errors[0]!.message.split('\n')[0]}`)
  if (!isMap(doc.contents)) throw new KnownWrongError('exercise.yaml is not a mapping')
  if (answer.fails.length === 0) throw new KnownWrongError('a known-wrong answer fails at least one check')
  let list = doc.get('wrongAnswers')
  if (list === undefined || list === null) {
    list = new YAMLSeq()
    doc.set('wrongAnswers', list)
  }
  if (!isSeq(list)) throw new KnownWrongError('wrongAnswers is not a list')
  const source = new Scalar(answer.source.endsWith('\n') ? answer.source : `${answer.source}\n`)
  source.type = Scalar.BLOCK_LITERAL
  const fails = doc.createNode([...answer.fails])
  fails.flow = true
  list.add(doc.createNode({ name: answer.name, source, fails }))
  return doc.toString({ lineWidth: 0 })
}
