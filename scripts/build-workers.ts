/**
 * `npm run build` (after `next build`) and build-if-needed: bundles the worker threads for `next start` — grading
 * (ADR 0013) and the studio's page and publish gate (ADR 0020).
 */
import { buildWorkerBundle, productionWorkerFile, WORKER_BUNDLES } from '../lib/server/grading-pool/bundle.ts'

for (const bundle of WORKER_BUNDLES) {
  const file = await buildWorkerBundle(bundle, productionWorkerFile(bundle))
  console.log(`kubelab: bundled the ${bundle.name} into ${file}`)
}
