import { expect, type Page } from '@playwright/test'

import { demoPassword } from '../prisma/seed.ts'
import { quizOf } from './course-content.ts'

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/signin')
  await page.getByLabel(/Email|이메일/).pressSequentially(email, { delay: 20 })
  await page.getByLabel(/Password|비밀번호/).pressSequentially(password, { delay: 20 })
  await page.getByRole('button', { name: /^(Sign in|로그인)$/ }).click()
  await expect(page.getByTestId('current-role')).toBeVisible()
}

/**
 * Human typing: keys a few at a time with pauses of 25–70 ms that vary but repeat run to run (a seeded
 * sequence), so a failure can be replayed. Playwright's `delay` holds each key down that long, as a person does.
 */
export class Typist {
  private state: number
  constructor(seed = 1) {
    this.state = seed >>> 0 || 1
  }
  /** xorshift32: deterministic, no dependency */
  private next(): number {
    let x = this.state
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    this.state = x >>> 0
    return this.state / 0x1_0000_0000
  }
  delay(): number {
    return 25 + Math.floor(this.next() * 46)
  }
  async type(page: Page, text: string): Promise<void> {
    let i = 0
    while (i < text.length) {
      const size = 1 + Math.floor(this.next() * 4)
      await page.keyboard.type(text.slice(i, i + size), { delay: this.delay() })
      i += size
    }
  }
}

const suggestWidget = (page: Page) => page.locator('.monaco-editor .suggest-widget.visible')

/**
 * Ends the current line and starts the next as a person does in Monaco: glance, close the completion list if it
 * is open (Enter would accept a suggestion), press Enter, then select the indentation Monaco offers and type the
 * next line's own indentation over it.
 */
async function newLine(page: Page, typist: Typist): Promise<void> {
  await page.waitForTimeout(typist.delay() + 30)
  await page.keyboard.press('Escape')
  await expect(suggestWidget(page)).toHaveCount(0)
  await page.keyboard.press('Enter', { delay: typist.delay() })
  await page.keyboard.press('Shift+Home')
}

/** Types lines at the cursor: the first on the current line, each next one after Enter. */
export async function typeLines(page: Page, lines: string[], typist = new Typist()): Promise<void> {
  for (const [index, line] of lines.entries()) {
    if (index > 0) await newLine(page, typist)
    await typist.type(page, line)
  }
  await page.waitForTimeout(typist.delay() + 30)
  await page.keyboard.press('Escape')
}

/** The editor's text as the workspace keeps it: the model (test hook), else this browser's saved draft. */
export async function editorText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const hook = (window as { kubelabEditorText?: () => string }).kubelabEditorText
    if (hook) return hook()
    const id = document.querySelector('[data-exercise-id]')?.getAttribute('data-exercise-id')
    return id ? localStorage.getItem(`kubelab:draft:${id}`) : null
  })
}

/** This browser's saved draft of the exercise on the page. */
export async function savedDraft(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const id = document.querySelector('[data-exercise-id]')?.getAttribute('data-exercise-id')
    return id ? localStorage.getItem(`kubelab:draft:${id}`) : null
  })
}

/** Clicks into the editor and waits until it takes keys. */
export async function focusEditor(page: Page): Promise<void> {
  const editor = page.locator('.monaco-editor').first()
  await expect(editor).toBeVisible()
  // on the text area's visible top left, past the line numbers: the text's own box may be wider than the editor
  // (its centre under the scrollbar) or scrolled up under the page around it
  await editor.click({ position: { x: 80, y: 10 } })
  await expect(editor).toHaveClass(/focused/)
}

/**
 * Replaces the Monaco editor's text by typing it line by line as a learner would, then waits until the
 * workspace has saved exactly that text (a dropped or moved keystroke fails here, not later).
 */
export async function typeIntoEditor(page: Page, text: string, typist = new Typist()): Promise<void> {
  await focusEditor(page)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  const lines = text.replace(/\n$/, '').split('\n')
  await typeLines(page, lines, typist)
  const expected = lines.join('\n')
  await expect.poll(() => editorText(page)).toBe(expected)
  await expect.poll(() => savedDraft(page)).toBe(expected)
}

/** Signs up a new learner (the page's language stays as the locale cookie says). */
export async function signUp(page: Page, prefix: string): Promise<void> {
  await page.goto('/signup')
  await page.getByLabel(/Email|이메일/).pressSequentially(uniqueEmail(prefix), { delay: 20 })
  await page.getByLabel(/Password|비밀번호/).pressSequentially('a-strong-password', { delay: 20 })
  await page.getByRole('button', { name: /Create account|계정 만들기/ }).click()
  await expect(page.getByTestId('current-role')).toBeVisible()
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`
}

/** Types commands into the workspace's kubectl terminal, waiting for each prompt to come back. */
export async function typeInTerminal(page: Page, commands: string[]): Promise<void> {
  // a manifest exercise has the terminal in the side panel; a command exercise's terminal is always on screen
  const tab = page.getByTestId('tab-terminal')
  if ((await tab.count()) > 0) await tab.click()
  const terminal = page.getByTestId('terminal').locator('.xterm')
  await expect(terminal).toBeVisible()
  await terminal.click()
  const typist = new Typist(commands.length)
  const rows = page.getByTestId('terminal').locator('.xterm-rows')
  // a command exercise counts what was typed ("3 commands typed"); a manifest exercise's terminal counts nothing
  const counter = page.getByText(/^(\d+ commands? typed|입력한 명령 \d+개)$/)
  const typedSoFar = async () =>
    (await counter.count()) > 0 ? Number(/\d+/.exec((await counter.first().textContent()) ?? '')?.[0] ?? 0) : 0
  for (const command of commands) {
    const before = await typedSoFar()
    await typist.type(page, command)
    await page.keyboard.press('Enter')
    // the line shows in the terminal — or, when a long answer scrolled it away, the exercise has counted it
    await expect
      .poll(async () => ((await rows.textContent()) ?? '').includes(command.slice(0, 40)) || (await typedSoFar()) > before)
      .toBe(true)
  }
}

/** Submits an exercise's reference solution the way a learner would: typed into the workspace. */
export async function submitSolution(page: Page, exercise: { kind: 'manifest' | 'command'; solution: string }): Promise<void> {
  if (exercise.kind === 'manifest') await typeIntoEditor(page, exercise.solution)
  else {
    const commands = exercise.solution
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
    await typeInTerminal(page, commands)
    await expect(page.getByText(new RegExp(`(${commands.length} commands? typed|입력한 명령 ${commands.length}개)`))).toBeVisible()
  }
  await page.getByTestId('submit').click()
}

/** Answers the lesson's quiz the way the key says, through the form, and expects a full score. */
export async function answerQuiz(page: Page, lessonId: string, lang: 'ko' | 'en') {
  const quiz = quizOf(lessonId)
  const form = page.getByTestId('quiz')
  for (const [index, q] of quiz.questions.entries()) {
    const fieldset = form.locator('fieldset').nth(index)
    const choice = (id: string) => fieldset.locator(`input[value="${id}"]`)
    if (q.type === 'single') await choice(q.answer as string).check()
    else if (q.type === 'multiple') for (const id of q.answer as string[]) await choice(id).check()
    else if (q.type === 'truefalse')
      await fieldset.getByLabel(q.answer ? (lang === 'ko' ? '참' : 'True') : lang === 'ko' ? '거짓' : 'False', { exact: true }).check()
    else if (q.type === 'short')
      await fieldset.locator('input[type="text"]').pressSequentially((q.answer as { accept: string[] }).accept[0]!, { delay: 20 })
    else {
      // Move each item up into its place, top to bottom.
      const order = q.answer as string[]
      for (const [target, id] of order.entries()) {
        const text = q.choices!.find((c) => c.id === id)!.text[lang]
        for (;;) {
          const items = await fieldset.locator('.ordering li span').allTextContents()
          const at = items.indexOf(text)
          if (at <= target) break
          await fieldset.getByRole('button', { name: `${lang === 'ko' ? '위로' : 'Move up'}: ${text}` }).click()
        }
      }
    }
  }
  await form.getByRole('button', { name: lang === 'ko' ? '정답 확인' : 'Check answers' }).click()
  const total = quiz.questions.length
  await expect(form).toContainText(lang === 'ko' ? `${total}문제 중 ${total}문제 정답` : `${total} of ${total} correct`)
}
