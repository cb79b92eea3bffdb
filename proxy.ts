/**
 * Runs before every page (not the API, not static files; see `config.matcher`):
 * 1. a POST to a page is a server action: it must come from a Kubelab page, fit the size limit and be
 *    decodable, or it is answered here with 403/413/400 (lib/server/http/server-action-request.ts);
 * 2. the page's language is picked (the learner's cookie, else the browser's languages) and the request is
 *    rewritten to app/[locale]/… — addresses carry no locale, yet each lesson is prerendered once per language
 *    (ADR 0018). An address that names a locale (`/en/courses/…`, shared by someone) switches to it and drops it.
 *    A course or lesson address that names no file course or lesson goes to the studio course or lesson route,
 *    rendered per request (ADR 0020, lib/server/http/lesson-address.ts);
 * 3. every page gets a Content-Security-Policy: a prerendered page allows the hashes of its own inline scripts
 *    (lib/server/http/static-pages.ts); a page rendered per request gets a fresh nonce, put on the request too,
 *    which is where Next.js reads it to stamp its own scripts. The other security headers come from
 *    next.config.mjs, for pages and API routes alike.
 * A rate limit answers with tooManyRequests() (lib/server/http/too-many-requests.ts), giving it the request
 * headers and policy built here so the 429 page is rendered under the same policy.
 * Design and reasons: docs/decisions/0012-security-headers-and-request-checks.md, 0018-prerendered-pages.md.
 */
import { NextResponse, type NextRequest } from 'next/server'
import { localeCookie } from '@/i18n/locales'
import { createNonce, pagePolicy, servedOverTls } from '@/lib/server/http/content-security-policy'
import { internalPagePath } from '@/lib/server/http/lesson-address'
import { pageLocale, splitLocalePrefix } from '@/lib/server/http/page-locale'
import { checkPagePost } from '@/lib/server/http/server-action-request'
import { staticPageScripts } from '@/lib/server/http/static-pages'
import { retryAfterParam, retryAfterSeconds, tooManyRequests, tooManyRequestsPath } from '@/lib/server/http/too-many-requests'
import { env } from '@/lib/server/env'
import { findCourse, findLesson } from '@/lib/content/load'

const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS'])
// next-intl reads a page's locale from this request header when the page does not set it itself.
const intlLocaleHeader = 'X-NEXT-INTL-LOCALE'
const localeCookieOptions = { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' as const }

export async function proxy(request: NextRequest) {
  if (!READ_ONLY.has(request.method)) {
    const rejected = await checkPagePost(request, env().PUBLIC_URL)
    if (rejected)
      return NextResponse.json(
        { error: rejected.error, message: rejected.message },
        { status: rejected.status, headers: { 'cache-control': 'no-store' } },
      )
  }
  const { pathname, search } = request.nextUrl
  const named = splitLocalePrefix(pathname)
  if (named && READ_ONLY.has(request.method)) {
    const response = NextResponse.redirect(new URL(named.path + search, request.url), 307)
    response.cookies.set(localeCookie, named.locale, localeCookieOptions)
    return response
  }
  const locale = pageLocale(request.cookies.get(localeCookie)?.value, request.headers.get('accept-language'))
  const internalPath = internalPagePath(locale, pathname, { isFileCourse, isFileLesson })
  const https = servedOverTls(request.headers.get('x-forwarded-proto'))
  const development = process.env.NODE_ENV === 'development'
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set(intlLocaleHeader, locale)
  // `next dev` renders every page per request: a production build's list (left in .next) must not apply to it
  const hashes = READ_ONLY.has(request.method) && !development ? staticPageScripts(internalPath) : undefined
  let policy: string
  if (hashes) {
    policy = pagePolicy({ inlineScriptHashes: hashes, https, development })
  } else {
    const nonce = createNonce()
    policy = pagePolicy({ nonce, https, development })
    requestHeaders.set('content-security-policy', policy)
    requestHeaders.set('x-nonce', nonce)
  }
  // The 429 page comes with its status also when opened directly (a rate limit rewrites to it the same way).
  if (pathname === tooManyRequestsPath) {
    const seconds = retryAfterSeconds(request.nextUrl.searchParams.get(retryAfterParam))
    return tooManyRequests(request, seconds, { locale, requestHeaders, responseHeaders: { 'Content-Security-Policy': policy } })
  }
  const response = NextResponse.rewrite(new URL(internalPath + search, request.url), { request: { headers: requestHeaders } })
  response.headers.set('Content-Security-Policy', policy)
  return response
}

function isFileLesson(courseId: string, lessonId: string): boolean {
  try {
    return findLesson(courseId, lessonId) !== undefined
  } catch {
    return true // content that does not load: the file lesson route shows the error, as it did before studio lessons
  }
}

function isFileCourse(courseId: string): boolean {
  try {
    return findCourse(courseId) !== undefined
  } catch {
    return true // as for lessons: the file course route shows the content's error
  }
}

export const config = {
  // API routes check their own requests (lib/server/http/json-body.ts) and get a fixed policy from next.config.mjs;
  // keeping them out also keeps their bodies from being buffered for the proxy.
  matcher: ['/((?!api/|_next/static/|_next/image|favicon\\.ico$|icon\\.svg$).*)'],
}
