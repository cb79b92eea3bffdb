/**
 * Studio courses in the database (issue 14), on SQLite and PostgreSQL: only authors and admins create and list them,
 * a file course's id and a taken id are refused, the course and its first lesson are made together or not at all,
 * and the creation is in the audit log.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { newLessonTexts } from '../../content/scaffold.ts'
import { FileCourseIdError, StudioCourseExistsError, studioCoursesDal, type StudioCourseInput } from './studio-courses.ts'
import { StudioLessonExistsError } from './studio-lessons.ts'
import { testDatabases, useTestDatabase, createTestAccount } from '../../testing/db.ts'

const course = (id: string): StudioCourseInput => ({
  id,
  title: { ko: `코스 ${id}`, en: `Course ${id}` },
  description: { ko: '설명입니다.', en: 'What it is about.' },
})
const firstLesson = (lessonId: string) => ({ lessonId, afterLessonId: null, texts: newLessonTexts(lessonId) })

describe.each(testDatabases())('studio courses on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)
  let courses: ReturnType<typeof studioCoursesDal>
  const people: Record<'learner' | 'teacher' | 'author' | 'admin', { id: string; role: 'learner' | 'teacher' | 'author' | 'admin' }> =
    {} as never

  beforeAll(async () => {
    courses = studioCoursesDal(database.db, () => ['file-course'])
    for (const role of ['learner', 'teacher', 'author', 'admin'] as const)
      people[role] = { id: (await createTestAccount(database.db, role)).id, role }
  })

  it('is closed to visitors, learners and teachers', async () => {
    for (const viewer of [null, people.learner, people.teacher]) {
      const status = viewer ? 403 : 401
      await expect(courses.create(viewer, course('closed'), firstLesson('first'))).rejects.toMatchObject({ status })
      await expect(courses.list(viewer)).rejects.toMatchObject({ status })
      await expect(courses.get(viewer, 'closed')).rejects.toMatchObject({ status })
    }
    expect(await database.db.studioCourse.count()).toBe(0)
    expect(await database.db.studioLesson.count()).toBe(0)
  })

  it('makes the course and its first lesson together, audited, and lists it for authors and admins', async () => {
    const made = await courses.create(people.author, course('helm-basics'), firstLesson('charts'))
    expect(made.course).toMatchObject({
      id: 'helm-basics',
      title: { ko: '코스 helm-basics', en: 'Course helm-basics' },
      description: { en: 'What it is about.' },
    })
    expect(made.lesson).toMatchObject({ courseId: 'helm-basics', lessonId: 'charts', afterLessonId: null, publishedNumber: null })
    expect(await dal.studioLessons.get(people.admin, 'helm-basics', 'charts')).not.toBeNull()
    expect((await courses.list(people.admin)).map((c) => c.id)).toEqual(['helm-basics'])
    expect((await courses.get(people.author, 'helm-basics'))?.createdBy).toMatch(/^author-/)
    expect((await courses.all()).map((c) => c.id)).toEqual(['helm-basics'])
    const events = await database.db.auditEvent.findMany({ where: { action: { startsWith: 'studio.' } }, orderBy: { createdAt: 'asc' } })
    // one transaction: both may carry the same millisecond, so compared as a set
    expect(events.map((e) => [e.action, e.targetType, e.targetId]).sort()).toEqual([
      ['studio.course_created', 'course', 'helm-basics'],
      ['studio.lesson_created', 'lesson', 'helm-basics/charts'],
    ])
  })

  it('refuses an id a file course or another studio course has, and a malformed one, writing nothing', async () => {
    const before = await database.db.auditEvent.count()
    await expect(courses.create(people.author, course('file-course'), firstLesson('one'))).rejects.toBeInstanceOf(FileCourseIdError)
    await expect(courses.create(people.admin, course('helm-basics'), firstLesson('other'))).rejects.toBeInstanceOf(StudioCourseExistsError)
    await expect(courses.create(people.author, course('Not_Kebab'), firstLesson('one'))).rejects.toBeInstanceOf(ZodError)
    await expect(courses.create(people.author, { ...course('blank-title'), title: { ko: ' ', en: 'Blank' } })).rejects.toBeInstanceOf(
      ZodError,
    )
    await expect(courses.create(people.author, { ...course('nul-title'), title: { ko: '코스\u0000', en: 'Nul' } })).rejects.toThrow(/NUL/)
    expect((await courses.all()).map((c) => c.id)).toEqual(['helm-basics'])
    expect(await database.db.studioLesson.findMany({ where: { lessonId: { in: ['one', 'other'] } } })).toEqual([])
    expect(await database.db.auditEvent.count()).toBe(before)
  })

  it('leaves no course behind when its first lesson is refused', async () => {
    // a lesson row can exist for a course id no course has (made by the command line's import, or before the course)
    await dal.studioLessons.create(people.author, {
      courseId: 'orphans',
      lessonId: 'taken',
      afterLessonId: null,
      texts: newLessonTexts('taken'),
    })
    await expect(courses.create(people.author, course('orphans'), firstLesson('taken'))).rejects.toBeInstanceOf(StudioLessonExistsError)
    expect(await courses.get(people.author, 'orphans')).toBeNull()
  })
})
