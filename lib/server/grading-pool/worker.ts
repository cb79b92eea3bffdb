/**
 * The grading worker (a piscina worker thread): bundled by esbuild into one JS file (bundle.ts), because the
 * Next server is itself a bundle and a TypeScript worker file cannot be loaded from it.
 */
import { workerData } from 'node:worker_threads'
import type { PoolTask, PoolWorkerData } from './pool.ts'
import { markStarted } from './start-stamps.ts'
import { gradeTask, type GradeTaskOutput } from './task.ts'

// given by the pool for the life of this thread (pool.ts)
const given = workerData as PoolWorkerData | null
const startStamps = given ? new BigInt64Array(given.startStamps) : null

export default function grade(task: PoolTask): GradeTaskOutput {
  // Tells the pool the task left the queue: its wall-time budget starts now.
  if (startStamps && task.start) markStarted(startStamps, task.start)
  const exercise = 'exercise' in task ? task.exercise : given?.exercises[task.exerciseIndex]
  if (!exercise) throw new Error(`no exercise at index ${'exerciseIndex' in task ? task.exerciseIndex : '?'} in this worker`)
  return gradeTask({ exercise, submission: task.submission, lang: task.lang })
}
