/**
 * The grading worker as one JavaScript file. Next bundles the server, so a worker thread cannot load
 * `worker.ts` from it; esbuild (a dependency already) bundles worker.ts with the engine into an ES module:
 *  - production: `.next/kubelab-grading-worker.mjs`, written by the build (scripts/build-if-needed.ts, `npm run
 *    build`) after `next build` and built here on first use if a build skipped it;
 *  - development and tests: `node_modules/.cache/kubelab/grading-worker.mjs`, rebuilt when a source it bundles is
 *    newer (checked at most every two seconds), so `next dev` grades with the code being edited.
 * No `server-only` here: the build script imports it too.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'

const ENTRY = join('lib', 'server', 'grading-pool', 'worker.ts')
/** What the worker bundles (the pure modules it imports); a change under these rebuilds the development bundle. */
const SOURCE_DIRS = [join('lib', 'sim'), join('lib', 'grading'), join('lib', 'k8s'), join('lib', 'text'), join('lib', 'server', 'grading-pool')]

// `turbopackIgnore`: these paths are the project's files at run time, not modules for Next to trace and ship.
export function productionWorkerFile(root = process.cwd()): string {
  return join(/* turbopackIgnore: true */ root, '.next', 'kubelab-grading-worker.mjs')
}

export function developmentWorkerFile(root = process.cwd()): string {
  return join(/* turbopackIgnore: true */ root, 'node_modules', '.cache', 'kubelab', 'grading-worker.mjs')
}

/** Bundles the worker into `outfile` (about a second; the result is a few MB of plain JS). */
export async function buildGradingWorker(outfile: string, root = process.cwd()): Promise<string> {
  const esbuild = await import('esbuild')
  mkdirSync(dirname(outfile), { recursive: true })
  await esbuild.build({
    entryPoints: [join(/* turbopackIgnore: true */ root, ENTRY)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    legalComments: 'none',
    // CommonJS dependencies inside an ES module still call require() for Node's built-ins
    banner: { js: "import { createRequire as __kubelabCreateRequire } from 'node:module'; const require = __kubelabCreateRequire(import.meta.url);" },
    absWorkingDir: root,
  })
  return outfile
}

/** The newest modification time of the sources the worker bundles. */
function newestSource(root: string): number {
  let newest = 0
  const walk = (dir: string) => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(/* turbopackIgnore: true */ dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  for (const dir of SOURCE_DIRS) walk(join(/* turbopackIgnore: true */ root, dir))
  return newest
}

/** True when `file` is missing or older than a source it bundles. */
export function workerBundleStale(file: string, root = process.cwd()): boolean {
  if (!existsSync(file)) return true
  return statSync(file).mtimeMs < newestSource(root)
}
