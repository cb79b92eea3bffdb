// A stand-in grading worker for the pool's tests: it hogs memory or spins forever when told to, so the pool's
// memory limit, wall-time budget and worker replacement are tested without a real grade.
import { workerData } from 'node:worker_threads'

const stamps = workerData?.startStamps ? new BigInt64Array(workerData.startStamps) : null

export default function run(task) {
  // as worker.ts: the grade starts now (start-stamps.ts)
  if (stamps && task.start) Atomics.compareExchange(stamps, task.start.slot, -BigInt(task.start.ticket), BigInt(Date.now()))
  if (task.submission?.hog) {
    const kept = []
    for (;;) kept.push(new Array(1e5).fill(kept.length))
  }
  if (task.submission?.spin) for (;;);
  // which exercise it was given: in the task, or held from the start (pool.ts, `exercises`)
  const exercise = 'exercise' in task ? task.exercise : workerData.exercises[task.exerciseIndex]
  return { result: { exercise: exercise?.id ?? 'fake', passed: true, carried: 'exercise' in task }, simulationJson: 'null', thinned: false, overBudget: null }
}
