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
import type { CourseLookup } from '../lib/server/dal/class-insight.ts'
import type { Viewer } from '../lib/server/dal/viewer.ts'
import type { ClassScaleIds } from '../lib/testing/class-scale-data.ts'

export interface ClassView {
  name: string
  /** the most SQL statements one call may issue, whatever the class's size */
  maxQueries: number
  /**
   * Why the count may differ between two classes without growing with them (e.g. a statement that runs only when
   * there is something to count); the view is then held to `maxQueries` only. Absent: the same count for any size.
   */
  varies?: string
  /** a view that reads page by page: the rows it read (from its answer) and the page size; one statement more per page */
  paged?: { pageSize: number; rows: (answer: unknown) => number }
  /** one call, as the page or route makes it, by the class's teacher; returns what the page shows (never null) */
  run: (dal: Dal, viewer: Viewer, ids: ClassScaleIds) => Promise<unknown>
}

/** The course as the insight views read it, from content/ (the server adds published studio lessons; none here). */
export const contentCourses: CourseLookup = async (courseId) => loadCourses().find((c) => c.id === courseId)

export const classViews: ClassView[] = [
  // the class page: learners × lessons — the class and the viewer's co-teacher row (taughtClass: 2), the enrolments
  // and their users (2), lesson progress (1), quiz attempts (1)
  { name: 'classes.detail (matrix)', maxQueries: 6, run: (dal, viewer, ids) => dal.classes.detail(viewer, ids.classId) },
  // a learner's page: taughtClass (2), the enrolment and its user (2), the count, a page of submissions, the
  // learner's progress and quiz attempts (1 each)
  {
    name: 'classes.learnerSubmissions',
    maxQueries: 8,
    run: (dal, viewer, ids) => dal.classes.learnerSubmissions(viewer, ids.classId, ids.learnerId),
  },
  // the progress CSV (app/api/classes/[classId]/export): the matrix's data, built and written as the route does
  {
    name: 'export: progress CSV',
    maxQueries: 6,
    run: async (dal, viewer, ids) => {
      const d = await dal.classes.detail(viewer, ids.classId)
      return d && progressCsv(buildProgressMatrix(lessonsOf(ids.courseId), d.learners, d.progress, d.quizzes), csvLabels)
    },
  },
  // issue 17 — the class's exercise list: taughtClass (2), the enrolments (1), attempts grouped by exercise and learner
  // (1), failing checks grouped in the database over the results' JSON (1)
  { name: 'insight.classExercises', maxQueries: 8, run: (dal, viewer, ids) => dal.insight.classExercises(viewer, ids.classId) },
  // one exercise's insight: taughtClass (2), the enrolments and their users, the class's submissions of it
  {
    name: 'insight.exerciseInsight',
    maxQueries: 8,
    run: (dal, viewer, ids) => dal.insight.exerciseInsight(viewer, ids.classId, ids.exerciseId),
  },
  // a quiz's item analysis: taughtClass (2), the enrolments, the class's attempts at the quiz
  { name: 'insight.quizInsight', maxQueries: 8, run: (dal, viewer, ids) => dal.insight.quizInsight(viewer, ids.classId, ids.lessonId) },
  // the comments to one learner (their page), and the class's due dates (the class page and the editor)
  {
    name: 'comments.forLearner',
    maxQueries: 6,
    varies: 'the group sizes are counted only when the learner has a comment written to a group',
    run: (dal, viewer, ids) => dal.comments.forLearner(viewer, ids.classId, ids.learnerId),
  },
  { name: 'deadlines.forClass', maxQueries: 4, run: (dal, viewer, ids) => dal.deadlines.forClass(viewer, ids.classId) },
  // the CSV of every attempt, read page by page (500 rows a page: 40 pages at 20,000 submissions) and written out
  {
    name: 'export: attempts CSV',
    // taughtClass (2), the enrolments and their users (2), then one statement per page of 500 attempts (the last one
    // may come back empty)
    maxQueries: 4,
    paged: { pageSize: 500, rows: (answer) => answer as number },
    run: async (dal, viewer, ids) => {
      const found = await dal.classAttempts.attempts(viewer, ids.classId)
      if (!found) return null
      let rows = 0
      for await (const page of found.pages) rows += page.length
      return rows
    },
  },
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
