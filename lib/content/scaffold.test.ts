/** `kubelab content new`: a new file lesson passes `content check` as it is, in the place the author asked for. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../cli/main.ts'
import { checkContent } from './check.ts'
import { checkUntrustedMdx } from './untrusted-mdx.ts'

async function kubelab(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) })
  return { code, stdout, stderr }
}

const roots: string[] = []
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })))

/** A content root with one course that has no lesson yet. */
function emptyCourse(id = 'basics'): string {
  const root = mkdtempSync(join(tmpdir(), 'kubelab-scaffold-'))
  roots.push(root)
  mkdirSync(join(root, id, 'lessons'), { recursive: true })
  writeFileSync(
    join(root, id, 'course.yaml'),
    `# the course's order is this list\nid: ${id}\ntitle: { ko: "기초", en: "Basics" }\ndescription: { ko: "설명", en: "About" }\nlessons: []\n`,
  )
  return root
}

describe('kubelab content new', () => {
  const previous = process.env.KUBELAB_CONTENT_DIR
  let root: string
  beforeEach(() => {
    root = emptyCourse()
    process.env.KUBELAB_CONTENT_DIR = root
  })
  afterEach(() => {
    if (previous === undefined) delete process.env.KUBELAB_CONTENT_DIR
    else process.env.KUBELAB_CONTENT_DIR = previous
  })
  const order = () => (parse(readFileSync(join(root, 'basics', 'course.yaml'), 'utf8')) as { lessons: string[] }).lessons

  it('writes a lesson that passes content check as it is: both pages compile, the exercise is proven, the quiz parses', async () => {
    const made = await kubelab('content', 'new', 'config-maps')
    expect(made.code).toBe(0)
    expect(made.stdout).toContain('content check')
    expect(readdirSync(join(root, 'basics', 'lessons'))).toEqual(['01-config-maps'])
    expect(readdirSync(join(root, 'basics', 'lessons', '01-config-maps')).sort()).toEqual([
      'en.mdx',
      'exercise.yaml',
      'ko.mdx',
      'lesson.yaml',
      'quiz.yaml',
    ])
    expect(order()).toEqual(['config-maps'])
    const report = await checkContent(root)
    expect(report.problems).toEqual([])
    expect(report).toMatchObject({ ok: true, lessons: 1, exercises: 1, quizzes: 1 })
    // the pages are what a studio page may be, too
    for (const page of ['ko.mdx', 'en.mdx'])
      expect(checkUntrustedMdx(readFileSync(join(root, 'basics', 'lessons', '01-config-maps', page), 'utf8')), page).toEqual([])
    // the course file keeps its comment
    expect(readFileSync(join(root, 'basics', 'course.yaml'), 'utf8')).toContain("# the course's order is this list")
  }, 60_000)

  it('puts a lesson where the author asks, in a folder numbered after the others, and the course still checks', async () => {
    expect((await kubelab('content', 'new', 'first')).code).toBe(0)
    expect((await kubelab('content', 'new', 'last')).code).toBe(0)
    expect((await kubelab('content', 'new', 'middle', '--after', 'first', '--course', 'basics')).code).toBe(0)
    expect(order()).toEqual(['first', 'middle', 'last'])
    expect(readdirSync(join(root, 'basics', 'lessons')).sort()).toEqual(['01-first', '02-last', '03-middle'])
    const report = await checkContent(root)
    expect(report.problems).toEqual([])
    expect(report.lessons).toBe(3)
  }, 60_000)

  it('refuses what would break the course, says why, and writes nothing', async () => {
    expect((await kubelab('content', 'new', 'pods')).code).toBe(0)
    const before = readFileSync(join(root, 'basics', 'course.yaml'), 'utf8')
    const cases: Array<[string[], RegExp]> = [
      [['Config_Maps'], /kebab-case/],
      [['pods'], /already has a lesson "pods"/],
      [['services', '--after', 'nope'], /no lesson "nope".*it has: pods/],
      [['services', '--course', 'advanced'], /no course "advanced".*there are: basics/],
      [[], /Usage: kubelab content/],
    ]
    for (const [args, message] of cases) {
      const result = await kubelab('content', 'new', ...args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toMatch(message)
    }
    expect(readFileSync(join(root, 'basics', 'course.yaml'), 'utf8')).toBe(before)
    expect(readdirSync(join(root, 'basics', 'lessons'))).toEqual(['01-pods'])
  })

  it('asks which course when there are several', async () => {
    const second = emptyCourse('advanced')
    rmSync(join(second, 'advanced'), { recursive: true })
    mkdirSync(join(root, 'advanced', 'lessons'), { recursive: true })
    writeFileSync(
      join(root, 'advanced', 'course.yaml'),
      'id: advanced\ntitle: { ko: "심화", en: "Advanced" }\ndescription: { ko: "설명", en: "About" }\nlessons: []\n',
    )
    const result = await kubelab('content', 'new', 'probes')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--course \(one of: (basics, advanced|advanced, basics)\)/)
    expect((await kubelab('content', 'new', 'probes', '--course', 'advanced')).code).toBe(0)
    expect(readdirSync(join(root, 'advanced', 'lessons'))).toEqual(['01-probes'])
  })
})
