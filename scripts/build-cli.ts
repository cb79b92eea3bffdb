/**
 * Bundles the `kubelab` command line (bin/kubelab.ts and every command) into one ES module, `dist/kubelab.mjs`, that
 * plain `node` runs without tsx or TypeScript: the container image's CLI (`node dist/kubelab.mjs db migrate`, the
 * migration Job). Packages with native code or binaries stay outside and are loaded from node_modules (the
 * image's are the ones the standalone server traced; scripts/container-build-check.sh proves they suffice).
 * ADR 0016.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'

export const CLI_BUNDLE = join('dist', 'kubelab.mjs')
/** Left to node_modules: native addons, binaries, and what only a content check loads. */
export const CLI_EXTERNALS = ['better-sqlite3', 'esbuild', 'mdx-bundler', 'pg-native']

export async function buildCli(outfile = CLI_BUNDLE): Promise<string> {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
  mkdirSync(join(outfile, '..'), { recursive: true })
  const result = await build({
    write: false,
    entryPoints: [join('bin', 'kubelab.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
    external: CLI_EXTERNALS,
    // No package.json sits beside the bundle to read the version from.
    define: { 'process.env.KUBELAB_BUNDLED_VERSION': JSON.stringify(version) },
    // CommonJS dependencies inside an ES module still call require() for Node's built-ins
    banner: {
      js: "import { createRequire as __kubelabCreateRequire } from 'node:module'; const require = __kubelabCreateRequire(import.meta.url);",
    },
  })
  // bin/kubelab.ts starts with `#!/usr/bin/env -S npx tsx`, which esbuild keeps; the bundle needs only node.
  const code = result.outputFiles[0]!.text.replace(/^#!.*\n/, '#!/usr/bin/env node\n')
  writeFileSync(outfile, code, { mode: 0o755 })
  return outfile
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`kubelab: bundled the command line into ${await buildCli()}`)
