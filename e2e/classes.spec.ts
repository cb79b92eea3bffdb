import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { signIn, uniqueEmail } from './fixtures.ts'
import { e2eBaseUrl } from './config.ts'

test('a teacher creates a class, a learner joins with its code, and the teacher sees their progress and exports it', async ({
  page,
  browser,
}) => {
  // the teacher creates a class
  await signIn(page, 'teacher@kubelab.dev')
  await page.getByRole('link', { name: /^(Classes|클래스)$/ }).click()
  await expect(page).toHaveURL(/\/teach$/)
  const name = `E2E class ${Date.now()}`
  await page.getByLabel(/Class name|클래스 이름/).pressSequentially(name, { delay: 20 })
  await page.getByRole('button', { name: /Create class|클래스 만들기/ }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByTestId('no-learners')).toBeVisible()
  const code = (await page.getByTestId('invite-code').textContent())!.trim()
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
  const link = await page.getByTestId('invite-link').inputValue()
  const classUrl = page.url()

  // a new learner follows the invite link, signs up, and joins
  const learnerContext = await browser.newContext()
  const learner = await learnerContext.newPage()
  await learner.goto(new URL(link).pathname + new URL(link).search)
  await expect(learner.getByTestId('join-sign-in')).toBeVisible()
  await learner
    .getByRole('link', { name: /^(Sign up|회원가입)$/ })
    .last()
    .click()
  const email = uniqueEmail('class-learner')
  await learner.getByLabel(/^(Name|이름)/).pressSequentially('Bora Learner', { delay: 20 })
  await learner.getByLabel(/Email|이메일/).pressSequentially(email, { delay: 20 })
  await learner.getByLabel(/Password|비밀번호/).pressSequentially('password-123', { delay: 20 })
  await learner.getByRole('button', { name: /Create account|계정 만들기/ }).click()
  await expect(learner).toHaveURL(/\/join\?code=/)
  await expect(learner.getByLabel(/Invite code|초대 코드/)).toHaveValue(code)
  await learner.getByRole('button', { name: /^(Join|참여)$/ }).click()
  await expect(learner.getByRole('status')).toContainText(name)
  await learner.getByRole('link', { name: /Go to the course|코스로 가기/ }).click()
  await learner.goto('/courses/kubernetes-basics/pod') // opening a lesson starts it
  await expect(learner.locator('[data-exercise-id]')).toBeVisible()
  // one wrong answer: an nginx Pod with the wrong image
  const graded = await learner.request.post('/api/exercises/pod-first-manifest/grade', {
    data: { yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: nginx\n      image: nginx:1.25\n' },
    headers: { origin: e2eBaseUrl },
  })
  expect((await graded.json()).passed).toBe(false)
  await learner.goto('/progress')
  await expect(learner.getByTestId('my-classes')).toContainText(name)

  // learners cannot see classes or their exports
  await learner.goto('/teach')
  await expect(learner.getByTestId('not-teacher')).toBeVisible()
  const classId = new URL(classUrl).pathname.split('/').pop()
  expect((await learner.request.get(`/api/classes/${classId}/export`)).status()).toBe(403)
  // a mistyped code is refused with a reason
  await learner.goto('/join')
  await learner.getByLabel(/Invite code|초대 코드/).pressSequentially('ZZZZ-ZZZZ', { delay: 20 })
  await learner.getByRole('button', { name: /^(Join|참여)$/ }).click()
  await expect(learner.locator('#join-error')).toContainText(/No class has this code|이 코드의 클래스가 없습니다/)
  await learnerContext.close()

  // the teacher sees the learner in the matrix, with the Pod lesson started
  await page.reload()
  await expect(page.getByTestId('class-summary')).toContainText(/1 learner|학습자 1명/)
  const row = page.getByTestId('progress-matrix').getByRole('row', { name: /Bora Learner/ })
  await expect(row).toBeVisible()
  await expect(row.locator('td[data-state="started"]')).toHaveCount(1)

  // the teacher opens the learner: their lessons, and the failed submission with what failed on which line
  await row.getByRole('link', { name: 'Bora Learner' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Bora Learner' })).toBeVisible()
  const submissions = page.getByTestId('learner-submissions')
  await expect(submissions.locator(':scope > li')).toHaveCount(1)
  await expect(submissions).toContainText('✗')
  await expect(submissions.locator('.source-line[data-failing]')).not.toHaveCount(0)
  await expect(submissions).toContainText('nginx:1.25')
  const learnerUrl = page.url()

  // the class page, the learner page and the class list have no serious accessibility issues
  for (const url of [classUrl, learnerUrl, '/teach']) {
    await page.goto(url)
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }

  // and downloads the CSV
  const csv = await page.request.get(`/api/classes/${classId}/export`)
  expect(csv.status()).toBe(200)
  expect(csv.headers()['content-type']).toContain('text/csv')
  const text = await csv.text()
  expect(text).toContain(email)
  expect(text.split('\r\n')).toHaveLength(3) // header, one learner, trailing newline

  // the teacher renames the class, removes the learner, then archives it: the code stops working
  await page.goto(classUrl)
  const renameField = page.locator('#manage-heading ~ form').getByLabel(/Class name|클래스 이름/)
  await renameField.click()
  await renameField.press('ControlOrMeta+A')
  await renameField.press('Backspace')
  await renameField.pressSequentially(`${name} (renamed)`, { delay: 20 })
  await page.getByRole('button', { name: /^(Rename|이름 바꾸기)$/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: `${name} (renamed)` })).toBeVisible()
  await page.getByText(/1 learner: remove someone|학습자 1명: 내보내기/).click()
  await page.getByRole('button', { name: /Remove Bora Learner|Bora Learner 님을/ }).click()
  await expect(page.getByTestId('no-learners')).toBeVisible()
  await page.getByText(/^(Archive this class|이 클래스 보관하기)$/).click()
  await page.getByRole('button', { name: /^(Archive class|클래스 보관)$/ }).click()
  await expect(page).toHaveURL(/\/teach$/)
  await expect(page.locator('.class-list')).not.toContainText(name)
  await page.goto(`/join?code=${code}`)
  await page.getByRole('button', { name: /^(Join|참여)$/ }).click()
  await expect(page.locator('#join-error')).toContainText(/No class has this code|이 코드의 클래스가 없습니다/)
})
