/**
 * `kubelab content import` / `export` (issue 14, ADR 0020): a lesson folder becomes a studio draft and comes back
 * out byte for byte, and the exported folder passes `content check` in a course.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from './main.ts'
import { checkContent } from '../content/check.ts'
import { scaffoldLesson } from '../content/scaffold.ts'
import { useTestDatabase } from '../testing/db.ts'

const work = mkdtempSync(join(tmpdir(), 'kubelab-studio-cli-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function course(root: string, lessons: string[] = []) {
  mkdirSync(join(root, 'basics', 'lessons'), { recursive: true })
  writeFileSync(
    join(root, 'basics', 'course.yaml'),
    `id: basics\ntitle: { ko: "기초", en: "Basics" }\ndescription: { ko: "설명", en: "About" }\nlessons: []\n`,
  )
  for (const id of lessons) scaffoldLesson({ courseDir: join(root, 'basics'), lessonId: id })
}

describe('kubelab content import and export', () => {
  const { database } = useTestDatabase()
  const previousContent = process.env.KUBELAB_CONTENT_DIR
  const site = join(work, 'site') // the content Kubelab serves: one file lesson
  const elsewhere = join(work, 'elsewhere') // where an author wrote a new lesson as files

  async function kubelab(...args: string[]) {
    let stdout = ''
    let stderr = ''
    const code = await runCli(args, {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env: { DATABASE_URL: database.url },
    })
    return { code, stdout, stderr }
  }

  beforeAll(async () => {
    course(site, ['first'])
    course(elsewhere, ['probes'])
    // an author's own touches, including what a rewrite of the YAML would lose: comments, quoting, no final newline
    const folder = join(elsewhere, 'basics', 'lessons', '01-probes')
    writeFileSync(join(folder, 'ko.mdx'), readFileSync(join(folder, 'ko.mdx'), 'utf8') + '\n한국어 문단 — “따옴표”와 이모지 🚀까지.')
    writeFileSync(join(folder, 'exercise.yaml'), '# written by hand\n' + readFileSync(join(folder, 'exercise.yaml'), 'utf8'))
  })
  beforeEach(() => {
    process.env.KUBELAB_CONTENT_DIR = site
  })
  afterEach(() => {
    if (previousContent === undefined) delete process.env.KUBELAB_CONTENT_DIR
    else process.env.KUBELAB_CONTENT_DIR = previousContent
  })

  it('round-trips a lesson folder byte for byte, and the exported folder passes content check in the course', async () => {
    const source = join(elsewhere, 'basics', 'lessons', '01-probes')
    const imported = await kubelab('content', 'import', source)
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toContain('basics/probes')
    const row = await database.db.studioLesson.findUniqueOrThrow({
      where: { courseId_lessonId: { courseId: 'basics', lessonId: 'probes' } },
    })
    // last in the course, after its one file lesson (not first, where a lesson nobody placed would land)
    expect(row).toMatchObject({ draftSavedByLabel: 'cli', publishedNumber: null, afterLessonId: 'first' })

    const out = join(work, 'exported')
    const exported = await kubelab('content', 'export', 'probes', out)
    expect(exported.code, exported.stderr).toBe(0)
    expect(readdirSync(out).sort()).toEqual(readdirSync(source).sort())
    for (const name of readdirSync(source)) expect(readFileSync(join(out, name)), name).toEqual(readFileSync(join(source, name)))

    // into a copy of the served course, listed after its file lesson: content check proves it
    const proved = join(work, 'proved')
    cpSync(site, proved, { recursive: true })
    cpSync(out, join(proved, 'basics', 'lessons', '02-probes'), { recursive: true })
    writeFileSync(
      join(proved, 'basics', 'course.yaml'),
      `id: basics\ntitle: { ko: "기초", en: "Basics" }\ndescription: { ko: "설명", en: "About" }\nlessons: [first, probes]\n`,
    )
    const report = await checkContent(proved)
    expect(report.problems).toEqual([])
    expect(report.lessons).toBe(2)
  }, 60_000)

  it('asks before replacing a draft, and refuses a folder that is not a lesson or an id a file lesson has', async () => {
    const source = join(elsewhere, 'basics', 'lessons', '01-probes')
    const again = await kubelab('content', 'import', source)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('--replace')
    const replaced = await kubelab('content', 'import', source, '--replace')
    expect(replaced.code).toBe(0)
    expect((await database.db.studioLesson.findFirstOrThrow({ where: { lessonId: 'probes' } })).draftVersion).toBe(2)

    const empty = join(work, 'empty')
    mkdirSync(empty)
    expect(await kubelab('content', 'import', empty)).toMatchObject({ code: 2, stderr: expect.stringContaining('has no lesson.yaml') })
    const clash = join(work, 'clash')
    cpSync(join(site, 'basics', 'lessons', '01-first'), clash, { recursive: true })
    expect(await kubelab('content', 'import', clash)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('has a file lesson "first"'),
    })
    expect(await kubelab('content', 'import', source, '--course', 'advanced')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no course "advanced"'),
    })
  })

  it('exports only what exists, and never over an author’s files without --force', async () => {
    expect(await kubelab('content', 'export', 'nothing', join(work, 'x'))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no lesson "nothing"'),
    })
    expect(await kubelab('content', 'export', 'probes', join(work, 'y'), '--published')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no published version'),
    })
    const out = join(work, 'exported')
    expect(await kubelab('content', 'export', 'probes', out)).toMatchObject({ code: 2, stderr: expect.stringContaining('--force') })
    expect((await kubelab('content', 'export', 'probes', out, '--force')).code).toBe(0)
    expect(await kubelab('content', 'export')).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage') })
  })
})
