/**
 * The prerendered pages (home, courses, lessons: ADR 0018) as static-page-server.ts sends them: the document Next.js
 * wrote at build time, compressed then (brotli and gzip at their highest levels, scripts/static-pages.ts), held in
 * memory after its first request. A lesson is 90 KB of HTML: Next.js compressed it again on every request, and that
 * gzip was most of what a lesson page cost (docs/benchmarks.md). The bytes are the ones Next.js would send; only what
 * goes around them differs: a validator (ETag), so a browser's revisit is a 304, and a Vary naming what chose them.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Negotiator from 'negotiator'

/** Beside the build: `<page path>.html`, `.html.br` and `.html.gz` for every prerendered page. */
export const staticDocumentsDir = join('.next', 'kubelab-static-documents')

export const documentEncodings = ['br', 'gzip', 'identity'] as const
export type DocumentEncoding = (typeof documentEncodings)[number]

const fileSuffix: Record<DocumentEncoding, string> = { br: '.html.br', gzip: '.html.gz', identity: '.html' }

export interface Variant {
  body: Buffer
  etag: string
}

export type StaticDocument = Record<DocumentEncoding, Variant>

/**
 * What the page depends on besides its address: the language comes from the cookie or the browser's languages
 * (proxy.ts), and the encoding from Accept-Encoding. A shared cache in front keys on them (README, Deploying).
 */
export const documentVary = 'Accept-Encoding, Accept-Language, Cookie'
/** Always revalidated: the same address serves a new document after a deploy; the ETag makes that a 304. */
export const documentCacheControl = 'public, max-age=0, must-revalidate'

const loaded = new Map<string, StaticDocument | null>()

/** The path of a page's file in the documents directory: `/ko/courses/x` → `<root>/.next/…/ko/courses/x.html.br`. */
export function documentFile(root: string, pagePath: string, encoding: DocumentEncoding): string {
  return join(root, staticDocumentsDir, ...pagePath.split('/').filter(Boolean)) + fileSuffix[encoding]
}

/**
 * A prerendered page's document in every encoding, or null when the build left none (a build made without
 * scripts/static-pages.ts): then Next.js serves the page. Only for paths known to be prerendered (static-pages.ts).
 */
export function staticDocument(pagePath: string, root = process.cwd()): StaticDocument | null {
  const key = `${root}\0${pagePath}`
  const cached = loaded.get(key)
  if (cached !== undefined) return cached
  let document: StaticDocument | null = null
  if (documentEncodings.every((encoding) => existsSync(documentFile(root, pagePath, encoding)))) {
    const identity = readFileSync(documentFile(root, pagePath, 'identity'))
    const tag = createHash('sha256').update(identity).digest('base64url').slice(0, 22)
    const variant = (encoding: DocumentEncoding, body: Buffer): Variant => ({ body, etag: `"${tag}-${encoding}"` })
    document = {
      br: variant('br', readFileSync(documentFile(root, pagePath, 'br'))),
      gzip: variant('gzip', readFileSync(documentFile(root, pagePath, 'gzip'))),
      identity: variant('identity', identity),
    }
  }
  loaded.set(key, document)
  return document
}

// negotiator 1.x takes our own order for encodings the client rates equally; its @types (0.6) predate the option
type EncodingChoice = (available: readonly string[], options: { preferred: readonly string[] }) => string | undefined

/**
 * The encoding the client prefers among ours, its q-values honoured; among equals the smallest (br, then gzip);
 * identity when it accepts none of them.
 */
export function preferredEncoding(acceptEncoding: string | undefined): DocumentEncoding {
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } })
  const chosen = (negotiator.encoding as EncodingChoice).call(negotiator, documentEncodings, { preferred: documentEncodings })
  return (chosen as DocumentEncoding | undefined) ?? 'identity'
}

/** True when an If-None-Match header names this ETag (or is `*`): the client's copy is current. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim()
    return tag === '*' || tag === etag || tag === `W/${etag}`
  })
}

/** What a prerendered page is sent with besides the security headers: its validator, encoding, type and caching. */
export function documentHeaders(variant: Variant, encoding: DocumentEncoding): Record<string, string> {
  return {
    ETag: variant.etag,
    Vary: documentVary,
    'Cache-Control': documentCacheControl,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(variant.body.length),
    ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
  }
}
