/**
 * `npm run screenshots` (with a server on KUBELAB_URL, default http://localhost:3000, on a throwaway database):
 * the README's pictures at 390×844 (a phone) and 1280×800 (a laptop), Korean and English: the Pod lesson as it
 * opens, the Deployment workspace after Run (cluster view and checklist ticked in the browser), the demo class
 * (after the demo learner did some lessons, and got stuck on one) and the authors' studio. PNGs are reduced to
 * a palette so the repository stays small.
 */
import { chromium, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import sharp from 'sharp'
import { exerciseOf, quizOf } from '../e2e/course-content.ts'

const base = process.env.KUBELAB_URL ?? 'http://localhost:3000'
const wrongPod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: nginx\n      image: nginx:1.25\n'
/** The Deployment lesson's reference solution: 3 nginx:1.27 replicas labelled app=web. */
const deployment = exerciseOf('deployment').solution

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})

/** The two screens every picture is taken at: a phone and a laptop. */
const sizes = { '390': { width: 390, height: 844 }, '1280': { width: 1280, height: 800 } } as const
type Size = keyof typeof sizes

/** Writes a PNG reduced to a 256-colour palette (a few dozen KB instead of a few hundred). */
async function save(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  const png = await page.screenshot({ fullPage: options.fullPage ?? false })
  await sharp(png).png({ palette: true, quality: 90, compressionLevel: 9 }).toFile(`docs/screenshots/${name}.png`)
  written.push(`${name}.png`)
}
const written: string[] = []
mkdirSync('docs/screenshots', { recursive: true })

async function context(locale: 'ko' | 'en', size: Size, theme: 'light' | 'dark' = 'light') {
  const ctx = await browser.newContext({ viewport: sizes[size], colorScheme: theme, locale: locale === 'ko' ? 'ko-KR' : 'en-US' })
  await ctx.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: base }])
  return ctx
}

// A visitor: the lesson as it opens, and the workspace after a Run (checks ticked in the browser).
for (const [locale, size, theme] of [
  ['ko', '1280', 'light'],
  ['en', '1280', 'dark'],
  ['ko', '390', 'light'],
  ['en', '390', 'light'],
] as const) {
  const ctx = await context(locale, size, theme)
  await ctx.addInitScript(
    ([pod, deploy]) => {
      localStorage.setItem('kubelab:draft:pod-first-manifest', pod!)
      localStorage.setItem('kubelab:draft:deployment-web', deploy!)
    },
    [wrongPod, deployment.replace('replicas: 3', 'replicas: 2')],
  )
  const page = await ctx.newPage()
  await page.goto(`${base}/courses/kubernetes-basics/pod`)
  await page.locator('.monaco-editor').waitFor()
  await page.waitForTimeout(300)
  await save(page, `lesson-${locale}-${size}${theme === 'dark' ? '-dark' : ''}`)

  await page.goto(`${base}/courses/kubernetes-basics/deployment`)
  await page.locator('.monaco-editor').waitFor()
  await page.getByTestId('run').click()
  await page.getByTestId('checklist').locator('[data-status="failed"]').first().waitFor({ timeout: 60_000 })
  const slider = page.getByTestId('cluster-panel').getByRole('slider')
  await slider.focus()
  await page.keyboard.press('End')
  await slider.blur()
  // on a phone: the editor's top just under the sticky header
  if (size === '390')
    await page.getByTestId('editor').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 120))
  await page.waitForTimeout(500)
  await save(page, `workspace-${locale}-${size}${theme === 'dark' ? '-dark' : ''}`)
  if (size === '390') {
    await page.getByTestId('checklist').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await page.waitForTimeout(300)
    await save(page, `checklist-${locale}-${size}`)
  }
  await ctx.close()
}
async function signedIn(email: string, locale: 'ko' | 'en', theme: 'light' | 'dark', size: Size = '1280') {
  const ctx = await context(locale, '1280', theme)
  const page = await ctx.newPage()
  await page.goto(`${base}/signin`)
  await page.getByLabel(/Email|이메일/).fill(email)
  await page.getByLabel(/Password|비밀번호/).fill('kubelab-demo')
  await page.getByRole('button', { name: /^(Sign in|로그인)$/ }).click()
  await page.getByTestId('current-role').waitFor()
  await page.setViewportSize(sizes[size])
  return { context: ctx, page }
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
    const answers = Object.fromEntries(
      quiz.questions.map((q) => [q.id, typeof q.answer === 'object' && !Array.isArray(q.answer) ? q.answer.accept[0]! : q.answer]),
    )
    const first = quiz.questions[0]!
    if (wrongFirst)
      answers[first.id] =
        first.type === 'truefalse'
          ? !first.answer
          : first.type === 'short'
            ? 'kubectl version'
            : first.type === 'single'
              ? first.choices!.find((c) => c.id !== first.answer)!.id
              : [...(first.answer as string[])].reverse().slice(0, first.type === 'multiple' ? 1 : undefined)
    await page.request.post(`${base}/api/quizzes/${quiz.id}/attempts`, { data: { answers, lang: 'en' }, headers: { origin: base } })
  }
  await context.close()
}
// The teacher's class and the authors' studio, at both sizes.
for (const [locale, theme, size] of [
  ['en', 'light', '1280'],
  ['ko', 'dark', '1280'],
  ['ko', 'light', '390'],
] as const) {
  const { context: ctx, page } = await signedIn('teacher@kubelab.dev', locale, theme, size)
  await page.goto(`${base}/teach`)
  await page.locator('.class-list a').first().click()
  await page.getByTestId('progress-matrix').waitFor()
  await save(page, `class-${locale}-${size}${theme === 'dark' ? '-dark' : ''}`)
  await ctx.close()
}
for (const [locale, size] of [
  ['en', '1280'],
  ['ko', '390'],
] as const) {
  const { context: ctx, page } = await signedIn('author@kubelab.dev', locale, 'light', size)
  await page.goto(`${base}/studio`)
  await page.getByText(locale === 'en' ? /Lesson 8 ·/ : /레슨 8 ·/).click()
  await save(page, `studio-${locale}-${size}`)
  await ctx.close()
}

await browser.close()
console.log(`wrote docs/screenshots/: ${written.join(', ')}`)
