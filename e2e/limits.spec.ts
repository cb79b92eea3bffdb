/**
 * Abuse limits and the paged learner page (ADR 0015), in a browser: the right password after five wrong ones is
 * refused with the wait, in English and in Korean (an unknown email gets the same answer), and a teacher reads a
 * learner's many submissions a page at a time, each cut to a preview that opens whole.
 */
import { expect, test, type Browser, type Page } from '@playwright/test'
import { signIn, uniqueEmail } from './fixtures.ts'
import { e2eBaseUrl } from './config.ts'

const shots = 'test-results/limits'

async function contextPage(
  browser: Browser,
  lang: 'ko' | 'en',
  viewport = { width: 1280, height: 800 },
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: lang === 'ko' ? 'ko-KR' : 'en-US', colorScheme })
  await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: e2eBaseUrl }])
  return context.newPage()
}

async function typeInto(page: Page, label: RegExp, text: string) {
  await page.getByLabel(label).click()
  await page.keyboard.type(text, { delay: 30 })
}

async function signUpTyping(page: Page, email: string, password: string) {
  await page.goto('/signup')
  await typeInto(page, /^(Email|이메일)/, email)
  await typeInto(page, /^(Password|비밀번호)/, password)
  await page.getByRole('button', { name: /Create account|계정 만들기/ }).click()
  await expect(page.getByTestId('current-role')).toBeVisible()
}

/** Five wrong passwords through the sign-in form, as a person would type them. */
async function failFiveTimes(page: Page, email: string) {
  await page.goto('/signin')
  await typeInto(page, /^(Email|이메일)/, email)
  for (let i = 1; i <= 5; i++) {
    await typeInto(page, /^(Password|비밀번호)/, `wrong-password-${i}`)
    await page.getByRole('button', { name: /^(Sign in|로그인)$/ }).click()
    // the answer came back when the form was reset (the alert of the previous try is still on screen before that)
    await expect(page.getByLabel(/^(Password|비밀번호)/)).toHaveValue('')
    await expect(page.getByTestId('signin-form').getByRole('alert')).toContainText(
      /Wrong email or password|이메일 또는 비밀번호가 틀렸습니다/,
    )
    await expect(page.getByLabel(/^(Email|이메일)/)).toHaveValue(email) // kept for the next try
  }
}

test('after five wrong passwords the right one waits, with the wait said in English', async ({ browser }) => {
  test.setTimeout(120_000)
  const email = uniqueEmail('throttled')
  const owner = await contextPage(browser, 'en')
  await signUpTyping(owner, email, 'the-right-password')
  await owner.context().close()

  const page = await contextPage(browser, 'en')
  await failFiveTimes(page, email)
  await typeInto(page, /^Password/, 'the-right-password')
  await page.getByRole('button', { name: /^Sign in$/ }).click()
  await expect(page.getByTestId('signin-form').getByRole('alert')).toHaveText(
    /^Too many attempts to sign in\. Wait (2\d|30) seconds, then try again\.$/,
  ) // 30 s from the fifth failure
  await expect(page.getByTestId('current-role')).toHaveCount(0)
  await page.screenshot({ path: `${shots}/signin-throttled-en.png` })
  // the credentials endpoint itself answers 429 with Retry-After
  const csrf = (await (await page.request.get('/api/auth/csrf')).json()).csrfToken as string
  const direct = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken: csrf, email, password: 'the-right-password' },
    maxRedirects: 0,
  })
  expect(direct.status()).toBe(429)
  expect(Number(direct.headers()['retry-after'])).toBeGreaterThan(0)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: `${shots}/signin-throttled-en-phone.png` })
  await page.context().close()
})

test('an unknown email gets the same answer, in Korean', async ({ browser }) => {
  test.setTimeout(120_000)
  const page = await contextPage(browser, 'ko', { width: 390, height: 844 }, 'dark')
  const nobody = uniqueEmail('nobody')
  await failFiveTimes(page, nobody)
  await typeInto(page, /^비밀번호/, 'anything-at-all')
  await page.getByRole('button', { name: /^로그인$/ }).click()
  await expect(page.getByTestId('signin-form').getByRole('alert')).toHaveText(
    /^로그인 시도가 너무 많습니다\. (2\d|30)초 뒤에 다시 시도하세요\.$/,
  )
  await page.screenshot({ path: `${shots}/signin-throttled-ko-phone-dark.png` })
  await page.context().close()
})

test('a teacher reads a learner’s many submissions a page at a time, and opens a long one whole', async ({ browser }) => {
  test.setTimeout(180_000)
  const teacher = await contextPage(browser, 'en')
  await signIn(teacher, 'teacher@kubelab.dev')
  await teacher.goto('/teach')
  await teacher.getByRole('link', { name: 'Demo class' }).first().click()
  const code = (await teacher.getByTestId('invite-code').textContent())!.trim()
  const classId = new URL(teacher.url()).pathname.split('/').pop()!

  const learner = await contextPage(browser, 'en')
  await signUpTyping(learner, uniqueEmail('many-submissions'), 'a-strong-password')
  await learner.goto(`/join?code=${encodeURIComponent(code)}`)
  await learner.getByRole('button', { name: /^Join$/ }).click()
  await expect(learner.getByRole('status')).toContainText('Demo class')
  const userId = (await (await learner.request.get('/api/auth/session')).json()).user.id as string
  const pod = (image: string, extra = '') =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: nginx\n      image: ${image}\n${extra}`
  const longTail = Array.from({ length: 60 }, (_, i) => `# note ${i + 1}`).join('\n') + '\n'
  for (let i = 1; i <= 12; i++) {
    const yaml = i === 12 ? pod('nginx:1.25', longTail) : pod(`nginx:1.${i}`)
    const graded = await learner.request.post('/api/exercises/pod-first-manifest/grade', {
      data: { yaml, lang: 'en' },
      headers: { origin: e2eBaseUrl },
    })
    expect(graded.status()).toBe(200)
  }
  await learner.context().close()

  await teacher.goto(`/teach/${classId}/learners/${userId}`)
  await expect(teacher.getByTestId('submissions-range')).toHaveText('Submissions 1–10 of 12, newest first')
  const list = teacher.getByTestId('learner-submissions')
  await expect(list.locator(':scope > li')).toHaveCount(10)
  // the newest, 69 lines long, opens with its first 40 lines and a link to the whole
  await expect(list.locator(':scope > li').first().getByTestId('source-cut')).toContainText('The first 40 lines of 69.')
  await expect(list.locator(':scope > li').first().locator('.source-line')).toHaveCount(40)
  await teacher.screenshot({ path: `${shots}/learner-page-1-en.png`, fullPage: true })
  await teacher.getByRole('link', { name: /Older/ }).first().click()
  await expect(teacher).toHaveURL(/\?page=2$/)
  await expect(teacher.getByTestId('submissions-range')).toHaveText('Submissions 11–12 of 12, newest first')
  await expect(list.locator(':scope > li')).toHaveCount(2)
  await expect(teacher.getByRole('link', { name: /Older/ })).toHaveCount(0)
  await teacher.getByRole('link', { name: /Newer/ }).first().click()
  await expect(teacher).not.toHaveURL(/page=/)
  await list.locator(':scope > li').first().getByRole('link', { name: 'Open the whole submission' }).click()
  await expect(teacher.getByRole('heading', { level: 1 })).toContainText('Submission of')
  await expect(teacher.locator('.source-line')).toHaveCount(69)
  expect(await teacher.locator('.source-line[data-failing]').count()).toBeGreaterThan(0) // the lines failed checks named
  await teacher.screenshot({ path: `${shots}/submission-whole-en.png` })

  // in Korean on a phone
  await teacher.context().addCookies([{ name: 'NEXT_LOCALE', value: 'ko', url: e2eBaseUrl }])
  await teacher.setViewportSize({ width: 390, height: 844 })
  await teacher.goto(`/teach/${classId}/learners/${userId}?page=1`)
  await expect(teacher.getByTestId('submissions-range')).toHaveText('제출 기록 12개 중 1–10번째, 최근 것부터')
  await expect(teacher.getByText('2쪽 중 1쪽').first()).toBeVisible()
  const width = await teacher.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(390)
  await teacher.screenshot({ path: `${shots}/learner-page-ko-phone.png`, fullPage: true })
  await teacher.context().close()
})
