import { describe, expect, it } from 'vitest'
import { findExercise } from '../../content/load.ts'
import type { GradingPool, PoolOutcome } from './pool.ts'
import type { GradeTaskInput } from './task.ts'
import { warmUp, warmUpTasks } from './warm-up.ts'

/** A pool that records what it was asked, one tick per grade. */
function fakePool(size: number, answer: (n: number) => PoolOutcome['status'] = () => 'done') {
  const graded: string[] = []
  let running = 0
  let most = 0
  const pool = {
    size,
    async grade(task: GradeTaskInput): Promise<PoolOutcome> {
      running++
      most = Math.max(most, running)
      await new Promise((resolve) => setTimeout(resolve, 1))
      running--
      graded.push(task.exercise.id)
      const status = answer(graded.length)
      return status === 'done' ? { status, output: {} as never } : ({ status } as PoolOutcome)
    },
  }
  return { pool: pool as unknown as GradingPool, graded, most: () => most }
}

describe('warming the grading pool', () => {
  const exercises = ['pod-first-manifest', 'deployment-web', 'scaling-web-to-5'].map((id) => findExercise(id)!.exercise)

  it('grades each exercise’s reference solution as a learner sends it', () => {
    const tasks = warmUpTasks(exercises)
    expect(tasks.map((t) => t.exercise.id)).toEqual(['pod-first-manifest', 'deployment-web', 'scaling-web-to-5'])
    expect(tasks[1]!.submission).toEqual({ yaml: exercises[1]!.solution })
    // a command exercise: its solution's lines as commands
    expect(exercises[2]!.kind).toBe('command')
    expect('commands' in tasks[2]!.submission && tasks[2]!.submission.commands.length).toBeGreaterThan(0)
  })

  it('grades so many per thread, round after round, one at a time per thread', async () => {
    const { pool, graded, most } = fakePool(2)
    expect(await warmUp(pool, warmUpTasks(exercises), 5)).toEqual({ grades: 10, stopped: false })
    expect(graded).toHaveLength(10)
    expect(new Set(graded)).toEqual(new Set(['pod-first-manifest', 'deployment-web', 'scaling-web-to-5']))
    expect(most()).toBe(2)
  })

  it('stops at the first answer that is not a grade (the queue is full: learners came)', async () => {
    const { pool, graded } = fakePool(2, (n) => (n === 3 ? 'busy' : 'done'))
    const warmed = await warmUp(pool, warmUpTasks(exercises), 50)
    expect(warmed.stopped).toBe(true)
    expect(graded.length).toBeLessThanOrEqual(4) // the other thread's grade under way finishes
  })
})
