/**
 * The studio's "add as known-wrong answer" and "add as right answer": appends an answer to exercise.yaml's
 * `wrongAnswers` (with the checks it failed) or `rightAnswers`, keeping the rest of the author's text (comments,
 * order, quoting) as it was. Pure; runs in the browser.
 */
import { isMap, isSeq, parseDocument, Scalar, YAMLSeq, type Document } from 'yaml'

export interface KnownWrong {
  name: string
  /** the answer as the learner would write it: a manifest, or kubectl commands one per line */
  source: string
  /** the checks it fails, as the grader said */
  fails: string[]
}

export class KnownWrongError extends Error {}

export function addKnownWrong(exerciseYaml: string, answer: KnownWrong): string {
  if (answer.fails.length === 0) throw new KnownWrongError('a known-wrong answer fails at least one check')
  return appendAnswer(
    exerciseYaml,
    'wrongAnswers',
    (doc, source) => {
      const fails = doc.createNode([...answer.fails])
      fails.flow = true
      return { name: answer.name, source, fails }
    },
    answer.source,
  )
}

/** An answer that passes every check, added to `rightAnswers` (content check proves it stays so). */
export function addKnownRight(exerciseYaml: string, answer: { name: string; source: string }): string {
  return appendAnswer(exerciseYaml, 'rightAnswers', (_doc, source) => ({ name: answer.name, source }), answer.source)
}

function appendAnswer(
  exerciseYaml: string,
  key: 'wrongAnswers' | 'rightAnswers',
  entry: (doc: Document, source: Scalar) => object,
  text: string,
): string {
  const doc = parseDocument(exerciseYaml)
  if (doc.errors.length > 0) throw new KnownWrongError(`exercise.yaml does not parse: ${doc.errors[0]!.message.split('\n')[0]}`)
  if (!isMap(doc.contents)) throw new KnownWrongError('exercise.yaml is not a mapping')
  let list = doc.get(key)
  if (list === undefined || list === null) {
    list = new YAMLSeq()
    doc.set(key, list)
  }
  if (!isSeq(list)) throw new KnownWrongError(`${key} is not a list`)
  const source = new Scalar(text.endsWith('\n') ? text : `${text}\n`)
  source.type = Scalar.BLOCK_LITERAL
  list.add(doc.createNode(entry(doc, source)))
  return doc.toString({ lineWidth: 0 })
}
