/**
 * Published studio lessons as learners meet them (issue 14, ADR 0020), on SQLite and PostgreSQL, through the
 * routes a browser calls: listed in the authors' order and drafts left out, graded (a pool that holds the file
 * exercises gets a studio exercise with the task), quizzes attempted, and a learner's progress still there after the
 * lesson is unpublished and an earlier version restored.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Dal } from './dal/index.ts'
import type { Viewer } from './dal/viewer.ts'

vi.mock('server-only', () => ({}))
// the routes read the server's data-access layer and viewer: here, the test database's and the test's learner
let currentDal: Dal
let currentViewer: Viewer | null = null
vi.mock('./dal/index.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./dal/index.ts')>()),
  dal: () => currentDal,
}))
vi.mock('./viewer.ts', () => ({ currentViewer: async () => currentViewer }))

const { createTestAccount, testDatabases, useTestDatabase } = await import('../testing/db.ts')
const { courseCatalog, studioCatalogChanged } = await import('./course-catalog.ts')
const { loadCourses, contentRoot } = await import('../content/load.ts')
const { GradingPool, gradingPool, useGradingPool } = await import('./grading-pool/index.ts')
const { developmentWorkerFile, GRADING_WORKER } = await import('./grading-pool/bundle.ts')
const { createLimits, limitSettings, useLimits } = await import('./rate-limit/index.ts')
const { parseEnv } = await import('./env.ts')
const grade = await import('../../app/api/exercises/[id]/grade/route.ts')
const quizAttempts = await import('../../app/api/quizzes/[id]/attempts/route.ts')
const myCourse = await import('../../app/api/me/courses/[courseId]/route.ts')
const myLesson = await import('../../app/api/me/lessons/[courseId]/[lessonId]/route.ts')
type Texts = import('./dal/studio-lessons.ts').StudioTexts

useLimits(createLimits({ kind: 'memory' }, limitSettings(parseEnv({}))))

const course = loadCourses().find((c) => c.id === 'kubernetes-basics')!
const fileIds = course.lessons.map((l) => l.id)
const podFolder = join(contentRoot(), course.id, 'lessons', '03-pod')
// the Pod lesson's exercise and quiz under ids of their own: a studio lesson may not take a file lesson's ids
const studioExercise = readFileSync(join(podFolder, 'exercise.yaml'), 'utf8').replace(
  /^id: pod-first-manifest$/m,
  'id: studio-pod-manifest',
)
const studioQuiz = readFileSync(join(podFolder, 'quiz.yaml'), 'utf8').replace(/^id: pod-basics$/m, 'id: studio-pod-quiz')

const texts = (lessonId: string, mark: string, withWork = false): Texts => ({
  lessonYaml: `id: ${lessonId}\ntitle: { ko: "${lessonId} ${mark}", en: "${lessonId} ${mark}" }\nsummary: { ko: "요약", en: "Summary" }\nminutes: 5\n`,
  pageKo: `## ${mark}\n\n본문입니다.\n`,
  pageEn: `## ${mark}\n\nThe text.\n`,
  exerciseYaml: withWork ? studioExercise : null,
  quizYaml: withWork ? studioQuiz : null,
})

const origin = { origin: 'http://localhost', host: 'localhost', 'content-type': 'application/json' }
const post = (path: string, body: unknown) =>
  new Request(`http://localhost${path}`, { method: 'POST', headers: origin, body: JSON.stringify(body) })
const params = <T>(value: T) => ({ params: Promise.resolve(value) })

async function gradeStudio(body: Record<string, unknown>) {
  const response = await grade.POST(post('/api/exercises/studio-pod-manifest/grade', body), params({ id: 'studio-pod-manifest' }))
  return { status: response.status, json: (await response.json()) as { passed?: boolean; saved?: boolean; lessonCompleted?: boolean } }
}

let pool: InstanceType<typeof GradingPool> | undefined
beforeAll(async () => {
  await gradingPool() // bundles the development worker
  // as in production: the workers hold the file exercises, so a studio exercise has to travel with its task
  pool = new GradingPool({
    workerFile: developmentWorkerFile(GRADING_WORKER),
    threads: 1,
    exercises: course.lessons.flatMap((l) => (l.exercise ? [l.exercise] : [])),
  })
  useGradingPool(pool)
}, 120_000)
afterAll(async () => {
  useGradingPool(null)
  await pool?.close()
})

describe.each(testDatabases())('published studio lessons for learners on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)
  let author: Viewer
  let learner: Viewer

  beforeAll(async () => {
    currentDal = dal
    author = await createTestAccount(database.db, 'author')
    learner = await createTestAccount(database.db, 'learner')
    studioCatalogChanged()
  })
  afterAll(() => {
    studioCatalogChanged()
  })

  const publishNew = async (lessonId: string, afterLessonId: string | null, withWork = false) => {
    const made = await currentDal.studioLessons.create(author, {
      courseId: course.id,
      lessonId,
      afterLessonId,
      texts: texts(lessonId, 'v1', withWork),
    })
    expect(await currentDal.studioLessons.publish(author, course.id, lessonId, made.draftVersion, null)).toMatchObject({
      status: 'published',
    })
  }

  it('lists published studio lessons where their authors put them, and no draft', async () => {
    await publishNew('opening', null)
    await publishNew('pod-practice', 'pod', true)
    await publishNew('pod-practice-more', 'pod-practice')
    await currentDal.studioLessons.create(author, {
      courseId: course.id,
      lessonId: 'unfinished',
      afterLessonId: 'pod',
      texts: texts('unfinished', 'draft'),
    })
    await publishNew('after-unfinished', 'unfinished')
    await publishNew('after-removed', 'a-lesson-since-removed')
    studioCatalogChanged()
    const lessons = (await courseCatalog()).course(course.id)!.lessons
    const podAt = fileIds.indexOf('pod')
    expect(lessons.map((l) => l.id)).toEqual([
      'opening',
      ...fileIds.slice(0, podAt + 1),
      'pod-practice',
      'pod-practice-more',
      // put after a draft learners do not see: it takes the draft's place (after `pod`, behind lessons made before it)
      'after-unfinished',
      ...fileIds.slice(podAt + 1),
      // an anchor that is gone: at the end, nothing lost
      'after-removed',
    ])
    expect(lessons.map((l) => l.number)).toEqual(lessons.map((_, i) => i + 1))
    const state = (await (await myCourse.GET(new Request('http://localhost/'), params({ courseId: course.id }))).json()) as {
      outline: Array<{ id: string; number: number }>
    }
    expect(state.outline.map((l) => l.id)).toEqual(lessons.map((l) => l.id))
  })

  it('grades a studio exercise: its solution passes, a known-wrong answer fails', async () => {
    const { exercise } = (await courseCatalog()).exercise('studio-pod-manifest')!
    currentViewer = null
    expect(await gradeStudio({ yaml: exercise.wrongAnswers[0]!.source, lang: 'en' })).toMatchObject({
      status: 200,
      json: { passed: false, saved: false },
    })
    currentViewer = learner
    expect(await gradeStudio({ yaml: exercise.wrongAnswers[0]!.source, lang: 'en' })).toMatchObject({
      status: 200,
      json: { passed: false, saved: true, lessonCompleted: false },
    })
    expect(await gradeStudio({ yaml: exercise.solution, lang: 'en' })).toMatchObject({
      status: 200,
      json: { passed: true, saved: true, lessonCompleted: true },
    })
  })

  it('grades and keeps an attempt at a studio quiz', async () => {
    const { quiz } = (await courseCatalog()).quiz('studio-pod-quiz')!
    const answers = Object.fromEntries(quiz.questions.map((q) => [q.id, q.type === 'short' ? q.answer.accept[0]! : q.answer]))
    currentViewer = learner
    const response = await quizAttempts.POST(
      post('/api/quizzes/studio-pod-quiz/attempts', { answers, lang: 'en' }),
      params({ id: 'studio-pod-quiz' }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ score: 1, saved: true })
    expect(await currentDal.quizzes.bestAttempt(learner, 'studio-pod-quiz')).toMatchObject({ score: 1 })
  })

  it('keeps a learner’s progress while the lesson is unpublished, and shows it again when a version is restored', async () => {
    currentViewer = learner
    expect(await currentDal.studioLessons.unpublish(author, course.id, 'pod-practice')).toBe(true)
    studioCatalogChanged()
    expect((await courseCatalog()).lesson(course.id, 'pod-practice')).toBeUndefined()
    expect((await gradeStudio({ yaml: 'kind: Pod' })).status).toBe(404)
    expect(
      (
        await myLesson.POST(
          post(`/api/me/lessons/${course.id}/pod-practice`, {}),
          params({ courseId: course.id, lessonId: 'pod-practice' }),
        )
      ).status,
    ).toBe(404)

    const draft = (await currentDal.studioLessons.get(author, course.id, 'pod-practice'))!
    expect(await currentDal.studioLessons.restore(author, course.id, 'pod-practice', 1, draft.draftVersion)).toMatchObject({
      status: 'published',
      number: 2,
    })
    studioCatalogChanged()
    expect((await courseCatalog()).lesson(course.id, 'pod-practice')?.lesson.source).toMatchObject({ kind: 'studio', version: 2 })
    const opened = await myLesson.POST(
      post(`/api/me/lessons/${course.id}/pod-practice`, {}),
      params({ courseId: course.id, lessonId: 'pod-practice' }),
    )
    expect(opened.status).toBe(200)
    const state = (await opened.json()) as {
      progress: Array<{ lessonId: string; status: string }>
      exercise: { attempts: number; lastPass: unknown }
      quiz: { score: number }
    }
    expect(state.progress).toContainEqual({ lessonId: 'pod-practice', status: 'completed' })
    expect(state.exercise).toMatchObject({ attempts: 2, lastPass: expect.objectContaining({ score: 1 }) })
    expect(state.quiz).toMatchObject({ score: 1 })
  })
})
