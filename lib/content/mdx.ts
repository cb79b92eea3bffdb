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

export async function compileMdx(source: string): Promise<string> {
  const { code } = await bundleMDX({
    source,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkCodeMeta]
      return options
    },
  })
  return code
}
