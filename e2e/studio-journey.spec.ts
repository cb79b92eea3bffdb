/**
 * Issue 14's journey, as people do it, in Debian's Chromium: an author starts a lesson in the studio, types its
 * pages and sees both previews, grades the solution (pass, added as a right answer) and a wrong answer (fail), is refused a publish with a
 * broken solution and the reasons, fixes it and publishes; a learner finds the lesson in the course and passes its
 * exercise and quiz; the author restores the first version and the learner's progress is still there.
 *
 * It publishes into the real course, so it runs in the `exclusive` project, after the specs that count lessons.
 */
import { expect, test, type Page } from '@playwright/test'
import { newLessonTexts } from '../lib/content/scaffold.ts'
import { parse } from 'yaml'
import { createDb } from '../lib/server/db/client.ts'
import { accountOperations } from '../lib/server/dal/accounts.ts'
import { cliActor } from '../lib/server/dal/audit.ts'
import { e2eBaseUrl, e2eDatabaseUrl } from './config.ts'
import { signIn, signUp, typeIntoEditor, Typist } from './fixtures.ts'

const lessonId = `studio-e2e-${Date.now().toString(36)}`
const title = `스튜디오 레슨 ${lessonId.slice(-5)}`
const template = parse(newLessonTexts(lessonId).exerciseYaml) as { solution: string; starter: string }

/** Clicks a file's tab and puts the cursor at the end of its text, in Monaco. */
async function openFile(page: Page, name: string): Promise<void> {
  await page.locator(`[data-file="${name}"]`).click()
  await expect(page.locator(`[data-file="${name}"]`)).toHaveAttribute('aria-selected', 'true')
  const editor = page.locator('.studio-monaco .monaco-editor')
  await editor.click({ position: { x: 120, y: 12 } })
  await expect(editor).toHaveClass(/focused/)
}

/** Finds text with Monaco's search box (Ctrl+F), closes it with the match selected, and types over the match. */
async function replaceInEditor(page: Page, find: string, replacement: string, typist: Typist): Promise<void> {
  await page.keyboard.press('ControlOrMeta+F')
  const box = page.locator('.studio-monaco .find-widget textarea').first()
  await expect(box).toBeFocused()
  await page.keyboard.press('ControlOrMeta+A')
  await typist.type(page, find)
  await expect(page.locator('.studio-monaco .find-widget .matchesCount')).toHaveText(/^1 of 1$|^1\/1$/)
  await page.keyboard.press('Escape')
  await typist.type(page, replacement)
}

async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 })
}

test('an author writes, proves and publishes a lesson; a learner passes it; a restore keeps their progress', async ({ page, browser }) => {
  test.setTimeout(480_000)
  const typist = new Typist(14)
  await signIn(page, 'author@kubelab.dev')
  await page.goto('/studio')
  const form = page.getByTestId('new-lesson-form')
  await form.getByLabel(/^(레슨 ID|Lesson id)$/).pressSequentially(lessonId, { delay: 25 })
  await form.getByLabel(/^(이 레슨 다음에|Comes after)$/).selectOption('service-types')
  await form.getByRole('button', { name: /레슨 만들기|Create the lesson/ }).click()
  await expect(page).toHaveURL(new RegExp(`/studio/lessons/kubernetes-basics/${lessonId}$`))
  await expect(page.getByTestId('preview-ko')).toContainText('이 레슨에서 배우는 것')

  // the title, in lesson.yaml, by searching for the template's and typing over it
  await openFile(page, 'lesson.yaml')
  await replaceInEditor(page, '새 레슨 — 제목을 쓰세요', title, typist)
  await waitSaved(page)

  // the Korean page: a sentence typed at its end shows in the Korean preview
  await openFile(page, 'ko.mdx')
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('Enter')
  await typist.type(page, 'Pod는 함께 배포되는 컨테이너의 묶음이다.')
  await expect(page.getByTestId('preview-ko')).toContainText('Pod는 함께 배포되는 컨테이너의 묶음이다.')
  const koMs = Number(await page.getByTestId('preview-ko').getAttribute('data-preview-ms'))
  // and the English one
  await openFile(page, 'en.mdx')
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('Enter')
  await typist.type(page, 'A Pod is a group of containers deployed together.')
  await expect(page.getByTestId('preview-en')).toContainText('A Pod is a group of containers deployed together.')
  const enMs = Number(await page.getByTestId('preview-en').getAttribute('data-preview-ms'))
  // reported, not asserted: from the last key to the preview drawn (README "Studio")
  test.info().annotations.push({ type: 'preview-ms', description: `ko ${koMs} ms, en ${enMs} ms` })
  console.log(`studio preview after the last key: ko ${koMs} ms, en ${enMs} ms`)
  await page.screenshot({ path: 'docs/screenshots/studio-editor.png', fullPage: false })
  await waitSaved(page)

  // grade the solution (passes) and the starter (fails the label check), typed into the answer box
  const answer = page.getByTestId('try-answer')
  await answer.click()
  await typist.type(page, template.solution)
  await page.getByTestId('try').click()
  await expect(page.getByTestId('tried')).toHaveAttribute('data-passed', 'true')
  await page.getByTestId('add-right').click()
  await expect(page.getByTestId('studio-notice')).toContainText(/정답을 추가|right answer/)
  await answer.fill('')
  await answer.click()
  await typist.type(page, template.starter)
  await page.getByTestId('try').click()
  await expect(page.getByTestId('tried')).toHaveAttribute('data-passed', 'false')
  await expect(page.getByTestId('tried')).toContainText('label')
  await page.getByTestId('add-wrong').click()
  await expect(page.getByTestId('studio-notice')).toContainText(/알려진 오답|known-wrong/)

  // break the reference solution: the label check now wants `api`, which the solution does not have
  await openFile(page, 'exercise.yaml')
  await replaceInEditor(page, 'equals: web', 'equals: api', typist)
  await waitSaved(page)
  await page.getByTestId('publish').click()
  await expect(page.getByTestId('gate')).toHaveAttribute('data-ok', 'false')
  await expect(page.getByTestId('gate-problems')).toContainText('exercise.yaml')
  await expect(page.getByTestId('gate-problems')).toContainText(/모범 답안|reference solution/)
  await expect(page.getByTestId('save-state')).toContainText(/게시 안 됨|not published/)

  // fix it and publish
  await openFile(page, 'exercise.yaml')
  await replaceInEditor(page, 'equals: api', 'equals: web', typist)
  await waitSaved(page)
  await page.getByTestId('publish-note').pressSequentially('첫 게시', { delay: 25 })
  await page.getByTestId('publish').click()
  await expect(page.getByTestId('studio-notice')).toContainText(/버전 1|version 1/)
  await expect(page.getByTestId('versions').locator('li')).toHaveCount(1)

  // a second version, with one more sentence in the Korean page
  await openFile(page, 'ko.mdx')
  await page.keyboard.press('ControlOrMeta+End')
  await typist.type(page, ' 두 번째 판에서 덧붙인 문장이다.')
  await expect(page.getByTestId('preview-ko')).toContainText('두 번째 판에서 덧붙인 문장이다.')
  await waitSaved(page)
  await page.getByTestId('publish').click()
  await expect(page.getByTestId('studio-notice')).toContainText(/버전 2|version 2/)

  // a learner finds it in the course, after "service-types", and passes the exercise and the quiz
  // the author works in English, the learner in Korean (the title was changed in Korean only)
  const learnerContext = await browser.newContext({ locale: 'ko-KR' })
  await learnerContext.addCookies([{ name: 'NEXT_LOCALE', value: 'ko', url: e2eBaseUrl }])
  const learner = await learnerContext.newPage()
  await signUp(learner, 'studio-learner')
  await learner.goto('/courses/kubernetes-basics')
  await learner
    .getByRole('link', { name: new RegExp(title) })
    .first()
    .click()
  await expect(learner).toHaveURL(new RegExp(`/courses/kubernetes-basics/${lessonId}$`))
  await expect(learner.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(learner.locator('.lesson-text')).toContainText('두 번째 판에서 덧붙인 문장이다.')
  await typeIntoEditor(learner, template.solution)
  await learner.getByTestId('submit').click()
  await expect(learner.getByTestId('pass-panel')).toBeVisible({ timeout: 30_000 })
  const quiz = learner.getByTestId('quiz')
  await quiz.locator('fieldset').nth(0).getByLabel('정답', { exact: true }).check()
  await quiz.locator('fieldset').nth(1).getByLabel('참', { exact: true }).check()
  await quiz.getByRole('button', { name: '정답 확인' }).click()
  await expect(quiz).toContainText('2문제 중 2문제 정답')
  await learner.reload()
  await expect(learner.getByTestId('lesson-completed')).toBeVisible()

  // the author restores version 1: the page loses the second sentence, the learner keeps their progress
  await page.reload()
  await page.getByTestId('restore-1').click()
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /이 버전으로 되돌리기|Restore this version/ })
    .click()
  await expect(page.getByTestId('studio-notice')).toContainText(/버전 3|version 3/)
  await expect(page.getByTestId('versions').locator('li')).toHaveCount(3)
  await expect
    .poll(
      async () => {
        await learner.reload()
        return learner.locator('.lesson-text').innerText()
      },
      { timeout: 20_000 },
    )
    .not.toContain('두 번째 판에서 덧붙인 문장이다.')
  await expect(learner.getByTestId('lesson-completed')).toBeVisible()
  await learner.goto('/courses/kubernetes-basics')
  await expect(learner.getByTestId(`lesson-status-${lessonId}`)).toHaveAttribute('data-status', 'completed')
  await learnerContext.close()
})

for (const { rate, lang, viewport } of [
  { rate: 4, lang: 'en', viewport: { width: 1280, height: 900 } },
  { rate: 6, lang: 'ko', viewport: { width: 390, height: 844 } },
] as const) {
  test(`typing in the studio with the CPU ×${rate} (${lang}, ${viewport.width} px) loses no key, and the draft keeps it`, async ({
    browser,
  }) => {
    test.setTimeout(240_000)
    const context = await browser.newContext({ locale: lang === 'ko' ? 'ko-KR' : 'en-US' })
    await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: e2eBaseUrl }])
    const page = await context.newPage()
    await signIn(page, 'author@kubelab.dev') // on a phone the role badge it waits for is inside the closed menu
    await page.setViewportSize(viewport)
    await page.goto('/studio')
    // a draft nobody publishes: learners never see it
    const id = `typed-${rate}-${Date.now().toString(36)}`
    await page
      .getByTestId('new-lesson-form')
      .getByLabel(/^(레슨 ID|Lesson id)$/)
      .pressSequentially(id, { delay: 25 })
    await page
      .getByTestId('new-lesson-form')
      .getByRole('button', { name: /레슨 만들기|Create the lesson/ })
      .click()
    await expect(page.getByTestId('studio-lesson-id')).toHaveText(id)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate })
    const sentence =
      lang === 'ko'
        ? 'Service는 바뀌는 Pod 앞에 고정된 주소를 둔다. 레이블로 Pod를 고른다.'
        : 'A Service puts a stable address in front of Pods that come and go; it picks them by label.'
    await openFile(page, 'ko.mdx')
    await page.keyboard.press('ControlOrMeta+End')
    await page.keyboard.press('Enter')
    await new Typist(rate).type(page, sentence)
    await expect(page.getByTestId('preview-ko')).toContainText(sentence, { timeout: 30_000 })
    await waitSaved(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    // the saved draft is exactly what was typed: it comes back on a fresh load
    await page.reload()
    await expect(page.getByTestId('preview-ko')).toContainText(sentence)
    await page.screenshot({ path: `test-results/studio-typed-${lang}-${viewport.width}.png` })
    await context.close()
  })
}

test('two authors on one lesson: the second is told who saved first and loses nothing; a typo in exercise.yaml is marked as typed', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  const typist = new Typist(3)
  const first = await (await browser.newContext()).newPage()
  const second = await (await browser.newContext()).newPage()
  // a second author, made as an operator would (the command line's account operations)
  const db = createDb(e2eDatabaseUrl)
  const otherAuthor = `second-author-${Date.now().toString(36)}@example.test`
  await accountOperations(db).create(cliActor, {
    email: otherAuthor,
    role: 'author',
    name: 'Second Author',
    password: 'second-author-password',
  })
  await db.$disconnect()
  await signIn(first, 'author@kubelab.dev')
  await signIn(second, otherAuthor, 'second-author-password')
  await first.goto('/studio')
  const id = `shared-${Date.now().toString(36)}`
  await first
    .getByTestId('new-lesson-form')
    .getByLabel(/^(레슨 ID|Lesson id)$/)
    .pressSequentially(id, { delay: 25 })
  await first
    .getByTestId('new-lesson-form')
    .getByRole('button', { name: /레슨 만들기|Create the lesson/ })
    .click()
  await expect(first.getByTestId('studio-lesson-id')).toHaveText(id)
  await second.goto(`/studio/lessons/kubernetes-basics/${id}`)
  await expect(second.getByTestId('studio-lesson-id')).toHaveText(id)

  // both start from version 1; the first author saves first
  await openFile(first, 'en.mdx')
  await first.keyboard.press('ControlOrMeta+End')
  await typist.type(first, 'First author was here.')
  await waitSaved(first)
  await openFile(second, 'en.mdx')
  await second.keyboard.press('ControlOrMeta+End')
  await typist.type(second, 'Second author too.')
  await expect(second.getByTestId('conflict')).toBeVisible({ timeout: 20_000 })
  await expect(second.getByTestId('conflict')).toContainText('author@kubelab.dev')
  // nothing of the second author's was written, and their text is still in their editor
  await first.reload()
  await expect(first.getByTestId('preview-en')).toContainText('First author was here.')
  await expect(first.getByTestId('preview-en')).not.toContainText('Second author too.')
  await expect(second.getByTestId('preview-en')).toContainText('Second author too.')
  // they keep theirs, knowingly: saved over the first author's version
  await second.getByRole('button', { name: /Save mine over it|내 내용으로 저장/ }).click()
  await waitSaved(second)
  await first.reload()
  await expect(first.getByTestId('preview-en')).toContainText('Second author too.')

  // a check type that does not exist is marked on its line by the schema, as it is typed
  await openFile(second, 'exercise.yaml')
  await replaceInEditor(second, 'type: field', 'type: feild', typist)
  await second.keyboard.press('Escape') // the completion list offers `field`
  await expect(second.locator('.studio-monaco :is(.squiggly-error, .squiggly-warning)').first()).toBeVisible({ timeout: 20_000 })
  // on the typo's line (the only one with a marker)
  const typoLine = await second.evaluate(() => {
    const squiggle = document.querySelector('.studio-monaco :is(.squiggly-error, .squiggly-warning)') as HTMLElement
    const top = squiggle.parentElement!.getBoundingClientRect().top
    const line = [...document.querySelectorAll('.studio-monaco .view-line')].find((l) => Math.abs(l.getBoundingClientRect().top - top) < 3)
    return line?.textContent ?? ''
  })
  expect(typoLine.replace(/\u00a0/g, ' ')).toContain('type: feild')
  await first.context().close()
  await second.context().close()
})
