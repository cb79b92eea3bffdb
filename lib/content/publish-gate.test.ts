/** The publish gate (ADR 0020): what keeps a studio lesson from learners, said in both languages, and what passes. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { readLessonFolder, type LessonTexts } from './lesson-folder.ts'
import { scaffoldLesson } from './scaffold.ts'

const compiled: string[] = []
vi.mock('./mdx.ts', async (original) => {
  const real = await original<typeof import('./mdx.ts')>()
  return { ...real, compileMdx: async (source: string) => (compiled.push(source), real.compileMdx(source)) }
})
// imported after the mock, so the gate's compiler is the counting one
const { publishProblems } = await import('./publish-gate.ts')

const root = mkdtempSync(join(tmpdir(), 'kubelab-gate-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
mkdirSync(join(root, 'basics', 'lessons'), { recursive: true })
writeFileSync(
  join(root, 'basics', 'course.yaml'),
  'id: basics\ntitle: { ko: "기초", en: "Basics" }\ndescription: { ko: "설명", en: "About" }\nlessons: []\n',
)
const { dir } = scaffoldLesson({ courseDir: join(root, 'basics'), lessonId: 'probes' })
const good: LessonTexts = readLessonFolder(dir).texts

/** Stands for the untrusted-page check: refuses a page holding `{`. */
const checkPage = (source: string) =>
  source.includes('{') ? [{ line: 1, column: 1, message: { ko: '식은 쓸 수 없습니다.', en: 'No expressions.' } }] : []
const context = { lessonId: 'probes', takenIds: new Set<string>(['pod-first-manifest']), checkPage }

describe('publishProblems', () => {
  beforeEach(() => {
    compiled.length = 0
  })

  it('passes a lesson that content check would pass, with the exercise’s proof', async () => {
    const result = await publishProblems(good, context)
    expect(result.problems).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.proof?.cases.map((c) => [c.kind, c.ok])).toEqual([
      ['solution', true],
      ['starter', true],
      ['wrong', true],
    ])
    expect(compiled).toHaveLength(2)
  }, 30_000)

  it('refuses a broken solution, saying which checks it fails, in both languages', async () => {
    const broken = {
      ...good,
      exerciseYaml: good.exerciseYaml!.replace(
        /solution: \|[\s\S]*?hints:/,
        'solution: |\n  apiVersion: v1\n  kind: Pod\n  metadata:\n    name: web\n  spec:\n    containers:\n      - name: nginx\n        image: nginx:1.27\nhints:',
      ),
    }
    const result = await publishProblems(broken, context)
    expect(result.ok).toBe(false)
    const problem = result.problems.find((p) => p.file === 'exercise.yaml')!
    expect(problem.message.en).toMatch(/^Proof failed — .*label/)
    // Korean all through: the frame and the checks' messages, with the particle chosen for the subject
    expect(problem.message.ko).toMatch(/^증명 실패 — 모범 답안이 모든 검사를 통과하지 못합니다: [a-z-]+: [^;]*[\u3131-\uD79D]/)
    expect(problem.message.ko).not.toMatch(/does not pass|undefined|이\(가\)/)
  }, 30_000)

  it('never compiles a page the untrusted-page check refuses, and reports where', async () => {
    const result = await publishProblems({ ...good, pageKo: 'hello {process.exit()}' }, context)
    expect(result.problems).toContainEqual({
      file: 'ko.mdx',
      line: 1,
      column: 1,
      message: { ko: '식은 쓸 수 없습니다.', en: 'No expressions.' },
    })
    expect(compiled).toEqual([good.pageEn])
  }, 30_000)

  it('reports YAML that does not parse with its line, a wrong lesson id, a taken id and a quiz the page names but the lesson lacks', async () => {
    const result = await publishProblems(
      {
        ...good,
        lessonYaml: good.lessonYaml.replace('id: probes', 'id: other'),
        quizYaml: 'id: probes-quiz\nquestions:\n  - id: [unclosed\n',
        exerciseYaml: good.exerciseYaml!.replace('id: probes-exercise', 'id: pod-first-manifest'),
      },
      context,
    )
    const byFile = (file: string) => result.problems.filter((p) => p.file === file)
    expect(byFile('lesson.yaml')[0]!.message.en).toBe("The id must be this lesson's id, probes; it is other.")
    expect(byFile('lesson.yaml')[0]!.message.ko).toBe('id는 이 레슨의 id인 probes여야 합니다. 지금 쓴 id: other')
    // where the parser noticed: the unclosed list runs to the end of the text
    expect(byFile('quiz.yaml')[0]).toMatchObject({
      line: 4,
      column: 1,
      message: { en: expect.stringMatching(/^This is not valid YAML/), ko: expect.stringMatching(/^YAML로 읽을 수 없습니다/) },
    })
    expect(byFile('exercise.yaml')[0]!.message.ko).toBe('다른 레슨이 이미 id pod-first-manifest를 씁니다. 이 레슨만의 id를 쓰세요.')
    // the pages name probes-quiz, which no longer parses
    expect(byFile('ko.mdx').map((p) => p.message.en)).toEqual([
      '<Quiz id="probes-quiz" /> names a quiz this lesson\'s quiz.yaml does not have.',
    ])
  }, 30_000)

  it('lists the first problems of a page with thousands, and counts the rest', async () => {
    const many = (source: string) =>
      source.includes('{')
        ? Array.from({ length: 1000 }, (_, i) => ({ line: i + 1, column: 1, message: { ko: '식', en: 'expression' } }))
        : []
    const result = await publishProblems({ ...good, pageEn: '{x}' }, { ...context, checkPage: many })
    const en = result.problems.filter((p) => p.file === 'en.mdx')
    expect(en).toHaveLength(51)
    expect(en[50]!.message).toEqual({ ko: '같은 종류의 문제가 950개 더 있습니다.', en: '950 more problems of the same kinds.' })
  })

  it('reports a page that does not compile', async () => {
    const result = await publishProblems({ ...good, pageEn: '<Precisely>\nnever closed' }, context)
    expect(result.problems.find((p) => p.file === 'en.mdx')?.message.en).toMatch(/^The page does not compile: /)
  }, 30_000)
})
