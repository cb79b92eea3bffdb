/**
 * Where to go after signing in or up: only a path on this site. Pure, so the pages, the header and the server
 * actions share one rule and a test can prove it.
 */
export const defaultAfterSignIn = '/courses/kubernetes-basics'

const maxPathLength = 2048
// Any origin works: the test is only whether the browser would stay on it.
const probeOrigin = 'https://kubelab.invalid'

/** Percent-decoding until nothing changes, so `%252F%252F` is judged as `//` too. */
function fullyDecoded(value: string): string | null {
  let current = value
  for (let i = 0; i < 5; i++) {
    let decoded: string
    try {
      decoded = decodeURIComponent(current)
    } catch {
      return null // broken percent-encoding: nothing a page of ours links to
    }
    if (decoded === current) return current
    current = decoded
  }
  return null // encoded five times over is not a link anyone meant
}

/**
 * A same-site path (`/lesson?x=1#y`) or null. Refused: other origins (`https://…`), protocol-relative `//host`,
 * backslashes (browsers read `/\host` as `//host`), control characters and whitespace (browsers drop tabs and
 * newlines, so `/\t/host` would become `//host`), and each of these percent-encoded, however many times.
 */
export function sameSitePath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxPathLength) return null
  const decoded = fullyDecoded(value)
  if (decoded === null) return null
  if (/\s/.test(value)) return null // raw whitespace; an encoded space (`%20`) in a query is fine
  for (const text of [value, decoded]) {
    if (!text.startsWith('/') || text.startsWith('//')) return null
    // eslint-disable-next-line no-control-regex -- control characters are what a redirect target must not contain
    if (/[\\\u0000-\u001f\u007f]/.test(text)) return null
  }
  let url: URL
  try {
    url = new URL(value, probeOrigin)
  } catch {
    return null
  }
  if (url.origin !== probeOrigin) return null
  return `${url.pathname}${url.search}${url.hash}`
}

/** `sameSitePath` or the course page. */
export function safeRedirect(value: unknown): string {
  return sameSitePath(value) ?? defaultAfterSignIn
}

/** `/signin` or `/signup` carrying where to return, when that is worth saying. */
export function authHref(page: '/signin' | '/signup', next: string | null | undefined): string {
  const path = sameSitePath(next)
  return path && path !== defaultAfterSignIn ? `${page}?next=${encodeURIComponent(path)}` : page
}
