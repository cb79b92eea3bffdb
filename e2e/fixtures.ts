import { expect, type Page } from '@playwright/test'

import { demoPassword } from '../prisma/seed.ts'

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/signin')
  await page.getByLabel(/Email|이메일/).fill(email)
  await page.getByLabel(/Password|비밀번호/).fill(password)
  await page.getByRole('button', { name: /^(Sign in|로그인)$/ }).click()
  await expect(page.getByTestId('current-role')).toBeVisible()
}

/**
 * Replaces the Monaco editor's text, typing it line by line as a learner would. Monaco indents each new line
 * for us; selecting that indentation first (Shift+Home) and typing over it keeps the YAML exactly as written.
 */
export async function typeIntoEditor(page: Page, text: string): Promise<void> {
  const editor = page.locator('.monaco-editor').first()
  await expect(editor).toBeVisible()
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  const lines = text.replace(/\n$/, '').split('\n')
  for (const [index, line] of lines.entries()) {
    if (index > 0) {
      // Let the completion list open (it is asynchronous), then close it, or Enter would accept a suggestion.
      await page.waitForTimeout(120)
      await page.keyboard.press('Escape')
      await page.keyboard.press('Enter')
    }
    await page.keyboard.press('Shift+Home')
    await page.keyboard.press('Shift+Home')
    await page.keyboard.insertText(line)
  }
  await page.waitForTimeout(120)
  await page.keyboard.press('Escape')
  const expected = lines.join('\n')
  const exerciseId = await page.locator('[data-exercise-id]').getAttribute('data-exercise-id')
  await expect.poll(() => page.evaluate((id) => localStorage.getItem(`kubelab:draft:${id}`), exerciseId)).toBe(expected)
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`
}

/** Types commands into the workspace's kubectl terminal, waiting for each prompt to come back. */
export async function typeInTerminal(page: Page, commands: string[]): Promise<void> {
  await page.getByTestId('tab-terminal').click()
  const terminal = page.getByTestId('terminal').locator('.xterm')
  await expect(terminal).toBeVisible()
  await terminal.click()
  for (const command of commands) {
    await page.keyboard.type(command)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('terminal').locator('.xterm-rows')).toContainText(command.slice(0, 40))
  }
}

/** Submits an exercise's reference solution the way a learner would: typed into the workspace. */
export async function submitSolution(page: Page, exercise: { kind: 'manifest' | 'command'; solution: string }): Promise<void> {
  if (exercise.kind === 'manifest') await typeIntoEditor(page, exercise.solution)
  else {
    const commands = exercise.solution.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    await typeInTerminal(page, commands)
    await expect(page.getByText(new RegExp(`(${commands.length} commands? typed|입력한 명령 ${commands.length}개)`))).toBeVisible()
  }
  await page.getByTestId('submit').click()
}
