/**
 * The studio-gate worker (a piscina worker thread of the budgeted pool), bundled by esbuild into one JS file
 * (lib/server/grading-pool/bundle.ts, STUDIO_GATE_WORKER) because the Next server is itself a bundle.
 */
import { workerData } from 'node:worker_threads'
import type { BudgetedWorkerData } from '../grading-pool/budgeted-pool.ts'
import { markStarted, type StartTicket } from '../grading-pool/start-stamps.ts'
import { runStudioTask, type StudioTask } from './task.ts'

const given = workerData as BudgetedWorkerData | null
const startStamps = given ? new BigInt64Array(given.startStamps) : null

export default function run(task: StudioTask & { start?: StartTicket }) {
  // Tells the pool the task left the queue: its wall-time budget starts now.
  if (startStamps && task.start) markStarted(startStamps, task.start)
  return runStudioTask(task)
}
