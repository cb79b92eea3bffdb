import { expect, test, type Page } from '@playwright/test'
import { exerciseOf } from './course-content.ts'
import { focusEditor, savedDraft, Typist, typeLines } from './fixtures.ts'

const starter = (exerciseOf('deployment') as unknown as { starter: string }).starter

async function throttle(page: Page, rate: number) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
}

for (const run of [1, 2, 3]) {
  test(`repro ${run}: replicas and selector typed into the Deployment starter at 4x throttling`, async ({ page }) => {
    await page.goto('/courses/kubernetes-basics/deployment')
    await focusEditor(page)
    await throttle(page, 4)
    await page.keyboard.press('ControlOrMeta+Home')
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Shift+Home')
    const added = ['  replicas: 3', '  selector:', '    matchLabels:', '      app: web']
    await typeLines(page, added, new Typist(run))
    const lines = starter.replace(/\n$/, '').split('\n')
    lines.splice(6, 0, ...added)
    await page.waitForTimeout(1500)
    expect(await savedDraft(page)).toBe(lines.join('\n') + '\n')
  })
}
