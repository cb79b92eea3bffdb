import { expect, test } from '@playwright/test'
import { signIn } from './fixtures.ts'

for (const [email, role] of [
  ['teacher@kubelab.dev', /Teacher|교사/],
  ['author@kubelab.dev', /Author|저자/],
] as const) {
  test(`the demo ${email.split('@')[0]} signs in and sees their role`, async ({ page }) => {
    await signIn(page, email)
    await expect(page.getByTestId('current-role')).toContainText(role)
  })
}

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/signin')
  await page.getByLabel(/Email|이메일/).pressSequentially('learner@kubelab.dev', { delay: 20 })
  await page.getByLabel(/Password|비밀번호/).pressSequentially('not-the-password', { delay: 20 })
  await page.getByRole('button', { name: /^(Sign in|로그인)$/ }).click()
  await expect(page.getByText(/Wrong email or password|이메일 또는 비밀번호가 틀렸습니다/)).toBeVisible()
  await expect(page.getByTestId('current-role')).toHaveCount(0)
})
