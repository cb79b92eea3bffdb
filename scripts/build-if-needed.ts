/** Builds the production bundle when none exists or the sources changed since it was built. */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { productionWorkerFile, WORKER_BUNDLES } from '../lib/server/grading-pool/bundle.ts'
import { staticDocumentsDir } from '../lib/server/http/static-documents.ts'

export const nextBin = join('node_modules', '.bin', 'next')
const sourceRoots = [
  'app',
  'components',
  'lib',
  'content',
  'messages',
  'i18n',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.mjs',
  'package-lock.json',
  'tsconfig.json',
]

/** A fingerprint of everything the build depends on (paths, sizes, modification times). */
function sourceFingerprint(): string {
  const hash = createHash('sha256')
  const walk = (path: string) => {
    if (!existsSync(path)) return
    const stat = statSync(path)
    if (stat.isDirectory()) {
      if (path.endsWith('generated') || path.endsWith('node_modules')) return
      for (const entry of readdirSync(path).sort()) walk(join(path, entry))
    } else if (!/\.test\.tsx?$/.test(path)) {
      // tests are not part of the build: editing one does not make the next start or test build again
      hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`)
    }
  }
  sourceRoots.forEach(walk)
  return hash.digest('hex')
}

function runScript(script: string, what: string, environment: NodeJS.ProcessEnv): void {
  const result = spawnSync(join('node_modules', '.bin', 'tsx'), [join('scripts', script)], { stdio: 'inherit', env: environment })
  if (result.status !== 0) {
    console.error(`kubelab: ${what} failed; see the output above.`)
    process.exit(result.status ?? 1)
  }
}

/** The worker threads are bundled apart (Next's server bundle cannot host a worker thread's file): ADR 0013, 0020. */
function buildWorkers(environment: NodeJS.ProcessEnv): void {
  runScript('build-workers.ts', 'bundling the worker threads', environment)
}

export function buildIfNeeded(environment: NodeJS.ProcessEnv): void {
  const stampFile = join('.next', 'kubelab-build-stamp')
  const fingerprint = sourceFingerprint()
  // A standalone build (KUBELAB_STANDALONE=1, for the container image) is a normal build plus .next/standalone: it
  // serves `next start` too, but a normal one does not serve a caller that wants the standalone output.
  const wantsStandalone = environment.KUBELAB_STANDALONE === '1'
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : ''
  const standaloneStamp = `${fingerprint}+standalone`
  const built =
    existsSync(join('.next', 'BUILD_ID')) &&
    (wantsStandalone
      ? stamp === standaloneStamp && existsSync(join('.next', 'standalone'))
      : stamp === fingerprint || stamp === standaloneStamp)
  if (built) {
    if (WORKER_BUNDLES.some((bundle) => !existsSync(productionWorkerFile(bundle)))) buildWorkers(environment)
    if (!existsSync(staticDocumentsDir)) runScript('static-pages.ts', 'preparing the prerendered pages', environment)
    return
  }
  console.log('kubelab: building the production bundle (first start or sources changed)…')
  const result = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: { ...environment, NODE_ENV: 'production' } })
  if (result.status !== 0) {
    console.error('kubelab: the build failed; see the output above.')
    process.exit(result.status ?? 1)
  }
  // the prerendered pages' script hashes and compressed documents (ADR 0018)
  runScript('static-pages.ts', 'preparing the prerendered pages', environment)
  buildWorkers(environment)
  writeFileSync(stampFile, wantsStandalone ? standaloneStamp : fingerprint)
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' })
