/**
 * The workspace as a learner meets it (ADR 0014), typed with real keystrokes at 1280 and 390 px, in Korean and
 * English, signed in and as a visitor: the checks are listed from the start, Run ticks them in the browser while
 * the editor stays in view, Submit passes, Next lesson appears, the quiz is taken, and after a reload the result
 * and the quiz score are still there (from the server when signed in, from this browser for a visitor).
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { exerciseOf } from './course-content.ts'
import { answerQuiz, editorText, focusEditor, signUp, Typist, typeIntoEditor } from './fixtures.ts'
import type { Locale } from '../i18n/locales.ts'

const pod = exerciseOf('pod')
const wrongPod = pod.solution.replace('nginx:1.27', 'nginx:1.25')
const phone = { width: 390, height: 844 }
const wide = { width: 1280, height: 800 }

const words = {
  ko: {
    next: '다음 레슨',
    passed: '통과했습니다',
    quiz: /퀴즈: \d+문제 중 \d+문제 정답|퀴즈: 100% 정답/,
    map: '레슨 19개 중 1개 완료',
    byRun: '실행 결과',
    bySubmit: '제출 결과',
  },
  en: {
    next: 'Next lesson',
    passed: /Passed|You passed/,
    quiz: /Quiz: \d+ of \d+ correct|Quiz: 100% correct/,
    map: '1 of 19 lessons completed',
    byRun: 'by Run',
    bySubmit: 'by Submit',
  },
} as const

async function inLanguage(page: Page, lang: Locale) {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: lang, url: 'http://localhost' }])
}

const check = (page: Page, id: string) => page.getByTestId('checklist').locator(`[data-check-id="${id}"]`)

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width)
}

/** The layout: editor and cluster view side by side at 1280 px; stacked at 390 px with Run/Submit stuck to the bottom. */
async function expectLayout(page: Page, size: 'wide' | 'phone') {
  const editor = page.getByTestId('editor')
  const side = page.locator('.workspace-side')
  await expect(editor).toBeVisible()
  await expect(side).toBeVisible()
  const e = (await editor.boundingBox())!
  const s = (await side.boundingBox())!
  // Nothing adds empty height under the lesson (visually-hidden text stays inside its scrolling column).
  const extra = await page.evaluate(
    () =>
      document.documentElement.scrollHeight - (document.querySelector('.lesson-layout')!.getBoundingClientRect().bottom + window.scrollY),
  )
  expect(extra, 'document height past the lesson').toBeLessThanOrEqual(2)
  if (size === 'wide') {
    expect(await page.evaluate(() => document.documentElement.scrollHeight), 'the wide lesson fits the window').toBeLessThanOrEqual(
      wide.height + 2,
    )
    expect(e.x + e.width, 'the cluster view is right of the editor').toBeLessThanOrEqual(s.x + 1)
    expect(Math.abs(e.y - s.y), 'at the same height').toBeLessThan(60)
  } else {
    expect(e.y + e.height, 'the cluster view is below the editor').toBeLessThanOrEqual(s.y + 1)
    await noSidewaysScroll(page)
    // In the workspace, Run and Submit are on screen at the bottom wherever the learner scrolls.
    await editor.scrollIntoViewIfNeeded()
    const actions = (await page.locator('.workspace-actions').boundingBox())!
    expect(actions.y + actions.height).toBeLessThanOrEqual(phone.height + 1)
    expect(actions.y + actions.height).toBeGreaterThan(phone.height - 4)
  }
}

async function expectEditorOnScreen(page: Page) {
  const box = (await page.locator('.monaco-editor').first().boundingBox())!
  const viewport = page.viewportSize()!
  expect(box.y + 40).toBeLessThan(viewport.height)
  expect(box.y + box.height).toBeGreaterThan(0)
}

async function run(page: Page) {
  await page.getByTestId('run').click()
  await expect(page.getByTestId('run')).toBeEnabled({ timeout: 30_000 })
}

for (const [lang, size, who] of [
  ['ko', 'wide', 'signed in'],
  ['en', 'wide', 'visitor'],
  ['ko', 'phone', 'visitor'],
  ['en', 'phone', 'signed in'],
] as const) {
  test(`${lang}, ${size === 'wide' ? '1280' : '390'} px, ${who}: checks tick on Run, a pass offers the next lesson, and a reload keeps the result and the quiz score`, async ({
    page,
  }) => {
    test.setTimeout(90_000)
    const w = words[lang]
    await inLanguage(page, lang)
    if (who === 'signed in') await signUp(page, `checklist-${lang}`) // (at the default size: on a phone the account badge is in the menu)
    await page.setViewportSize(size === 'wide' ? wide : phone)
    await page.goto('/courses/kubernetes-basics/pod')
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    await expectLayout(page, size)

    // Listed from the start, none ticked; their messages, never the solution.
    const items = page.getByTestId('checklist').locator('[data-check-id]')
    await expect(items).toHaveCount(6)
    await expect(page.getByTestId('checklist').locator('[data-status="unchecked"]')).toHaveCount(6)
    await expect(check(page, 'image')).toContainText('nginx:1.27')

    // A wrong image, typed: Run ticks what is right green and the image red, and the editor stays in view.
    await typeIntoEditor(page, wrongPod, new Typist(lang === 'ko' ? 21 : 22))
    await run(page)
    await expect(check(page, 'image')).toHaveAttribute('data-status', 'failed')
    await expect(check(page, 'image')).toContainText(w.byRun)
    await expect(check(page, 'pod-exists')).toHaveAttribute('data-status', 'passed')
    await expect(check(page, 'label')).toHaveAttribute('data-status', 'passed')
    await expectEditorOnScreen(page)
    if (size === 'wide') await expect(page.getByTestId('cluster-panel')).toBeVisible()

    // Fixed with a few keys (line 10 is the image): every check green on Run, before anything is sent to the server.
    await focusEditor(page)
    await page.keyboard.press('ControlOrMeta+Home')
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('End')
    await page.keyboard.press('Backspace', { delay: 40 })
    await page.keyboard.type('7', { delay: 40 })
    await page.keyboard.press('Escape') // close a completion list if one opened
    await expect.poll(() => editorText(page)).toBe(pod.solution.replace(/\n$/, ''))
    await page.keyboard.press('Shift+Enter') // Run from the editor
    await expect(page.getByTestId('checklist').locator('[data-status="passed"]')).toHaveCount(6, { timeout: 30_000 })

    // Submit: graded on the server, the pass stays with a Next lesson button.
    await page.getByTestId('submit').click()
    await expect(page.getByTestId('grade-result').locator('.verdict')).toHaveAttribute('data-passed', 'true')
    await expect(check(page, 'running')).toContainText(w.bySubmit)
    const next = page.getByTestId('next-lesson')
    await expect(next).toBeVisible()
    await expect(next).toContainText(w.next)
    await expect(next).toHaveAttribute('href', '/courses/kubernetes-basics/shared-environment')
    if (size === 'phone') await noSidewaysScroll(page)
    // The course map counts the pass at once, a visitor's too.
    await expect(page.getByTestId('course-map-summary')).toContainText(w.map)

    // The quiz, then a reload: the result and the quiz score are still there.
    await page.getByTestId('go-to-quiz').click()
    await answerQuiz(page, 'pod', lang)
    await expect(page.getByTestId('quiz-score')).toHaveText(w.quiz)
    await page.reload()
    const passPanel = page.getByTestId('pass-panel')
    await expect(passPanel).toBeVisible()
    await expect(passPanel).toContainText('100%')
    await expect(page.getByTestId('quiz-score')).toHaveText(w.quiz)
    await expect(page.getByTestId('checklist').locator('[data-status="passed"]')).toHaveCount(6)
    await expect(page.getByTestId('course-map-summary')).toContainText(w.map)
    if (size === 'phone') await noSidewaysScroll(page)
    await page.screenshot({
      path: `test-results/checklist/${lang}-${size}-${who.replace(' ', '-')}-reopened.png`,
      fullPage: size === 'phone',
    })
    await page.getByTestId('next-lesson').click()
    await expect(page).toHaveURL(/\/courses\/kubernetes-basics\/shared-environment$/)
    // ...and the course page counts it, a visitor's from this browser
    await page.goto('/courses/kubernetes-basics')
    await expect(page.getByTestId('lesson-status-pod')).toHaveAttribute('data-status', 'completed')
  })
}

test('a server refusal is said in the learner’s language: 429 with its wait, 422 over budget with the server’s words', async ({ page }) => {
  await inLanguage(page, 'ko')
  await page.goto('/courses/kubernetes-basics/pod')
  await expect(page.locator('.monaco-editor')).toBeVisible()
  let answer = {
    status: 429,
    body: { error: 'too_many_requests', message: 'Too many requests; try again in 17 s.', retryAfter: 17 },
    headers: { 'retry-after': '17' } as Record<string, string>,
  }
  await page.route('**/api/exercises/*/grade', (route) =>
    route.fulfill({ status: answer.status, contentType: 'application/json', headers: answer.headers, body: JSON.stringify(answer.body) }),
  )
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('workspace-error')).toHaveText('짧은 시간에 너무 많이 제출했습니다. 17초 뒤에 다시 시도하세요.')
  answer = {
    status: 422,
    body: { error: 'over_budget', message: '이 실습에서는 Pod를 최대 50개까지 만들 수 있습니다.', limit: 'pods' } as never,
    headers: {},
  }
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('workspace-error')).toHaveText('이 실습에서는 Pod를 최대 50개까지 만들 수 있습니다.')
  answer = { status: 503, body: { error: 'busy', message: 'busy' } as never, headers: { 'retry-after': '2' } }
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('workspace-error')).toHaveText('지금은 채점기가 바쁩니다. 2초 뒤에 다시 시도하세요.')
})

for (const lang of ['ko', 'en'] as const) {
  test(`${lang}: the lesson page is axe-clean at 390 and 1280 px, before and after a Run`, async ({ page }) => {
    await inLanguage(page, lang)
    for (const viewport of [phone, wide]) {
      await page.setViewportSize(viewport)
      await page.goto('/courses/kubernetes-basics/deployment')
      await expect(page.locator('.monaco-editor')).toBeVisible()
      const scan = async (when: string) => {
        const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze()
        expect(
          results.violations.map(
            (v) => `${when} ${viewport.width}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          ),
        ).toEqual([])
      }
      await scan('before Run')
      await run(page)
      // the starter fails its checks, or the cluster refuses it and they are not run: either way the list has changed
      await expect(page.getByTestId('checklist').locator('[data-status="failed"], [data-status="notRun"]').first()).toBeVisible({
        timeout: 30_000,
      })
      await scan('after Run')
    }
  })
}
