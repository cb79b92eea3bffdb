import { expect, test } from '@playwright/test'
import { quizOf } from './course-content.ts'

test('the quiz names the unanswered questions and goes back to the first; once all are answered it grades, and a visitor keeps the result in this browser', async ({
  page,
}) => {
  const quiz = quizOf('deployment') // 1 ordering (answered as it stands), 2–5 single choice
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'ko', url: 'http://localhost' }])
  await page.goto('/courses/kubernetes-basics/deployment')
  const form = page.getByTestId('quiz')
  await form
    .locator('fieldset')
    .nth(1)
    .locator(`input[value="${quiz.questions[1]!.answer as string}"]`)
    .check()
  await form.getByRole('button', { name: '정답 확인' }).click()

  const dialog = page.getByRole('dialog', { name: '답하지 않은 문제' })
  await expect(dialog).toContainText('아직 답하지 않은 문제가 3개 있습니다: 3, 4 및 5번. 모든 문제에 답하면 점수와 풀이를 보여 드립니다.')
  await dialog.getByRole('button', { name: '3번 문제로' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(form.locator('fieldset').nth(2).locator('input').first()).toBeFocused()
  expect(await page.evaluate(() => localStorage.getItem('kubelab:visitor-work:v1'))).not.toContain('deployment-basics')

  // Answer the fourth, leave two open: the quiz still refuses, naming the two.
  await form
    .locator('fieldset')
    .nth(3)
    .locator(`input[value="${quiz.questions[3]!.answer as string}"]`)
    .check()
  await form.getByRole('button', { name: '정답 확인' }).click()
  await expect(dialog).toContainText('2개 있습니다: 3 및 5번')
  await page.keyboard.press('Escape')
  await expect(form.locator('fieldset').nth(2).locator('input').first()).toBeFocused()
  expect(await page.evaluate(() => localStorage.getItem('kubelab:visitor-work:v1'))).not.toContain('deployment-basics')

  // With the keyboard: Space picks the focused choice; then the last question, and the quiz is graded.
  await page.keyboard.press('Space')
  await form.locator('fieldset').nth(4).locator('input').first().check()
  await form.getByRole('button', { name: '정답 확인' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(form).toContainText(`${quiz.questions.length}문제 중`)

  const work = await page.evaluate(() => JSON.parse(localStorage.getItem('kubelab:visitor-work:v1') ?? 'null'))
  expect(work.quizzes['deployment-basics']).toMatchObject({
    courseId: 'kubernetes-basics',
    lessonId: 'deployment',
    answers: { [quiz.questions[1]!.id]: quiz.questions[1]!.answer, [quiz.questions[3]!.id]: quiz.questions[3]!.answer },
  })
  expect(work.lessons['kubernetes-basics/deployment']).toBeTruthy()
})

test('the warning in English', async ({ page }) => {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: 'http://localhost' }])
  await page.goto('/courses/kubernetes-basics/pod')
  const form = page.getByTestId('quiz')
  await form.getByRole('button', { name: 'Check answers' }).click()
  const dialog = page.getByRole('dialog', { name: 'Unanswered questions' })
  await expect(dialog).toContainText(
    'Questions 1, 2, 3, 4, and 5 are not answered yet. Answer every question to see your score and the explanations.',
  )
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
})
