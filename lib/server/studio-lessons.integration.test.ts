/**
 * A studio lesson from creation to learners (issue 14, ADR 0020), on SQLite with the real course: created only in a
 * course that exists and under an id no file lesson has, refused at publish with the gate's reasons while its
 * solution is broken, published once fixed, and what learners get is exactly the version that passed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLessonFolder } from '../content/lesson-folder.ts'
import { newLessonTexts, scaffoldLesson } from '../content/scaffold.ts'
import { studioLessonService } from './studio-lessons.ts'
import { closeStudioGate } from './studio-gate/index.ts'
import { useTestDatabase, createTestAccount } from '../testing/db.ts'

const scratch = mkdtempSync(join(tmpdir(), 'kubelab-studio-service-'))
mkdirSync(join(scratch, 'c', 'lessons'), { recursive: true })
writeFileSync(join(scratch, 'c', 'course.yaml'), 'id: c\ntitle: { ko: "가", en: "a" }\ndescription: { ko: "가", en: "a" }\nlessons: []\n')
const texts = readLessonFolder(scaffoldLesson({ courseDir: join(scratch, 'c'), lessonId: 'environment-variables' }).dir).texts
const brokenSolution = { ...texts, exerciseYaml: texts.exerciseYaml!.replace('    labels:\n      app: web\n', '') }
const acceptEveryPage = () => []

describe('studio lessons, from draft to learners', () => {
  const { database, dal } = useTestDatabase()
  let author: { id: string; role: 'author' }
  let learner: { id: string; role: 'learner' }
  const course = 'kubernetes-basics'
  afterAll(async () => {
    await closeStudioGate()
    rmSync(scratch, { recursive: true, force: true })
  })
  beforeAll(async () => {
    author = { id: (await createTestAccount(database.db, 'author')).id, role: 'author' }
    learner = { id: (await createTestAccount(database.db, 'learner')).id, role: 'learner' }
  })

  it('is created only in a course that exists, under an id no file lesson has, by an author', async () => {
    const studio = studioLessonService(dal, acceptEveryPage)
    expect(brokenSolution.exerciseYaml).not.toBe(texts.exerciseYaml)
    await expect(
      studio.create(learner, { courseId: course, lessonId: 'environment-variables', afterLessonId: null, texts }),
    ).rejects.toMatchObject({ status: 403 })
    expect(
      await studio.create(author, { courseId: 'no-such-course', lessonId: 'environment-variables', afterLessonId: null, texts }),
    ).toEqual({ status: 'no_course' })
    expect(await studio.create(author, { courseId: course, lessonId: 'pod', afterLessonId: null, texts })).toEqual({
      status: 'file_lesson',
    })
    expect(
      await studio.create(author, { courseId: course, lessonId: 'environment-variables', afterLessonId: 'pod', texts: brokenSolution }),
    ).toMatchObject({ status: 'created', lesson: { draftVersion: 1 } })
    expect(await studio.create(author, { courseId: course, lessonId: 'environment-variables', afterLessonId: null, texts })).toEqual({
      status: 'exists',
    })
  })

  it('refuses to publish a broken solution with the reasons, then publishes the fixed draft', async () => {
    const studio = studioLessonService(dal, acceptEveryPage)
    const refused = await studio.publish(author, course, 'environment-variables', 1, null)
    expect(refused.status).toBe('refused')
    if (refused.status !== 'refused') return
    expect(refused.gate.problems.map((p) => p.message.en)).toEqual([
      expect.stringMatching(/^Proof failed — the reference solution does not pass: label: /),
    ])
    expect(await dal.studioLessons.published(course)).toEqual([])

    expect(await dal.studioLessons.saveDraft(author, course, 'environment-variables', 1, texts)).toMatchObject({
      status: 'saved',
      draftVersion: 2,
    })
    expect(await studio.publish(author, course, 'environment-variables', 1, null)).toMatchObject({
      status: 'conflict',
      current: { draftVersion: 2 },
    })
    expect(await studio.publish(author, course, 'environment-variables', 2, 'first')).toEqual({ status: 'published', number: 1 })
    expect(await dal.studioLessons.published(course)).toEqual([
      { lessonId: 'environment-variables', afterLessonId: 'pod', number: 1, texts },
    ])
  }, 60_000)

  it('refuses a page the untrusted-page check refuses, and an exercise id another lesson has', async () => {
    const refusing = studioLessonService(dal, (source) =>
      source.includes('<Quiz') ? [{ line: 3, column: 1, message: { ko: '안 됩니다.', en: 'Not allowed.' } }] : [],
    )
    const check = await refusing.check(author, course, 'environment-variables')
    expect(check?.gate.problems.map((p) => `${p.file}:${p.line} ${p.message.en}`)).toEqual([
      'ko.mdx:3 Not allowed.',
      'en.mdx:3 Not allowed.',
    ])
    const studio = studioLessonService(dal, acceptEveryPage)
    await dal.studioLessons.saveDraft(author, course, 'environment-variables', 2, {
      ...texts,
      exerciseYaml: texts.exerciseYaml!.replace('id: environment-variables-exercise', 'id: pod-first-manifest'),
    })
    const refused = await studio.publish(author, course, 'environment-variables', 3, null)
    expect(refused.status === 'refused' && refused.gate.problems.map((p) => p.message.en)).toEqual([
      'Another lesson already uses the id pod-first-manifest; give this one its own.',
    ])
  }, 60_000)

  it('starts a lesson in a new studio course, refusing a file course’s id and a malformed one; its exercise ids count as taken', async () => {
    const studio = studioLessonService(dal, acceptEveryPage)
    const newCourse = { title: { ko: '헬름', en: 'Helm' }, description: { ko: '차트', en: 'Charts' } }
    const charts = newLessonTexts('charts')
    // the template for `values` with charts' exercise id: the gate must see charts once it is published
    const values = {
      ...newLessonTexts('values'),
      exerciseYaml: newLessonTexts('values').exerciseYaml!.replace('id: values-exercise', 'id: charts-exercise'),
    }
    expect(await studio.create(author, { courseId: course, lessonId: 'charts', afterLessonId: null, texts: charts, newCourse })).toEqual({
      status: 'file_course',
    })
    await expect(
      studio.create(author, { courseId: 'Helm!', lessonId: 'charts', afterLessonId: null, texts: charts, newCourse }),
    ).rejects.toThrow(/kebab-case/)
    await expect(
      studio.create(learner, { courseId: 'helm', lessonId: 'charts', afterLessonId: null, texts: charts, newCourse }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await dal.studioCourses.get(author, 'helm')).toBeNull()

    expect(
      await studio.create(author, { courseId: 'helm', lessonId: 'charts', afterLessonId: 'ignored', texts: charts, newCourse }),
    ).toMatchObject({ status: 'created', lesson: { courseId: 'helm', afterLessonId: null } })
    expect(await studio.create(author, { courseId: 'helm', lessonId: 'values', afterLessonId: null, texts: values, newCourse })).toEqual({
      status: 'course_exists',
    })
    // later lessons go into the studio course like into a file course
    expect(await studio.create(author, { courseId: 'helm', lessonId: 'values', afterLessonId: 'charts', texts: values })).toMatchObject({
      status: 'created',
    })
    expect(await studio.publish(author, 'helm', 'charts', 1, null)).toEqual({ status: 'published', number: 1 })
    const refused = await studio.publish(author, 'helm', 'values', 1, null)
    expect(refused.status === 'refused' && refused.gate.problems.map((p) => p.message.en)).toEqual([
      'Another lesson already uses the id charts-exercise; give this one its own.',
    ])
  }, 60_000)

  it('checks pages in the studio gate’s worker by default, with the untrusted-page check: a script never reaches the compiler', async () => {
    const studio = studioLessonService(dal)
    const current = (await dal.studioLessons.get(author, course, 'environment-variables'))!
    await dal.studioLessons.saveDraft(author, course, 'environment-variables', current.draftVersion, {
      ...texts,
      pageEn: texts.pageEn + '\n<script>alert(1)</script>\n',
    })
    const check = await studio.check(author, course, 'environment-variables')
    const en = check!.gate.problems.filter((p) => p.file === 'en.mdx')
    expect(en).toHaveLength(1)
    expect(en[0]!.message.en).toMatch(/script/)
    expect(en[0]!.line).toBeGreaterThan(1)
    expect(check!.gate.problems.filter((p) => p.file === 'ko.mdx')).toEqual([])
  }, 60_000)

  it('answers a page the parser would take minutes on as too slow instead of hanging the server (the default gate runs in a worker)', async () => {
    const studio = studioLessonService(dal)
    const current = (await dal.studioLessons.get(author, course, 'environment-variables'))!
    // quadratic for remark's parser: about 80 s for half of it in-process (ADR 0020)
    await dal.studioLessons.saveDraft(author, course, 'environment-variables', current.draftVersion, {
      ...texts,
      pageKo: '*a'.repeat(128_000),
    })
    const check = await studio.check(author, course, 'environment-variables')
    expect(check!.gate.problems).toEqual([
      {
        file: 'ko.mdx',
        message: {
          ko: expect.stringMatching(/^이 페이지는 확인하는 데 너무 오래 걸려 멈췄습니다/),
          en: expect.stringMatching(/^Checking this page took too long/),
        },
      },
    ])
    const refused = await studio.publish(author, course, 'environment-variables', current.draftVersion + 1, null)
    expect(refused.status).toBe('refused')
  }, 60_000)
})
