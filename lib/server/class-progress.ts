import 'server-only'
import { buildProgressMatrix, type MatrixLesson, type ProgressMatrix } from '../classes/progress-matrix.ts'
import { findCatalogCourse } from './course-catalog.ts'
import { dal } from './dal/index.ts'
import type { ClassDetail, LearnerSubmissions } from './dal/classes.ts'
import type { Viewer } from './dal/viewer.ts'
import type { Locale } from '../../i18n/locales.ts'

/** A course's lessons as the progress matrix lists them (published studio lessons in their place), in the given language. */
async function matrixLessons(courseId: string, locale: Locale): Promise<{ lessons: MatrixLesson[]; courseTitle: string }> {
  const course = await findCatalogCourse(courseId)
  return {
    lessons: (course?.lessons ?? []).map((l) => ({ id: l.id, number: l.number, title: l.title[locale], graded: !!l.exercise })),
    courseTitle: course?.title[locale] ?? courseId,
  }
}

/**
 * A class the viewer teaches with its progress matrix in the given language, its lessons' due dates (issue 17) and
 * late and overdue work judged at `now`; null when not theirs.
 */
export async function classProgress(
  viewer: Viewer,
  classId: string,
  locale: Locale,
  now: Date = new Date(),
): Promise<{ detail: ClassDetail; matrix: ProgressMatrix; courseTitle: string } | null> {
  const [detail, due] = await Promise.all([dal().classes.detail(viewer, classId), dal().deadlines.forClass(viewer, classId)])
  if (!detail) return null
  const { lessons, courseTitle } = await matrixLessons(detail.courseId, locale)
  const dueAt = new Map((due?.deadlines ?? []).map((d) => [d.lessonId, d.dueAt]))
  const withDue = lessons.map((l) => ({ ...l, dueAt: dueAt.get(l.id) ?? null }))
  return { detail, matrix: buildProgressMatrix(withDue, detail.learners, detail.progress, detail.quizzes, { now }), courseTitle }
}

/** One learner of a class the viewer teaches: submissions and their row of the matrix; null when not theirs. */
export async function learnerProgress(
  viewer: Viewer,
  classId: string,
  userId: string,
  locale: Locale,
  page = 1,
): Promise<{ seen: LearnerSubmissions; matrix: ProgressMatrix } | null> {
  const seen = await dal().classes.learnerSubmissions(viewer, classId, userId, { page })
  if (!seen) return null
  const { lessons } = await matrixLessons(seen.courseId, locale)
  return { seen, matrix: buildProgressMatrix(lessons, [seen.learner], seen.progress, seen.quizzes) }
}
