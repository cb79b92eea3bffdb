/**
 * The server's one grading pool (kept on globalThis so Next's module reloads in development do not start
 * another), created on the first grade with the worker bundle for this mode (bundle.ts).
 */
import { existsSync } from 'node:fs'
import { buildWorkerBundle, developmentWorkerFile, GRADING_WORKER, productionWorkerFile, workerBundleStale } from './bundle.ts'
import { GradingPool } from './pool.ts'
import { warmUp, warmUpTasks } from './warm-up.ts'
import { loadCourses } from '../../content/load.ts'
import type { Exercise } from '../../grading/exercise-schema.ts'
import { env } from '../env.ts'
import { log } from '../observability/log.ts'
import { setPoolReading } from '../observability/metrics.ts'

export { GradingPool, type PoolOutcome, type GradingPoolOptions } from './pool.ts'
export { gradeTask, type GradeTaskInput, type GradeTaskOutput } from './task.ts'

interface Holder {
  pool: GradingPool | null
  checkedAt: number
  preparing: Promise<GradingPool> | null
  fixed: boolean
}

const holder: Holder = ((globalThis as { __kubelabGradingPool?: Holder }).__kubelabGradingPool ??= {
  pool: null,
  checkedAt: 0,
  preparing: null,
  fixed: false,
})

// the pool gauges of /api/metrics read the pool this process grades with
setPoolReading(() => (holder.pool ? { queued: holder.pool.queued, running: holder.pool.running, threads: holder.pool.threads } : null))

/** How often development checks whether the engine's sources changed since the worker was bundled. */
const DEV_CHECK_MS = 2000

async function prepare(): Promise<GradingPool> {
  const production = process.env.NODE_ENV === 'production'
  const file = production ? productionWorkerFile(GRADING_WORKER) : developmentWorkerFile(GRADING_WORKER)
  if (production ? !existsSync(file) : workerBundleStale(GRADING_WORKER, file)) {
    if (production)
      log().warn(
        { event: 'grading.bundle-missing', file },
        `${file} is missing (built by \`npm run build\`); bundling the grading worker now`,
      )
    await buildWorkerBundle(GRADING_WORKER, file)
    const old = holder.pool
    holder.pool = null
    if (old) void old.close()
  }
  // production loads content once, so its workers can hold every exercise from the start (pool.ts, `exercises`)
  holder.pool ??= new GradingPool({
    workerFile: file,
    threads: env().KUBELAB_GRADING_THREADS,
    exercises: production ? courseExercises() : [],
  })
  holder.checkedAt = Date.now()
  return holder.pool
}

/** The pool grades go to. Production checks its bundle once; development whenever two seconds have passed. */
export async function gradingPool(): Promise<GradingPool> {
  const fresh = holder.pool && (holder.fixed || process.env.NODE_ENV === 'production' || Date.now() - holder.checkedAt < DEV_CHECK_MS)
  if (fresh) return holder.pool!
  holder.preparing ??= prepare().finally(() => {
    holder.preparing = null
  })
  return holder.preparing
}

/** Tests: grade with this pool (or go back to the default one with null). */
export function useGradingPool(pool: GradingPool | null): void {
  holder.pool = pool
  holder.fixed = pool !== null
}

/** Every exercise of every course; none when the content does not load (each grade then carries its exercise). */
function courseExercises(): Exercise[] {
  try {
    return loadCourses().flatMap((course) => course.lessons.flatMap((lesson) => (lesson.exercise ? [lesson.exercise] : [])))
  } catch {
    return []
  }
}

/**
 * Starts the pool now and warms its threads with the course's reference solutions (warm-up.ts), so the first
 * learners do not wait for V8 to compile the simulator. For a server's start (instrumentation.ts): never throws,
 * logs what it did.
 */
export async function warmGradingPool(): Promise<void> {
  try {
    const started = performance.now()
    const pool = await gradingPool()
    const { grades, stopped } = await warmUp(pool, warmUpTasks(courseExercises()))
    log().info(
      { event: 'grading.warm', grades, threads: pool.size, stopped, ms: Math.round(performance.now() - started) },
      `grading threads warmed with ${grades} grades`,
    )
  } catch (error) {
    log().warn(
      { event: 'grading.warm-failed', err: error },
      'warming the grading threads failed; grades still work, the first ones are slower',
    )
  }
}
