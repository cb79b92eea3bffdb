import { expect, test } from '@playwright/test'

test('the lesson page, editor and its workers load without a single request leaving the origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin
  const external: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) external.push(url)
  })
  await page.goto('/courses/kubernetes-basics/pod')
  await expect(page.locator('.monaco-editor')).toBeVisible()
  // Hover docs and completions run in the YAML worker: make it start.
  await page.locator('.monaco-editor').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+Space')
  await page.waitForLoadState('networkidle')
  expect(external).toEqual([])
})
