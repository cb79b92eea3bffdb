import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { parse } from 'yaml'
import { createDb } from '../lib/server/db/client.ts'
import { createDal } from '../lib/server/dal/index.ts'
import { accountOperations } from '../lib/server/dal/accounts.ts'
import { cliActor } from '../lib/server/dal/audit.ts'
import { e2eBaseUrl, e2eDatabaseUrl } from './config.ts'

/**
 * A published studio lesson as a learner meets it (ADR 0020): at a lesson's address, rendered per request under a
 * nonce with nothing blocked, listed on the prerendered course page and linked from the file lesson before it, its
 * exercise graded on Submit; unpublished, a 404 within the catalog's few seconds. The route it is rendered by has no
 * address of its own.
 */
const course = 'kubernetes-basics'
const lessonId = `e2e-studio-${Date.now().toString(36)}`
const pod = join('content', course, 'lessons', '03-pod')
const exerciseId = `${lessonId}-pod`
const podExercise = readFileSync(join(pod, 'exercise.yaml'), 'utf8')
const { solution, wrongAnswers } = parse(podExercise) as { solution: string; wrongAnswers: Array<{ source: string }> }

test.describe.configure({ mode: 'serial' })

let unpublish: () => Promise<void>

test.beforeAll(async () => {
  const db = createDb(e2eDatabaseUrl)
  const dal = createDal(db)
  const author = await accountOperations(db).create(cliActor, {
    email: `${lessonId}@example.test`,
    role: 'author',
    password: 'studio-lesson-1',
  })
  const viewer = { id: author.id, role: 'author' as const }
  const texts = {
    lessonYaml: `id: ${lessonId}\ntitle: { ko: "스튜디오 연습", en: "Studio practice" }\nsummary: { ko: "Pod를 한 번 더", en: "One more Pod" }\nminutes: 5\n`,
    pageKo: `## 한 번 더\n\nPod를 하나 더 만들어 봅니다.\n\n<Precisely>정확히는 예시입니다.</Precisely>\n`,
    pageEn: `## Once more\n\nMake one more Pod.\n\n<Precisely>An example, precisely.</Precisely>\n`,
    exerciseYaml: podExercise.replace(/^id: pod-first-manifest$/m, `id: ${exerciseId}`),
    quizYaml: null,
  }
  const made = await dal.studioLessons.create(viewer, { courseId: course, lessonId, afterLessonId: 'pod', texts })
  await dal.studioLessons.publish(viewer, course, lessonId, made.draftVersion, null)
  unpublish = async () => {
    await dal.studioLessons.unpublish(viewer, course, lessonId)
    await db.$disconnect()
  }
})

test('a published studio lesson: its own address, a nonce, the course around it, graded', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: e2eBaseUrl }])
  // the catalog of a running server reads published lessons again within a few seconds
  await expect(async () => expect((await page.request.get(`/courses/${course}/${lessonId}`)).status()).toBe(200)).toPass({
    timeout: 15_000,
  })
  const response = await page.goto(`/courses/${course}/${lessonId}`)
  expect(response!.headers()['content-security-policy']).toMatch(/'nonce-[^']+'/)
  await expect(page.getByRole('heading', { level: 1, name: 'Studio practice' })).toBeVisible()
  await expect(page.getByRole('link', { name: /Previous lesson: .*Pod/ })).toBeVisible()
  await expect(page.locator(`.course-map a[href="/courses/${course}/${lessonId}"]`)).toHaveAttribute('aria-current', 'page')

  await expect(page.locator(`[data-exercise-id="${exerciseId}"]`).first()).toBeVisible()

  // graded on the server like a file lesson's exercise
  const gradeOf = async (yaml: string) =>
    (await (
      await page.request.post(`/api/exercises/${exerciseId}/grade`, { data: { yaml, lang: 'en' }, headers: { origin: e2eBaseUrl } })
    ).json()) as { passed: boolean }
  expect((await gradeOf(solution)).passed).toBe(true)
  expect((await gradeOf(wrongAnswers[0]!.source)).passed).toBe(false)

  await page.goto(`/courses/${course}`)
  await expect(page.getByTestId(`lesson-link-${lessonId}`)).toBeVisible()
  await page.goto(`/courses/${course}/pod`)
  await expect(page.getByRole('link', { name: 'Next lesson: Studio practice →' })).toBeVisible()
  expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([])
})

test('the studio lesson route has no address of its own, and an unpublished lesson is a 404', async ({ page }) => {
  expect((await page.request.get(`/studio-lesson/${course}/${lessonId}`)).status()).toBe(404)
  await unpublish()
  await expect(async () => expect((await page.request.get(`/courses/${course}/${lessonId}`)).status()).toBe(404)).toPass({
    timeout: 15_000,
  })
})
