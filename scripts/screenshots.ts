/**
 * `npm run screenshots` (with a server on KUBELAB_URL, default http://localhost:3000, on a throwaway database):
 * the README's pictures of the lesson page in light and dark, Korean and English — the Deployment lesson after
 * Run (cluster view) and the Pod lesson after a graded submission — and of the roles' pages: the demo class
 * (after the demo learner did some lessons, and got stuck on one) and the authors' studio.
 */
import { chromium } from '@playwright/test'
import { exerciseOf, quizOf } from '../e2e/course-content.ts'

const base = process.env.KUBELAB_URL ?? 'http://localhost:3000'
const wrongPod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: nginx\n      image: nginx:1.25\n'
/** The Deployment lesson's reference solution: 3 nginx:1.27 replicas labelled app=web. */
const deployment = exerciseOf('deployment').solution

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
for (const locale of ['ko', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: theme, locale: locale === 'ko' ? 'ko-KR' : 'en-US' })
    await context.addInitScript(
      ([pod, deploy]) => {
        localStorage.setItem('kubelab:draft:pod-first-manifest', pod!)
        localStorage.setItem('kubelab:draft:deployment-web', deploy!)
      },
      [wrongPod, deployment],
    )
    const page = await context.newPage()
    await page.goto(`${base}/courses/kubernetes-basics/deployment`)
    await page.locator('.monaco-editor').waitFor()
    await page.getByTestId('run').click()
    const slider = page.getByTestId('cluster-panel').getByRole('slider')
    await slider.waitFor()
    await slider.focus()
    await page.keyboard.press('End')
    await page.waitForTimeout(500)
    await page.screenshot({ path: `docs/screenshots/lesson-${locale}-${theme}.png` })
    if (theme === 'light') {
      await page.goto(`${base}/courses/kubernetes-basics/pod`)
      await page.locator('.monaco-editor').waitFor()
      await page.getByTestId('submit').click()
      await page.getByTestId('grade-result').waitFor()
      await page.waitForTimeout(400)
      await page.screenshot({ path: `docs/screenshots/grading-${locale}.png` })
    }
    await context.close()
  }
}
async function signedIn(email: string, locale: 'ko' | 'en', theme: 'light' | 'dark') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: theme, locale: locale === 'ko' ? 'ko-KR' : 'en-US' })
  const page = await context.newPage()
  await page.goto(`${base}/signin`)
  await page.getByLabel(/Email|이메일/).fill(email)
  await page.getByLabel(/Password|비밀번호/).fill('kubelab-demo')
  await page.getByRole('button', { name: /^(Sign in|로그인)$/ }).click()
  await page.getByTestId('current-role').waitFor()
  return { context, page }
}

// The demo learner passes lessons 1 and 5, opens 2 and 8, and fails the Pod exercise three times (stuck).
{
  const { context, page } = await signedIn('learner@kubelab.dev', 'en', 'light')
  const grade = (id: string, data: object) => page.request.post(`${base}/api/exercises/${id}/grade`, { data, headers: { origin: base } })
  for (const lesson of ['intro', 'pod', 'deployment', 'rolling-update']) await page.goto(`${base}/courses/kubernetes-basics/${lesson}`)
  await grade(exerciseOf('intro').id, { commands: ['kubectl get nodes'] })
  await grade(exerciseOf('deployment').id, { yaml: deployment })
  for (let i = 0; i < 3; i++) await grade(exerciseOf('pod').id, { yaml: wrongPod })
  // quizzes: all right in lesson 1, the first question wrong in lesson 5 (an attempt answers every question)
  for (const [lesson, wrongFirst] of [
    ['intro', false],
    ['deployment', true],
  ] as const) {
    const quiz = quizOf(lesson)
    const answers = Object.fromEntries(quiz.questions.map((q) => [q.id, typeof q.answer === 'object' && !Array.isArray(q.answer) ? q.answer.accept[0]! : q.answer]))
    const first = quiz.questions[0]!
    if (wrongFirst) answers[first.id] = first.type === 'truefalse' ? !first.answer : first.type === 'short' ? 'kubectl version' : first.type === 'single' ? first.choices!.find((c) => c.id !== first.answer)!.id : [...(first.answer as string[])].reverse().slice(0, first.type === 'multiple' ? 1 : undefined)
    await page.request.post(`${base}/api/quizzes/${quiz.id}/attempts`, { data: { answers, lang: 'en' }, headers: { origin: base } })
  }
  await context.close()
}
for (const [locale, theme] of [
  ['en', 'light'],
  ['ko', 'dark'],
] as const) {
  const { context, page } = await signedIn('teacher@kubelab.dev', locale, theme)
  await page.goto(`${base}/teach`)
  await page.locator('.class-list a').first().click()
  await page.getByTestId('progress-matrix').waitFor()
  await page.screenshot({ path: `docs/screenshots/class-${locale}-${theme}.png`, fullPage: true })
  await context.close()
}
{
  const { context, page } = await signedIn('author@kubelab.dev', 'en', 'light')
  await page.goto(`${base}/studio`)
  await page.getByText(/Lesson 8 ·/).click()
  await page.screenshot({ path: 'docs/screenshots/studio-en.png' })
  await context.close()
}

await browser.close()
console.log('wrote docs/screenshots/lesson-{ko,en}-{light,dark}.png, grading-{ko,en}.png, class-en-light.png, class-ko-dark.png and studio-en.png')
