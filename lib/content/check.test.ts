import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkContent, proofSummaryTable, readmeProofSummary, withProofSummary } from './check.ts'

function copyOfContent(): string {
  const root = mkdtempSync(join(tmpdir(), 'kubelab-content-'))
  cpSync('content', root, { recursive: true })
  return root
}

describe('content check', () => {
  it('passes on the course as committed', async () => {
    const report = await checkContent()
    expect(report.problems).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.lessons).toBeGreaterThanOrEqual(14)
    // every exercise proves its solution and at least one wrong answer, and the README's table says so
    expect(report.summary).toHaveLength(report.exercises)
    for (const s of report.summary) expect([s.exercise, s.right >= 1, s.wrong >= 1]).toEqual([s.exercise, true, true])
    expect(
      readmeProofSummary(readFileSync('README.md', 'utf8')),
      'README.md is stale: run `npm run -s kubelab -- content check --summary --write-readme`',
    ).toBe(proofSummaryTable(report.summary))
  }, 120_000)

  it('writes the proof summary between the README’s markers, and refuses a README without them', () => {
    const summary = [
      { course: 'c', lesson: 'pod', exercise: 'pod-web', kind: 'manifest' as const, right: 3, wrong: 2 },
      { course: 'c', lesson: 'scale', exercise: 'scale-web', kind: 'command' as const, right: 1, wrong: 4 },
    ]
    const table = proofSummaryTable(summary)
    expect(table.split('\n').at(-1)).toBe('| **2 exercises** | | | **4** | **6** |')
    expect(table).toContain('| c/pod | `pod-web` | manifest | 3 | 2 |')
    const readme = readFileSync('README.md', 'utf8')
    const written = withProofSummary(readme, table)
    expect(readmeProofSummary(written)).toBe(table)
    // the rest of the README is kept as it was
    expect(withProofSummary(written, proofSummaryTable([])).replace(/<!-- proof-summary[\s\S]*?<!-- \/proof-summary -->/, '')).toBe(
      readme.replace(/<!-- proof-summary[\s\S]*?<!-- \/proof-summary -->/, ''),
    )
    expect(() => withProofSummary('# no markers\n', table)).toThrow(/no proof summary markers/)
  })

  it('reports a wrong answer that does not fail the checks it names, and a starter that already passes', async () => {
    const root = copyOfContent()
    const file = join(root, 'kubernetes-basics/lessons/03-pod/exercise.yaml')
    const text = readFileSync(file, 'utf8')
    const solution = text.slice(text.indexOf('solution: |'), text.indexOf('hints:')).replace('solution: |', 'starter: |')
    const starterStart = text.indexOf('starter: |')
    const starterEnd = text.indexOf('solution: |')
    writeFileSync(
      file,
      (text.slice(0, starterStart) + solution + text.slice(starterEnd)).replace('fails: [image, running]', 'fails: [image]'),
    )
    const report = await checkContent(root)
    expect(report.ok).toBe(false)
    expect(report.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('the starter already passes'),
        expect.stringContaining('should fail [image] but fails [image, running]'),
      ]),
    )
  }, 120_000)

  it('reports a missing translation and a lesson that does not compile', async () => {
    const root = copyOfContent()
    writeFileSync(join(root, 'kubernetes-basics/lessons/01-intro/en.mdx'), '# Broken\n\n<Precisely>\nunclosed')
    const report = await checkContent(root)
    expect(report.problems.some((p) => p.where.endsWith('intro/en.mdx') && p.message.startsWith('does not compile'))).toBe(true)
  }, 120_000)

  it('reports a question that shows a demo the course does not have, or a run step past the demo’s last', async () => {
    const root = copyOfContent()
    const question = (id: string, scenario: string, run: number) =>
      `  - id: ${id}\n    type: single\n    shows: { scenario: ${scenario}, run: ${run} }\n    prompt: { ko: "p", en: "p" }\n    choices:\n      - { id: a, text: { ko: "A", en: "A" } }\n      - { id: b, text: { ko: "B", en: "B" }, why: { ko: "아닙니다.", en: "No." } }\n    answer: a\n    explanation: { ko: "e", en: "e" }\n`
    writeFileSync(
      join(root, 'kubernetes-basics/lessons/10-scaling/quiz.yaml'),
      `id: scaling\nquestions:\n${question('nowhere', 'no-such-demo', 1)}${question('past', 'scaling', 99)}${question('fine', 'scaling', 7)}`,
    )
    const report = await checkContent(root)
    expect(report.problems.filter((p) => p.where === 'kubernetes-basics/scaling/quiz scaling').map((p) => p.message)).toEqual([
      'question "nowhere" shows demo "no-such-demo", but there is no demos/no-such-demo.scenario.yaml',
      'question "past" shows run 99 of demo "scaling", but that scenario has 7 run: steps',
    ])
  }, 120_000)

  it('names the file and field of a malformed lesson file', async () => {
    const root = copyOfContent()
    writeFileSync(
      join(root, 'kubernetes-basics/lessons/03-pod/lesson.yaml'),
      'id: pod\ntitle: { ko: "x" }\nsummary: { ko: "s", en: "s" }\nminutes: 5\n',
    )
    const report = await checkContent(root)
    expect(report.problems[0]!.message).toMatch(/lesson\.yaml: title\.en/)
  })
})

describe('content check: glossary and <Term>', () => {
  it('finds the ids of <Term> elements however the id is quoted', async () => {
    const { termIds } = await import('./check.ts')
    expect(termIds(`a <Term id="pod">Pod</Term> b <Term id='node'>x</Term> <Term  id={"label"}>l</Term> <Term>bare</Term>`)).toEqual([
      'pod',
      'node',
      'label',
      '',
    ])
  })

  it('reports a <Term> whose id the glossary does not have', async () => {
    const root = copyOfContent()
    const file = join(root, 'kubernetes-basics/lessons/03-pod/en.mdx')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nA <Term id="no-such-term">thing</Term>.\n`)
    const report = await checkContent(root)
    expect(report.problems).toContainEqual({
      where: 'kubernetes-basics/pod/en.mdx',
      message: '<Term id="no-such-term"> names no term of glossary.yaml (add the term there, or use one of its ids)',
    })
  }, 120_000)

  it('names the file of a glossary that is not valid YAML, or whose term names an unknown lesson', async () => {
    const root = copyOfContent()
    const file = join(root, 'kubernetes-basics/glossary.yaml')
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, 'terms: [\n')
    expect((await checkContent(root)).problems[0]!.message).toMatch(/glossary\.yaml: not valid YAML/)
    writeFileSync(file, text.replace('lesson: intro', 'lesson: no-such-lesson'))
    expect((await checkContent(root)).problems[0]!.message).toMatch(
      /glossary\.yaml: terms\.0\.lesson: term "container" names lesson "no-such-lesson", which course\.yaml does not list/,
    )
    writeFileSync(file, text.replace('    en: "container"\n', ''))
    expect((await checkContent(root)).problems[0]!.message).toMatch(/glossary\.yaml: terms\.0\.en: /)
  })
})
