import { expect, test, type Page } from '@playwright/test'
import { exerciseOf } from './course-content.ts'
import { answerQuiz, signUp, submitSolution } from './fixtures.ts'

/** A new learner whose pages are in `lang` (the locale cookie, set before signing up). */
async function signUpIn(page: Page, lang: 'ko' | 'en') {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: lang, url: 'http://localhost' }])
  await signUp(page, `walk-${lang}`)
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
  await expect(page.getByText('레슨 19개 중 4개 완료')).toBeVisible()
})

test('a learner takes the Service lesson (11) in English', async ({ page }) => {
  test.setTimeout(120_000)
  await signUpIn(page, 'en')
  await takeLesson(page, 'service', 'en')
  await page.reload()
  await expect(page.getByTestId('lesson-completed')).toBeVisible()
})
