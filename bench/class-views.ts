/**
 * Every view of a class a teacher opens, as one call of the data-access layer each: what the class-scale bench
 * times (bench/class-scale.bench.ts) and what the class views' test holds to a number of SQL statements and to no
 * full scan of a big table (lib/server/dal/class-views.integration.test.ts). A new view is one more entry.
 *
 * `maxQueries` is the most statements the view may issue for a class of any size (transaction control not
 * counted): one grouped query per kind of row, never one per learner or per exercise. The test also runs each view
 * on a class twice as large and fails if the count grows.
 */
import { progressCsv } from '../lib/classes/csv.ts'
import { buildProgressMatrix, type MatrixLesson } from '../lib/classes/progress-matrix.ts'
import { loadCourses } from '../lib/content/load.ts'
import type { Dal } from '../lib/server/dal/index.ts'
import type { Viewer } from '../lib/server/dal/viewer.ts'
import type { ClassScaleIds } from '../lib/server/testing/class-scale-data.ts'

export interface ClassView {
  name: string
  /** the most SQL statements one call may issue, whatever the class's size */
  maxQueries: number
  /** one call, as the page or route makes it, by the class's teacher; returns what the page shows (never null) */
  run: (dal: Dal, viewer: Viewer, ids: ClassScaleIds) => Promise<unknown>
}

export const classViews: ClassView[] = [
  // the class page: learners × lessons — the class and the viewer's co-teacher row (taughtClass: 2), the enrolments
  // and their users (2), lesson progress (1), quiz attempts (1)
  { name: 'classes.detail (matrix)', maxQueries: 6, run: (dal, viewer, ids) => dal.classes.detail(viewer, ids.classId) },
  // a learner's page: taughtClass (2), the enrolment and its user (2), the count, a page of submissions, the
  // learner's progress and quiz attempts (1 each)
  { name: 'classes.learnerSubmissions', maxQueries: 8, run: (dal, viewer, ids) => dal.classes.learnerSubmissions(viewer, ids.classId, ids.learnerId) },
  // the progress CSV (app/api/classes/[classId]/export): the matrix's data, built and written as the route does
  { name: 'export: progress CSV', maxQueries: 6, run: async (dal, viewer, ids) => { const d = await dal.classes.detail(viewer, ids.classId); return d && progressCsv(buildProgressMatrix(lessonsOf(ids.courseId), d.learners, d.progress, d.quizzes), csvLabels) } },
  // issue 17 — the lead adds the views the other parts build here: per-exercise insight, the class's exercise
  // summary, quiz item analysis, comments, deadlines, the attempts export, e.g.
  // { name: 'insights.exercise', maxQueries: 4, run: (dal, viewer, ids) => dal.insights.exercise(viewer, ids.classId, ids.exerciseId) },
]

/**
 * The course's lessons as the matrix lists them (the files' lessons; the route adds published studio lessons),
 * read once: the route's catalog is cached too, and reading content/ is no part of the view.
 */
const lessonsByCourse = new Map<string, MatrixLesson[]>()
function lessonsOf(courseId: string): MatrixLesson[] {
  let lessons = lessonsByCourse.get(courseId)
  if (!lessons) {
    const course = loadCourses().find((c) => c.id === courseId)
    lessons = (course?.lessons ?? []).map((l) => ({ id: l.id, number: l.number, title: l.title.ko, graded: !!l.exercise }))
    lessonsByCourse.set(courseId, lessons)
  }
  return lessons
}

const csvLabels = {
  name: 'name',
  email: 'email',
  joined: 'joined',
  completed: 'completed',
  stuckOn: 'stuck on',
  lastActivity: 'last activity',
  state: { none: '', started: 'started', completed: 'completed', stuck: 'stuck' },
  quiz: ({ best, first }: { best: number; first: number }) => (first === best ? `quiz ${best}%` : `quiz ${first}% → ${best}%`),
  lateOn: 'late',
  overdueOn: 'overdue',
  deadline: { late: 'late', overdue: 'overdue' },
  due: (iso: string) => `due ${iso}`,
}
