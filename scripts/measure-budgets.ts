/**
 * `npm run budgets` (with a production server on KUBELAB_URL, default http://localhost:3000): the lesson page's
 * performance budgets, measured in headless Debian Chromium. Prints the median of several cold loads:
 *  - Largest Contentful Paint (budget 1.5 s)
 *  - JavaScript transferred (compressed) before the editor is requested (budget 250 KB)
 *  - editor interactive: navigation start → Monaco accepts a keystroke (budget 2.5 s)
 *  - Run: click → the recording of a 3-replica Deployment drawn in the cluster view (budget 200 ms), on a page
 *    with a Run button (the Deployment lesson, with the reference YAML as the learner's draft)
 */
import { chromium, type Page } from '@playwright/test'
import { findExercise } from '../lib/content/load.ts'

const base = process.env.KUBELAB_URL ?? 'http://localhost:3000'
const path = process.env.KUBELAB_BUDGET_PAGE ?? '/courses/kubernetes-basics/deployment'
const runs = Number(process.env.KUBELAB_BUDGET_RUNS ?? 5)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

interface Sample {
  lcp: number
  jsBeforeEditor: number
  editorInteractive: number
  run: number | null
}

async function measure(page: Page): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  // Scripts in the order they were requested, with their compressed size once loaded.
  const scripts: { id: string; url: string; bytes?: number }[] = []
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Script' || /\.js(\?|$)/.test(e.request.url)) scripts.push({ id: e.requestId, url: e.request.url })
  })
  cdp.on('Network.loadingFinished', (e) => {
    const s = scripts.find((x) => x.id === e.requestId)
    if (s) s.bytes = e.encodedDataLength
  })
  const navStart = Date.now()
  await page.goto(base + path, { waitUntil: 'load' })
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries()
          resolve(entries[entries.length - 1]!.startTime)
        }).observe({ type: 'largest-contentful-paint', buffered: true })
      }),
  )
  const editor = page.locator('.monaco-editor textarea').first()
  await editor.waitFor({ state: 'attached', timeout: 30_000 })
  await page.locator('.monaco-editor').first().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('#')
  await page.locator('.monaco-editor .view-lines').filter({ hasText: '#' }).first().waitFor()
  const editorInteractive = Date.now() - navStart
  // The editor is requested with the first script that is Monaco; everything requested before it counts.
  let jsBeforeEditor = 0
  for (const script of scripts) {
    const { body, base64Encoded } = await cdp
      .send('Network.getResponseBody', { requestId: script.id })
      .catch(() => ({ body: '', base64Encoded: false }))
    const text = base64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body
    if (text.includes('vs/editor') || text.includes('monaco-editor') || text.includes('MonacoEnvironment')) break
    jsBeforeEditor += script.bytes ?? 0
  }
  let run: number | null = null
  const runButton = page.getByTestId('run')
  if (await runButton.count()) {
    // Timed inside the page, from the click event to the frame that shows the pods (not Playwright's own overhead).
    // (a string, so the bundler's helpers do not leak into the page)
    await page.evaluate(`
      window.__runDrawn = new Promise((resolve) => {
        document.addEventListener('click', (e) => {
          if (e.target.closest('[data-testid="run"]')) window.__runClick = performance.now()
        }, { capture: true, once: true })
        function check() {
          if (document.querySelectorAll('[data-testid="cluster-panel"] [data-pod-name]').length >= 3) requestAnimationFrame(() => resolve(performance.now()))
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      });
      undefined
    `)
    await runButton.click()
    run = (await page.evaluate('window.__runDrawn.then((drawn) => drawn - window.__runClick)')) as number
  }
  return { lcp, jsBeforeEditor, editorInteractive, run }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
})
const samples: Sample[] = []
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const deployment = findExercise('deployment-web')?.exercise.solution
  if (deployment) await context.addInitScript((yaml) => localStorage.setItem('kubelab:draft:deployment-web', yaml), deployment)
  samples.push(await measure(await context.newPage()))
  await context.close()
}
await browser.close()
const fmt = (ms: number) => `${Math.round(ms)} ms`
console.log(`lesson page ${path}, median of ${runs} cold loads (headless Chromium, localhost, production build):`)
console.log(`  Largest Contentful Paint        ${fmt(median(samples.map((s) => s.lcp)))}   (budget 1500 ms)`)
console.log(
  `  JS before the editor is requested ${(median(samples.map((s) => s.jsBeforeEditor)) / 1024).toFixed(1)} KB compressed   (budget 250 KB)`,
)
console.log(`  editor interactive              ${fmt(median(samples.map((s) => s.editorInteractive)))}   (budget 2500 ms)`)
const runSamples = samples.flatMap((s) => (s.run === null ? [] : [s.run]))
console.log(
  runSamples.length
    ? `  Run → recording in the cluster view ${fmt(median(runSamples))}   (budget 200 ms)`
    : '  Run: no Run button on this page',
)
