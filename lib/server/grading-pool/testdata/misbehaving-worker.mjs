// A stand-in grading worker for the pool's tests: it hogs memory or spins forever when told to, so the pool's
// memory limit, wall-time budget and worker replacement are tested without a real grade.
export default function run(task) {
  task.started?.postMessage(0)
  if (task.submission?.hog) {
    const kept = []
    for (;;) kept.push(new Array(1e5).fill(kept.length))
  }
  if (task.submission?.spin) for (;;);
  return { result: { exercise: 'fake', passed: true }, simulationJson: 'null', thinned: false, overBudget: null }
}
