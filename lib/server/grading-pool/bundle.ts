/**
 * Worker threads as one JavaScript file each. Next bundles the server, so a worker thread cannot load a `.ts`
 * worker from it; esbuild (a dependency already) bundles the worker with the pure modules it imports into an ES
 * module. Two workers are built this way: grading (ADR 0013) and the studio's page and publish gate (ADR 0020).
 *  - production: `.next/kubelab-<name>.mjs`, written by the build (scripts/build-workers.ts, run by `npm run
 *    build` and scripts/build-if-needed.ts) after `next build`, and built on first use if a build skipped it;
 *  - development and tests: `node_modules/.cache/kubelab/<name>.mjs`, rebuilt when a source it bundles is newer
 *    (checked at most every two seconds by its pool), so `next dev` runs the code being edited.
 * No `server-only` here: the build script imports it too.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'

export interface WorkerBundle {
  /** the file name without `.mjs` */
  name: string
  /** the worker's module, relative to the project's root */
  entry: string
  /** what the worker bundles (the pure modules it imports); a change under these rebuilds the development bundle */
  sourceDirs: readonly string[]
  /** packages left for Node to load from node_modules at run time (the Next server keeps them external too) */
  external?: readonly string[]
}

export const GRADING_WORKER: WorkerBundle = {
  name: 'grading-worker',
  entry: join('lib', 'server', 'grading-pool', 'worker.ts'),
  sourceDirs: [join('lib', 'sim'), join('lib', 'grading'), join('lib', 'k8s'), join('lib', 'text'), join('lib', 'server', 'grading-pool')],
}

export const STUDIO_GATE_WORKER: WorkerBundle = {
  name: 'studio-gate-worker',
  entry: join('lib', 'server', 'studio-gate', 'worker.ts'),
  sourceDirs: [
    join('lib', 'content'),
    join('lib', 'sim'),
    join('lib', 'grading'),
    join('lib', 'k8s'),
    join('lib', 'text'),
    join('lib', 'server', 'grading-pool'),
    join('lib', 'server', 'studio-gate'),
  ],
  // esbuild runs its own binary, found from its package; mdx-bundler finds esbuild's binary from its own files
  external: ['esbuild', 'mdx-bundler'],
}

/** Every worker `npm run build` bundles. */
export const WORKER_BUNDLES: readonly WorkerBundle[] = [GRADING_WORKER, STUDIO_GATE_WORKER]

// `turbopackIgnore`: these paths are the project's files at run time, not modules for Next to trace and ship.
export function productionWorkerFile(bundle: WorkerBundle, root = process.cwd()): string {
  return join(/* turbopackIgnore: true */ root, '.next', `kubelab-${bundle.name}.mjs`)
}

export function developmentWorkerFile(bundle: WorkerBundle, root = process.cwd()): string {
  return join(/* turbopackIgnore: true */ root, 'node_modules', '.cache', 'kubelab', `${bundle.name}.mjs`)
}

/** Bundles the worker into `outfile` (about a second; the result is a few MB of plain JS). */
export async function buildWorkerBundle(bundle: WorkerBundle, outfile: string, root = process.cwd()): Promise<string> {
  const esbuild = await import('esbuild')
  mkdirSync(dirname(outfile), { recursive: true })
  // written beside and renamed into place: test files running in parallel may bundle the same worker at once, and
  // none of them may start a thread from a half-written file
  const partial = `${outfile}.${process.pid}.${Date.now()}.partial`
  await esbuild.build({
    entryPoints: [join(/* turbopackIgnore: true */ root, bundle.entry)],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    legalComments: 'none',
    external: [...(bundle.external ?? [])],
    // CommonJS dependencies inside an ES module still call require() for Node's built-ins
    banner: {
      js: "import { createRequire as __kubelabCreateRequire } from 'node:module'; const require = __kubelabCreateRequire(import.meta.url);",
    },
    absWorkingDir: root,
  })
  renameSync(partial, outfile)
  return outfile
}

/** The newest modification time of the sources the worker bundles. */
function newestSource(bundle: WorkerBundle, root: string): number {
  let newest = 0
  const walk = (dir: string) => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(/* turbopackIgnore: true */ dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  for (const dir of bundle.sourceDirs) walk(join(/* turbopackIgnore: true */ root, dir))
  return newest
}

/** True when `file` is missing or older than a source it bundles. */
export function workerBundleStale(bundle: WorkerBundle, file: string, root = process.cwd()): boolean {
  if (!existsSync(file)) return true
  return statSync(file).mtimeMs < newestSource(bundle, root)
}
