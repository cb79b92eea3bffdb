import { expect, test } from '@playwright/test'
import { signIn } from './fixtures.ts'

test('an author sees every exercise proved on the simulator; a learner does not get the studio', async ({ page, browser }) => {
  await signIn(page, 'author@kubelab.dev')
  await page.getByRole('link', { name: /^(Studio|스튜디오)$/ }).click()
  await expect(page.getByTestId('studio-summary')).toContainText(/19 of 19 exercises proven|실습 19개 중 19개 증명됨/)
  // a proof opens to its cases: the solution, the starter and the known-wrong answers
  await page.getByText(/Lesson 5 ·|레슨 5 ·/).click()
  const table = page.locator('details[open] .proof-table')
  await expect(table.getByRole('row', { name: /solution/ })).toContainText(/passes every check|모든 검사 통과/)
  await expect(table.locator('tbody tr[data-ok="true"]')).toHaveCount(await table.locator('tbody tr').count())

  const learner = await browser.newContext()
  const other = await learner.newPage()
  await signIn(other, 'learner@kubelab.dev')
  await expect(other.getByRole('link', { name: /^(Studio|스튜디오)$/ })).toHaveCount(0)
  await other.goto('/studio')
  await expect(other.getByTestId('not-author')).toBeVisible()
  await learner.close()
})
