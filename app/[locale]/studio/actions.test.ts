/**
 * The studio's create action with a new course (issue 14), on SQLite with the real content: a course id a file
 * course has, a malformed one or missing titles are refused with the form's error and what was typed, nothing
 * written; a good one makes the course and its first lesson and opens its editor; a later lesson in that course is
 * made like one in a file course, also as a copy of a file lesson.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const state = vi.hoisted(() => ({ dal: null as unknown, viewer: null as unknown }))
vi.mock('next/cache', () => ({ revalidatePath: () => {} }))
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { to })
  },
}))
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en', getTranslations: async () => (key: string) => key }))
vi.mock('@/lib/server/viewer', () => ({ currentViewer: async () => state.viewer }))
vi.mock('@/lib/server/dal', async (original) => ({ ...(await original<typeof import('@/lib/server/dal')>()), dal: () => state.dal }))

const { createStudioLessonAction } = await import('./actions')
const { NEW_COURSE } = await import('@/components/studio/new-course-choice')
const { createTestAccount, useTestDatabase } = await import('@/lib/testing/db')
const { loadCourses } = await import('@/lib/content/load')

const form = (fields: Record<string, string>) => {
  const f = new FormData()
  for (const [name, value] of Object.entries(fields)) f.append(name, value)
  return f
}
const course = {
  newCourseId: 'helm-basics',
  titleKo: '헬름 기초',
  titleEn: 'Helm basics',
  descriptionKo: '차트를 씁니다.',
  descriptionEn: 'Writing charts.',
}
/** the address the action sent the author to, or what it answered */
async function create(fields: Record<string, string>): Promise<string | object> {
  try {
    return await createStudioLessonAction({ error: null }, form(fields))
  } catch (error) {
    if (error instanceof Error && 'to' in error) return (error as { to: string }).to
    throw error
  }
}

describe('creating a lesson in a new studio course', () => {
  const { database, dal } = useTestDatabase()
  const [fileCourse] = loadCourses()
  beforeAll(async () => {
    state.dal = dal
    const author = await createTestAccount(database.db, 'author')
    state.viewer = { id: author.id, role: 'author' }
  })

  it('refuses a file course’s id, a malformed id and a missing title, keeping what was typed and writing nothing', async () => {
    const lesson = { courseId: NEW_COURSE, lessonId: 'charts', from: '' }
    expect(await create({ ...lesson, ...course, newCourseId: fileCourse!.id })).toEqual({
      error: 'file_course',
      course: { ...course, newCourseId: fileCourse!.id },
    })
    expect(await create({ ...lesson, ...course, newCourseId: 'Helm_Basics' })).toEqual({
      error: 'course_id',
      course: { ...course, newCourseId: 'Helm_Basics' },
    })
    expect(await create({ ...lesson, ...course, titleEn: '   ' })).toMatchObject({ error: 'course_text' })
    const { descriptionKo: _missing, ...withoutDescription } = course
    expect(await create({ ...lesson, ...withoutDescription })).toMatchObject({ error: 'course_text', course: { descriptionKo: '' } })
    expect(await database.db.studioCourse.count()).toBe(0)
    expect(await database.db.studioLesson.count()).toBe(0)
  })

  it('makes the course and its first lesson, then opens the editor; the id is then taken', async () => {
    expect(await create({ courseId: NEW_COURSE, lessonId: 'charts', from: '', ...course })).toBe('/studio/lessons/helm-basics/charts')
    expect(await database.db.studioCourse.findUnique({ where: { id: 'helm-basics' } })).toMatchObject({
      titleKo: '헬름 기초',
      descriptionEn: 'Writing charts.',
    })
    expect(
      await database.db.studioLesson.findUnique({ where: { courseId_lessonId: { courseId: 'helm-basics', lessonId: 'charts' } } }),
    ).toMatchObject({ afterLessonId: null })
    expect(await create({ courseId: NEW_COURSE, lessonId: 'other', from: '', ...course })).toMatchObject({ error: 'course_exists' })
  })

  it('adds a later lesson to the studio course, as a copy of a file course’s lesson', async () => {
    const original = fileCourse!.lessons[0]!
    expect(await create({ courseId: 'helm-basics', lessonId: 'copied', after: 'charts', from: `${fileCourse!.id}/${original.id}` })).toBe(
      '/studio/lessons/helm-basics/copied',
    )
    const copied = await database.db.studioLesson.findUnique({
      where: { courseId_lessonId: { courseId: 'helm-basics', lessonId: 'copied' } },
    })
    expect(copied).toMatchObject({ afterLessonId: 'charts' })
    expect(copied!.pageEn.length).toBeGreaterThan(0)
    expect(copied!.lessonYaml).toMatch(/^id: copied$/m)
    // a bare id copies from the lesson's own course, and a studio course has no file lessons
    expect(await create({ courseId: 'helm-basics', lessonId: 'bare', after: '', from: original.id })).toEqual({ error: 'no_source' })
    expect(await create({ courseId: 'no-such-course', lessonId: 'x', after: '', from: '' })).toEqual({ error: 'no_course' })
  })
})
