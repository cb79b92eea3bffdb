import { expect, test } from '@playwright/test'
import { typeIntoEditor, uniqueEmail } from './fixtures.ts'
import { e2eBaseUrl } from './config.ts'

const grade = '/api/exercises/pod-first-manifest/grade'

test('the grade API answers bad input with a clear status and loses nothing', async ({ request }) => {
  const tooBig = await request.post(grade, { data: { yaml: 'x'.repeat(300 * 1024) }, headers: { origin: e2eBaseUrl } })
  expect(tooBig.status()).toBe(413)
  expect((await tooBig.json()).error).toBe('too_large')

  const notJson = await request.post(grade, {
    data: Buffer.from('{"yaml": '),
    headers: { 'content-type': 'application/json', origin: e2eBaseUrl },
  })
  expect(notJson.status()).toBe(400)

  const wrongShape = await request.post(grade, {
    data: { yaml: 'kind: Pod', commands: ['kubectl get pods'] },
    headers: { origin: e2eBaseUrl },
  })
  expect(wrongShape.status()).toBe(422)
  expect((await wrongShape.json()).issues[0].message).toContain('either "yaml" or "commands"')

  const commandsForManifest = await request.post(grade, { data: { commands: ['kubectl get pods'] }, headers: { origin: e2eBaseUrl } })
  expect(commandsForManifest.status()).toBe(422)

  const unknown = await request.post('/api/exercises/no-such-exercise/grade', {
    data: { yaml: 'kind: Pod' },
    headers: { origin: e2eBaseUrl },
  })
  expect(unknown.status()).toBe(404)

  const hostile = await request.post(grade, {
    data: { yaml: 'a: &a [*a, *a]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n' },
    headers: { origin: e2eBaseUrl },
  })
  expect(hostile.status()).toBe(200)
  const graded = await hostile.json()
  expect(graded.passed).toBe(false)
  expect(graded.validation.valid).toBe(false)

  // the server is alive and still ready (its database answers)
  expect(await (await request.get('/api/health')).json()).toEqual({ status: 'ok' })
  expect((await request.get('/api/ready')).status()).toBe(200)
})

test('hints unlock one per failed attempt and the solution after three, shown as a diff', async ({ page }) => {
  await page.goto('/signup?next=/courses/kubernetes-basics/pod')
  await page.getByLabel(/Email|이메일/).pressSequentially(uniqueEmail('hints'), { delay: 20 })
  await page.getByLabel(/Password|비밀번호/).pressSequentially('a-strong-password', { delay: 20 })
  await page.getByRole('button', { name: /Create account|계정 만들기/ }).click()
  await expect(page.getByTestId('current-role')).toBeVisible()
  await expect(page).toHaveURL(/^[^?]*\/courses\/kubernetes-basics\/pod$/)
  const solution = await page.request.get('/api/exercises/pod-first-manifest/solution')
  expect(solution.status()).toBe(403)

  const hint = page.getByTestId('show-hint')
  await expect(hint).toBeDisabled()
  await typeIntoEditor(
    page,
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: nginx\n      image: nginx:1.27\n',
  )
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.getByTestId('submit').click()
    await expect(page.getByTestId('grade-result').locator('.verdict')).toHaveAttribute('data-passed', 'false')
    if (attempt <= 2) {
      await expect(hint).toBeEnabled()
      await hint.click()
      await expect(page.locator('.hints li')).toHaveCount(attempt)
    }
  }
  await expect(page.getByTestId('show-solution')).toBeEnabled()
  await page.getByTestId('show-solution').click()
  await expect(page.locator('.monaco-diff-editor')).toBeVisible()
  await expect(page.locator('.monaco-diff-editor')).toContainText('containerPort')
})

test('an anonymous visitor cannot read the solution', async ({ request }) => {
  expect((await request.get('/api/exercises/pod-first-manifest/solution')).status()).toBe(401)
})
