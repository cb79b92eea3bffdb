/**
 * Sends the prerendered pages (home, courses, lessons) before Next.js sees the request, production only (ADR 0018).
 * Next.js would run the proxy, rewrite, read its cache and gzip the 90 KB document again on every request; a page the
 * proxy answered itself loses its Content-Encoding on the way out (Next.js assumes such a body was decoded). Here the
 * request takes the same decisions proxy.ts takes for these pages — its language from the cookie or the browser's
 * languages, the page's policy with the hashes of its inline scripts — and gets the document compressed at build
 * time (static-documents.ts) with every header Next.js would add. Anything else (an RSC navigation, a page rendered per
 * request, an address naming a locale, a POST) goes on to Next.js untouched.
 */
import { Server, type IncomingMessage, type ServerResponse } from 'node:http'
import { localeCookie } from '../../../i18n/locales.ts'
import { pagePolicy, servedOverTls } from './content-security-policy.ts'
import { localizedPath, pageLocale, splitLocalePrefix } from './page-locale.ts'
import { securityHeaders, strictTransportSecurity } from './security-headers.mjs'
import { documentHeaders, matchesEtag, preferredEncoding, staticDocument } from './static-documents.ts'
import { staticPageScripts } from './static-pages.ts'

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)

/** The value of one cookie in a Cookie header (the locale cookie: a plain token, never quoted or encoded). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=')
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim()
  }
  return undefined
}

/** Answers the request when it asks for a prerendered page's document and returns true; false leaves it to Next.js. */
export function serveStaticPage(request: IncomingMessage, response: ServerResponse, root = process.cwd()): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  const headers = request.headers
  // a client-side navigation asks for the page's RSC payload, which Next.js serves
  if (headers.rsc !== undefined || headers['next-router-prefetch'] !== undefined) return false
  const url = request.url ?? '/'
  const query = url.indexOf('?')
  const pathname = query === -1 ? url : url.slice(0, query)
  if (pathname.startsWith('/api/') || pathname.startsWith('/_next/') || splitLocalePrefix(pathname)) return false
  // as proxy.ts chooses; an address with escapes matches no prerendered page and goes on to Next.js
  const locale = pageLocale(cookieValue(headers.cookie, localeCookie), one(headers['accept-language']) ?? null)
  const internalPath = localizedPath(locale, pathname)
  const hashes = staticPageScripts(internalPath, root)
  if (!hashes?.length) return false
  const document = staticDocument(internalPath, root)
  if (!document) return false

  const https = servedOverTls(one(headers['x-forwarded-proto']) ?? null)
  const policy = pagePolicy({ inlineScriptHashes: hashes, https })
  const encoding = preferredEncoding(one(headers['accept-encoding']))
  const variant = document[encoding]
  for (const { key, value } of securityHeaders) response.setHeader(key, value)
  if (https) response.setHeader(strictTransportSecurity.key, strictTransportSecurity.value)
  response.setHeader('Content-Security-Policy', policy)
  const sent = documentHeaders(variant, encoding)
  if (matchesEtag(one(headers['if-none-match']), variant.etag)) {
    response.writeHead(304, { ETag: sent.ETag!, Vary: sent.Vary!, 'Cache-Control': sent['Cache-Control']! })
    response.end()
    return true
  }
  response.writeHead(200, sent)
  response.end(request.method === 'HEAD' ? undefined : variant.body)
  return true
}

const installed = globalThis as { __kubelabStaticPageServer?: boolean }

/**
 * Puts serveStaticPage in front of every HTTP server of this process (once, from instrumentation.ts): Next.js's
 * server hands each request to its handler through the server's `request` event, and a request answered here is not
 * handed on. Node's diagnostics channels still see it first (X-Request-Id, the request log and metrics). Returns
 * what takes it out again (for tests).
 */
export function installStaticPageServer(root = process.cwd()): () => void {
  if (installed.__kubelabStaticPageServer) return () => {}
  installed.__kubelabStaticPageServer = true
  const emit = Server.prototype.emit
  Server.prototype.emit = function emitUnlessServed(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request' && serveStaticPage(args[0] as IncomingMessage, args[1] as ServerResponse, root)) return true
    return Reflect.apply(emit, this, [event, ...args]) as boolean
  } as typeof emit
  return () => {
    Server.prototype.emit = emit
    installed.__kubelabStaticPageServer = false
  }
}
