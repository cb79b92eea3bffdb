/**
 * Single-line edits of every course exercise's manifests (reference solutions and known-wrong answers, from
 * content/): each line dropped, dedented by one level and to column 0, indented by one level, and its value given
 * another type. No diagnostic of any of them shows `undefined`, `null`, `NaN`, `[object Object]` or a particle
 * placeholder, in either language; and an indentation edit of a solution comes back as the one line to fix.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { validateManifests, type Diagnostic } from './index.ts'
import { exerciseSources, lineEdits, type LineEdit } from '../testing/corpus.ts'
import { offenders, type Seen } from '../testing/readable.ts'

describe("single-line edits of the course's manifests", () => {
  const sources = exerciseSources()
  const edits = sources.flatMap((s) => [...lineEdits(s.text)].map((m) => ({ ...m, from: `${s.name}, line ${m.line} ${m.edit}` })))
  let results: Array<(typeof edits)[number] & { errors: Diagnostic[] }> = []
  beforeAll(() => {
    results = edits.map((e) => ({ ...e, errors: validateManifests(e.text).errors }))
  }, 120_000)

  it('cover every exercise with every kind of edit', () => {
    expect(sources.length).toBeGreaterThan(40)
    expect(edits.length).toBeGreaterThan(3000)
    expect([...new Set(edits.map((e) => e.edit))].sort()).toEqual([
      'dedent',
      'dedent to 0',
      'drop',
      'indent',
      'swap type',
    ] satisfies LineEdit[])
  })

  it('never show undefined, null, NaN, [object Object] or a particle placeholder, in Korean or English', () => {
    const seen: Seen[] = results.flatMap((r) => r.errors.map((d) => ({ d, from: r.from, input: r.text })))
    expect(seen.length).toBeGreaterThan(3000)
    expect(offenders(seen)).toEqual([])
  })

  it('an indentation edit that breaks a reference solution comes back as the line to fix (in 405 of 406 today)', () => {
    const broken = results.filter(
      (r) => r.from.includes('solution,') && (r.edit === 'indent' || r.edit.startsWith('dedent')) && r.errors.length > 0,
    )
    const explained = broken.filter((r) => r.errors.some((e) => e.indentation))
    expect(broken.length).toBeGreaterThan(300)
    expect(explained.length / broken.length).toBeGreaterThan(0.95)
  })
})
