import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { parse } from 'yaml'

// Explanations and answer keys of the Pod quiz: none may reach the browser before the learner submits.
const quiz = parse(readFileSync('content/kubernetes-basics/lessons/03-pod/quiz.yaml', 'utf8')) as {
  questions: { id: string; explanation: { ko: string; en: string }; answer: unknown }[]
}
const explanations = quiz.questions.flatMap((q) => [q.explanation.ko, q.explanation.en])
const shortAnswers = quiz.questions.flatMap((q) => ((q.answer as { accept?: string[] })?.accept ?? []).map((a) => `"${a}"`))

test('quiz answer keys and explanations are absent from the lesson page HTML and scripts until submitted', async ({ page, request }) => {
  for (const lang of ['ko', 'en']) {
    const html = await (await request.get('/courses/kubernetes-basics/pod', { headers: { cookie: `NEXT_LOCALE=${lang}` } })).text()
    for (const text of explanations) expect(html).not.toContain(text)
    for (const accepted of shortAnswers) expect(html).not.toContain(accepted)
    expect(html).not.toMatch(/\\?"(answer|accept)\\?"\s*:/)
  }
  const scripts: Promise<string>[] = []
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''))
  })
  await page.goto('/courses/kubernetes-basics/pod')
  await expect(page.getByTestId('quiz')).toBeVisible()
  await page.waitForLoadState('networkidle')
  const bodies = await Promise.all(scripts)
  expect(bodies.length).toBeGreaterThan(0)
  for (const body of bodies) for (const text of explanations) expect(body).not.toContain(text)

  // After submitting, the explanation is shown.
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: page.url() }])
  await page.reload()
  const form = page.getByTestId('quiz')
  await form.getByLabel('A Pod', { exact: true }).check()
  // the server shows keys only for an attempt that answers every question: answer the rest (not necessarily right)
  for (const [index, q] of quiz.questions.entries()) {
    const fieldset = form.locator('fieldset').nth(index)
    if (q.id === 'smallest-unit') continue
    const type = (q as { type?: string }).type
    if (type === 'short') {
      await fieldset.locator('input[type="text"]').click()
      await page.keyboard.type('kubectl get pods', { delay: 20 })
    } else if (type !== 'ordering') await fieldset.locator('input').first().check()
  }
  await form.getByRole('button', { name: 'Check answers' }).click()
  const smallestUnit = quiz.questions.find((q) => q.id === 'smallest-unit')!
  await expect(form).toContainText(smallestUnit.explanation.en)
})
