import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { buildCatalog, catalogTtlMs, courseCatalog, orderLessons, parseStudioLesson, studioCatalogChanged, usePublishedStudioLessons } =
  await import('./course-catalog.ts')
const { loadCourses } = await import('../content/load.ts')
const { useLogger, createLogger } = await import('./observability/log.ts')
type Published = import('./course-catalog.ts').PublishedStudioLesson

const studio = (lessonId: string, afterLessonId: string | null) => ({ lessonId, afterLessonId })
const ids = (lessons: Array<{ id: string } | { lessonId: string }>) => lessons.map((l) => ('id' in l ? l.id : l.lessonId))
const files = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]

describe('the order of a course with studio lessons', () => {
  it('puts a studio lesson right after the file lesson it names, or first when it names none', () => {
    expect(ids(orderLessons(files, [studio('after-b', 'b'), studio('opening', null)]))).toEqual(['opening', 'a', 'b', 'after-b', 'c'])
  })

  it('follows a chain of studio lessons, each after the one it names, before the next lesson after the same anchor', () => {
    const ordered = orderLessons(files, [studio('s1', 'a'), studio('s2', 'a'), studio('s1-next', 's1'), studio('s1-next-next', 's1-next')])
    expect(ids(ordered)).toEqual(['a', 's1', 's1-next', 's1-next-next', 's2', 'b', 'c'])
  })

  it('puts a studio lesson whose anchor is gone at the end, with the lessons chained after it', () => {
    const ordered = orderLessons(files, [studio('orphan', 'removed-lesson'), studio('after-orphan', 'orphan'), studio('after-c', 'c')])
    expect(ids(ordered)).toEqual(['a', 'b', 'c', 'after-c', 'orphan', 'after-orphan'])
  })

  it('lists lessons that only name each other once each, at the end', () => {
    expect(ids(orderLessons(files, [studio('x', 'y'), studio('y', 'x')]))).toEqual(['a', 'b', 'c', 'x', 'y'])
  })
})

const texts = (lessonId: string, options: { exerciseId?: string; quizId?: string } = {}) => ({
  lessonYaml: `id: ${lessonId}\ntitle: { ko: "${lessonId} 제목", en: "${lessonId} title" }\nsummary: { ko: "요약", en: "Summary" }\nminutes: 5\n`,
  pageKo: `## ${lessonId}\n`,
  pageEn: `## ${lessonId}\n`,
  exerciseYaml: null,
  quizYaml: options.quizId
    ? `id: ${options.quizId}\nquestions:\n  - id: q1\n    type: truefalse\n    prompt: { ko: "참?", en: "True?" }\n    answer: true\n    explanation: { ko: "네", en: "Yes" }\n`
    : null,
})
const published = (lessonId: string, afterLessonId: string | null, number = 1, options: { quizId?: string } = {}): Published => ({
  lessonId,
  afterLessonId,
  number,
  texts: texts(lessonId, options),
})

describe('the catalog of file courses and studio lessons', () => {
  const [course] = loadCourses()
  const fileIds = course!.lessons.map((l) => l.id)

  it('numbers every lesson by its position and finds studio lessons and their quizzes by id', () => {
    const catalog = buildCatalog(
      [course!],
      new Map([[course!.id, [parseStudioLesson(course!.id, published('extra', fileIds[1]!, 3, { quizId: 'extra-quiz' }))]]]),
    )
    const lessons = catalog.course(course!.id)!.lessons
    expect(lessons.map((l) => l.number)).toEqual(lessons.map((_, i) => i + 1))
    expect(lessons.map((l) => l.id).slice(0, 4)).toEqual([fileIds[0], fileIds[1], 'extra', fileIds[2]])
    const found = catalog.lesson(course!.id, 'extra')!
    expect(found.index).toBe(2)
    expect(found.lesson.source).toMatchObject({ kind: 'studio', version: 3 })
    expect(found.lesson.title.en).toBe('extra title')
    expect(catalog.quiz('extra-quiz')?.lesson.id).toBe('extra')
    // a file lesson after the studio one moved down one place
    expect(catalog.lesson(course!.id, fileIds[2]!)!.lesson.number).toBe(4)
    expect(catalog.exercise(course!.lessons[0]!.exercise!.id)?.lesson.id).toBe(fileIds[0])
  })

  it('lists a studio course with a published lesson after the file courses, its lessons in their authors’ order', () => {
    const helm = { id: 'helm-basics', title: { ko: '헬름 기초', en: 'Helm basics' }, description: { ko: '차트', en: 'Charts' } }
    const quiet = { id: 'quiet-course', title: { ko: '조용한', en: 'Quiet' }, description: { ko: '없음', en: 'None' } }
    const lessons = [published('values', 'charts', 2, { quizId: 'values-quiz' }), published('charts', null)].map((p) =>
      parseStudioLesson(helm.id, p),
    )
    const catalog = buildCatalog([course!], new Map([[helm.id, lessons]]), [helm, quiet])
    expect(catalog.courses.map((c) => [c.id, c.kind])).toEqual([
      [course!.id, 'file'],
      [helm.id, 'studio'],
    ])
    const listed = catalog.course(helm.id)!
    expect(listed).toMatchObject({ title: helm.title, description: helm.description, dir: null })
    expect(listed.lessons.map((l) => [l.id, l.number, l.courseId])).toEqual([
      ['charts', 1, helm.id],
      ['values', 2, helm.id],
    ])
    expect(catalog.lesson(helm.id, 'values')).toMatchObject({ index: 1, lesson: { source: { kind: 'studio', version: 2 } } })
    // grading and quizzes find it through the catalog like any lesson
    expect(catalog.quiz('values-quiz')?.course.id).toBe(helm.id)
    // a studio course without a published lesson is not for learners
    expect(catalog.course(quiet.id)).toBeUndefined()
  })

  it('keeps a file course over a studio course with the same id', () => {
    const clash = { id: course!.id, title: { ko: '다른', en: 'Other' }, description: { ko: '다른', en: 'Other' } }
    const catalog = buildCatalog([course!], new Map([[course!.id, [parseStudioLesson(course!.id, published('extra', null))]]]), [clash])
    expect(catalog.courses.map((c) => [c.id, c.kind])).toEqual([[course!.id, 'file']])
    expect(catalog.course(course!.id)!.title).toEqual(course!.title)
  })

  it('keeps a file lesson over a studio lesson with the same id', () => {
    const clash = parseStudioLesson(course!.id, published(fileIds[0]!, null))
    const catalog = buildCatalog([course!], new Map([[course!.id, [clash]]]))
    expect(catalog.course(course!.id)!.lessons.map((l) => l.id)).toEqual(fileIds)
    expect(catalog.lesson(course!.id, fileIds[0]!)!.lesson.source.kind).toBe('file')
  })
})

describe('the cached catalog', () => {
  afterEach(() => {
    usePublishedStudioLessons(null)
    useLogger(null)
    vi.useRealTimers()
  })

  it('reads the studio lessons once, again after studioCatalogChanged(), and again when its time is up', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const [course] = loadCourses()
    let lessons: Published[] = [published('first-studio', null)]
    const source = vi.fn(async () => lessons)
    usePublishedStudioLessons(source)
    const first = await courseCatalog()
    expect(first.lesson(course!.id, 'first-studio')).toBeDefined()
    const calls = source.mock.calls.length
    expect(await courseCatalog()).toBe(first)
    expect(source.mock.calls.length).toBe(calls)

    lessons = []
    expect((await courseCatalog()).lesson(course!.id, 'first-studio')).toBeDefined() // not dropped yet
    studioCatalogChanged()
    expect((await courseCatalog()).lesson(course!.id, 'first-studio')).toBeUndefined()

    lessons = [published('second-studio', null)]
    vi.advanceTimersByTime(catalogTtlMs - 100)
    expect((await courseCatalog()).lesson(course!.id, 'second-studio')).toBeUndefined()
    vi.advanceTimersByTime(200)
    expect((await courseCatalog()).lesson(course!.id, 'second-studio')).toBeDefined()
  })

  it('reads the studio courses and their published lessons, and shows a course once it has one', async () => {
    const helm = { id: 'helm-basics', title: { ko: '헬름 기초', en: 'Helm basics' }, description: { ko: '차트', en: 'Charts' } }
    let helmLessons: Published[] = []
    usePublishedStudioLessons(
      async (courseId) => (courseId === helm.id ? helmLessons : []),
      async () => [helm],
    )
    expect((await courseCatalog()).course(helm.id)).toBeUndefined()
    helmLessons = [published('charts', null)]
    studioCatalogChanged()
    const catalog = await courseCatalog()
    expect(catalog.course(helm.id)?.lessons.map((l) => l.id)).toEqual(['charts'])
    expect(catalog.lesson(helm.id, 'charts')?.lesson.source.kind).toBe('studio')
  })

  it('keeps serving the last catalog when the database cannot be read', async () => {
    useLogger(createLogger('silent'))
    const [course] = loadCourses()
    let failing = false
    usePublishedStudioLessons(async () => {
      if (failing) throw new Error('database away')
      return [published('kept', null)]
    })
    expect((await courseCatalog()).lesson(course!.id, 'kept')).toBeDefined()
    failing = true
    studioCatalogChanged()
    const catalog = await courseCatalog()
    expect(catalog.lesson(course!.id, 'kept')).toBeDefined()
    expect(catalog.lesson(course!.id, course!.lessons[0]!.id)).toBeDefined()
  })
})
