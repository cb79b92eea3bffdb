/**
 * Compiles a lesson's MDX with mdx-bundler (esbuild) on the server; the browser receives rendered HTML plus the
 * client components it uses. Compiled code is cached per file and modification time.
 */
import { readFileSync, statSync } from 'node:fs'
import { bundleMDX } from 'mdx-bundler'
import remarkGfm from 'remark-gfm'
import { remarkCodeMeta } from './remark-code-meta.ts'

const cache = new Map<string, { mtimeMs: number; code: string }>()

export async function compileMdxFile(file: string): Promise<string> {
  const { mtimeMs } = statSync(file)
  const hit = cache.get(file)
  if (hit && hit.mtimeMs === mtimeMs) return hit.code
  const code = await compileMdx(readFileSync(file, 'utf8'))
  cache.set(file, { mtimeMs, code })
  return code
}

/**
 * Front matter is never code: gray-matter (inside mdx-bundler) would `eval` a `---js` block. No lesson has front
 * matter; a studio page that starts with `---` is refused before this (untrusted-mdx.ts), and this is the second lock.
 */
function frontMatterNeverRuns<O extends { engines?: Record<string, unknown> }>(options: O): O {
  const refuse = () => {
    throw new Error('front matter in JavaScript is not allowed')
  }
  options.engines = { ...options.engines, js: refuse, javascript: refuse }
  return options
}

export async function compileMdx(source: string): Promise<string> {
  const { code } = await bundleMDX({
    source,
    grayMatterOptions: frontMatterNeverRuns,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkCodeMeta]
      return options
    },
  })
  return code
}
