/**
 * Runs before every page (not the API, not static files; see `config.matcher`):
 * 1. a POST to a page is a server action: it must come from a Kubelab page, fit the size limit and be
 *    decodable, or it is answered here with 403/413/400 (lib/server/http/server-action-request.ts);
 * 2. every page gets a Content-Security-Policy with a fresh nonce. The policy is put on the request too,
 *    which is where Next.js reads the nonce to stamp its own scripts (Next.js's CSP guide, "Adding a nonce
 *    with Proxy"). The other security headers come from next.config.mjs, for pages and API routes alike.
 * A rate limit answers with tooManyRequests() (lib/server/http/too-many-requests.ts), giving it the request
 * headers and policy built here so the 429 page is rendered under the same policy.
 * Design and reasons: docs/decisions/0012-security-headers-and-request-checks.md.
 */
import { NextResponse, type NextRequest } from 'next/server'
import { createNonce, pagePolicy, servedOverTls } from '@/lib/server/http/content-security-policy'
import { checkPagePost } from '@/lib/server/http/server-action-request'
import { retryAfterParam, retryAfterSeconds, tooManyRequests, tooManyRequestsPath } from '@/lib/server/http/too-many-requests'
import { env } from '@/lib/server/env'

const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS'])

export async function proxy(request: NextRequest) {
  if (!READ_ONLY.has(request.method)) {
    const rejected = await checkPagePost(request, env().PUBLIC_URL)
    if (rejected) return NextResponse.json({ error: rejected.error, message: rejected.message }, { status: rejected.status, headers: { 'cache-control': 'no-store' } })
  }
  const nonce = createNonce()
  const policy = pagePolicy({ nonce, https: servedOverTls(request.headers.get('x-forwarded-proto')), development: process.env.NODE_ENV === 'development' })
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('content-security-policy', policy)
  requestHeaders.set('x-nonce', nonce)
  // The 429 page comes with its status also when opened directly (a rate limit rewrites to it the same way).
  if (request.nextUrl.pathname === tooManyRequestsPath) {
    const seconds = retryAfterSeconds(request.nextUrl.searchParams.get(retryAfterParam))
    return tooManyRequests(request, seconds, { requestHeaders, responseHeaders: { 'Content-Security-Policy': policy } })
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('Content-Security-Policy', policy)
  return response
}

export const config = {
  // API routes check their own requests (lib/server/http/json-body.ts) and get a fixed policy from next.config.mjs;
  // keeping them out also keeps their bodies from being buffered for the proxy.
  matcher: ['/((?!api/|_next/static/|_next/image|favicon\\.ico$|icon\\.svg$).*)'],
}
