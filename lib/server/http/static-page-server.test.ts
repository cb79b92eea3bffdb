/**
 * The prerendered pages sent before Next.js (static-page-server.ts): the documents the build compressed
 * (scripts/static-pages.ts), chosen as proxy.ts chooses a page, with the headers Next.js would add — and everything
 * else handed on to Next.js untouched.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scriptHash } from './content-security-policy.ts'
import { securityHeaders } from './security-headers.mjs'
import { matchesEtag, preferredEncoding, staticDocument } from './static-documents.ts'
import { cookieValue, installStaticPageServer } from './static-page-server.ts'
import { writeStaticDocuments, writeStaticPagePolicies } from '../../../scripts/static-pages.ts'

const home = (language: string) => `<html lang="${language}"><script>home()</script></html>`
const lesson = (language: string) =>
  `<!DOCTYPE html><html lang="${language}"><body><h1>${language} lesson</h1><script>go("${language}")</script></body></html>`

/** A build as Next.js leaves it: the home page and a lesson in both languages, and a page rendered per request. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'kubelab-static-server-'))
  const app = join(root, '.next', 'server', 'app')
  for (const language of ['ko', 'en']) {
    mkdirSync(join(app, language, 'courses', 'basics'), { recursive: true })
    writeFileSync(join(app, `${language}.html`), home(language))
    writeFileSync(join(app, language, 'courses', 'basics', 'pod.html'), lesson(language))
  }
  return root
}

describe('preferredEncoding', () => {
  // the Accept-Encoding headers browsers and tools send (RFC 9110 §12.5.3), and what each gets
  it.each([
    ['gzip, deflate, br, zstd', 'br'], // Chrome, Firefox
    ['gzip, deflate, br', 'br'], // Node's fetch
    ['gzip, deflate', 'gzip'], // older clients
    ['br;q=0.5, gzip', 'gzip'], // q-values decide
    ['gzip;q=0, br;q=0', 'identity'],
    ['identity', 'identity'],
    ['*', 'br'],
    ['', 'identity'],
    [undefined, 'identity'], // curl, autocannon
    ['br;q=0, *;q=0', 'identity'], // accepts nothing of ours: the document as it is rather than a 406
  ] as const)('%s → %s', (header, encoding) => {
    expect(preferredEncoding(header)).toBe(encoding)
  })
})

describe('matchesEtag', () => {
  it.each([
    [undefined, false],
    ['"abc-br"', true],
    ['W/"abc-br"', true],
    ['"x", "abc-br"', true],
    ['*', true],
    ['"abc-gzip"', false],
  ] as const)('If-None-Match %s → %s', (header, matches) => {
    expect(matchesEtag(header, '"abc-br"')).toBe(matches)
  })
})

describe('the documents the build writes', () => {
  const root = fakeBuild()
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('hold every prerendered page as it is, brotli-compressed and gzipped to the same bytes', async () => {
    expect(await writeStaticDocuments(root)).toBe(4)
    const document = staticDocument('/ko/courses/basics/pod', root)!
    expect(document.identity.body.toString()).toBe(lesson('ko'))
    expect(brotliDecompressSync(document.br.body).toString()).toBe(lesson('ko'))
    expect(gunzipSync(document.gzip.body).toString()).toBe(lesson('ko'))
    // one validator per encoding, all from the same content
    expect(new Set([document.br.etag, document.gzip.etag, document.identity.etag]).size).toBe(3)
    expect(staticDocument('/ko/courses/basics/pod', root)).toBe(document) // read once
  })

  it('are missing for a page not prerendered, so Next.js serves it', () => {
    expect(staticDocument('/ko/progress', root)).toBeNull()
  })
})

describe('cookieValue', () => {
  it.each([
    ['NEXT_LOCALE=en', 'en'],
    ['a=1; NEXT_LOCALE=ko; b=2', 'ko'],
    ['XNEXT_LOCALE=en', undefined],
    [undefined, undefined],
  ] as const)('%s', (header, value) => {
    expect(cookieValue(header, 'NEXT_LOCALE')).toBe(value)
  })
})

describe('serveStaticPage in front of a server', () => {
  const root = fakeBuild()
  let server: Server
  let base: string
  let uninstall: () => void
  const handedOn: string[] = []

  beforeAll(async () => {
    writeStaticPagePolicies(root)
    await writeStaticDocuments(root)
    uninstall = installStaticPageServer(root)
    // stands for Next.js: whatever reaches it is answered "next"
    server = createServer((request, response) => {
      handedOn.push(`${request.method} ${request.url}`)
      response.end('next')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    uninstall?.()
    await new Promise((resolve) => server?.close(resolve))
    rmSync(root, { recursive: true, force: true })
  })

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(base + path, { method, headers: { 'accept-encoding': 'identity', ...headers } })

  it('sends a lesson in the browser’s language with its own policy and the security headers', async () => {
    const response = await get('/courses/basics/pod', { 'accept-language': 'en-US,en;q=0.9' })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(lesson('en'))
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toContain(scriptHash('go("en")'))
    expect(response.headers.get('content-security-policy')).not.toContain('nonce')
    for (const { key, value } of securityHeaders) expect(response.headers.get(key)).toBe(value)
    expect(response.headers.get('strict-transport-security')).toBeNull()
    expect(response.headers.get('vary')).toBe('Accept-Encoding, Accept-Language, Cookie')
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
  })

  it('follows the locale cookie over the browser’s languages, and Korean when neither says', async () => {
    expect(await (await get('/courses/basics/pod', { 'accept-language': 'en', cookie: 'NEXT_LOCALE=ko' })).text()).toBe(lesson('ko'))
    expect(await (await get('/courses/basics/pod')).text()).toBe(lesson('ko'))
    expect(await (await get('/', { cookie: 'NEXT_LOCALE=en' })).text()).toBe(home('en'))
  })

  it('sends what the build compressed, as the client asked', async () => {
    const raw = async (encoding: string) => {
      // node:http, not fetch: fetch would decode the body
      const { request } = await import('node:http')
      return new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        request(`${base}/courses/basics/pod`, { headers: { 'accept-encoding': encoding } }, (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }))
        })
          .on('error', reject)
          .end()
      })
    }
    const br = await raw('gzip, deflate, br')
    expect(br.encoding).toBe('br')
    expect(brotliDecompressSync(br.body).toString()).toBe(lesson('ko'))
    const gzip = await raw('gzip')
    expect(gzip.encoding).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toBe(lesson('ko'))
  })

  it('answers a revisit with 304 when the copy is current, and HEAD with the headers only', async () => {
    const first = await get('/courses/basics/pod', { 'accept-encoding': 'br' })
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^".+-br"$/)
    const again = await get('/courses/basics/pod', { 'accept-encoding': 'br', 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    // another encoding is another representation
    expect((await get('/courses/basics/pod', { 'accept-encoding': 'gzip', 'if-none-match': etag })).status).toBe(200)
    const head = await get('/courses/basics/pod', {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(lesson('ko').length))
  })

  it('adds HSTS and upgrades requests when a proxy says the browser came over TLS', async () => {
    const response = await get('/courses/basics/pod', { 'x-forwarded-proto': 'https' })
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
  })

  it('hands everything else on untouched: RSC navigations, other pages, named locales, POSTs, the API', async () => {
    handedOn.length = 0
    const cases: Array<[string, Record<string, string>, string?]> = [
      ['/courses/basics/pod', { rsc: '1' }],
      ['/courses/basics/pod', { 'next-router-prefetch': '1' }],
      ['/courses/basics/pod', {}, 'POST'],
      ['/en/courses/basics/pod', {}],
      ['/progress', {}],
      ['/api/health', {}],
      ['/courses/basics/pod/', {}],
      ['/courses/basics/%70od', {}],
      ['/_next/static/chunks/a.js', {}],
    ]
    for (const [path, headers, method] of cases) expect(await (await get(path, headers, method)).text()).toBe('next')
    expect(handedOn).toHaveLength(cases.length)
  })
})
