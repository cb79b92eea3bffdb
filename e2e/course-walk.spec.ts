import { expect, test, type Page } from '@playwright/test'
import { exerciseOf, quizOf } from './course-content.ts'
import { submitSolution, uniqueEmail } from './fixtures.ts'

async function signUpIn(page: Page, lang: 'ko' | 'en') {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: lang, url: 'http://localhost' }])
  await page.goto('/signup')
  await page.getByLabel(/Email|이메일/).fill(uniqueEmail(`walk-${lang}`))
  await page.getByLabel(/Password|비밀번호/).fill('a-strong-password')
  await page.getByRole('button', { name: /Create account|계정 만들기/ }).click()
  await expect(page.getByTestId('current-role')).toBeVisible()
}

/** Answers the lesson's quiz the way the key says, through the form, and expects a full score. */
async function answerQuiz(page: Page, lessonId: string, lang: 'ko' | 'en') {
  const quiz = quizOf(lessonId)
  const form = page.getByTestId('quiz')
  for (const [index, q] of quiz.questions.entries()) {
    const fieldset = form.locator('fieldset').nth(index)
    const choice = (id: string) => fieldset.locator(`input[value="${id}"]`)
    if (q.type === 'single') await choice(q.answer as string).check()
    else if (q.type === 'multiple') for (const id of q.answer as string[]) await choice(id).check()
    else if (q.type === 'truefalse') await fieldset.getByLabel(q.answer ? (lang === 'ko' ? '참' : 'True') : lang === 'ko' ? '거짓' : 'False', { exact: true }).check()
    else if (q.type === 'short') await fieldset.locator('input[type="text"]').fill((q.answer as { accept: string[] }).accept[0]!)
    else {
      // Move each item up into its place, top to bottom.
      const order = q.answer as string[]
      for (const [target, id] of order.entries()) {
        const text = q.choices!.find((c) => c.id === id)!.text[lang]
        for (;;) {
          const items = await fieldset.locator('.ordering li span').allTextContents()
          const at = items.indexOf(text)
          if (at <= target) break
          await fieldset.getByRole('button', { name: `${lang === 'ko' ? '위로' : 'Move up'}: ${text}` }).click()
        }
      }
    }
  }
  await form.getByRole('button', { name: lang === 'ko' ? '정답 확인' : 'Check answers' }).click()
  const total = quiz.questions.length
  await expect(form).toContainText(lang === 'ko' ? `${total}문제 중 ${total}문제 정답` : `${total} of ${total} correct`)
}

async function takeLesson(page: Page, lessonId: string, lang: 'ko' | 'en') {
  await page.goto(`/courses/kubernetes-basics/${lessonId}`)
  await expect(page.locator('html')).toHaveAttribute('lang', lang)
  await submitSolution(page, exerciseOf(lessonId))
  await expect(page.getByTestId('grade-result').locator('.verdict')).toHaveAttribute('data-passed', 'true', { timeout: 30_000 })
  await answerQuiz(page, lessonId, lang)
}

test('a learner walks through lessons 5–8 in Korean and the course map shows them done', async ({ page }) => {
  test.setTimeout(240_000)
  await signUpIn(page, 'ko')
  for (const lesson of ['deployment', 'self-healing', 'scaling', 'rolling-update']) await takeLesson(page, lesson, 'ko')
  await page.goto('/courses/kubernetes-basics')
  for (const lesson of ['deployment', 'self-healing', 'scaling', 'rolling-update']) {
    await expect(page.getByTestId(`lesson-status-${lesson}`)).toHaveAttribute('data-status', 'completed')
  }
  await expect(page.getByText('레슨 14개 중 4개 완료')).toBeVisible()
})

test('a learner takes the Service lesson (11) in English', async ({ page }) => {
  test.setTimeout(120_000)
  await signUpIn(page, 'en')
  await takeLesson(page, 'service', 'en')
  await page.reload()
  await expect(page.getByTestId('lesson-completed')).toBeVisible()
})
