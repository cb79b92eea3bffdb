import type { NextRequest } from 'next/server'
import { handlers } from '@/lib/server/auth/auth'
import { tooManyRequests } from '@/lib/server/http/too-many-requests'
import { throttledWait } from '@/lib/server/rate-limit'

export const { GET } = handlers

/**
 * Auth.js answers a refused sign-in with a redirect to /signin carrying the error code; a sign-in the limits
 * refused (SignInThrottled, `code=rate_limited.<seconds>`) is answered 429 with Retry-After instead, so a script
 * calling the credentials endpoint directly is told to wait like every other limited route.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const response = await handlers.POST(request)
  const target =
    response.headers.get('location') ??
    (response.headers.get('content-type')?.includes('application/json') ? await redirectUrlIn(response.clone()) : null)
  const wait = target ? throttledWait(codeOf(target)) : null
  return wait === null ? response : tooManyRequests(request, wait)
}

function codeOf(target: string): string | null {
  try {
    return new URL(target, 'http://kubelab.invalid').searchParams.get('code')
  } catch {
    return null
  }
}

/** `X-Auth-Return-Redirect` requests get `{ url }` as JSON instead of a redirect. */
async function redirectUrlIn(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { url?: unknown }
    return typeof body?.url === 'string' ? body.url : null
  } catch {
    return null
  }
}
