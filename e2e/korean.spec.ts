import { expect, test, type Browser, type Page } from '@playwright/test'
import { e2eBaseUrl } from './config.ts'
import { signIn, uniqueEmail } from './fixtures.ts'

/**
 * The Korean interface as a teacher and a learner see it: page titles in Korean, times with 오전/오후, check
 * messages with their code rendered, and an invite link on the address people use (behind a proxy too).
 * Screenshots go to test-results/korean/ for a person to look at.
 */

const shots = 'test-results/korean'
const wrongPod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: nginx\n      image: nginx:1.25\n'

async function koreanPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'ko-KR' })
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ko', url: e2eBaseUrl }])
  return context.newPage()
}

async function typeInto(page: Page, label: RegExp, text: string) {
  await page.getByLabel(label).click()
  await page.keyboard.type(text, { delay: 30 })
}

test('a teacher and a learner in Korean: titles, times, check messages and the invite link', async ({ browser }) => {
  test.setTimeout(120_000)
  const teacher = await koreanPage(browser)
  await signIn(teacher, 'teacher@kubelab.dev')
  await teacher.goto('/teach')
  await expect(teacher).toHaveTitle('클래스 · Kubelab')
  const name = `월요일 저녁반 ${Date.now()}`
  await typeInto(teacher, /클래스 이름/, name)
  await teacher.getByRole('button', { name: '클래스 만들기' }).click()
  await expect(teacher.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(teacher).toHaveTitle(`${name} · Kubelab`)
  const code = (await teacher.getByTestId('invite-code').textContent())!.trim()
  // straight to the server: the link names the host the teacher used
  await expect(teacher.getByTestId('invite-link')).toHaveValue(`${e2eBaseUrl}/join?code=${code}`)
  const classUrl = teacher.url()

  // behind a reverse proxy the link names the public address, not the upstream (the proto is unit-tested: an
  // https proto here would make Auth.js look for its secure cookie, which a plain-http test server never set)
  await teacher.route(classUrl, (route) =>
    route.continue({
      headers: { ...route.request().headers(), 'x-forwarded-host': 'kubelab.example.org:8443', 'x-forwarded-proto': 'http' },
    }),
  )
  await teacher.goto(classUrl)
  await expect(teacher.getByTestId('invite-link')).toHaveValue(`http://kubelab.example.org:8443/join?code=${code}`)
  await teacher.unroute(classUrl)

  // a learner signs up in Korean, joins, and submits a Pod with the wrong image
  const learner = await koreanPage(browser)
  await learner.goto(`/join?code=${code}`)
  await expect(learner).toHaveTitle('클래스 참여하기 · Kubelab')
  await learner.getByRole('link', { name: '회원가입' }).last().click()
  await typeInto(learner, /^이름/, '김보라')
  await typeInto(learner, /이메일/, uniqueEmail('korean'))
  await typeInto(learner, /비밀번호/, 'password-123')
  await learner.getByRole('button', { name: '계정 만들기' }).click()
  await expect(learner).toHaveURL(/\/join\?code=/)
  await learner.getByRole('button', { name: '참여' }).click()
  await expect(learner.getByRole('status')).toContainText(`클래스 "${name}"에 참여했습니다.`)
  await learner.goto('/courses/kubernetes-basics/pod')
  await expect(learner.locator('[data-exercise-id]')).toBeVisible()
  const graded = await learner.request.post('/api/exercises/pod-first-manifest/grade', {
    data: { yaml: wrongPod },
    headers: { origin: e2eBaseUrl },
  })
  expect((await graded.json()).passed).toBe(false)

  await learner.goto('/progress')
  await expect(learner).toHaveTitle('내 진도 · Kubelab')
  const submittedAt = learner.getByRole('table').getByRole('cell').first()
  await expect(submittedAt).toHaveText(/^\d{4}\. \d{1,2}\. \d{1,2}\. (오전|오후) \d{1,2}:\d{2}$/)
  await expect(learner.getByRole('table').getByRole('link', { name: '3. Pod — 가장 작은 실행 단위' })).toBeVisible()
  await learner.screenshot({ path: `${shots}/progress-ko.png`, fullPage: true })

  // the teacher's matrix and learner page: Korean times, code in check messages rendered, no raw backticks
  await teacher.goto(classUrl)
  await expect(teacher.getByTestId('progress-matrix')).toContainText(/(오전|오후) \d{1,2}:\d{2}/)
  await expect(teacher.getByTestId('progress-matrix')).not.toContainText(/\b(AM|PM)\b/)
  await teacher.screenshot({ path: `${shots}/class-ko.png`, fullPage: true })
  await teacher.getByTestId('progress-matrix').getByRole('link', { name: '김보라' }).click()
  await expect(teacher).toHaveTitle(`김보라 · ${name} · Kubelab`)
  const failing = teacher.locator('.failing-checks')
  await expect(failing.locator('code').filter({ hasText: 'nginx:1.27' }).first()).toBeVisible()
  await expect(failing).not.toContainText('`')
  await expect(failing).toContainText('이미지가 nginx:1.27입니다.')
  await expect(teacher.locator('main')).not.toContainText(/\b(AM|PM)\b/)
  await teacher.screenshot({ path: `${shots}/learner-ko.png`, fullPage: true })

  // the class list shows its date the Korean way
  await teacher.goto('/teach')
  await expect(teacher.locator('.class-list')).toContainText(/\d{4}\. \d{1,2}\. \d{1,2}\. 생성/)
})

test('every page has a Korean title, and the Korean pages read as one voice', async ({ browser }) => {
  const page = await koreanPage(browser)
  await page.goto('/')
  await expect(page).toHaveTitle('Kubelab — 직접 돌려 보며 배우는 쿠버네티스')
  await expect(page.locator('main')).toContainText('Kubelab은 손으로 익히는 코스입니다.')
  await page.screenshot({ path: `${shots}/home-ko.png`, fullPage: true })
  await page.goto('/courses/kubernetes-basics')
  await expect(page).toHaveTitle(/^Kubernetes 기초/)
  await expect(page.locator('main')).toContainText('로그인하면 진도가 저장됩니다.')
  await page.screenshot({ path: `${shots}/course-ko.png`, fullPage: true })
  await page.goto('/no-such-page')
  await expect(page).toHaveTitle('페이지를 찾을 수 없습니다 · Kubelab')

  await signIn(page, 'author@kubelab.dev')
  await expect(page.getByTestId('current-role')).toHaveAttribute('title', /^로그인한 계정: .+\(저자\)$/)
  await page.goto('/studio')
  await expect(page).toHaveTitle('저자 스튜디오 · Kubelab')
  await expect(page.getByTestId('studio-summary')).toContainText('실습 19개 중 19개 증명됨')
  await page.screenshot({ path: `${shots}/studio-ko.png`, fullPage: true })

  const phone = await koreanPage(browser, { width: 390, height: 844 })
  await phone.goto('/')
  await phone.screenshot({ path: `${shots}/home-ko-phone.png`, fullPage: true })
  await phone.goto('/courses/kubernetes-basics')
  await phone.screenshot({ path: `${shots}/course-ko-phone.png`, fullPage: true })
})

test('an address that names a language (a shared /en/… link) switches to it and drops it from the address', async ({ page, request }) => {
  const redirect = await request.get('/en/courses/kubernetes-basics/pod?from=share', { maxRedirects: 0 })
  expect(redirect.status()).toBe(307)
  expect(redirect.headers()['location']).toBe('/courses/kubernetes-basics/pod?from=share')
  expect(redirect.headers()['set-cookie']).toMatch(/NEXT_LOCALE=en;/)
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'ko', url: e2eBaseUrl }])
  await page.goto('/en/courses/kubernetes-basics/pod')
  await expect(page).toHaveURL(/\/courses\/kubernetes-basics\/pod$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.goto('/ko')
  await expect(page).toHaveURL(`${e2eBaseUrl}/`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
})
