/**
 * The second edition's five new lessons (issue 16), walked through the UI in both languages: a learner reads each
 * lesson, solves its exercise as a person would (keystrokes in the editor or the terminal), passes, and answers
 * its quiz; the course page then shows all five done.
 */
import { expect, test } from '@playwright/test'
import { exerciseOf } from './course-content.ts'
import { answerQuiz, signUp, submitSolution } from './fixtures.ts'

const newLessons = ['cluster', 'resources', 'troubleshooting-pods', 'probes', 'graceful-termination'] as const

test.describe.configure({ mode: 'parallel' })

for (const lang of ['ko', 'en'] as const) {
  test(`a learner takes the five new lessons in ${lang === 'ko' ? 'Korean' : 'English'}`, async ({ page }) => {
    test.setTimeout(600_000)
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: lang, url: 'http://localhost' }])
    await signUp(page, `new-${lang}`)
    for (const lessonId of newLessons) {
      await page.goto(`/courses/kubernetes-basics/${lessonId}`)
      await expect(page.locator('html')).toHaveAttribute('lang', lang)
      await expect(page.locator('article h1, main h1').first()).not.toContainText(/준비 중|Coming/)
      await submitSolution(page, exerciseOf(lessonId))
      await expect(page.getByTestId('grade-result').locator('.verdict')).toHaveAttribute('data-passed', 'true', { timeout: 60_000 })
      // the goals the exercise proves are ticked once it passes
      await expect(page.getByTestId('lesson-goals')).toHaveAttribute('data-reached', 'true')
      await answerQuiz(page, lessonId, lang)
    }
    await page.goto('/courses/kubernetes-basics')
    for (const lessonId of newLessons)
      await expect(page.getByTestId(`lesson-status-${lessonId}`)).toHaveAttribute('data-status', 'completed')
    await expect(page.getByText(lang === 'ko' ? '레슨 19개 중 5개 완료' : '5 of 19 lessons completed')).toBeVisible()
    await page.screenshot({ path: `test-results/new-lessons-course-${lang}.png`, fullPage: true })
  })
}
