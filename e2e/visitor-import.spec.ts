/**
 * A visitor's work carried into the account they create: graded by the real API as a visitor, kept in the
 * browser exactly as lib/browser/visitor-work.ts writes it, then offered, imported (graded again on the
 * server) and shown on /progress. The sign-up starts from the header on the lesson and comes back to it.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import {
  recordVisitorAttempt,
  recordVisitorLessonVisit,
  recordVisitorQuiz,
  visitorWorkKey,
  type KeyValueStore,
} from '../lib/browser/visitor-work.ts'
import { exerciseOf, quizOf } from './course-content.ts'
import { uniqueEmail } from './fixtures.ts'
import { e2eBaseUrl } from './config.ts'

const course = 'kubernetes-basics'
const lessonPath = `/${['courses', course, 'pod'].join('/')}`
const pod = exerciseOf('pod')
const deployment = exerciseOf('deployment')
const podQuiz = quizOf('pod')
const wrongDeployment =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: nginx\n          image: nginx:1.25\n'

const rightAnswers = Object.fromEntries(
  podQuiz.questions.map((q) => [q.id, typeof q.answer === 'object' && !Array.isArray(q.answer) ? q.answer.accept[0]! : q.answer]),
) as Record<string, string | boolean | string[]>

/** A Map standing in for localStorage, so the record is written by the same code the workspace calls. */
function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    get length() {
      return data.size
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
  }
}

/** Grades as a visitor through the real API and records what the workspace and the quiz would record. */
async function visitorWork(request: APIRequestContext) {
  const store = memoryStore()
  const at = new Date().toISOString()
  recordVisitorLessonVisit(course, 'pod', at, store)
  const graded = await (
    await request.post(`/api/exercises/${pod.id}/grade`, { data: { yaml: pod.solution, lang: 'en' }, headers: { origin: e2eBaseUrl } })
  ).json()
  expect(graded).toMatchObject({ passed: true, saved: false })
  recordVisitorAttempt(
    {
      courseId: course,
      lessonId: 'pod',
      exerciseId: pod.id,
      kind: 'manifest',
      answer: pod.solution,
      passed: graded.passed,
      score: graded.score,
      at,
    },
    store,
  )
  const quiz = await (
    await request.post(`/api/quizzes/${podQuiz.id}/attempts`, {
      data: { answers: rightAnswers, lang: 'en' },
      headers: { origin: e2eBaseUrl },
    })
  ).json()
  expect(quiz.correct).toBe(podQuiz.questions.length)
  recordVisitorQuiz({ courseId: course, lessonId: 'pod', quizId: podQuiz.id, answers: rightAnswers, score: quiz.score, at }, store)
  // forged: a wrong Deployment the browser claims passed
  const wrong = await (
    await request.post(`/api/exercises/${deployment.id}/grade`, { data: { yaml: wrongDeployment }, headers: { origin: e2eBaseUrl } })
  ).json()
  expect(wrong.passed).toBe(false)
  recordVisitorAttempt(
    {
      courseId: course,
      lessonId: 'deployment',
      exerciseId: deployment.id,
      kind: 'manifest',
      answer: wrongDeployment,
      passed: true,
      score: 1,
      at,
    },
    store,
  )
  return store.data.get(visitorWorkKey)!
}

async function seed(page: Page, record: string) {
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [visitorWorkKey, record])
}

/** Types into a labelled field as a person would. */
async function typeInto(page: Page, label: RegExp, text: string) {
  await page.getByLabel(label).click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text, { delay: 20 })
}

test('a visitor signs up from the lesson, comes back to it, adds their work, and only what passes on the server counts', async ({
  page,
}) => {
  await page.goto(lessonPath)
  await seed(page, await visitorWork(page.request))

  // sign up from the header; a taken email is refused without losing where to return
  await page.getByTestId('header-sign-up').click()
  await expect(page).toHaveURL(`/signup?next=${encodeURIComponent(lessonPath)}`)
  await expect(page.getByTestId('auth-return')).toBeVisible()
  await typeInto(page, /^(Name|이름)/, 'Visiting Learner')
  await typeInto(page, /Email|이메일/, 'learner@kubelab.dev')
  await typeInto(page, /Password|비밀번호/, 'password-123')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('signup-form').getByRole('alert')).toContainText(/already exists|이미 이 이메일/)
  await expect(page.getByLabel(/Email|이메일/)).toBeFocused()
  await expect(page.getByLabel(/^(Name|이름)/)).toHaveValue('Visiting Learner')
  // over to sign-in and back keeps the return path
  await page.getByTestId('auth-switch').click()
  await expect(page).toHaveURL(`/signin?next=${encodeURIComponent(lessonPath)}`)
  await page.getByTestId('auth-switch').click()
  await expect(page).toHaveURL(`/signup?next=${encodeURIComponent(lessonPath)}`)
  await typeInto(page, /^(Name|이름)/, 'Visiting Learner')
  await typeInto(page, /Email|이메일/, uniqueEmail('visitor'))
  await typeInto(page, /Password|비밀번호/, 'password-123')
  await page.getByRole('button', { name: /Create account|계정 만들기/ }).click()

  // back on the lesson, with the offer
  await expect(page).toHaveURL(lessonPath)
  const dialog = page.getByRole('dialog', { name: /Work from before you signed in|로그인하기 전에 한 작업/ })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(/You did 2 exercises and 1 quiz before signing in|실습 2개와 퀴즈 1개/)
  await expect(page.getByTestId('visitor-import-add')).toBeFocused()
  expect((await new AxeBuilder({ page }).include('.visitor-import').analyze()).violations).toEqual([])
  await page.keyboard.press('Enter')

  const outcome = page.getByTestId('visitor-import-status')
  await expect(outcome).toContainText(/2 exercises added, 1 passed|실습 2개를 추가했습니다\. 그중 1개를 통과했습니다/)
  await expect(outcome).toContainText(/1 quiz added|퀴즈 1개를 추가했습니다/)
  await expect(outcome).toContainText(/1 answer passed in this browser but not when graded again|통과하지 못한 답이 1개/)
  await expect(page.getByTestId('lesson-completed')).toBeVisible() // the page behind was refreshed
  expect(await page.evaluate((key) => localStorage.getItem(key), visitorWorkKey)).toBeNull()
  await page.getByRole('button', { name: /^(Close|닫기)$/ }).click()
  await expect(dialog).toBeHidden()

  // the account: Pod completed, the forged Deployment only started
  await page.goto('/progress')
  await expect(page.locator('.lesson-list a[href$="/pod"] .status-dot')).toHaveAttribute('data-status', 'completed')
  await expect(page.locator('.lesson-list a[href$="/deployment"] .status-dot')).toHaveAttribute('data-status', 'started')
  await expect(page.getByTestId('visitor-import')).toBeHidden() // nothing left to offer

  // the same work sent again (another tab that still had it) counts nothing twice
  const again = await page.request.post('/api/me/import', {
    data: { exercises: [{ exerciseId: pod.id, answer: pod.solution, passed: true }] },
    headers: { origin: e2eBaseUrl },
  })
  expect(again.status()).toBe(200)
  expect((await again.json()).exercises).toEqual([expect.objectContaining({ exerciseId: pod.id, outcome: 'duplicate', passed: true })])
})

test('"Not now" waits for the next visit, "Discard" asks first and then forgets; sign-in from the header returns to the page', async ({
  page,
  context,
}) => {
  // an account made earlier, signed out
  await page.goto('/signup')
  const email = uniqueEmail('returning')
  await typeInto(page, /Email|이메일/, email)
  await typeInto(page, /Password|비밀번호/, 'password-123')
  await page.getByRole('button', { name: /Create account|계정 만들기/ }).click()
  await expect(page.getByTestId('current-role')).toBeVisible()
  await page.getByRole('button', { name: /Sign out|로그아웃/ }).click()
  await expect(page.getByTestId('header-sign-in')).toBeVisible()

  await page.goto(`/courses/${course}?from=visit`)
  await seed(page, await visitorWork(page.request))
  await page.getByTestId('header-sign-in').click()
  await expect(page).toHaveURL(`/signin?next=${encodeURIComponent(`/courses/${course}?from=visit`)}`)
  await typeInto(page, /Email|이메일/, email)
  await typeInto(page, /Password|비밀번호/, 'password-123')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/courses/${course}?from=visit`)

  const dialog = page.getByTestId('visitor-import')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape') // not now
  await expect(dialog).toBeHidden()
  await page.goto(`/courses/${course}/intro`)
  await expect(page.locator('h1')).toBeVisible()
  await expect(dialog).toBeHidden()

  // another visit (a new tab): offered again; Discard asks, Cancel keeps, Discard again forgets
  const tab = await context.newPage()
  await tab.goto(`/courses/${course}`)
  const offer = tab.getByTestId('visitor-import')
  await expect(offer).toBeVisible()
  await tab.getByRole('button', { name: /^(Discard|버리기)$/ }).click()
  await expect(tab.getByRole('button', { name: /^(Cancel|취소)$/ })).toBeFocused()
  await tab.keyboard.press('Enter')
  await expect(tab.getByTestId('visitor-import-add')).toBeVisible()
  await tab.getByRole('button', { name: /^(Discard|버리기)$/ }).click()
  await tab.getByRole('button', { name: /^(Delete it|기록 지우기)$/ }).click()
  await expect(offer).toBeHidden()
  expect(await tab.evaluate((key) => localStorage.getItem(key), visitorWorkKey)).toBeNull()
  const progress = await tab.request.get('/progress')
  expect(await progress.text()).not.toContain('data-status="completed"')
})

test('the import API: visitors 401, wrong shapes 422, broken JSON 400, too large 413', async ({ page, request }) => {
  const body = { exercises: [{ exerciseId: 'pod-first-manifest', answer: 'kind: Pod' }] }
  expect((await request.post('/api/me/import', { data: body, headers: { origin: e2eBaseUrl } })).status()).toBe(401)

  await page.goto('/signup')
  await typeInto(page, /Email|이메일/, uniqueEmail('import-api'))
  await typeInto(page, /Password|비밀번호/, 'password-123')
  await page.getByRole('button', { name: /Create account|계정 만들기/ }).click()
  await expect(page.getByTestId('current-role')).toBeVisible()
  const post = (data: unknown) => page.request.post('/api/me/import', { data: data as object, headers: { origin: e2eBaseUrl } })

  for (const bad of [
    { exercises: 'all of them' },
    { exercises: [{ exerciseId: 'pod-first-manifest' }] },
    {
      exercises: [
        { exerciseId: 'pod-first-manifest', answer: 'a' },
        { exerciseId: 'pod-first-manifest', answer: 'b' },
      ],
    },
    { exercises: [{ exerciseId: 'pod-first-manifest', answer: 'a', attempts: 3 }] },
    { lessons: Array.from({ length: 201 }, (_, i) => ({ courseId: course, lessonId: `l${i}` })) },
    { userId: 'someone else' },
  ]) {
    const response = await post(bad)
    expect(response.status(), JSON.stringify(bad).slice(0, 80)).toBe(422)
    expect((await response.json()).error).toBe('invalid_input')
  }
  const broken = await page.request.post('/api/me/import', {
    data: Buffer.from('{"exercises": ['),
    headers: { 'content-type': 'application/json', origin: e2eBaseUrl },
  })
  expect(broken.status()).toBe(400)
  const huge = await post({ drafts: Array.from({ length: 20 }, (_, i) => ({ exerciseId: `e${i}`, source: 'x'.repeat(60 * 1024) })) })
  expect(huge.status()).toBe(413)
  // nothing above was stored
  expect(await (await page.request.get('/progress')).text()).not.toContain('data-status=')
})

test('pictures of the offer and its outcome, 390 and 1280 px, Korean and English', async ({ browser }) => {
  for (const [lang, viewport, theme] of [
    ['ko', { width: 390, height: 844 }, 'light'],
    ['en', { width: 390, height: 844 }, 'dark'],
    ['ko', { width: 1280, height: 800 }, 'dark'],
    ['en', { width: 1280, height: 800 }, 'light'],
  ] as const) {
    const context = await browser.newContext({ viewport, colorScheme: theme, locale: lang === 'ko' ? 'ko-KR' : 'en-US' })
    const page = await context.newPage()
    await page.goto(lessonPath)
    await seed(page, await visitorWork(page.request))
    await page.goto(`/signup?next=${encodeURIComponent(lessonPath)}`)
    await typeInto(page, /Email|이메일/, uniqueEmail(`pictures-${lang}`))
    await typeInto(page, /Password|비밀번호/, 'password-123')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('visitor-import')).toBeVisible()
    const name = `test-results/visitor-import/${lang}-${viewport.width}-${theme}`
    await page.screenshot({ path: `${name}-offer.png` })
    await page.getByTestId('visitor-import-add').click()
    await expect(page.getByTestId('visitor-import-status')).toContainText(/passed|통과/)
    await page.screenshot({ path: `${name}-outcome.png` })
    await context.close()
  }
})
