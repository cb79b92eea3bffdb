/**
 * The answer to a request a rate limit refuses (the limits themselves live elsewhere): 429 with Retry-After,
 * as JSON for API calls and fetches, and as the translated page app/too-many-requests for a person's page
 * request. Used by proxy.ts; no server-only imports.
 */
import { NextResponse } from 'next/server'

export const tooManyRequestsPath = '/too-many-requests'
export const retryAfterParam = 'retryAfter'
const defaultRetryAfter = 60

/** A whole number of seconds from 1 to one hour; anything else (missing, garbage) is the default minute. */
export function retryAfterSeconds(value: string | string[] | null | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value)
  return Number.isInteger(n) && n >= 1 && n <= 3600 ? n : defaultRetryAfter
}

/** A document navigation (the browser shows what comes back), not a fetch or a client-side route change. */
export function isPageRequest(request: Request): boolean {
  if (new URL(request.url).pathname.startsWith('/api/')) return false
  if (request.headers.get('rsc') !== null || request.headers.get('next-action') !== null) return false
  const mode = request.headers.get('sec-fetch-mode')
  if (mode) return mode === 'navigate'
  return (request.headers.get('accept') ?? '').includes('text/html')
}

/**
 * `locale` is the page's language (proxy.ts picked it); `pageRequestHeaders` are the headers the page is rendered with (proxy.ts passes the ones carrying this
 * response's Content-Security-Policy nonce); `pageHeaders` go on the page response (the policy itself).
 */
export function tooManyRequests(
  request: Request,
  seconds: number,
  page?: { locale: string; requestHeaders: Headers; responseHeaders: Record<string, string> },
): NextResponse {
  const retryAfter = String(retryAfterSeconds(String(seconds)))
  if (!page || !isPageRequest(request)) {
    return NextResponse.json(
      { error: 'too_many_requests', message: `Too many requests; try again in ${retryAfter} s.`, retryAfter: Number(retryAfter) },
      { status: 429, headers: { 'retry-after': retryAfter, 'cache-control': 'no-store' } },
    )
  }
  const target = new URL(`/${page.locale}${tooManyRequestsPath}`, request.url) // app/[locale]/too-many-requests
  target.searchParams.set(retryAfterParam, retryAfter)
  return NextResponse.rewrite(target, {
    status: 429,
    request: { headers: page.requestHeaders },
    headers: { ...page.responseHeaders, 'retry-after': retryAfter, 'cache-control': 'no-store' },
  })
}
