/**
 * Teaching together (issue 17), as the people do it: two learners type the same wrong Pod into the editor and the
 * teacher watches their mistake group grow, answers the whole group with one comment that both learners read beside
 * the exercise, and sets a due date that marks one learner's work late and the other's overdue; a second teacher,
 * added by email, manages the class until removed; the insight views in both languages, on a desktop and a phone.
 */
import { spawnSync } from 'node:child_process'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { e2eDatabaseUrl } from './config.ts'
import { signIn, signUp, submitSolution, typeIntoEditor, uniqueEmail } from './fixtures.ts'
import { exerciseOf } from './course-content.ts'

// The Pod without its port: the `port` check fails, every other check passes.
const podWithoutPort = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  '  labels:',
  '    app: web',
  'spec:',
  '  containers:',
  '    - name: nginx',
  '      image: nginx:1.27',
].join('\n')

async function newClass(page: Page, name: string): Promise<{ url: string; code: string }> {
  await page.goto('/teach')
  await page.getByLabel(/Class name|클래스 이름/).pressSequentially(name, { delay: 20 })
  await page.getByRole('button', { name: /Create class|클래스 만들기/ }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  return { url: page.url(), code: (await page.getByTestId('invite-code').textContent())!.trim() }
}

async function learnerInClass(browser: Browser, code: string, prefix: string): Promise<Page> {
  const context = await browser.newContext()
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ko', url: 'http://localhost' }])
  const page = await context.newPage()
  await signUp(page, prefix)
  await page.goto(`/join?code=${code}`)
  await page.getByRole('button', { name: /^(Join|참여)$/ }).click()
  await expect(page.getByRole('status')).toBeVisible()
  return page
}

/** Types the Pod without its port into the lesson's editor and submits it; the grade says it failed. */
async function submitPodWithoutPort(page: Page): Promise<void> {
  await page.goto('/courses/kubernetes-basics/pod')
  await typeIntoEditor(page, podWithoutPort)
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('grade-result').locator('.verdict')).toHaveAttribute('data-passed', 'false', { timeout: 60_000 })
}

function kubelabCli(args: string[]) {
  return spawnSync('npx', ['tsx', 'bin/kubelab.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: e2eDatabaseUrl } })
}

test.describe.configure({ mode: 'parallel' })

test('two learners make the same mistake: the teacher sees the group grow, answers it once, and a due date marks late and overdue work', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000)
  await signIn(page, 'teacher@kubelab.dev')
  const { url: classUrl, code } = await newClass(page, `E2E insight ${Date.now()}`)
  const classId = new URL(classUrl).pathname.split('/').pop()!
  const insightUrl = `/teach/${classId}/exercises/pod-first-manifest`

  const first = await learnerInClass(browser, code, 'group-a')
  const second = await learnerInClass(browser, code, 'group-b')

  // before anyone submits, the exercise has no mistakes to show
  await page.goto(insightUrl)
  await expect(page.getByTestId('insight-no-submissions')).toBeVisible()

  // the first learner types the Pod without its port: a group of one
  await submitPodWithoutPort(first)
  await page.reload()
  const portGroup = page.locator('[data-testid="mistake-group"][data-check-id="port"]')
  await expect(portGroup.getByTestId('group-count')).toHaveText(/^(1명|1 learner)$/)

  // the second learner makes the same mistake: the same group, now two
  await submitPodWithoutPort(second)
  await page.reload()
  await expect(portGroup.getByTestId('group-count')).toHaveText(/^(2명|2 learners)$/)
  await expect(portGroup.getByTestId('group-still')).toContainText(/2/)
  await expect(portGroup.locator('.group-learners li')).toHaveCount(2)

  // one comment to the whole group
  await portGroup.getByTestId('group-comment').locator('summary').click()
  const form = portGroup.getByTestId('comment-form')
  const text = `두 분 모두 containerPort가 빠졌습니다 ${Date.now()}: ports 목록에 80을 넣으세요.`
  await form.getByRole('textbox').click()
  await page.keyboard.type(text, { delay: 8 })
  await form.getByRole('button', { name: /Send comment|댓글 보내기/ }).click()
  await expect(form.getByRole('status')).toContainText(/Comment sent|댓글을 보냈습니다/)

  // both learners see it beside the exercise (and the header counted it before they opened it)
  for (const learner of [first, second]) {
    await learner.goto('/courses/kubernetes-basics')
    await expect(learner.getByTestId('unread-comments').first()).toContainText('1')
    await learner.goto('/courses/kubernetes-basics/pod')
    await expect(learner.getByTestId('teacher-comments')).toContainText(text)
  }

  // the first learner fixes the Pod and passes; the second does not
  await submitSolution(first, exerciseOf('pod'))
  await expect(first.getByTestId('grade-result').locator('.verdict')).toHaveAttribute('data-passed', 'true', { timeout: 60_000 })

  // the teacher sets a due date for the Pod lesson that passed an hour ago
  await page.goto(classUrl)
  await page.getByTestId('deadlines-section').locator('summary').click()
  const due = new Date(Date.now() - 60 * 60 * 1000)
  const local = new Date(due.getTime() - due.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
  // a date-time field is picked, not typed as text: fill is what the picker hands the page
  await page.getByTestId('due-input-pod').fill(local)
  await page.getByTestId('save-deadlines').click()
  await expect(page.getByTestId('deadlines-status')).not.toBeEmpty()
  await page.reload()
  // the learner who passed after the due date is late; the one who has not passed is overdue
  const matrix = page.getByTestId('progress-matrix')
  const marks = matrix.getByTestId('deadline-mark')
  await expect(marks).toHaveCount(2)
  await expect(marks.and(page.locator('[data-deadline="late"]'))).toHaveCount(1)
  await expect(marks.and(page.locator('[data-deadline="overdue"]'))).toHaveCount(1)
  await page.screenshot({ path: 'test-results/teaching-deadlines-ko.png', fullPage: true })

  // the overdue learner's course page says what is due
  await second.goto('/courses/kubernetes-basics')
  await expect(second.getByTestId('course-deadlines')).toBeVisible()
  await expect(second.getByTestId('lesson-due-pod').first()).toHaveAttribute('data-state', 'overdue')
  await second.screenshot({ path: 'test-results/teaching-learner-due-ko.png', fullPage: true })

  await first.context().close()
  await second.context().close()
})

test('a co-teacher added by email manages the class, and loses it the moment they are removed', async ({ page, browser }) => {
  test.setTimeout(180_000)
  // a colleague with an account, made a teacher by the operator
  const colleagueContext = await browser.newContext()
  const colleague = await colleagueContext.newPage()
  const email = uniqueEmail('co-teacher')
  await colleague.goto('/signup')
  await colleague.getByLabel(/Email|이메일/).pressSequentially(email, { delay: 15 })
  await colleague.getByLabel(/Password|비밀번호/).pressSequentially('a-strong-password', { delay: 15 })
  await colleague.getByRole('button', { name: /Create account|계정 만들기/ }).click()
  await expect(colleague.getByTestId('current-role')).toBeVisible()
  await colleagueContext.close()
  expect(kubelabCli(['user', 'role', email, 'teacher']).status).toBe(0)

  await signIn(page, 'teacher@kubelab.dev')
  const name = `E2E together ${Date.now()}`
  const { url: classUrl } = await newClass(page, name)
  const teachers = page.getByTestId('co-teachers')
  await expect(teachers.getByTestId('no-co-teachers')).toBeVisible()

  // a typo is refused with the reason, and the typed address stays for fixing
  const add = teachers.getByTestId('add-co-teacher')
  const field = add.getByRole('textbox')
  await field.click()
  await page.keyboard.type(`x${email}`, { delay: 15 })
  await add.getByRole('button').click()
  await expect(add.getByRole('alert')).toContainText(/No Kubelab account|Kubelab 계정이 없습니다/)
  await expect(field).toHaveValue(`x${email}`)
  await field.press('Home')
  await page.keyboard.press('Delete')
  await add.getByRole('button').click()
  await expect(teachers.getByTestId('class-teacher')).toHaveCount(2)

  // the colleague signs in: the class is in their list as co-taught, and they manage it
  const coContext = await browser.newContext()
  const co = await coContext.newPage()
  await signIn(co, email, 'a-strong-password')
  await co.goto('/teach')
  await expect(co.getByText(name)).toBeVisible()
  await expect(co.getByText(/함께 가르치는 클래스|Co-teaching/).first()).toBeVisible()
  await co.goto(classUrl)
  const renamed = `${name} (A)`
  const rename = co.locator('form').filter({ has: co.getByRole('button', { name: /^(Rename|이름 바꾸기)$/ }) })
  await rename.getByRole('textbox').fill('')
  await rename.getByRole('textbox').pressSequentially(renamed, { delay: 15 })
  await rename.getByRole('button').click()
  await expect(co.getByRole('heading', { level: 1, name: renamed })).toBeVisible()

  // the owner removes them; their next request finds no class
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible()
  await page
    .getByTestId('co-teachers')
    .getByRole('button', { name: /제외|Remove/ })
    .click()
  await expect(page.getByTestId('co-teachers').getByTestId('class-teacher')).toHaveCount(1)
  const gone = await co.goto(classUrl)
  expect(gone?.status()).toBe(404)
  expect((await co.request.get(`/api/classes/${new URL(classUrl).pathname.split('/').pop()}/export`)).status()).toBe(404)
  await co.goto('/teach')
  await expect(co.getByText(renamed)).toHaveCount(0)
  await coContext.close()
})

for (const lang of ['ko', 'en'] as const) {
  test(`the demo class's insight reads well in ${lang === 'ko' ? 'Korean' : 'English'} on a desktop and a phone`, async ({ browser }) => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: 'http://localhost' }])
      const page = await context.newPage()
      await signIn(page, 'teacher@kubelab.dev')
      await page.setViewportSize(viewport)
      await page.goto('/teach')
      await page.getByRole('link', { name: 'Demo class' }).first().click()
      // the living demo: a dozen learners, some late, a chart with days in it
      await expect(page.getByTestId('class-summary')).toContainText(/1[2-9]|학습자 1[2-9]명/)
      await expect(page.getByTestId('deadline-mark').first()).toBeVisible()
      const phone = viewport.width < 500 ? '-phone' : ''
      await page.screenshot({ path: `test-results/teaching-class-${lang}${phone}.png`, fullPage: true })
      await page.getByTestId('open-insight').click()
      await expect(page.getByTestId('insight-exercises')).toBeVisible()
      await expect(page.getByTestId('top-mistake').first()).toBeVisible()
      await page.screenshot({ path: `test-results/teaching-exercises-${lang}${phone}.png`, fullPage: true })
      // the exercise with the most learners stuck: its mistake groups, biggest first
      await page
        .getByTestId('insight-exercise')
        .filter({ has: page.getByTestId('top-mistake') })
        .first()
        .getByRole('link')
        .first()
        .click()
      const groups = page.getByTestId('mistake-group')
      await expect(groups.first()).toBeVisible()
      const counts = await groups.getByTestId('group-count').allTextContents()
      const numbers = counts.map((c) => Number(/\d+/.exec(c)?.[0]))
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a))
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width)
      await expect(page.locator('body')).not.toContainText(/undefined|NaN|이\(가\)|을\(를\)|은\(는\)/)
      await page.screenshot({ path: `test-results/teaching-insight-${lang}${phone}.png`, fullPage: true })
      await context.close()
    }
  })
}
