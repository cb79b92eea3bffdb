/**
 * Pages prerendered at build time (lessons, courses, the home page: ADR 0018) cannot carry a per-request nonce. After
 * `next build`, scripts/static-pages.ts reads each prerendered document, hashes its inline scripts and writes
 * them here, by page path; proxy.ts serves such a page with a policy allowing exactly those scripts.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { scriptHash } from './content-security-policy.ts'

export const staticPagesFile = join('.next', 'kubelab-static-pages.json')

/** Page path (`/ko/courses/…`) → the 'sha256-…' of every inline script of its prerendered document. */
export type StaticPages = Record<string, string[]>

/**
 * The text of every inline script of a document Next.js wrote, exactly as the browser hashes it. Script content is
 * raw text in HTML (no entities), and React escapes `<` inside the scripts it writes, so the first `</script>` ends one.
 */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = []
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? ''
    if (/\ssrc\s*=/i.test(attributes)) continue
    const type = /\stype\s*=\s*"?([^"\s>]+)/i.exec(attributes)?.[1]
    if (type && !/^(text|application)\/javascript$|^module$/i.test(type)) continue // data blocks do not run
    scripts.push(match[2] ?? '')
  }
  return scripts
}

export function inlineScriptHashes(html: string): string[] {
  return [...new Set(inlineScripts(html).map(scriptHash))]
}

let loaded: { file: string; pages: StaticPages } | undefined

/** The hashes for a prerendered page, or undefined for a page rendered per request (it gets a nonce). */
export function staticPageScripts(path: string, root = process.cwd()): string[] | undefined {
  const file = join(root, staticPagesFile)
  if (loaded?.file !== file) loaded = { file, pages: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StaticPages) : {} }
  return Object.hasOwn(loaded.pages, path) ? loaded.pages[path] : undefined
}
