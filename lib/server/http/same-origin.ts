/**
 * Is this state-changing request from one of Kubelab's own pages? Browsers send `Origin` on every POST/PUT
 * (cross-site HTML forms included, as "null" from sandboxed or opaque contexts), so a foreign page cannot pass by
 * omitting it; when it is absent, the Fetch Metadata header `Sec-Fetch-Site: same-origin` is the proof instead.
 *
 * Same origin, not same site: another port on the same host (a second app on the school server) is another
 * origin and is refused, though a browser shares the cookies with it.
 *
 * The expected host is the one people reach Kubelab at: X-Forwarded-Host from a reverse proxy, else Host (as
 * Next.js compares for server actions). A page cannot forge either on a cross-origin request: they are not
 * headers a form can set, and a fetch that sets them needs a CORS preflight Kubelab never grants. No pure module
 * imports (the proxy uses this too).
 */
import { validHost } from './public-origin.ts'

interface HeaderSource {
  get(name: string): string | null
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string }

const firstValue = (headers: HeaderSource, name: string) => headers.get(name)?.split(',')[0]?.trim() || undefined

/** Host without the default port of the scheme, so `example.org:443` equals `https://example.org`'s host. */
function withoutDefaultPort(host: string, protocol: string): string {
  if (protocol === 'https:' && host.endsWith(':443')) return host.slice(0, -4)
  if (protocol === 'http:' && host.endsWith(':80')) return host.slice(0, -3)
  return host
}

/**
 * `publicUrl` (the configured PUBLIC_URL, an origin) is accepted too: a proxy that forwards neither the public
 * host nor X-Forwarded-Host still works when it is set.
 */
export function checkSameOrigin(headers: HeaderSource, publicUrl?: string): OriginVerdict {
  const origin = headers.get('origin')
  if (origin === null || origin === '') {
    const site = headers.get('sec-fetch-site')
    if (site === 'same-origin') return { ok: true }
    return {
      ok: false,
      reason: site
        ? `Sec-Fetch-Site is "${site.slice(0, 20)}", not same-origin`
        : 'neither Origin nor Sec-Fetch-Site says where the request comes from',
    }
  }
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return { ok: false, reason: 'the Origin header is not a URL' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'an opaque or non-web Origin' }
  if (publicUrl && url.origin === publicUrl) return { ok: true }
  const host = validHost(firstValue(headers, 'x-forwarded-host')) ?? validHost(firstValue(headers, 'host'))
  if (!host) return { ok: false, reason: 'the request names no valid host to compare the Origin with' }
  const proto = firstValue(headers, 'x-forwarded-proto')?.toLowerCase()
  // Without a forwarded proto the scheme is unknown (a TLS proxy may not say); the host and port decide.
  if ((proto === 'http' || proto === 'https') && url.protocol !== `${proto}:`) return { ok: false, reason: 'the Origin has another scheme' }
  if (url.host !== withoutDefaultPort(host, url.protocol)) return { ok: false, reason: 'the Origin is another host or port' }
  return { ok: true }
}
