/** `npm run build` (after `next build`) and build-if-needed: bundles the grading worker for `next start` (ADR 0013). */
import { buildGradingWorker, productionWorkerFile } from '../lib/server/grading-pool/bundle.ts'

const file = await buildGradingWorker(productionWorkerFile())
console.log(`kubelab: bundled the grading worker into ${file}`)
