import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { typeInTerminal, typeIntoEditor } from './fixtures.ts'
import { exerciseOf } from './course-content.ts'

/** The Deployment lesson's reference solution: 3 nginx:1.27 replicas labelled app=web. */
const deployment = exerciseOf('deployment').solution

test.describe('the learner workspace', () => {
  test('completions and schema markers while typing a Deployment', async ({ page }) => {
    await page.goto('/courses/kubernetes-basics/deployment')
    await typeIntoEditor(page, deployment.replace('replicas: 3', 'replicas: three'))
    // monaco-yaml flags the wrong type from the Kubernetes schema...
    await expect(page.locator('.monaco-editor :is(.squiggly-error, .squiggly-warning)').first()).toBeVisible({ timeout: 20_000 })
    // ...and offers the fields of a container.
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Shift+Home')
    await page.keyboard.insertText('          imagePullP')
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
    await expect(page.getByRole('tab', { name: 'Editor' })).toBeVisible()
    await page.getByTestId('locale-switcher').selectOption('ko')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
    await expect(page.getByRole('tab', { name: '편집기' })).toBeVisible()
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
})
