/**
 * The kubectl terminal with the learner's files, end to end in Chromium: the real KubectlTerminal and the real
 * simulator Web Worker on a test page (e2e/terminal-harness), typed into as a person types. The page's Reset
 * button does what the workspace will do (reset the worker's cluster, count the reset); the workspace itself
 * passes `files` and `resetCount` in a later change, with its own e2e test.
 */
import { rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { buildHarness, serveHarness } from './terminal-harness/build.ts'
import { TERMINAL_FONT_FAMILY } from '../components/terminal/terminal-font.ts'

const outDir = join(tmpdir(), `kubelab-terminal-harness-${process.pid}`)
let server: Server
let base: string

test.beforeAll(async () => {
  await buildHarness(outDir)
  ;({ server, url: base } = await serveHarness(outDir))
})

test.afterAll(() => {
  server?.close()
  rmSync(outDir, { recursive: true, force: true })
})

const rows = (page: Page) => page.getByTestId('terminal').locator('.xterm-rows')

async function type(page: Page, command: string, expected?: string | RegExp): Promise<void> {
  await page.keyboard.type(command, { delay: 25 })
  await page.keyboard.press('Enter')
  if (expected) await expect(rows(page)).toContainText(expected)
}

/** xterm's DOM renderer letter-spaces every glyph narrower or wider than its cells: no Hangul span may need it. */
async function expectHangulInItsCells(page: Page): Promise<void> {
  const spacing = await page.evaluate(() => ({
    rows: (document.querySelector('.xterm-rows') as HTMLElement).style.letterSpacing,
    hangul: [...document.querySelectorAll<HTMLElement>('.xterm-rows span')]
      .filter((s) => /[가-힣]/.test(s.textContent ?? ''))
      .map((s) => s.style.letterSpacing),
  }))
  expect(spacing.hangul.length).toBeGreaterThan(0)
  expect(Math.abs(parseFloat(spacing.rows || '0'))).toBeLessThan(0.5)
  for (const value of spacing.hangul) expect(Math.abs(parseFloat(value || '0'))).toBeLessThan(0.5)
}

async function openTerminal(page: Page, query: string): Promise<void> {
  await page.goto(`${base}/?${query}`)
  await expect(page.getByTestId('terminal').locator('.xterm')).toBeVisible()
  await page.getByTestId('terminal').locator('.xterm').click()
}

test('in Korean: the editor file is named, read, diffed and applied from the terminal; a reset clears the screen and keeps the file', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openTerminal(page, 'lang=ko')
  await expect(rows(page)).toContainText('편집기의 내용은 파일 exercise.yaml에 있습니다.')

  await type(page, 'ls -l', /-rw-r--r-- 1 learner learner\s+\d+ Jan {2}1 09:00 exercise\.yaml/)
  await type(page, 'cat exercise.yaml', '# 웹 서버: nginx Pod 두 개')
  // Tab completes the file name after -f
  await page.keyboard.type('kubectl apply -f ex', { delay: 25 })
  await page.keyboard.press('Tab')
  await expect(rows(page)).toContainText('kubectl apply -f exercise.yaml')
  await page.keyboard.press('Enter')
  await expect(rows(page)).toContainText('deployment.apps/web created')
  // diff shows what apply would undo: the replicas scaled by hand go back to the file's 2
  await type(page, 'kubectl scale deployment web --replicas=3', 'deployment.apps/web scaled')
  await type(page, 'kubectl diff -f exercise.yaml', /\+\+\+ \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web/)
  await expect(rows(page)).toContainText('-  replicas: 3')
  await expect(rows(page)).toContainText('+  replicas: 2')
  await type(page, 'kubectl apply -f exercise.yaml', 'deployment.apps/web configured')
  await type(page, 'kubectl apply -f -', '이 터미널에서는 표준 입력에 직접 입력할 수 없습니다.')
  // a here-document, typed line by line after bash's "> " prompt; kubectl runs when EOF ends it
  await type(page, 'kubectl apply -f - <<EOF')
  for (const line of [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: hello',
    'spec:',
    '  selector: {app: web}',
    '  ports: [{port: 80}]',
  ])
    await type(page, line)
  await type(page, 'EOF', 'service/hello created')
  await type(page, 'kubectl get svc hello', /hello\s+ClusterIP\s+[\d.]+\s+<none>\s+80\/TCP/)
  await type(page, 'kubectl get -f exercise.yaml', /web\s+\d\/2/)
  await expectHangulInItsCells(page)
  await page.screenshot({ path: testInfo.outputPath('terminal-files-ko-light-1280.png') })

  await page.getByTestId('reset-cluster').click()
  await expect(rows(page)).toContainText('클러스터를 초기화했습니다.')
  await expect(rows(page)).not.toContainText('deployment.apps/web created')
  await page.getByTestId('terminal').locator('.xterm').click()
  await type(page, 'kubectl get deploy', 'No resources found in default namespace.')
  await type(page, 'kubectl apply -f ~/exercise.yaml', 'deployment.apps/web created')
  await expectHangulInItsCells(page)
  await page.screenshot({ path: testInfo.outputPath('terminal-files-ko-light-after-reset.png') })
})

test('in English on a phone, dark: the banner and kubectl lines, and a missing file answered as kubectl does', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await openTerminal(page, 'lang=en&theme=dark')
  await expect(rows(page)).toContainText("Your editor's text is the file exercise.yaml.")
  await type(page, 'kubectl apply -f web.yaml', 'error: the path "web.yaml" does not exist')
  await type(page, 'kubectl apply -f exercise.yaml', 'deployment.apps/web created')
  await type(page, 'kubectl delete -f exercise.yaml', 'deployment.apps "web" deleted')
  await page.screenshot({ path: testInfo.outputPath('terminal-files-en-dark-390.png') })
})

test('Hangul takes exactly two cells of the terminal font, locally installed or shipped, so it is not letter-spaced', async ({ page }) => {
  await openTerminal(page, 'lang=ko')
  const widths = await page.evaluate(async (stack) => {
    await document.fonts.load(`14px 'Nanum Gothic Coding'`, 'W가')
    const ctx = document.createElement('canvas').getContext('2d')!
    const measure = (font: string, text: string) => {
      ctx.font = `14px ${font}`
      return ctx.measureText(text).width
    }
    return [stack, "'Nanum Gothic Coding'"].map((font) => ({
      font,
      latin: measure(font, 'W'),
      hangul: measure(font, '가'),
      sentence: measure(font, '클러스터를 초기화했습니다'),
    }))
  }, TERMINAL_FONT_FAMILY)
  for (const w of widths) {
    expect(w.hangul, w.font).toBeCloseTo(2 * w.latin, 2)
    // 12 syllables and a space: 25 cells
    expect(w.sentence, w.font).toBeCloseTo(25 * w.latin, 1)
  }
  await expect(rows(page)).toContainText('편집기의 내용은 파일 exercise.yaml에 있습니다.')
  await expectHangulInItsCells(page)
})

// The phone layout of the terminal is left to the harness tests; e2e/responsive.spec.ts checks the lesson pages at 390 px.
test('in the real workspace, Korean: the shipped font fills the cells, and a command exercise has no files', async ({ page }, testInfo) => {
  await page.goto('/courses/kubernetes-basics/scaling')
  await page.getByTestId('locale-switcher').selectOption('ko')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
  for (const [width, height, theme] of [
    [1280, 800, 'light'],
    [1280, 800, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.emulateMedia({ colorScheme: theme })
    await page.goto('/courses/kubernetes-basics/scaling')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
    // a command exercise: the terminal is always on screen (no tab)
    await expect(page.getByTestId('tab-terminal')).toHaveCount(0)
    const terminal = page.getByTestId('terminal')
    await expect(terminal.locator('.xterm-rows')).toContainText('시뮬레이션 클러스터에 연결했습니다.')
    await terminal.locator('.xterm').click()
    await page.keyboard.type('kubectl apply -f exercise.yaml', { delay: 25 })
    await page.keyboard.press('Enter')
    await expect(terminal.locator('.xterm-rows')).toContainText('error: the path "exercise.yaml" does not exist')
    await expectHangulInItsCells(page)
    await page.screenshot({ path: testInfo.outputPath(`workspace-terminal-ko-${theme}-${width}.png`) })
  }
})
