import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { editorText, focusEditor, Typist, typeInTerminal, typeIntoEditor } from './fixtures.ts'
import { exerciseOf } from './course-content.ts'

/** The Deployment lesson's reference solution: 3 nginx:1.27 replicas labelled app=web. */
const deployment = exerciseOf('deployment').solution
const starter = exerciseOf('deployment').starter
/** The lesson's "Load into editor" block (the starter with a shorter comment). */
const tryItButton = (page: Page) => page.locator('.lesson-text').getByTestId('try-it')
const inKorean = (page: Page) => page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'ko', url: 'http://localhost' }])

test.describe('the learner workspace', () => {
  test('completions and schema markers while typing a Deployment', async ({ page }) => {
    await page.goto('/courses/kubernetes-basics/deployment')
    await typeIntoEditor(page, deployment.replace('replicas: 3', 'replicas: three'))
    // monaco-yaml flags the wrong type from the Kubernetes schema (back to the top: Monaco draws only the lines in view)...
    await page.keyboard.press('ControlOrMeta+Home')
    await expect(page.locator('.monaco-editor :is(.squiggly-error, .squiggly-warning)').first()).toBeVisible({ timeout: 20_000 })
    // ...and offers the fields of a container.
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Shift+Home')
    await new Typist(7).type(page, '          imagePullP')
    await page.keyboard.press('Control+Space')
    await expect(page.locator('.monaco-editor .suggest-widget')).toContainText('imagePullPolicy')
  })

  test('Run shows three pods turn Running, the timeline scrubs back, and the terminal replaces a deleted pod', async ({ page }) => {
    await page.goto('/courses/kubernetes-basics/deployment')
    await typeIntoEditor(page, deployment)
    await page.getByTestId('run').click()
    const panel = page.getByTestId('cluster-panel')
    await expect(panel).toBeVisible()
    // The recording plays; jump to its end and count the Running pods.
    const scrubber = panel.getByRole('slider')
    await scrubber.focus()
    await page.keyboard.press('End')
    await expect(panel.locator('[data-pod-status="Running"]')).toHaveCount(3)
    await page.keyboard.press('Home')
    await expect(panel.locator('[data-pod-status="Running"]')).toHaveCount(0)

    await typeInTerminal(page, ['kubectl get pods'])
    const rows = page.getByTestId('terminal').locator('.xterm-rows')
    await expect(rows).toContainText(/web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/)
    const text = await rows.innerText()
    const victim = /(web-[a-z0-9]+-[a-z0-9]{5})\s+1\/1/.exec(text)![1]!
    await typeInTerminal(page, [`kubectl delete pod ${victim}`])
    await expect(rows).toContainText(`pod "${victim}" deleted`)
    await page.getByTestId('tab-cluster').click()
    await page.getByTestId('cluster-live').click()
    const live = page.getByTestId('cluster-panel')
    await expect(live.locator('[data-pod-status="Running"]')).toHaveCount(3, { timeout: 30_000 })
    await expect(live.locator(`[data-pod-name="${victim}"]`)).toHaveCount(0, { timeout: 60_000 })
  })

  test('switches to English and back, and the YAML is still there after a reload', async ({ page }) => {
    await page.goto('/courses/kubernetes-basics/deployment')
    await typeIntoEditor(page, `# my own deployment\n${deployment}`)
    await page.getByTestId('locale-switcher').selectOption('en')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('tab', { name: 'Cluster' })).toBeVisible()
    await page.getByTestId('locale-switcher').selectOption('ko')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
    await expect(page.getByRole('tab', { name: '클러스터' })).toBeVisible()
    await page.reload()
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('# my own deployment')
  })

  test('the lesson page has no serious or critical accessibility violations', async ({ page }) => {
    for (const theme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: theme as 'light' | 'dark' })
      await page.goto('/courses/kubernetes-basics/deployment')
      await expect(page.locator('.monaco-editor')).toBeVisible()
      const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze()
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    }
  })
  test("Load into editor asks before replacing the learner's text, and Ctrl+Z brings the text back", async ({ page }) => {
    await inKorean(page)
    await page.goto('/courses/kubernetes-basics/deployment')
    await focusEditor(page)
    // On the untouched starter it just loads.
    await tryItButton(page).click()
    await expect(page.getByTestId('confirm-dialog')).toHaveCount(0)
    await expect.poll(() => editorText(page)).toContain('# 여기에 replicas와 selector를 추가한다')
    const snippet = (await editorText(page))!

    await typeIntoEditor(page, '# my answer\nkind: Deployment', new Typist(3))
    await tryItButton(page).click()
    const dialog = page.getByRole('dialog', { name: '편집기로 불러오기' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('Ctrl+Z')
    await expect(dialog.getByRole('button', { name: '예시로 바꾸기' })).toBeFocused()
    // Esc cancels: the answer stays, focus goes back to the button.
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await expect(tryItButton(page)).toBeFocused()
    expect(await editorText(page)).toBe('# my answer\nkind: Deployment')

    await tryItButton(page).click()
    await dialog.getByRole('button', { name: '예시로 바꾸기' }).click()
    await expect.poll(() => editorText(page)).toBe(snippet)
    await expect(page.getByTestId('replaced-note')).toContainText('Ctrl+Z')
    await expect(page.locator('.monaco-editor').first()).toHaveClass(/focused/)
    await page.keyboard.press('ControlOrMeta+Z')
    await expect.poll(() => editorText(page)).toBe('# my answer\nkind: Deployment')

    // Reset asks the same way, in English too, and is one undoable edit.
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: 'http://localhost' }])
    await page.reload()
    await page.getByTestId('reset').click()
    const reset = page.getByRole('dialog', { name: 'Reset to the starter' })
    await expect(reset).toContainText('Replace your YAML with the starter?')
    await reset.getByRole('button', { name: 'Reset to starter' }).click()
    await expect.poll(() => editorText(page)).toBe(starter)
    await expect(page.getByTestId('replaced-note')).toHaveText('Replaced — Ctrl+Z brings your text back.')
    await page.keyboard.press('ControlOrMeta+Z')
    await expect.poll(() => editorText(page)).toBe('# my answer\nkind: Deployment')
  })

  test('the keyboard: skip link to the exercise, Esc then Tab leaves the editor, shortcuts from anywhere in the workspace', async ({
    page,
  }) => {
    await inKorean(page)
    await page.goto('/courses/kubernetes-basics/deployment')
    await expect(page.locator('.monaco-editor')).toBeVisible()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: '본문으로 건너뛰기' })).toBeFocused()
    await page.keyboard.press('Tab')
    const skip = page.getByTestId('skip-to-exercise')
    await expect(skip).toBeFocused()
    await expect(skip).toHaveText('실습으로 바로 가기')
    await page.keyboard.press('Enter')
    await expect(page.locator('#exercise-title')).toBeFocused()

    // In the editor: the hint is on screen; Tab indents...
    await focusEditor(page)
    await page.mouse.move(0, 0) // a keyboard user: no hover docs open under the pointer
    const hint = page.getByTestId('editor-tab-hint')
    await expect(hint).toBeVisible()
    await expect(hint).toHaveText('Tab은 들여쓰기입니다. 편집기 밖으로 나가려면 Esc를 누른 뒤 Tab을 누르세요(또는 Ctrl+M).')
    await page.keyboard.press('ControlOrMeta+End')
    await page.keyboard.press('Tab')
    await expect.poll(() => editorText(page)).toBe(`${starter}  `)
    await expect(page.locator('.monaco-editor').first()).toHaveClass(/focused/)
    // ...Esc then Tab leaves it.
    await page.keyboard.press('Escape')
    await expect(hint).toHaveAttribute('data-mode', 'leaveOnce')
    await page.keyboard.press('Tab')
    await expect(page.locator('.monaco-editor').first()).not.toHaveClass(/focused/)
    await expect(page.getByTestId('tab-cluster')).toBeFocused() // the next stop after the editor: the side panel beside it
    expect(await editorText(page)).toBe(`${starter}  `)
    // Back in, Tab indents again; Ctrl+M makes Tab leave until pressed again.
    await focusEditor(page)
    await page.mouse.move(0, 0)
    await expect(hint).toHaveAttribute('data-mode', 'indent')
    await page.keyboard.press('Control+M')
    await expect(hint).toHaveAttribute('data-mode', 'leave')
    await page.keyboard.press('Shift+Tab')
    await expect(page.locator('.monaco-editor').first()).not.toHaveClass(/focused/)
    await focusEditor(page)
    await page.keyboard.press('Control+M')
    await expect(hint).toHaveAttribute('data-mode', 'indent')

    // Shortcuts on screen, and working from the toolbar, the result panel and the cluster view.
    await expect(page.getByTestId('run').locator('kbd')).toHaveText('Shift+Enter')
    await expect(page.getByTestId('submit').locator('kbd')).toHaveText('Ctrl+Enter')
    await typeIntoEditor(page, deployment, new Typist(11))
    await page.getByTestId('show-hint').focus()
    await page.keyboard.press('Shift+Enter')
    await expect(page.getByTestId('cluster-panel')).toBeVisible()
    expect(await editorText(page)).toBe(deployment.replace(/\n$/, '')) // no line added by Shift+Enter
    await page.getByTestId('cluster-panel').getByRole('slider').focus()
    await page.keyboard.press('Control+Enter')
    await expect(page.getByTestId('grade-result').locator('.verdict')).toHaveAttribute('data-passed', 'true')
    // Plain Enter on a button is the button's: the Events tab opens, nothing is submitted again; the editor stays.
    await page.getByTestId('tab-events').focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('tab-events')).toHaveAttribute('aria-selected', 'true')
    await expect(page.locator('.monaco-editor').first()).toBeVisible()
  })

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    test(`hover docs near the editor's left edge are drawn whole (${width}×${height})`, async ({ page }) => {
      await page.setViewportSize({ width, height })
      await page.goto('/courses/kubernetes-basics/deployment')
      await focusEditor(page)
      const firstWord = page.locator('.monaco-editor .view-line').first().locator('span span').first()
      await expect(firstWord).toHaveText('apiVersion')
      await firstWord.scrollIntoViewIfNeeded()
      await firstWord.hover()
      const hover = page
        .locator('.monaco-hover:not(.hidden)')
        .filter({ hasText: /APIVersion/ })
        .first()
      await expect(hover).toBeVisible({ timeout: 20_000 })
      await page.screenshot({ path: `test-results/hover-left-edge-${width}.png` })
      // Nothing clips or covers it: the hover itself is what is drawn at its left and right edges.
      const whole = await hover.evaluate((el) => {
        const box = el.getBoundingClientRect()
        const at = (x: number) => el.contains(document.elementFromPoint(x, box.top + Math.min(12, box.height / 2)))
        // (what might lie past the right edge of the window is off screen, not clipped by the editor)
        return box.left >= 0 && at(box.left + 3) && at(Math.min(box.right, window.innerWidth) - 3)
      })
      expect(whole).toBe(true)
    })
  }
})
