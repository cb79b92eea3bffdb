import 'server-only'
import { findExercise } from '../content/load.ts'
import { solutionUnlocked } from '../grading/attempts.ts'
import { gradeExercise, type SimulationTrace } from '../grading/grade.ts'
import type { Submission } from '../grading/run-exercise.ts'
import type { GradeResult, Lang } from '../grading/result.ts'
import { dal } from './dal/index.ts'
import type { Viewer } from './dal/viewer.ts'

export interface GradeResponse extends GradeResult {
  simulation: SimulationTrace | null
  saved: boolean
  lessonCompleted: boolean
  /** Attempts so far, this one included (signed-in learners; null for visitors). */
  attempts: number | null
  solutionAvailable: boolean
}

export type GradeOutcome = { status: 'graded'; response: GradeResponse } | { status: 'not_found' } | { status: 'wrong_kind'; message: string }

/** Grades a submission; for a signed-in learner also stores it and the lesson's progress (one transaction). */
export async function gradeSubmission(viewer: Viewer | null, exerciseId: string, input: { yaml?: string; commands?: string[] }, lang: Lang): Promise<GradeOutcome> {
  const found = findExercise(exerciseId)
  if (!found) return { status: 'not_found' }
  const { exercise, lesson, course } = found
  const { yaml, commands } = input
  const submission: Submission | null = exercise.kind === 'manifest' ? (yaml !== undefined ? { yaml } : null) : commands !== undefined ? { commands } : null
  if (!submission) return { status: 'wrong_kind', message: exercise.kind === 'manifest' ? 'This exercise takes { "yaml": "…" }.' : 'This exercise takes { "commands": ["…"] }.' }
  const { result, simulation } = gradeExercise(exercise, submission, { lang })
  if (!viewer) return { status: 'graded', response: { ...result, simulation, saved: false, lessonCompleted: false, attempts: null, solutionAvailable: false } }
  const source = 'yaml' in submission ? submission.yaml : submission.commands.join('\n')
  const { progress, exercise: attempts } = await dal().progress.recordSubmission(viewer, { courseId: course.id, lessonId: lesson.id, exerciseId: exercise.id, kind: exercise.kind, source, result })
  return {
    status: 'graded',
    response: { ...result, simulation, saved: true, lessonCompleted: progress.status === 'completed', attempts: attempts.attempts, solutionAvailable: solutionUnlocked(attempts) },
  }
}

export type SolutionOutcome = { status: 'ok'; solution: string } | { status: 'not_found' } | { status: 'locked'; attempts: number }

/** The reference solution, for a signed-in learner who passed or tried enough. */
export async function revealSolution(viewer: Viewer, exerciseId: string): Promise<SolutionOutcome> {
  const found = findExercise(exerciseId)
  if (!found) return { status: 'not_found' }
  const progress = await dal().progress.exerciseAttempts(viewer, exerciseId)
  return solutionUnlocked(progress) ? { status: 'ok', solution: found.exercise.solution } : { status: 'locked', attempts: progress.attempts }
}
