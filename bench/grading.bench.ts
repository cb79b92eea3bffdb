/**
 * Grading latency in-process: every course exercise graded with its reference solution (validate → simulate →
 * checks), repeated; prints the median and p99 per grade over all of them. Target: p99 under 20 ms.
 */
import { loadCourses } from '../lib/content/load.ts'
import { gradeExercise } from '../lib/grading/grade.ts'

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export async function run(): Promise<void> {
  const exercises = loadCourses().flatMap((c) => c.lessons.flatMap((l) => (l.exercise ? [l.exercise] : [])))
  for (let i = 0; i < 5; i++) for (const e of exercises) gradeExercise(e, e.solution) // warm up the JIT
  const rounds = Number(process.env.ROUNDS ?? 100)
  const all: number[] = []
  const perExercise: { id: string; median: number; max: number }[] = []
  for (const e of exercises) {
    const times: number[] = []
    for (let i = 0; i < rounds; i++) {
      const start = performance.now()
      const { result } = gradeExercise(e, e.solution)
      times.push(performance.now() - start)
      if (!result.passed) throw new Error(`${e.id}: the reference solution does not pass`)
    }
    times.sort((a, b) => a - b)
    all.push(...times)
    perExercise.push({ id: e.id, median: percentile(times, 50), max: times.at(-1)! })
  }
  all.sort((a, b) => a - b)
  for (const p of perExercise)
    console.log(`  ${p.id.padEnd(34)} median ${p.median.toFixed(2).padStart(7)} ms   max ${p.max.toFixed(2).padStart(7)} ms`)
  console.log(
    `grading, ${exercises.length} exercises × ${rounds} rounds: median ${percentile(all, 50).toFixed(2)} ms, p99 ${percentile(all, 99).toFixed(2)} ms per grade (target p99 < 20 ms)`,
  )
}
