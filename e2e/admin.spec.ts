/**
 * Administration end to end: the first admin is made on the command line, signs in, makes a teacher (by a role
 * change) and an author (by an invitation link) in /admin; the teacher runs a class until the admin demotes
 * them, and the teacher's very next request to the class is refused; the audit log lists every step. Then a
 * password reset link and a disabled account; axe and pictures of the admin pages.
 */
import { spawnSync } from 'node:child_process'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import { e2eDatabaseUrl } from './config.ts'
import { uniqueEmail } from './fixtures.ts'

const shots = 'test-results/admin'
const typing = { delay: 25 }

/** Types into a field as a person would: click, then the keys one by one. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click()
  await field.press('ControlOrMeta+A')
  await field.press('Backspace')
  await field.pressSequentially(text, typing)
}

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin')
  await typeInto(page.getByLabel(/^(Email|이메일)$/), email)
  await typeInto(page.getByLabel(/^(Password|비밀번호)$/), password)
  await page.getByRole('button', { name: /^(Sign in|로그인)$/ }).click()
  await expect(page.getByTestId('current-role')).toBeAttached()
}

async function signUpAs(page: Page, name: string, email: string, password: string): Promise<void> {
  await typeInto(page.getByLabel(/^(Name|이름)$/), name)
  await typeInto(page.getByLabel(/^(Email|이메일)$/), email)
  await typeInto(page.getByLabel(/^(Password|비밀번호)$/), password)
  await page.getByRole('button', { name: /Create account|계정 만들기/ }).click()
  await expect(page.getByTestId('current-role')).toBeAttached()
}

/** `kubelab user add` as an operator would run it on the server, with the e2e database. */
function kubelabCli(args: string[], input?: string) {
  return spawnSync('npx', ['tsx', 'bin/kubelab.ts', ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl },
  })
}

async function englishContext(browser: Browser) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } })
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: 'http://localhost' }])
  return context
}

/** A page as a Korean visitor on a phone sees it, for review (nothing is changed: only looked at). */
async function pictureOnAPhoneInKorean(browser: Browser, path: string, heading: string, name: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ko-KR' })
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ko', url: 'http://localhost' }])
  const page = await context.newPage()
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  expect(await seriousAxeViolations(page)).toEqual([])
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
  await context.close()
}

const userRow = (page: Page, email: string) => page.getByTestId('admin-users').locator(`li[data-email="${email}"]`)

async function findUser(page: Page, email: string): Promise<Locator> {
  await page.goto('/admin')
  await typeInto(page.getByRole('searchbox', { name: 'Email or name' }), email)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByTestId('user-count')).toHaveText('1 account')
  return userRow(page, email)
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

const stamp = Date.now().toString(36)
const adminEmail = `principal-${stamp}@school.example`
const adminPassword = 'principal password 1'

test.describe.configure({ mode: 'serial' })

test('the first admin from the command line makes a teacher and an author; demoting the teacher refuses their next request; the audit log lists it all', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  const made = kubelabCli(
    ['user', 'add', adminEmail, '--role', 'admin', '--name', 'Principal Park', '--password-stdin'],
    `${adminPassword}\n`,
  )
  expect(made.stderr).toBe('')
  expect(made.status).toBe(0)
  expect(made.stdout).toContain(`Created admin ${adminEmail}.`)

  const adminContext = await englishContext(browser)
  const admin = await adminContext.newPage()
  await signInAs(admin, adminEmail, adminPassword)
  await expect(admin.getByTestId('current-role')).toContainText('Admin')
  await admin.getByRole('link', { name: 'Admin', exact: true }).click()
  await expect(admin.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible()

  // a learner signs up; the admin finds her and makes her a teacher
  const teacherEmail = uniqueEmail('kim-teacher')
  const teacherContext = await englishContext(browser)
  const teacher = await teacherContext.newPage()
  await teacher.goto('/signup')
  await signUpAs(teacher, 'Kim Jiwoo', teacherEmail, 'kim password 123')
  await expect(teacher.getByTestId('current-role')).toContainText('Learner')

  const row = await findUser(admin, teacherEmail)
  await row.getByRole('combobox', { name: 'Role of Kim Jiwoo' }).selectOption('teacher')
  await row.getByRole('button', { name: 'Change role' }).click()
  await expect(row.getByRole('status')).toHaveText('Role changed.')
  await expect(row.locator('.tag[data-role="teacher"]')).toBeVisible()

  // her session picks the role up at once: no signing out and in
  await teacher.reload()
  await expect(teacher.getByTestId('current-role')).toContainText('Teacher')
  await teacher.getByRole('link', { name: 'Classes', exact: true }).click()
  const className = `Monday group ${stamp}`
  await typeInto(teacher.getByLabel('Class name'), className)
  await teacher.getByRole('button', { name: 'Create class' }).click()
  await expect(teacher.getByRole('heading', { level: 1, name: className })).toBeVisible()
  const classUrl = teacher.url()
  const classId = new URL(classUrl).pathname.split('/').pop()!
  // a second class, archived: the archive is audited too
  await teacher.goto('/teach')
  await typeInto(teacher.getByLabel('Class name'), `Old group ${stamp}`)
  await teacher.getByRole('button', { name: 'Create class' }).click()
  await expect(teacher.getByRole('heading', { level: 1, name: `Old group ${stamp}` })).toBeVisible()
  await teacher.getByText('Archive this class').click()
  await teacher.getByRole('button', { name: 'Archive class' }).click()
  await expect(teacher).toHaveURL(/\/teach$/)

  // an author by invitation: the admin makes a link, someone new opens it, creates an account and accepts
  await admin.getByRole('link', { name: 'Invitations' }).click()
  await expect(admin.getByRole('heading', { level: 2, name: 'New invitation' })).toBeVisible()
  await admin.getByLabel('Role', { exact: true }).selectOption('author')
  await typeInto(admin.getByLabel('Valid for (days)'), '3')
  await typeInto(admin.getByLabel('For whom'), 'Lee the author')
  await admin.getByRole('button', { name: 'Create invitation link' }).click()
  const link = await admin.getByTestId('invitation-link').inputValue()
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/)
  await admin.reload()
  await expect(admin.getByTestId('admin-invitations').locator('li').first()).toContainText(/Author\s*Lee the author/)
  await expect(admin.getByTestId('admin-invitations').locator('li').first()).toContainText('Open until')
  await expect(admin.getByTestId('invitation-link')).toHaveCount(0) // shown once

  const authorContext = await englishContext(browser)
  const author = await authorContext.newPage()
  await author.goto(new URL(link).pathname)
  await expect(author.getByRole('heading', { level: 1, name: 'Invitation: Author' })).toBeVisible()
  await author.screenshot({ path: `${shots}/invite-en-desktop.png` })
  await pictureOnAPhoneInKorean(browser, new URL(link).pathname, 'Kubelab 초대: 저자', 'invite-ko-phone')
  await author.getByRole('link', { name: 'Create an account' }).click()
  const authorEmail = uniqueEmail('lee-author')
  await signUpAs(author, 'Lee Author', authorEmail, 'lee password 123')
  await expect(author).toHaveURL(new URL(link).pathname)
  await expect(author.getByText("Accepting changes this account's role: Learner → Author.")).toBeVisible()
  await author.screenshot({ path: `${shots}/invite-accept-en-desktop.png` })
  await author.getByRole('button', { name: 'Accept invitation' }).click()
  await expect(author).toHaveURL(/\/studio$/)
  await expect(author.getByTestId('current-role')).toContainText('Author')
  await expect(author.getByTestId('studio-summary')).toBeVisible()
  // the link works once
  await author.goto(new URL(link).pathname)
  await expect(author.getByTestId('invitation-invalid')).toBeVisible()

  // the admin demotes the teacher; her next request to the class is refused
  const again = await findUser(admin, teacherEmail)
  await again.getByRole('combobox', { name: 'Role of Kim Jiwoo' }).selectOption('learner')
  await again.getByRole('button', { name: 'Change role' }).click()
  await expect(again.getByRole('status')).toHaveText('Role changed.')
  const refused = await teacher.goto(classUrl)
  expect(refused?.status()).toBe(403)
  await expect(teacher.getByTestId('forbidden-page')).toBeVisible()
  await expect(teacher.getByTestId('current-role')).toContainText('Learner')
  expect((await teacher.request.get(`/api/classes/${classId}/export`)).status()).toBe(403)

  // the audit log: newest first, each step with who, what and whom
  await admin.getByRole('link', { name: 'Audit log' }).click()
  await expect(admin).toHaveURL(/\/admin\/audit$/)
  const log = admin.getByTestId('audit-log')
  const entries = log.locator('li')
  await expect(entries.first()).toContainText(`${adminEmail}`)
  await expect(entries.first()).toContainText(`Role changed · ${teacherEmail} · Teacher → Learner`)
  await expect(log.locator('li[data-action="invitation.accepted"]').first()).toContainText(`${authorEmail}`)
  await expect(log.locator('li[data-action="invitation.accepted"]').first()).toContainText('Invitation accepted')
  await expect(log.locator('li[data-action="invitation.accepted"]').first()).toContainText('Learner → Author')
  await expect(log.locator('li[data-action="invitation.created"]').first()).toContainText(
    'Invitation made · Lee the author · Author, valid 3 days',
  )
  await expect(log.locator('li[data-action="class.archived"]').first()).toContainText(`Class archived · class “Old group ${stamp}”`)
  await expect(log.locator('li[data-action="class.archived"]').first()).toContainText(teacherEmail)
  await expect(log.getByText(`Role changed · ${teacherEmail} · Learner → Teacher`)).toBeVisible()
  const created = log.locator('li[data-action="user.created"]', { hasText: adminEmail })
  await expect(created).toContainText('Command line')
  await expect(created).toContainText('Account created')
  // newest first: the demotion comes before the invitation, which comes before the promotion
  const order = await entries.evaluateAll((items) => items.map((li) => `${li.getAttribute('data-action')} ${li.textContent}`))
  const at = (needle: string) => order.findIndex((text) => text.includes(needle))
  expect(at('Teacher → Learner')).toBeLessThan(at('invitation.accepted'))
  expect(at('invitation.accepted')).toBeLessThan(at('invitation.created'))
  expect(at('invitation.created')).toBeLessThan(at('Learner → Teacher'))
  expect(await admin.locator('time').first().textContent()).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M$/)

  for (const context of [adminContext, teacherContext, authorContext]) await context.close()
})

test('a password reset link sets a new password once and ends the open sessions; a disabled account is signed out at once', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const adminContext = await englishContext(browser)
  const admin = await adminContext.newPage()
  await signInAs(admin, adminEmail, adminPassword)

  const userContext = await englishContext(browser)
  const user = await userContext.newPage()
  const email = uniqueEmail('forgetful')
  await user.goto('/signup')
  await signUpAs(user, 'Forgetful Choi', email, 'first password 1')

  const row = await findUser(admin, email)
  await row.getByRole('button', { name: 'Make a password reset link for Forgetful Choi' }).click()
  const resetLink = await row.getByTestId('reset-link').inputValue()
  await expect(row.getByText(`Give this link to ${email}.`)).toBeVisible()

  const resetContext = await englishContext(browser)
  const reset = await resetContext.newPage()
  await reset.goto(new URL(resetLink).pathname)
  await expect(reset.getByText(`For ${email}.`)).toBeVisible()
  await reset.screenshot({ path: `${shots}/reset-en-desktop.png` })
  await pictureOnAPhoneInKorean(browser, new URL(resetLink).pathname, '새 비밀번호 정하기', 'reset-ko-phone')
  await typeInto(reset.getByLabel('New password', { exact: true }), 'short')
  await reset.getByRole('button', { name: 'Set password' }).click()
  expect(await reset.getByLabel('New password', { exact: true }).evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(false) // the browser asks for 8 characters first
  await typeInto(reset.getByLabel('New password', { exact: true }), 'second password 2')
  await reset.getByRole('button', { name: 'Set password' }).click()
  await expect(reset.getByTestId('reset-done')).toBeVisible()
  // the session that was open before the reset has ended; the new password works, the link does not any more
  await user.goto('/progress')
  await expect(user).toHaveURL(/\/signin\?next=(%2F|\/)progress$/)
  await signInAs(user, email, 'second password 2')
  await reset.goto(new URL(resetLink).pathname)
  await expect(reset.getByTestId('reset-invalid')).toBeVisible()

  // disabled: the open session ends on the next request, and signing in is refused
  const disabled = await findUser(admin, email)
  await disabled.getByRole('button', { name: 'Disable Forgetful Choi' }).click()
  await expect(disabled.getByRole('status')).toContainText('Account disabled')
  await expect(disabled).toHaveAttribute('data-state', 'disabled')
  await user.goto('/progress')
  await expect(user).toHaveURL(/\/signin\?next=(%2F|\/)progress$/)
  await user.getByLabel('Email').pressSequentially(email, typing)
  await user.getByLabel('Password').pressSequentially('second password 2', typing)
  await user.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(user.getByText('Wrong email or password.')).toBeVisible()
  await disabled.getByRole('button', { name: 'Enable Forgetful Choi' }).click()
  await expect(disabled.getByRole('status')).toContainText('Account enabled')

  for (const context of [adminContext, userContext, resetContext]) await context.close()
})

test('the last active admin cannot demote or disable themselves, and is told why', async ({ browser }) => {
  // every other admin in the e2e database is disabled for this test and enabled again after it
  const context = await englishContext(browser)
  const page = await context.newPage()
  await signInAs(page, adminEmail, adminPassword)
  const others = kubelabCli(['user', 'list', '--role', 'admin', '--json'])
  const otherAdmins = (JSON.parse(others.stdout) as { users: { email: string; disabled: boolean }[] }).users.filter(
    (u) => u.email !== adminEmail && !u.disabled,
  )
  for (const u of otherAdmins) expect(kubelabCli(['user', 'disable', u.email]).status).toBe(0)
  try {
    const me = await findUser(page, adminEmail)
    await me.getByRole('combobox', { name: 'Role of Principal Park' }).selectOption('teacher')
    await me.getByRole('button', { name: 'Change role' }).click()
    await expect(me.getByRole('alert')).toHaveText('This is the last active admin. Make another account an admin first.')
    await me.getByRole('button', { name: 'Disable Principal Park' }).click()
    await expect(me.getByRole('alert').last()).toHaveText('This is the last active admin. Make another account an admin first.')
    await page.reload()
    await expect(page.getByTestId('current-role')).toContainText('Admin')
  } finally {
    for (const u of otherAdmins) kubelabCli(['user', 'enable', u.email])
  }
  await context.close()
})

test('the admin pages: no serious accessibility problems, no sideways scroll on a phone; pictures in both languages', async ({
  browser,
}) => {
  test.setTimeout(300_000)
  for (const lang of ['en', 'ko'] as const) {
    for (const [size, viewport] of [
      ['desktop', { width: 1280, height: 800 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      for (const colorScheme of size === 'desktop' ? (['light', 'dark'] as const) : (['light'] as const)) {
        const context = await browser.newContext({ viewport, locale: lang === 'ko' ? 'ko-KR' : 'en-US', colorScheme })
        await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: 'http://localhost' }])
        const page = await context.newPage()
        await page.goto('/signin')
        await page.getByLabel(/^(Email|이메일)$/).pressSequentially(adminEmail, typing)
        await page.getByLabel(/^(Password|비밀번호)$/).pressSequentially(adminPassword, typing)
        await page.getByRole('button', { name: /^(Sign in|로그인)$/ }).click()
        await expect(page.getByTestId('current-role')).toBeAttached()
        for (const [name, path] of [
          ['users', '/admin?q=kim'],
          ['invitations', '/admin/invitations'],
          ['audit', '/admin/audit'],
        ] as const) {
          await page.goto(path)
          await expect(page.locator('.admin-tabs')).toBeVisible()
          if (name === 'users') {
            // a reset link on show, as an admin sees it after the click
            await page
              .getByTestId('admin-users')
              .locator('li')
              .first()
              .getByRole('button', { name: /password reset link|비밀번호 재설정 링크/i })
              .click()
            await expect(page.getByTestId('reset-link')).toBeVisible()
          }
          if (size === 'phone') {
            const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
            expect(scrollWidth, `${lang} ${name}: the page scrolls sideways`).toBeLessThanOrEqual(viewport.width)
          }
          if (colorScheme === 'light') expect(await seriousAxeViolations(page), `${lang} ${size} ${name}`).toEqual([])
          await page.screenshot({ path: `${shots}/${name}-${lang}-${size}-${colorScheme}.png`, fullPage: size === 'phone' })
        }
        await context.close()
      }
    }
  }
})
