import 'server-only'
import { findExercise } from '../content/load.ts'
import { gradeManifestExercise } from '../grading/grade.ts'
import type { GradeResult, Lang } from '../grading/result.ts'
import { dal } from './dal/index.ts'
import type { Viewer } from './dal/viewer.ts'

export type GradeOutcome =
  | { status: 'graded'; result: GradeResult; saved: boolean; lessonCompleted: boolean }
  | { status: 'not_found' }
  | { status: 'unsupported'; message: string }

/** Grades a submission; for a signed-in learner also stores it and the lesson's progress (one transaction). */
export async function gradeSubmission(viewer: Viewer | null, exerciseId: string, input: { yaml?: string; commands?: string[] }, lang: Lang): Promise<GradeOutcome> {
  const found = findExercise(exerciseId)
  if (!found) return { status: 'not_found' }
  const { exercise, lesson, course } = found
  if (exercise.kind !== 'manifest' || input.yaml === undefined) {
    return { status: 'unsupported', message: exercise.kind === 'manifest' ? 'This exercise takes { "yaml": "…" }.' : 'Command exercises are graded from the terminal.' }
  }
  const result = gradeManifestExercise(exercise, input.yaml, { lang })
  if (!viewer) return { status: 'graded', result, saved: false, lessonCompleted: false }
  const { progress } = await dal().progress.recordSubmission(viewer, {
    courseId: course.id,
    lessonId: lesson.id,
    exerciseId: exercise.id,
    kind: exercise.kind,
    source: input.yaml,
    result,
  })
  return { status: 'graded', result, saved: true, lessonCompleted: progress.status === 'completed' }
}
