/**
 * Studio lessons in the database (ADR 0020), on SQLite and PostgreSQL: only authors and admins reach them, two
 * authors never overwrite each other silently, a publish records exactly the draft version that was checked, every
 * version is kept, restore publishes a copy, unpublish hides without deleting, and learners see published texts only.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { accountOperations } from './accounts.ts'
import { cliActor } from './audit.ts'
import { StudioLessonExistsError, type StudioTexts } from './studio-lessons.ts'
import { testDatabases, useTestDatabase } from '../../testing/db.ts'

const texts = (mark: string): StudioTexts => ({
  lessonYaml: `id: probes\ntitle: { ko: "프로브 ${mark}", en: "Probes ${mark}" }\nsummary: { ko: "요약", en: "Summary" }\nminutes: 10\n`,
  pageKo: `## 프로브 ${mark}\n\n본문입니다.\n`,
  pageEn: `## Probes ${mark}\n\nThe text.\n`,
  exerciseYaml: null,
  quizYaml: `id: probes-quiz\nquestions: []\n  # ${mark}\n`,
})

describe.each(testDatabases())('studio lessons on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)
  const people: Record<
    'learner' | 'teacher' | 'author' | 'otherAuthor' | 'admin',
    { id: string; role: 'learner' | 'teacher' | 'author' | 'admin' }
  > = {} as never

  beforeAll(async () => {
    const ops = accountOperations(database.db)
    for (const [who, role] of [
      ['learner', 'learner'],
      ['teacher', 'teacher'],
      ['author', 'author'],
      ['otherAuthor', 'author'],
      ['admin', 'admin'],
    ] as const) {
      const account = await ops.create(cliActor, { email: `${who}-${Date.now()}@example.org`, role, password: 'password-123' })
      people[who] = { id: account.id, role }
    }
  })

  it('is closed to visitors, learners and teachers', async () => {
    const studio = dal.studioLessons
    for (const viewer of [null, people.learner, people.teacher]) {
      const status = viewer ? 403 : 401
      await expect(
        studio.create(viewer, { courseId: 'basics', lessonId: 'nope', afterLessonId: null, texts: texts('x') }),
      ).rejects.toMatchObject({ status })
      await expect(studio.list(viewer)).rejects.toMatchObject({ status })
      await expect(studio.get(viewer, 'basics', 'nope')).rejects.toMatchObject({ status })
      await expect(studio.saveDraft(viewer, 'basics', 'nope', 1, texts('x'))).rejects.toMatchObject({ status })
      await expect(studio.publish(viewer, 'basics', 'nope', 1, null)).rejects.toMatchObject({ status })
      await expect(studio.restore(viewer, 'basics', 'nope', 1, 1)).rejects.toMatchObject({ status })
      await expect(studio.unpublish(viewer, 'basics', 'nope')).rejects.toMatchObject({ status })
      await expect(studio.versions(viewer, 'basics', 'nope')).rejects.toMatchObject({ status })
      await expect(studio.move(viewer, 'basics', 'nope', null)).rejects.toMatchObject({ status })
    }
    expect(await database.db.studioLesson.count()).toBe(0)
  })

  it('keeps the texts byte for byte, refuses a second lesson with the same id and text it cannot store', async () => {
    const made = await dal.studioLessons.create(people.author, {
      courseId: 'basics',
      lessonId: 'probes',
      afterLessonId: 'pod',
      texts: texts('1'),
    })
    expect(made).toMatchObject({ draftVersion: 1, publishedNumber: null, afterLessonId: 'pod' })
    expect((await dal.studioLessons.get(people.admin, 'basics', 'probes'))!.texts).toEqual(texts('1'))
    await expect(
      dal.studioLessons.create(people.otherAuthor, { courseId: 'basics', lessonId: 'probes', afterLessonId: null, texts: texts('2') }),
    ).rejects.toBeInstanceOf(StudioLessonExistsError)
    await expect(
      dal.studioLessons.create(people.author, { courseId: 'basics', lessonId: 'Not An Id', afterLessonId: null, texts: texts('2') }),
    ).rejects.toBeInstanceOf(ZodError)
    await expect(
      dal.studioLessons.create(people.author, {
        courseId: 'basics',
        lessonId: 'nul',
        afterLessonId: null,
        texts: { ...texts('2'), pageKo: 'a\u0000b' },
      }),
    ).rejects.toThrow(/NUL/)
    await expect(
      dal.studioLessons.create(people.author, {
        courseId: 'basics',
        lessonId: 'huge',
        afterLessonId: null,
        texts: { ...texts('2'), pageEn: 'x'.repeat(300 * 1024) },
      }),
    ).rejects.toBeInstanceOf(ZodError)
    expect((await dal.studioLessons.list(people.author, 'basics')).map((l) => l.lessonId)).toEqual(['probes'])
  })

  it('tells the second of two authors who saved first, and writes nothing of theirs', async () => {
    const saved = await dal.studioLessons.saveDraft(people.author, 'basics', 'probes', 1, texts('2'))
    expect(saved).toMatchObject({ status: 'saved', draftVersion: 2 })
    // the other author still edits version 1
    const late = await dal.studioLessons.saveDraft(people.otherAuthor, 'basics', 'probes', 1, texts('stale'))
    expect(late.status).toBe('conflict')
    if (late.status !== 'conflict') return
    expect(late.current.draftVersion).toBe(2)
    expect(late.current.draftSavedBy).toMatch(/^author-/)
    expect(late.current.texts).toEqual(texts('2'))
    expect(await dal.studioLessons.saveDraft(people.author, 'basics', 'gone', 1, texts('2'))).toEqual({ status: 'missing' })
  })

  it('publishes exactly the draft version that was checked, keeps every version and restores by publishing a copy', async () => {
    const studio = dal.studioLessons
    expect(await studio.publish(people.author, 'basics', 'probes', 1, 'too old')).toMatchObject({ status: 'conflict' })
    expect(await studio.published('basics')).toEqual([])
    expect(await studio.publish(people.author, 'basics', 'probes', 2, ' first version ')).toEqual({ status: 'published', number: 1 })
    expect(await studio.saveDraft(people.otherAuthor, 'basics', 'probes', 2, texts('3'))).toMatchObject({
      status: 'saved',
      draftVersion: 3,
    })
    // learners still get version 1 while the draft moves on
    expect(await studio.published('basics')).toEqual([{ lessonId: 'probes', afterLessonId: 'pod', number: 1, texts: texts('2') }])
    expect(await studio.publish(people.otherAuthor, 'basics', 'probes', 3, null)).toEqual({ status: 'published', number: 2 })
    expect((await studio.published('basics'))[0]!.texts).toEqual(texts('3'))

    const restored = await studio.restore(people.author, 'basics', 'probes', 1, 3)
    expect(restored).toEqual({ status: 'published', number: 3 })
    const versions = await studio.versions(people.author, 'basics', 'probes')
    expect(versions.map((v) => [v.number, v.note, v.texts.pageEn])).toEqual([
      [3, 'restored version 1', texts('2').pageEn],
      [2, null, texts('3').pageEn],
      [1, 'first version', texts('2').pageEn],
    ])
    expect(versions[1]!.author).toMatch(/^otherauthor-/)
    const draft = (await studio.get(people.author, 'basics', 'probes'))!
    expect(draft).toMatchObject({ draftVersion: 4, publishedNumber: 3 })
    expect(draft.texts).toEqual(texts('2'))
    expect((await studio.published('basics'))[0]).toMatchObject({ number: 3, texts: texts('2') })
    expect(await studio.restore(people.author, 'basics', 'probes', 9, 4)).toEqual({ status: 'missing' })
  })

  it('unpublishes without losing anything, moves in the course, and records who did what', async () => {
    const studio = dal.studioLessons
    expect(await studio.unpublish(people.author, 'basics', 'probes')).toBe(true)
    expect(await studio.unpublish(people.author, 'basics', 'probes')).toBe(false)
    expect(await studio.published('basics')).toEqual([])
    expect(await studio.versions(people.author, 'basics', 'probes')).toHaveLength(3)
    expect(await studio.move(people.author, 'basics', 'probes', null)).toBe(true)
    expect(await studio.move(people.author, 'basics', 'probes', 'probes')).toBe(false)
    expect((await studio.get(people.author, 'basics', 'probes'))!.afterLessonId).toBeNull()
    const events = await database.db.auditEvent.findMany({ where: { targetType: 'lesson' }, orderBy: { createdAt: 'asc' } })
    expect(events.map((e) => e.action)).toEqual([
      'studio.lesson_created',
      'studio.lesson_published',
      'studio.lesson_published',
      'studio.lesson_restored',
      'studio.lesson_unpublished',
    ])
    expect(events.every((e) => e.targetId === 'basics/probes')).toBe(true)
  })

  it('shows learners a published lesson where it was placed even when the lesson before it is unpublished', async () => {
    const studio = dal.studioLessons
    const chained = (id: string): StudioTexts => ({
      ...texts('c'),
      lessonYaml: texts('c').lessonYaml.replace('id: probes', `id: ${id}`),
      quizYaml: null,
    })
    await studio.create(people.author, { courseId: 'chain', lessonId: 'first', afterLessonId: 'pod', texts: chained('first') })
    await studio.create(people.author, { courseId: 'chain', lessonId: 'second', afterLessonId: 'first', texts: chained('second') })
    expect(await studio.publish(people.author, 'chain', 'second', 1, null)).toEqual({ status: 'published', number: 1 })
    // `first` is a draft nobody sees: `second` takes its place, right after `pod`
    expect((await studio.published('chain')).map((l) => [l.lessonId, l.afterLessonId])).toEqual([['second', 'pod']])
    await studio.publish(people.author, 'chain', 'first', 1, null)
    expect((await studio.published('chain')).map((l) => [l.lessonId, l.afterLessonId])).toEqual([
      ['first', 'pod'],
      ['second', 'first'],
    ])
  })
})
