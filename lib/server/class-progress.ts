import 'server-only'
import { findCourse } from '../content/load.ts'
import { buildProgressMatrix, type MatrixLesson, type ProgressMatrix } from '../classes/progress-matrix.ts'
import { dal } from './dal/index.ts'
import type { ClassDetail, LearnerSubmissions } from './dal/classes.ts'
import type { Viewer } from './dal/viewer.ts'

/** A course's lessons as the progress matrix lists them, in the given language. */
function matrixLessons(courseId: string, locale: 'ko' | 'en'): { lessons: MatrixLesson[]; courseTitle: string } {
  const course = findCourse(courseId)
  return {
    lessons: (course?.lessons ?? []).map((l) => ({ id: l.id, number: l.number, title: l.title[locale], graded: !!l.exercise })),
    courseTitle: course?.title[locale] ?? courseId,
  }
}

/** A class the viewer teaches with its progress matrix in the given language; null when not theirs. */
export async function classProgress(viewer: Viewer, classId: string, locale: 'ko' | 'en'): Promise<{ detail: ClassDetail; matrix: ProgressMatrix; courseTitle: string } | null> {
  const detail = await dal().classes.detail(viewer, classId)
  if (!detail) return null
  const { lessons, courseTitle } = matrixLessons(detail.courseId, locale)
  return { detail, matrix: buildProgressMatrix(lessons, detail.learners, detail.progress, detail.quizzes), courseTitle }
}

/** One learner of a class the viewer teaches: submissions and their row of the matrix; null when not theirs. */
export async function learnerProgress(viewer: Viewer, classId: string, userId: string, locale: 'ko' | 'en', page = 1): Promise<{ seen: LearnerSubmissions; matrix: ProgressMatrix } | null> {
  const seen = await dal().classes.learnerSubmissions(viewer, classId, userId, { page })
  if (!seen) return null
  const { lessons } = matrixLessons(seen.courseId, locale)
  return { seen, matrix: buildProgressMatrix(lessons, [seen.learner], seen.progress, seen.quizzes) }
}
