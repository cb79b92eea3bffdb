import 'server-only'
import { findCourse } from '../content/load.ts'
import { buildProgressMatrix, type ProgressMatrix } from '../classes/progress-matrix.ts'
import { dal } from './dal/index.ts'
import type { ClassDetail } from './dal/classes.ts'
import type { Viewer } from './dal/viewer.ts'

/** A class the viewer teaches with its progress matrix in the given language; null when not theirs. */
export async function classProgress(viewer: Viewer, classId: string, locale: 'ko' | 'en'): Promise<{ detail: ClassDetail; matrix: ProgressMatrix; courseTitle: string } | null> {
  const detail = await dal().classes.detail(viewer, classId)
  if (!detail) return null
  const course = findCourse(detail.courseId)
  const lessons = (course?.lessons ?? []).map((l) => ({ id: l.id, number: l.number, title: l.title[locale], graded: !!l.exercise }))
  return { detail, matrix: buildProgressMatrix(lessons, detail.learners, detail.progress, detail.quizzes), courseTitle: course?.title[locale] ?? detail.courseId }
}
