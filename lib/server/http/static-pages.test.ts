import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { scriptHash } from './content-security-policy.ts'
import { inlineScriptHashes, inlineScripts, staticPageScripts, staticPagesFile } from './static-pages.ts'
import { prerenderedPages, writeStaticPagePolicies } from '../../../scripts/static-pages.ts'

// The shape Next.js writes: chunk files by src, the theme script, flight data pushed by inline scripts.
const page = [
  '<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script>',
  '<script>(function(){document.documentElement.dataset.theme="dark"})()</script></head><body>',
  '<script type="application/ld+json">{"@context":"https://schema.org"}</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:\\u003cdiv\\u003e"])</script>',
  '<script id="x" type="module">import "/_next/m.js"</script></body></html>',
].join('')

describe('inlineScripts', () => {
  it('takes the text of scripts that run and have no src, exactly as written', () => {
    expect(inlineScripts(page)).toEqual([
      '(function(){document.documentElement.dataset.theme="dark"})()',
      '(self.__next_f=self.__next_f||[]).push([0])',
      'self.__next_f.push([1,"1:\\u003cdiv\\u003e"])',
      'import "/_next/m.js"',
    ])
  })
  it('hashes each once', () => {
    expect(inlineScriptHashes(page + page)).toHaveLength(4)
    expect(inlineScriptHashes(page)).toContain(scriptHash('(self.__next_f=self.__next_f||[]).push([0])'))
  })
})

describe('prerendered pages', () => {
  const root = mkdtempSync(join(tmpdir(), 'kubelab-static-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  const app = join(root, '.next', 'server', 'app')
  mkdirSync(join(app, 'ko', 'courses', 'basics'), { recursive: true })
  writeFileSync(join(app, 'ko.html'), page)
  writeFileSync(join(app, 'ko', 'courses', 'basics.html'), page)
  writeFileSync(join(app, 'ko', 'courses', 'basics', 'pod.html'), '<script>one()</script>')
  writeFileSync(join(app, 'ko', 'courses', 'basics', 'pod.rsc'), 'not a document')
  writeFileSync(join(app, '_not-found.html'), page)

  it('are found by their path, Next’s own documents left out', () => {
    expect(Object.keys(prerenderedPages(app)).sort()).toEqual(['/ko', '/ko/courses/basics', '/ko/courses/basics/pod'])
  })

  it('are written beside the build and looked up by the proxy; a page rendered per request has none', () => {
    expect(writeStaticPagePolicies(root)).toBe(3)
    expect(staticPageScripts('/ko/courses/basics/pod', root)).toEqual([scriptHash('one()')])
    expect(staticPageScripts('/ko/progress', root)).toBeUndefined()
    expect(staticPageScripts('constructor', root)).toBeUndefined()
    expect(join(root, staticPagesFile)).toContain('.next')
  })
})

describe('prerendered pages stay as built', () => {
  // A regenerated page has other inline scripts than the ones hashed at build time, so its scripts would be blocked:
  // nothing may revalidate the home page, a course or a lesson (ADR 0018).
  it('is never revalidated by the app', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs')
    const calls: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) {
          for (const m of readFileSync(path, 'utf8').matchAll(/revalidate(?:Path|Tag)\(\s*([^,)]+)(?:,\s*([^)]+))?\)/g))
            calls.push(`${path}: ${m[1]} ${m[2] ?? ''}`.trim())
        }
      }
    }
    for (const root of ['app', 'lib', 'components']) walk(join(process.cwd(), root))
    expect(calls.length).toBeGreaterThan(0) // the scan finds the calls there are
    const reachStatic = calls.filter(
      (call) => /: ['"`]\/(courses)?['"`/]/.test(call) && !/: ['"`]\/(teach|admin|progress|studio)/.test(call),
    )
    expect(reachStatic).toEqual([])
  })
})
