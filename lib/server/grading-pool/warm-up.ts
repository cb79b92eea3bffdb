/**
 * A new grading pool grades the course's reference solutions a few rounds before learners arrive. Each worker
 * thread is a fresh V8 isolate that compiles the simulator's hot paths only as they run: measured on the Deployment
 * exercise, a fresh thread's first grade takes 16 ms, the next ten 2.6 ms each, and only from about the 200th does
 * a grade settle at 1.1 ms. Without this the first learners after a start paid for that, and under load the
 * queue behind a cold thread grew (about half the grades over 100 ms in a 20 s load test came from its first
 * seconds). The warm-up keeps one grade per thread at a time, so a learner's grade that arrives meanwhile waits for
 * one at most, and it stops at the first answer that is not a grade (the queue is full, the pool is closing).
 */
import type { Exercise } from '../../grading/exercise-schema.ts'
import { commandsFromText, type Submission } from '../../grading/run-exercise.ts'
import type { GradingPool } from './pool.ts'
import type { GradeTaskInput } from './task.ts'

/** Reference solutions graded per thread: where a grade's time has come down to within a fifth of its steady one. */
export const WARM_UP_GRADES_PER_THREAD = 150

/** One warm-up grade per exercise: its reference solution, as a learner would send it. */
export function warmUpTasks(exercises: Exercise[]): GradeTaskInput[] {
  return exercises.map((exercise) => {
    const submission: Submission =
      exercise.kind === 'manifest' ? { yaml: exercise.solution } : { commands: commandsFromText(exercise.solution) }
    return { exercise, submission, lang: 'en' }
  })
}

/** Grades `tasks` round after round, one at a time per thread, `perThread` grades per thread in all. */
export async function warmUp(
  pool: GradingPool,
  tasks: GradeTaskInput[],
  perThread = WARM_UP_GRADES_PER_THREAD,
): Promise<{ grades: number; stopped: boolean }> {
  if (tasks.length === 0) return { grades: 0, stopped: false }
  const total = perThread * pool.size
  let next = 0
  let stopped = false
  const lane = async () => {
    while (!stopped && next < total) {
      const task = tasks[next++ % tasks.length]!
      const outcome = await pool.grade(task)
      if (outcome.status !== 'done') stopped = true
    }
  }
  await Promise.all(Array.from({ length: pool.size }, lane))
  return { grades: Math.min(next, total), stopped }
}
