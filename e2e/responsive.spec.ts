/**
 * Every page at a phone's width (390×844): no horizontal scroll and nothing sticking out of the viewport, in
 * Korean and English. Pages are listed as data: add a lesson page to `pages` once its layout fits a phone.
 * Also takes pictures of the header (menu closed and open) and the sign-in page at 390 and 1280 px for review
 * (test-results/responsive/).
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { demoPassword } from '../prisma/seed.ts'
import { e2eBaseUrl } from './config.ts'
import type { Locale } from '../i18n/locales.ts'

type Role = 'learner' | 'teacher' | 'author'

interface PageToCheck {
  name: string
  /** signed in as this demo account, or a visitor */
  as?: Role
  /** a path, or how to get there from the home page (for pages whose URL holds an id) */
  open: string | ((page: Page) => Promise<void>)
}

const openDemoClass = async (page: Page) => {
  await page.goto('/teach')
  await page.locator('.class-list a', { hasText: 'Demo class' }).first().click()
  await expect(page.getByTestId('invite-code')).toBeVisible()
}

export const pages: PageToCheck[] = [
  { name: 'home', open: '/' },
  { name: 'course', open: '/courses/kubernetes-basics' },
  { name: 'sign in', open: '/signin?next=%2Fcourses%2Fkubernetes-basics%2Fpod' },
  { name: 'sign up', open: '/signup' },
  { name: 'join, signed out', open: '/join?code=ABCD-2345' },
  { name: 'course, signed in', as: 'learner', open: '/courses/kubernetes-basics' },
  { name: 'progress', as: 'learner', open: '/progress' },
  { name: 'join', as: 'learner', open: '/join' },
  { name: 'classes', as: 'teacher', open: '/teach' },
  { name: 'a class', as: 'teacher', open: openDemoClass },
  {
    name: 'a learner in a class',
    as: 'teacher',
    open: async (page) => {
      await openDemoClass(page)
      await page
        .getByTestId('progress-matrix')
        .getByRole('link', { name: /Demo Learner/ })
        .click()
      await expect(page.getByTestId('learner-submissions')).toBeVisible()
    },
  },
  { name: 'studio', as: 'author', open: '/studio' },
  {
    // a draft nobody publishes: learners never see it
    name: 'studio editor',
    as: 'author',
    open: async (page) => {
      await page.goto('/studio')
      await page
        .getByTestId('new-lesson-form')
        .getByLabel(/^(레슨 ID|Lesson id)$/)
        .fill(`phone-${Date.now().toString(36)}`)
      await page
        .getByTestId('new-lesson-form')
        .getByRole('button', { name: /레슨 만들기|Create the lesson/ })
        .click()
      await expect(page.getByTestId('studio-lesson-id')).toBeVisible()
      await expect(page.locator('.studio-monaco .monaco-editor')).toBeVisible()
    },
  },
  // lesson pages: the workspace stacked under the text (ADR 0014)
  { name: 'lesson: intro (commands)', open: '/courses/kubernetes-basics/intro' },
  { name: 'lesson: Pod', open: '/courses/kubernetes-basics/pod' },
  { name: 'lesson: Deployment', open: '/courses/kubernetes-basics/deployment' },
  { name: 'lesson: scaling (commands)', open: '/courses/kubernetes-basics/scaling' },
  { name: 'lesson: rolling update', open: '/courses/kubernetes-basics/rolling-update' },
  { name: 'lesson: Service', open: '/courses/kubernetes-basics/service' },
  { name: 'lesson: Service types', open: '/courses/kubernetes-basics/service-types' },
  { name: 'lesson: capstone', open: '/courses/kubernetes-basics/capstone' },
  { name: 'lesson: Pod, signed in', as: 'learner', open: '/courses/kubernetes-basics/pod' },
]

const phone = { width: 390, height: 844 }
const wide = { width: 1280, height: 800 }
const wrongPod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: nginx\n      image: nginx:1.25\n'

/** Elements whose box leaves the viewport sideways, except inside a container that scrolls or clips them. */
async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // what a learner can unfold counts too
    for (const details of Array.from(document.querySelectorAll('main details'))) (details as HTMLDetailsElement).open = true
    const width = document.documentElement.clientWidth
    const clips = (el: Element) => {
      const style = getComputedStyle(el)
      return style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.clip !== 'auto' || style.clipPath !== 'none'
    }
    const found: string[] = []
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const rect = el.getBoundingClientRect()
      if (rect.width === 0 || rect.height === 0 || !el.checkVisibility()) continue
      if (rect.right <= 0) continue // moved off-screen on purpose (the skip link until it is focused)
      if (rect.left >= -0.5 && rect.right <= width + 0.5) continue
      let parent = el.parentElement
      let clipped = false
      while (parent && parent !== document.body) {
        if (clips(parent)) {
          clipped = true
          break
        }
        parent = parent.parentElement
      }
      if (clipped) continue
      const text = (el.textContent ?? '').trim().slice(0, 40)
      found.push(
        `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} [${Math.round(rect.left)}, ${Math.round(rect.right)}] "${text}"`,
      )
    }
    return found
  })
}

/** Signs in through the form; on a phone the signed-in badge is inside the closed menu, so it is only attached. */
async function signIn(page: Page, email: string) {
  await page.goto('/signin')
  await page.getByLabel(/Email|이메일/).pressSequentially(email, { delay: 20 })
  await page.getByLabel(/Password|비밀번호/).pressSequentially(demoPassword, { delay: 20 })
  await page.getByRole('button', { name: /^(Sign in|로그인)$/ }).click()
  await expect(page.getByTestId('current-role')).toBeAttached()
}

async function contextFor(browser: Browser, lang: Locale, viewport = phone, colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ viewport, locale: lang === 'ko' ? 'ko-KR' : 'en-US', colorScheme })
  await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: 'http://localhost' }])
  return context
}

/** What axe finds on the page as it is now, at any impact (none is expected). */
async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function expectNoSidewaysOverflow(page: Page, what: string) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(phone.width)
  expect(await overflowingElements(page), `${what}: elements outside the viewport`).toEqual([])
}

test.beforeAll(async ({ browser }) => {
  // the demo learner has a failed submission, so the teacher's learner page shows submitted YAML
  const context = await contextFor(browser, 'en', wide)
  const page = await context.newPage()
  await signIn(page, 'learner@kubelab.dev')
  const graded = await page.request.post('/api/exercises/pod-first-manifest/grade', {
    data: { yaml: wrongPod },
    headers: { origin: e2eBaseUrl },
  })
  expect(graded.ok()).toBe(true)
  await context.close()
})

for (const lang of ['ko', 'en'] as const) {
  for (const role of [undefined, 'learner', 'teacher', 'author'] as const) {
    const group = pages.filter((p) => p.as === role)
    if (group.length === 0) continue
    test(`${lang}: ${role ?? 'visitor'} pages fit a 390 px phone`, async ({ browser }) => {
      // every page of the group with axe and the menu opened and closed: a visitor's dozen pages take over a minute
      // on two busy cores
      test.setTimeout(300_000)
      const context = await contextFor(browser, lang)
      const page = await context.newPage()
      if (role) await signIn(page, `${role}@kubelab.dev`)
      for (const entry of group) {
        if (typeof entry.open === 'string') await page.goto(entry.open)
        else await entry.open(page)
        await expect(page.locator('h1').first()).toBeVisible()
        await expectNoSidewaysOverflow(page, `${entry.name} (${lang})`)
        // axe on every page: in Korean here at 390 px, in English at 1280 px below
        if (lang === 'ko') expect(await accessibilityViolations(page), `${entry.name} (${lang}, 390 px)`).toEqual([])
        if (entry.name.startsWith('lesson')) {
          // no empty height under a lesson: visually-hidden text stays in its column
          const extra = await page.evaluate(
            () =>
              document.documentElement.scrollHeight -
              (document.querySelector('.lesson-layout')!.getBoundingClientRect().bottom + window.scrollY),
          )
          expect(extra, `${entry.name} (${lang}): empty height under the lesson`).toBeLessThanOrEqual(2)
        }
        await page.screenshot({ path: `test-results/responsive/pages/${lang}-${entry.name.replace(/\W+/g, '-')}.png`, fullPage: true })
        // the header is one row with the menu button; opened, the menu fits too
        const header = page.locator('.site-header')
        expect((await header.boundingBox())!.height).toBeLessThan(64)
        await page.getByTestId('menu-button').click()
        await expect(page.locator('#site-menu')).toBeVisible()
        await expectNoSidewaysOverflow(page, `${entry.name} with the menu open (${lang})`)
        await page.keyboard.press('Escape')
        await expect(page.locator('#site-menu')).toBeHidden()
      }
      await context.close()
    })
  }
}

for (const role of [undefined, 'learner', 'teacher', 'author'] as const) {
  const group = pages.filter((p) => p.as === role)
  if (group.length === 0) continue
  test(`en: ${role ?? 'visitor'} pages at 1280 px have nothing axe finds`, async ({ browser }) => {
    const context = await contextFor(browser, 'en', wide)
    const page = await context.newPage()
    if (role) await signIn(page, `${role}@kubelab.dev`)
    for (const entry of group) {
      if (typeof entry.open === 'string') await page.goto(entry.open)
      else await entry.open(page)
      await expect(page.locator('h1').first()).toBeVisible()
      expect(await accessibilityViolations(page), `${entry.name} (en, 1280 px)`).toEqual([])
    }
    await context.close()
  })
}

test('the phone menu is a disclosure: named button, aria-expanded, Escape and Tab close it, focus returns', async ({ browser }) => {
  const context = await contextFor(browser, 'en')
  const page = await context.newPage()
  await page.goto('/courses/kubernetes-basics')
  const button = page.getByRole('button', { name: 'Menu' })
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
  // keyboard only: focus the button, open with Enter, walk the menu with Tab
  await button.focus()
  await page.keyboard.press('Enter')
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await page.keyboard.press('Tab')
  const courseLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Course' })
  await expect(courseLink).toBeFocused()
  await expect(courseLink).toHaveAttribute('aria-current', 'page')
  await page.keyboard.press('Escape')
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await expect(button).toBeFocused()
  // Space opens it too; tabbing past its last item closes it
  await page.keyboard.press('Space')
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  const items = await page.locator('#site-menu').locator('a, button, select').count()
  for (let i = 0; i < items + 1; i++) await page.keyboard.press('Tab')
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  // a link inside it navigates and closes it
  await button.click()
  await page.getByRole('link', { name: 'Sign up' }).click()
  await expect(page).toHaveURL(/\/signup$/) // the course page is where sign-up leads anyway
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await context.close()
})

test('pictures of the header and the sign-in page, 390 and 1280 px, Korean and English', async ({ browser }) => {
  for (const lang of ['ko', 'en'] as const) {
    for (const [size, viewport] of [
      ['390', phone],
      ['1280', wide],
    ] as const) {
      for (const theme of ['light', 'dark'] as const) {
        const context = await contextFor(browser, lang, viewport, theme)
        const page = await context.newPage()
        await page.goto('/signin?next=%2Fcourses%2Fkubernetes-basics%2Fpod')
        await expect(page.locator('h1')).toHaveText(lang === 'ko' ? '로그인' : 'Sign in')
        await expect(page).toHaveTitle(lang === 'ko' ? /^로그인 · Kubelab$/ : /^Sign in · Kubelab$/)
        await page.screenshot({ path: `test-results/responsive/signin-${lang}-${size}-${theme}.png` })
        await signIn(page, 'teacher@kubelab.dev')
        await page.goto('/teach')
        await page.screenshot({
          path: `test-results/responsive/header-${lang}-${size}-${theme}-closed.png`,
          clip: { x: 0, y: 0, width: viewport.width, height: Math.min(viewport.height, 480) },
        })
        if (size === '390') {
          await page.getByTestId('menu-button').click()
          await expect(page.locator('#site-menu')).toBeVisible()
          await page.screenshot({ path: `test-results/responsive/header-${lang}-${size}-${theme}-open.png` })
        }
        await context.close()
      }
    }
  }
})
