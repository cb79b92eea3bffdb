/**
 * The grading worker (a piscina worker thread): bundled by esbuild into one JS file (bundle.ts), because the
 * Next server is itself a bundle and a TypeScript worker file cannot be loaded from it.
 */
import { workerData } from 'node:worker_threads'
import { markStarted, type StartTicket } from './start-stamps.ts'
import { gradeTask, type GradeTaskInput, type GradeTaskOutput } from './task.ts'

// shared with the pool for the life of this thread (pool.ts)
const stamps = (workerData as { startStamps?: SharedArrayBuffer } | null)?.startStamps
const startStamps = stamps ? new BigInt64Array(stamps) : null

export default function grade(task: GradeTaskInput & { start?: StartTicket }): GradeTaskOutput {
  // Tells the pool the task left the queue: its wall-time budget starts now.
  if (startStamps && task.start) markStarted(startStamps, task.start)
  return gradeTask(task)
}
