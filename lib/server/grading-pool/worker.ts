/**
 * The grading worker (a piscina worker thread): bundled by esbuild into one JS file (bundle.ts), because the
 * Next server is itself a bundle and a TypeScript worker file cannot be loaded from it.
 */
import type { MessagePort } from 'node:worker_threads'
import { gradeTask, type GradeTaskInput, type GradeTaskOutput } from './task.ts'

export default function grade(task: GradeTaskInput & { started?: MessagePort }): GradeTaskOutput {
  // Tells the pool the task left the queue: its wall-time budget starts now.
  task.started?.postMessage(0)
  return gradeTask(task)
}
