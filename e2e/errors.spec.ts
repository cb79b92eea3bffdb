import { spawn, type ChildProcess } from 'node:child_process'
import { expect, test, type Page } from '@playwright/test'
import { e2eAuthSecret, e2eBaseUrl, e2ePort } from './config.ts'

/**
 * The error pages, each reached the way a person meets it, in Korean and English: 403 (a learner opens a
 * teacher's page), 429 (what a rate limit serves), the error page (the database is unreachable), and the global
 * error page (the site's own layout fails in the browser).
 */

async function signIn(page: Page, email: string) {
  await page.goto('/signin')
  await page.getByLabel(/Email|이메일/).click()
  await page.keyboard.type(email, { delay: 15 })
  await page.getByLabel(/Password|비밀번호/).click()
  await page.keyboard.type('kubelab-demo', { delay: 15 })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('current-role')).toBeVisible()
}

const setLanguage = (page: Page, lang: 'ko' | 'en', url = e2eBaseUrl) =>
  page.context().addCookies([{ name: 'NEXT_LOCALE', value: lang, url }])

test('a learner on a teacher’s page gets 403 and the forbidden page, in both languages', async ({ page }) => {
  await signIn(page, 'learner@kubelab.dev')
  for (const [lang, title, who] of [
    ['ko', '이 페이지를 볼 권한이 없습니다', '지금 로그인한 계정: Demo Learner(학습자)'],
    ['en', 'You do not have access to this page', 'You are signed in as Demo Learner (Learner).'],
  ] as const) {
    await setLanguage(page, lang)
    const response = await page.goto('/teach/some-class/learners/some-learner')
    expect(response?.status()).toBe(403)
    const forbidden = page.getByTestId('forbidden-page')
    await expect(forbidden.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(forbidden).toContainText(who)
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    await page.screenshot({ path: `test-results/error-403-${lang}.png` })
  }
  // the way out works
  await page.getByRole('link', { name: 'Back to the course' }).click()
  await expect(page).toHaveURL(/\/courses\/kubernetes-basics$/)
})

test('the 429 page comes with its status and Retry-After, in both languages; API callers get JSON', async ({ page, request }) => {
  for (const [lang, title, wait] of [
    ['ko', '요청이 너무 많습니다', '30초 기다린 뒤 다시 시도하세요.'],
    ['en', 'Too many requests', 'Wait 30 seconds, then try again.'],
  ] as const) {
    await setLanguage(page, lang)
    const response = await page.goto('/too-many-requests?retryAfter=30')
    expect(response?.status()).toBe(429)
    expect(response?.headers()['retry-after']).toBe('30')
    const shown = page.getByTestId('too-many-requests-page')
    await expect(shown.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(shown).toContainText(wait)
    await page.screenshot({ path: `test-results/error-429-${lang}.png` })
  }
  // "Try again" reloads the page that was refused (here: this one)
  await page.getByRole('link', { name: 'Try again' }).click()
  await expect(page.getByTestId('too-many-requests-page')).toBeVisible()
  // an unusable Retry-After falls back to a minute
  expect((await page.goto('/too-many-requests?retryAfter=<script>'))?.headers()['retry-after']).toBe('60')
  const api = await request.get('/too-many-requests', { headers: { accept: 'application/json' } })
  expect(api.status()).toBe(429)
  expect(await api.json()).toMatchObject({ error: 'too_many_requests', retryAfter: 60 })
})

test.describe('when the database is unreachable', () => {
  const port = e2ePort + 1
  const brokenUrl = `http://localhost:${port}`
  let server: ChildProcess | undefined

  test.beforeAll(async () => {
    // the same build and secret, but a database nobody listens for (migrations off: a server that migrates at
    // start refuses to come up without its database, which is the right thing outside this test)
    server = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        AUTH_SECRET: e2eAuthSecret,
        DATABASE_URL: 'postgresql://kubelab@127.0.0.1:9/kubelab',
        KUBELAB_MIGRATE: '0',
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: 'ignore',
    })
    // alive (liveness answers) but not ready: the database does not answer
    await expect.poll(async () => (await fetch(`${brokenUrl}/api/health`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200)
    expect((await fetch(`${brokenUrl}/api/ready`)).status).toBe(503)
  })
  test.afterAll(() => {
    server?.kill('SIGTERM')
  })

  test('a page that needs it shows the error page with 500, in both languages, and Try again retries', async ({ page }) => {
    // signed in on the working server; the session cookie is valid on the other (same secret, same host)
    await signIn(page, 'learner@kubelab.dev')
    for (const [lang, title, retry] of [
      ['ko', '문제가 생겼습니다', '다시 시도'],
      ['en', 'Something went wrong', 'Try again'],
    ] as const) {
      await setLanguage(page, lang, brokenUrl)
      const response = await page.goto(`${brokenUrl}/progress`)
      expect(response?.status()).toBe(500)
      const shown = page.getByTestId('error-page')
      await expect(shown.getByRole('heading', { level: 1 })).toHaveText(title)
      await expect(shown).toContainText(/오류 참조 번호: \d+|Error reference: \d+/)
      // the site around it still works
      await expect(page.getByTestId('current-role')).toBeVisible()
      await page.screenshot({ path: `test-results/error-500-${lang}.png` })
      await shown.getByRole('button', { name: retry }).click()
      await expect(page.getByTestId('error-page')).toBeVisible()
    }
  })
})

test('when the site’s own layout fails in the browser, the global error page takes over, in the reader’s language', async ({ page }) => {
  // The header's theme button reads the system colour scheme when it mounts: make that throw, as a broken
  // browser API would. Nothing of the layout is left to show, so global-error.tsx replaces the document.
  await page.addInitScript(() => {
    window.matchMedia = () => {
      throw new Error('matchMedia is broken in this browser')
    }
  })
  for (const [lang, title, other] of [
    ['ko', '문제가 생겼습니다', 'Something went wrong'],
    ['en', 'Something went wrong', '문제가 생겼습니다'],
  ] as const) {
    await setLanguage(page, lang)
    await page.goto('/courses/kubernetes-basics')
    const shown = page.getByTestId('global-error')
    await expect(shown.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(shown).not.toContainText(other)
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    await expect(shown.getByRole('link')).toHaveAttribute('href', '/courses/kubernetes-basics')
    await page.screenshot({ path: `test-results/error-global-${lang}.png` })
  }
})
