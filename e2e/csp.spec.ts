import { createHash } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import { quizOf } from './course-content.ts'
import { e2eBaseUrl } from './config.ts'

/**
 * Every kind of page works under the Content-Security-Policy (ADR 0012; prerendered pages by script hashes, ADR 0018):
 * nothing is blocked, while an injected inline script is (the listener is proven to hear violations). Monaco and its workers, monaco-yaml, the
 * simulator worker, xterm.js, the quiz, the theme script, the teacher's and the author's pages.
 */

interface Violation {
  directive: string
  blocked: string
  sample: string
}

declare global {
  interface Window {
    __cspViolations: Violation[]
    __injectedRan?: boolean
  }
}

/** Records CSP violations in the page (from the first script on) and console errors, including the workers'. */
async function watch(page: Page): Promise<{ problems: () => Promise<string[]> }> {
  await page.addInitScript(() => {
    window.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample })
    })
  })
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  return {
    async problems() {
      const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => [] as Violation[])
      return [...violations.map((v) => `CSP ${v.directive} blocked ${v.blocked || v.sample}`), ...errors]
    },
  }
}

async function signIn(page: Page, email: string) {
  await page.goto('/signin')
  await page.getByLabel(/Email|이메일/).click()
  await page.keyboard.type(email, { delay: 15 })
  await page.getByLabel(/Password|비밀번호/).click()
  await page.keyboard.type('kubelab-demo', { delay: 15 })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('current-role')).toBeVisible()
}

/** Types lines into Monaco as a person would, closing the completion list before each Enter. */
async function typeLines(page: Page, lines: string[]) {
  const editor = page.locator('.monaco-editor').first()
  await expect(editor).toBeVisible({ timeout: 30_000 })
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  for (const [index, line] of lines.entries()) {
    if (index > 0) {
      await page.keyboard.press('Escape')
      await page.keyboard.press('Enter')
    }
    await page.keyboard.type(line, { delay: 40 })
  }
  await page.keyboard.press('Escape')
}

test.describe('the Content-Security-Policy', () => {
  test('is sent on pages: a fresh nonce where rendered per request, the hashes of its own scripts where prerendered; API routes get a policy that allows nothing', async ({
    request,
  }) => {
    const expectCommon = (headers: Record<string, string>, policy: string, path: string) => {
      expect(policy, path).toContain("frame-ancestors 'none'")
      expect(policy, path).toContain("object-src 'none'")
      expect(policy, path).not.toContain('unsafe-eval')
      expect(/script-src[^;]*'unsafe-inline'/.test(policy), path).toBe(false)
      expect(headers['x-content-type-options'], path).toBe('nosniff')
      expect(headers['referrer-policy'], path).toMatch(/^(same-origin|strict-origin-when-cross-origin|no-referrer)$/)
      expect(headers['permissions-policy'], path).toContain('camera=()')
      expect(headers['x-frame-options'], path).toBe('DENY')
      expect(headers['strict-transport-security'], `${path} over plain http`).toBeUndefined()
    }
    const nonces = new Set<string>()
    for (const path of ['/signin', '/too-many-requests', '/join', '/courses/kubernetes-basics/no-such-lesson']) {
      const response = await request.get(path, { headers: { accept: 'text/html' }, maxRedirects: 0 })
      const headers = response.headers()
      const policy = headers['content-security-policy'] ?? ''
      expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'sha256-[A-Za-z0-9+/=]{44}' 'strict-dynamic'/)
      expectCommon(headers, policy, path)
      nonces.add(/'nonce-([^']+)'/.exec(policy)![1]!)
      const html = await response.text()
      // Next.js stamps its own scripts with this response's nonce
      expect(html, path).toContain(`nonce="${/'nonce-([^']+)'/.exec(policy)![1]}"`)
    }
    expect(nonces.size).toBe(4)

    // prerendered (ADR 0018): no nonce, no 'strict-dynamic'; every inline script of the document is allowed by its hash
    for (const path of ['/', '/courses/kubernetes-basics', '/courses/kubernetes-basics/deployment']) {
      for (const language of ['ko', 'en']) {
        const response = await request.get(path, { headers: { accept: 'text/html', cookie: `NEXT_LOCALE=${language}` }, maxRedirects: 0 })
        const headers = response.headers()
        const policy = headers['content-security-policy'] ?? ''
        expect(policy, path).not.toContain("'nonce-")
        expect(policy, path).not.toContain("'strict-dynamic'")
        expectCommon(headers, policy, path)
        const html = await response.text()
        expect(html, path).toContain(`<html lang="${language}"`)
        const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)
        expect(inline.length, path).toBeGreaterThan(1)
        for (const script of inline)
          expect(policy, `${path} (${language}): ${script.slice(0, 60)}`).toContain(
            `'sha256-${createHash('sha256').update(script).digest('base64')}'`,
          )
        // sent as the build compressed it (lib/server/http/static-page-server.ts), with a validator: a revisit is a 304
        expect(headers['content-encoding'], path).toBe('br')
        expect(headers['x-request-id'], path).toBeTruthy()
        expect(headers.vary, path).toBe('Accept-Encoding, Accept-Language, Cookie')
        const revisit = await request.get(path, {
          headers: { accept: 'text/html', cookie: `NEXT_LOCALE=${language}`, 'if-none-match': headers.etag! },
          maxRedirects: 0,
        })
        expect(revisit.status(), path).toBe(304)
      }
    }

    for (const path of ['/api/health', '/api/auth/session', '/api/exercises/pod-first-manifest/solution']) {
      const headers = (await request.get(path)).headers()
      expect(headers['content-security-policy'], path).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      )
      expect(headers['x-content-type-options'], path).toBe('nosniff')
      expect(headers['referrer-policy'], path).toBeDefined()
    }
    // a JSON route refuses what a foreign page could send, whatever its body
    const grade = await request.post('/api/exercises/pod-first-manifest/grade', {
      headers: { 'content-type': 'text/plain', origin: e2eBaseUrl },
      data: '{"yaml":"kind: Pod"}',
    })
    expect(grade.status()).toBe(415)
    expect(grade.headers()['content-security-policy']).toContain("default-src 'none'")

    // behind a TLS proxy: HSTS and upgrade-insecure-requests
    const tls = (await request.get('/', { headers: { 'x-forwarded-proto': 'https' } })).headers()
    expect(tls['strict-transport-security']).toMatch(/^max-age=\d{7,}/)
    expect(tls['content-security-policy']).toContain('upgrade-insecure-requests')
    expect(
      (await request.get('/api/health', { headers: { 'x-forwarded-proto': 'https' } })).headers()['strict-transport-security'],
    ).toMatch(/^max-age=/)
  })

  test('blocks injected script (so the listener below is known to hear violations)', async ({ page }) => {
    const watcher = await watch(page)
    await page.goto('/')
    // what an XSS would try: markup with an inline event handler, and an image from elsewhere
    await page.evaluate(() =>
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img src="/no-such-image.png" onerror="window.__injectedRan = true"><img src="https://evil.example/pixel.png">',
      ),
    )
    await expect
      .poll(async () => (await page.evaluate(() => window.__cspViolations.map((v) => v.directive))).sort())
      .toEqual(['img-src', 'script-src-attr'])
    expect(await page.evaluate(() => window.__injectedRan)).toBeUndefined()
    expect((await watcher.problems()).join('\n')).toMatch(/script-src-attr/)
  })

  test('lets every page work: visitor, learner with the editor, simulator, terminal and quiz, teacher, author', async ({ browser }) => {
    test.setTimeout(240_000)
    const problems: string[] = []
    const visit = async (role: 'visitor' | 'learner' | 'teacher' | 'author', steps: (page: Page) => Promise<void>) => {
      const context = await browser.newContext({ baseURL: e2eBaseUrl })
      const page = await context.newPage()
      const watcher = await watch(page)
      if (role !== 'visitor') await signIn(page, `${role}@kubelab.dev`)
      await steps(page)
      problems.push(...(await watcher.problems()).map((p) => `${role} ${new URL(page.url()).pathname}: ${p}`))
      await context.close()
    }

    await visit('visitor', async (page) => {
      await page.goto('/')
      await expect(page.locator('h1')).toBeVisible()
      // the theme script ran: a remembered theme applies before the first paint
      await page.evaluate(() => localStorage.setItem('kubelab-theme', 'dark'))
      await page.goto('/courses/kubernetes-basics')
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
      await page.goto('/signin')
      await expect(page.getByLabel(/Email|이메일/)).toBeVisible()
    })

    await visit('learner', async (page) => {
      // the lesson with the editor: Monaco, its editor worker and monaco-yaml's worker (schema markers)
      const workers: string[] = []
      page.on('worker', (worker) => workers.push(worker.url()))
      await page.goto('/courses/kubernetes-basics/deployment')
      await typeLines(page, ['kind: Deployment', 'replicas: three'])
      await expect(page.locator('.monaco-editor :is(.squiggly-error, .squiggly-warning)').first()).toBeVisible({ timeout: 30_000 })
      // the lesson's own example, loaded into the editor with its button
      await page
        .getByRole('button', { name: /Load into editor|편집기로 불러오기/ })
        .first()
        .click()
      // the editor holds the learner's text, so it asks before replacing it
      await page
        .getByTestId('confirm-dialog')
        .getByRole('button', { name: /^(Replace|예시로 바꾸기)$/ })
        .click()
      await expect(page.locator('.monaco-editor .view-lines')).toContainText('kind: Deployment')
      // it leaves replicas and the selector to the learner: type them in place of its comment (Monaco indents after each colon)
      // (Monaco renders spaces as no-break spaces, which \s matches)
      await page.locator('.monaco-editor .view-line', { hasText: /#\s+add\s+replicas|#\s+여기에\s+replicas와/ }).click()
      await page.keyboard.press('End')
      await page.keyboard.press('Shift+Home')
      for (const [index, line] of ['replicas: 3', 'selector:', 'matchLabels:', 'app: web'].entries()) {
        if (index > 0) {
          await page.keyboard.press('Escape')
          await page.keyboard.press('Enter')
        }
        await page.keyboard.type(line, { delay: 40 })
      }
      await page.keyboard.press('Escape')
      // Run: the simulator Web Worker replays the cluster
      await page.getByTestId('run').click()
      const panel = page.getByTestId('cluster-panel')
      await expect(panel).toBeVisible()
      await panel.getByRole('slider').focus()
      await page.keyboard.press('End')
      await expect(panel.locator('[data-pod-status="Running"]')).toHaveCount(3)
      // the terminal (xterm.js) against the same worker
      await page.getByTestId('tab-terminal').click()
      const terminal = page.getByTestId('terminal').locator('.xterm')
      await expect(terminal).toBeVisible()
      await terminal.click()
      await page.keyboard.type('kubectl get pods', { delay: 20 })
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('terminal').locator('.xterm-rows')).toContainText(/Running/)
      // Monaco's editor worker, monaco-yaml's worker and the simulator all started (a blocked worker never does)
      expect(workers.length).toBeGreaterThanOrEqual(3)
      expect(workers.every((url) => url.startsWith(`${e2eBaseUrl}/_next/static/`))).toBe(true)
      // the quiz: every question answered, then the explanations
      await page.goto('/courses/kubernetes-basics/pod')
      const quiz = quizOf('pod')
      const form = page.getByTestId('quiz')
      for (const [index, q] of quiz.questions.entries()) {
        const fieldset = form.locator('fieldset').nth(index)
        if (q.type === 'single') await fieldset.locator(`input[value="${q.answer as string}"]`).check()
        else if (q.type === 'multiple') for (const id of q.answer as string[]) await fieldset.locator(`input[value="${id}"]`).check()
        else if (q.type === 'truefalse')
          await fieldset
            .locator('input[type="radio"]')
            .nth(q.answer ? 0 : 1)
            .check()
        else if (q.type === 'short') {
          await fieldset.locator('input[type="text"]').click()
          await page.keyboard.type((q.answer as { accept: string[] }).accept[0]!, { delay: 20 })
        }
      }
      await form.getByRole('button', { name: /Check answers|정답 확인/ }).click()
      await expect(form.locator('.explanation').first()).toBeVisible()
      await page.goto('/progress')
      await expect(page.locator('h1')).toBeVisible()
    })

    await visit('teacher', async (page) => {
      await page.goto('/teach')
      await page
        .getByRole('link', { name: /Demo class/ })
        .first()
        .click()
      await expect(page.getByTestId('progress-matrix')).toBeVisible()
      await page.getByTestId('progress-matrix').getByRole('link').first().click()
      await expect(page).toHaveURL(/\/learners\//)
    })

    await visit('author', async (page) => {
      await page.goto('/studio')
      await expect(page.locator('h1')).toBeVisible()
    })

    expect(problems).toEqual([])
  })
})
