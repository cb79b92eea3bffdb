/**
 * `npm run screenshots` (with a server on KUBELAB_URL, default http://localhost:3000): the README's pictures of
 * the lesson page in light and dark, Korean and English — the Deployment lesson after Run (cluster view) and
 * the Pod lesson after a graded submission.
 */
import { chromium } from '@playwright/test'
import { exerciseOf } from '../e2e/course-content.ts'

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
await browser.close()
console.log('wrote docs/screenshots/lesson-{ko,en}-{light,dark}.png and grading-{ko,en}.png')
