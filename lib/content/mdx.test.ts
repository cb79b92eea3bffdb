/** Compiling a page never runs what its front matter says (gray-matter would `eval` a `---js` block). */
import { describe, expect, it } from 'vitest'
import { compileMdx } from './mdx.ts'

describe('compileMdx', () => {
  it('refuses JavaScript front matter instead of running it', async () => {
    const marker = '__kubelabFrontMatterRan'
    const page = `---js\n{ x: (globalThis.${marker} = true) }\n---\n\n# Hello\n`
    await expect(compileMdx(page)).rejects.toThrow(/front matter in JavaScript is not allowed/)
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined()
    await expect(compileMdx(page.replace('---js', '---javascript'))).rejects.toThrow(/not allowed/)
  })

  it('still compiles a page, and YAML front matter stays data', async () => {
    expect(await compileMdx('---\ntitle: x\n---\n\n# Hello\n')).toContain('Hello')
  })
})
