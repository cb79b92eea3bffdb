/**
 * Kubelab's Content-Security-Policy (ADR 0012). One builder for every kind of response:
 * - a page rendered per request gets a fresh nonce (proxy.ts): Next.js reads it from the request's policy and
 *   puts it on its own scripts; 'strict-dynamic' then trusts the chunks, Monaco and the workers those scripts load;
 * - a page prerendered at build time (lessons, courses, home: ADR 0018) cannot carry a nonce: it allows the hashes of
 *   its own inline scripts (scripts/static-pages.ts) and script files from this origin ('self'), without
 *   'strict-dynamic' (which would ignore 'self' and block Next's parser-inserted chunk scripts);
 * - API responses are data, never documents: next.config.mjs gives them a fixed policy that allows nothing.
 * The theme script is allowed by its hash in both page policies, so it needs no nonce attribute.
 */
import { createHash } from 'node:crypto'
import { themeScript } from './theme-script.ts'

/** 'sha256-…' of an inline script's exact text, as CSP compares it. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`
}

export const themeScriptHash = scriptHash(themeScript)

/** 128 random bits, base64: unguessable and fresh per response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Buffer.from(bytes).toString('base64')
}

export interface PagePolicyOptions {
  /** per-request nonce (dynamic pages) … */
  nonce?: string
  /** … or the hashes ('sha256-…') of the page's inline scripts (a page rendered once) */
  inlineScriptHashes?: string[]
  /** served over TLS (X-Forwarded-Proto: https): ask the browser to upgrade stray http: subresources */
  https?: boolean
  /** `next dev`: React's development build needs eval for its error overlays */
  development?: boolean
}

export function pagePolicy({ nonce, inlineScriptHashes = [], https = false, development = false }: PagePolicyOptions): string {
  if (!nonce && inlineScriptHashes.length === 0) throw new Error('a page policy needs a nonce or the hashes of its inline scripts')
  const scriptSources = [
    "'self'",
    ...(nonce ? [`'nonce-${nonce}'`] : []),
    ...new Set([...inlineScriptHashes, themeScriptHash]),
    ...(nonce ? ["'strict-dynamic'"] : []),
    ...(development ? ["'unsafe-eval'"] : []),
  ]
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', ...scriptSources],
    // Monaco and xterm.js create <style> elements and set style attributes at run time, with no way to give
    // them a nonce; a nonce here would also switch 'unsafe-inline' off. Styles cannot run script.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'"],
    // Monaco's editor and YAML workers and the simulator are bundled workers served from /_next/static.
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['frame-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ]
  if (https) directives.push(['upgrade-insecure-requests'])
  return directives.map((d) => d.join(' ')).join('; ')
}

/** The first value of X-Forwarded-Proto is https: the client reached Kubelab over TLS through a proxy. */
export function servedOverTls(forwardedProto: string | null): boolean {
  return forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https'
}
