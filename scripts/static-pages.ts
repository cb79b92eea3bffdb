/**
 * After `next build`, for every prerendered page (ADR 0018):
 * - the hashes of its inline scripts, for its Content-Security-Policy (lib/server/http/static-pages.ts);
 * - its document compressed once, brotli and gzip at their highest levels, for the proxy to send as it is
 *   (lib/server/http/static-documents.ts) instead of Next.js compressing it again on every request.
 * Run by `npm run build` and scripts/build-if-needed.ts.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { inlineScriptHashes, staticPagesFile, type StaticPages } from '../lib/server/http/static-pages.ts'
import { documentFile, staticDocumentsDir } from '../lib/server/http/static-documents.ts'

const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

/** `.next/server/app/ko/courses/x.html` → `/ko/courses/x` with its file; Next's own documents (`_not-found`, …) are left out. */
export function prerenderedDocuments(appDir: string): Map<string, string> {
  const documents = new Map<string, string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) walk(path)
      else if (entry.endsWith('.html')) {
        const route = '/' + relative(appDir, path).slice(0, -'.html'.length).split(sep).join('/')
        if (route.split('/').some((segment) => segment.startsWith('_'))) continue
        documents.set(route, path)
      }
    }
  }
  walk(appDir)
  return documents
}

export function prerenderedPages(appDir: string): StaticPages {
  const pages: StaticPages = {}
  for (const [route, file] of prerenderedDocuments(appDir)) pages[route] = inlineScriptHashes(readFileSync(file, 'utf8'))
  return pages
}

export function writeStaticPagePolicies(root = process.cwd()): number {
  const pages = prerenderedPages(join(root, '.next', 'server', 'app'))
  writeFileSync(join(root, staticPagesFile), JSON.stringify(pages, null, 1))
  return Object.keys(pages).length
}

/** Every prerendered document as it is, brotli-compressed and gzipped, in .next/kubelab-static-documents. */
export async function writeStaticDocuments(root = process.cwd()): Promise<number> {
  rmSync(join(root, staticDocumentsDir), { recursive: true, force: true })
  const documents = prerenderedDocuments(join(root, '.next', 'server', 'app'))
  await Promise.all(
    [...documents].map(async ([route, file]) => {
      const html = readFileSync(file)
      mkdirSync(dirname(documentFile(root, route, 'identity')), { recursive: true })
      const [br, gz] = await Promise.all([
        brotli(html, {
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: html.length,
          },
        }),
        gzipped(html, { level: constants.Z_BEST_COMPRESSION }),
      ])
      writeFileSync(documentFile(root, route, 'identity'), html)
      writeFileSync(documentFile(root, route, 'br'), br)
      writeFileSync(documentFile(root, route, 'gzip'), gz)
    }),
  )
  return documents.size
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = writeStaticPagePolicies()
  console.log(`kubelab: hashed the inline scripts of ${count} prerendered pages into ${staticPagesFile}`)
  const compressed = await writeStaticDocuments()
  console.log(`kubelab: compressed ${compressed} prerendered pages into ${staticDocumentsDir}`)
}
