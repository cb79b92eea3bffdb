/**
 * The CST fast path must agree with the ordinary Composer: same values for every document it accepts, and it
 * must never accept a text the Composer finds an error in. Checked on the repository's manifests and on
 * thousands of seeded random mutations of them.
 */
import { describe, expect, it } from 'vitest'
import { composeFast } from './yaml-fast-path.ts'
import { parseYamlStream } from './yaml-stream.ts'
import { fixtures, handWritten, mutations } from '../testing/corpus.ts'

function slow(text: string) {
  return parseYamlStream(text, { fastPath: false })
}

function compare(text: string): 'fast' | 'fallback' {
  const result = composeFast(text)
  if (!('docs' in result)) {
    // the fallback hands over the CST; composing it must give what composing the text gives
    const shape = (r: ReturnType<typeof slow>) => ({
      limit: r.limit,
      docs: r.documents.map(({ index, value, empty, problems }) => ({ index, value, empty, problems })),
    })
    expect(shape(parseYamlStream(text))).toEqual(shape(slow(text)))
    return 'fallback'
  }
  const fast = result.docs
  const ref = slow(text)
  // the fast path may only accept what the Composer accepts without any error
  expect(ref.limit).toBeNull()
  expect(ref.documents.flatMap((d) => d.problems)).toEqual([])
  expect(fast.map((d) => ({ value: d.value, empty: d.empty }))).toEqual(ref.documents.map((d) => ({ value: d.value, empty: d.empty })))
  // and finds every field at the same place (the CST walk against the composed AST's)
  const mine = parseYamlStream(text)
  ref.documents.forEach((doc, i) => {
    for (const path of paths(doc.value).slice(0, 200))
      expect([path, mine.documents[i].source.positionOf(path)]).toEqual([path, doc.source.positionOf(path)])
  })
  return 'fast'
}

/** Every path in a decoded value, plus one missing child per object (to exercise the parent fallback). */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = []
  if (Array.isArray(value)) value.forEach((v, i) => out.push([...prefix, i], ...paths(v, [...prefix, i])))
  else if (value !== null && typeof value === 'object') {
    out.push([...prefix, 'no-such-field'])
    for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...paths(v, [...prefix, k]))
  }
  return out
}

describe('CST fast path', () => {
  it.each([...fixtures, ...handWritten].map((t, i) => [i, t]))(
    'takes the fast path for ordinary manifest %i and agrees with the Composer',
    (_i, text) => {
      expect(compare(text as string)).toBe('fast')
    },
  )

  it('hands anchors, tags, tabs, merge keys, duplicates and directives to the Composer', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a:\n\tb: 1\n',
      'base: &b {x: 1}\nc:\n  <<: *b\n',
      'a: 1\na: 2\n',
      '%YAML 1.2\n---\na: 1\n',
      '? a\n: b\n',
      'a: b: c\n',
      'a: .inf\n',
      'a: 1\n...\n',
    ]) {
      expect('docs' in composeFast(text)).toBe(false)
    }
  })

  it('agrees with the Composer on 3,000 mutated manifests', () => {
    const counts = { fast: 0, fallback: 0 }
    for (const text of mutations(42, [...fixtures, ...handWritten], 3000)) counts[compare(text)]++
    // both paths are exercised; most single-character edits still parse
    expect(counts.fast).toBeGreaterThan(750)
    expect(counts.fallback).toBeGreaterThan(375)
  })
})
