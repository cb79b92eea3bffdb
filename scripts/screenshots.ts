/**
 * `npm run screenshots` (with a server on E2E_PORT or 3000): the README's pictures of the lesson page,
 * in light and dark, Korean and English, after a graded submission.
 */
import { chromium } from '@playwright/test'

const base = process.env.KUBELAB_URL ?? 'http://localhost:3000'
const wrong = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: nginx\n      image: nginx:1.25\n'

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
for (const locale of ['ko', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: theme, locale: locale === 'ko' ? 'ko-KR' : 'en-US' })
    await context.addInitScript((draft) => localStorage.setItem('kubelab:draft:pod-first-manifest', draft), wrong)
    const page = await context.newPage()
    await page.goto(`${base}/courses/kubernetes-basics/pod`)
    await page.locator('.monaco-editor').waitFor()
    await page.getByTestId('submit').click()
    await page.getByTestId('grade-result').waitFor()
    await page.waitForTimeout(500)
    await page.screenshot({ path: `docs/screenshots/lesson-${locale}-${theme}.png` })
    await context.close()
  }
}
await browser.close()
console.log('wrote docs/screenshots/lesson-{ko,en}-{light,dark}.png')
