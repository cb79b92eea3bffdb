import { expect, test } from '@playwright/test'
import { typeIntoEditor, uniqueEmail } from './fixtures.ts'

const wrongPod = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: nginx
      image: nginx:1.25
      ports:
        - containerPort: 80
`
const rightPod = wrongPod.replace('nginx:1.25', 'nginx:1.27')

test('a visitor signs up, fails the Pod exercise with a line-pointed check, fixes it, and finds the lesson done after a reload', async ({
  page,
}) => {
  await page.goto('/signup?next=/courses/kubernetes-basics/pod')
  await page.getByLabel(/^(Name|이름)$/).pressSequentially('New Learner', { delay: 20 })
  await page.getByLabel(/Email|이메일/).pressSequentially(uniqueEmail('learner'), { delay: 20 })
  await page.getByLabel(/Password|비밀번호/).pressSequentially('a-strong-password', { delay: 20 })
  await page.getByRole('button', { name: /Create account|계정 만들기/ }).click()
  await expect(page.getByTestId('current-role')).toContainText(/Learner|학습자/)
  await expect(page).toHaveURL(/^[^?]*\/courses\/kubernetes-basics\/pod$/)

  await typeIntoEditor(page, wrongPod)
  await page.getByTestId('submit').click()
  const result = page.getByTestId('grade-result')
  await expect(result).toBeVisible()
  const imageCheck = result.locator('[data-check-id="image"]')
  await expect(imageCheck).toHaveAttribute('data-passed', 'false')
  await expect(imageCheck).toContainText('nginx:1.25')
  await expect(imageCheck.getByRole('button', { name: /10/ })).toBeVisible() // the image is on line 10
  await expect(result.locator('.verdict')).toHaveAttribute('data-passed', 'false')

  await typeIntoEditor(page, rightPod)
  await page.keyboard.press('ControlOrMeta+Enter') // the keyboard shortcut submits too
  await expect(result.locator('.verdict')).toHaveAttribute('data-passed', 'true')
  await expect(result.locator('[data-check-id="running"]')).toHaveAttribute('data-passed', 'true')

  await page.reload()
  await expect(page.getByTestId('lesson-completed')).toBeVisible()
  await page.goto('/courses/kubernetes-basics')
  await expect(page.getByTestId('lesson-status-pod')).toHaveAttribute('data-status', 'completed')
})

test('an anonymous visitor gets graded but nothing is saved', async ({ page }) => {
  await page.goto('/courses/kubernetes-basics/pod')
  await typeIntoEditor(page, rightPod)
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('grade-result').locator('.verdict')).toHaveAttribute('data-passed', 'true')
  await expect(page.getByTestId('grade-result')).not.toContainText(/Saved to your progress|진도에 저장됨/)
  // ...except in this browser, for an import after signing up.
  const work = await page.evaluate(() => JSON.parse(localStorage.getItem('kubelab:visitor-work:v1') ?? 'null'))
  expect(work.exercises['pod-first-manifest']).toMatchObject({
    attempts: 1,
    best: { courseId: 'kubernetes-basics', lessonId: 'pod', kind: 'manifest', passed: true, score: 1, answer: rightPod.replace(/\n$/, '') },
  })
  expect(Object.keys(work.lessons)).toEqual(['kubernetes-basics/pod'])
})
