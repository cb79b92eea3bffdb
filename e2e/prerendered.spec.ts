import { expect, test } from '@playwright/test'
import { signIn } from './fixtures.ts'

/**
 * Lessons are prerendered and the same for everyone (ADR 0018): the learner's part arrives after the page, and a
 * failure to get it is said, with a way to try again — never a workspace that silently treats a learner as a visitor.
 */
const lesson = '/courses/kubernetes-basics/deployment'

test('a learner gets the same prerendered lesson as a visitor, then their own work in it', async ({ page, request }) => {
  const visitor = await request.get(lesson, { headers: { cookie: 'NEXT_LOCALE=en' } })
  const visitorHtml = await visitor.text()
  await signIn(page, 'learner@kubelab.dev')
  const mine = await page.request.get(lesson, { headers: { cookie: 'NEXT_LOCALE=en' } })
  // the build's document (lib/server/http/static-page-server.ts): one validator for everyone
  expect(mine.headers().etag).toMatch(/^".+-br"$/)
  expect(mine.headers().etag).toBe(visitor.headers().etag)
  expect(await mine.text()).toBe(visitorHtml) // nothing of the learner in the document itself
  expect(visitorHtml).not.toContain('learner@kubelab.dev')
  await page.goto(lesson)
  await expect(page.locator('.workspace[data-exercise-id="deployment-web"] .monaco-editor')).toBeVisible({ timeout: 30_000 })
  // the lesson was marked started by opening it: the course page, also prerendered, shows it
  await page.goto('/courses/kubernetes-basics')
  await expect(page.getByTestId('lesson-status-deployment')).toHaveAttribute('data-status', /started|completed/)
})

test('when the learner’s part cannot be loaded, the lesson says so and Try again loads it', async ({ page }) => {
  await signIn(page, 'learner@kubelab.dev')
  let failures = 1
  await page.route('**/api/me/lessons/**', async (route) => {
    if (failures-- > 0) await route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable"}' })
    else await route.continue()
  })
  await page.goto(lesson)
  const alert = page.locator('.workspace-waiting [role="alert"]')
  await expect(alert).toContainText(/could not be loaded|불러오지 못했습니다/)
  await alert.getByRole('button', { name: /Try again|다시 시도/ }).focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('.workspace .monaco-editor')).toBeVisible({ timeout: 30_000 })
  await expect(alert).toHaveCount(0)
})
