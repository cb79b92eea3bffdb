/**
 * After `next build`: the inline-script hashes of every prerendered page, for its Content-Security-Policy
 * (lib/server/http/static-pages.ts, ADR 0018). Run by `npm run build` and scripts/build-if-needed.ts.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { inlineScriptHashes, staticPagesFile, type StaticPages } from '../lib/server/http/static-pages.ts'

/** `.next/server/app/ko/courses/x.html` → `/ko/courses/x`; Next's own documents (`_not-found`, …) are left out. */
export function prerenderedPages(appDir: string): StaticPages {
  const pages: StaticPages = {}
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) walk(path)
      else if (entry.endsWith('.html')) {
        const route = '/' + relative(appDir, path).slice(0, -'.html'.length).split(sep).join('/')
        if (route.split('/').some((segment) => segment.startsWith('_'))) continue
        pages[route] = inlineScriptHashes(readFileSync(path, 'utf8'))
      }
    }
  }
  walk(appDir)
  return pages
}

export function writeStaticPagePolicies(root = process.cwd()): number {
  const pages = prerenderedPages(join(root, '.next', 'server', 'app'))
  writeFileSync(join(root, staticPagesFile), JSON.stringify(pages, null, 1))
  return Object.keys(pages).length
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = writeStaticPagePolicies()
  console.log(`kubelab: hashed the inline scripts of ${count} prerendered pages into ${staticPagesFile}`)
}
