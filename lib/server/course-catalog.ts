/**
 * The courses as learners and teachers see them (issue 14, ADR 0020): each file course from content/ with its
 * published studio lessons in the place their authors gave them, then each studio course that has a published lesson. Lookups by course, lesson, exercise and quiz id
 * are Map reads on a catalog cached per process; the cache is dropped by `studioCatalogChanged()` (the studio's
 * publish, unpublish, restore and move call it) and expires after `catalogTtlMs`, so another instance on the same
 * database (ADR 0016) shows a change within a few seconds. The command line and the build stay on the files alone
 * (lib/content/load.ts).
 */
import 'server-only'
import { orderLessonIds } from '../content/lesson-order.ts'
import type { Exercise } from '../grading/exercise-schema.ts'
import { exerciseSchema } from '../grading/exercise-schema.ts'
import { loadCourses, parseYamlText, type Course, type Lesson } from '../content/load.ts'
import { lessonSchema, quizSchema, type LessonFile, type Quiz } from '../content/schemas.ts'
import type { LessonTexts } from '../content/lesson-folder.ts'
import { dal } from './dal/index.ts'
import { log } from './observability/log.ts'

/** Where a lesson's page comes from: its folder, or the published version of a studio lesson. */
export type LessonSource = { kind: 'file'; dir: string } | { kind: 'studio'; version: number; pages: { ko: string; en: string } }

/** A lesson in its course's order; `number` is its position (1-based), studio lessons included. */
export interface CatalogLesson extends Omit<Lesson, 'dir'> {
  source: LessonSource
}

export interface CatalogCourse extends Omit<Course, 'lessons' | 'dir'> {
  /** a course of content/, or one written in the studio (all its lessons are studio lessons) */
  kind: 'file' | 'studio'
  /** the file course's folder (its diagrams and demos); a studio course has none */
  dir: string | null
  lessons: CatalogLesson[]
}

/** A course written in the studio, as the data-access layer gives it (`studioCourses.all`). */
export interface StudioCourseRecord {
  id: string
  title: Course['title']
  description: Course['description']
}

export interface CatalogEntry {
  course: CatalogCourse
  lesson: CatalogLesson
  /** the lesson's index in `course.lessons` */
  index: number
}

export interface CourseCatalog {
  readonly courses: readonly CatalogCourse[]
  course(courseId: string): CatalogCourse | undefined
  lesson(courseId: string, lessonId: string): CatalogEntry | undefined
  exercise(exerciseId: string): (CatalogEntry & { exercise: Exercise }) | undefined
  quiz(quizId: string): (CatalogEntry & { quiz: Quiz }) | undefined
}

/** A published studio lesson as the data-access layer gives it (`studioLessons.published`). */
export interface PublishedStudioLesson {
  lessonId: string
  afterLessonId: string | null
  number: number
  texts: LessonTexts
}

/** A published studio lesson parsed with the file format's schemas. */
export interface ParsedStudioLesson {
  lessonId: string
  afterLessonId: string | null
  version: number
  meta: LessonFile
  exercise: Exercise | null
  quiz: Quiz | null
  pages: { ko: string; en: string }
}

/** How long a process trusts its catalog before reading the published studio lessons again. */
export const catalogTtlMs = 5_000

/**
 * The course's lessons in order: file lessons as course.yaml lists them, each studio lesson right after the lesson
 * it names (a file or studio lesson; null: first), lessons after the same one in the order given (creation order),
 * and a studio lesson whose anchor is not in the course (removed; an unpublished anchor was already replaced by the
 * published lesson before it, `visibleAnchor`) at the end, followed by its own chain.
 */
export function orderLessons<F extends { id: string }, S extends { lessonId: string; afterLessonId: string | null }>(
  fileLessons: readonly F[],
  studioLessons: readonly S[],
): Array<F | S> {
  // the one ordering rule (lib/content/lesson-order.ts), which the studio's list and its up/down moves use too
  const byId = new Map<string, F | S>([
    ...studioLessons.map((s) => [s.lessonId, s] as const),
    ...fileLessons.map((f) => [f.id, f] as const),
  ])
  return orderLessonIds(
    fileLessons.map((f) => f.id),
    studioLessons,
  ).map((id) => byId.get(id)!)
}

/** Parses a published version with the same schemas as a lesson folder; the publish gate already checked it. */
export function parseStudioLesson(courseId: string, published: PublishedStudioLesson): ParsedStudioLesson {
  const name = (file: string) => `studio:${courseId}/${published.lessonId}@${published.number}/${file}`
  const { texts } = published
  return {
    lessonId: published.lessonId,
    afterLessonId: published.afterLessonId,
    version: published.number,
    meta: parseYamlText(texts.lessonYaml, lessonSchema, name('lesson.yaml')),
    exercise: texts.exerciseYaml === null ? null : parseYamlText(texts.exerciseYaml, exerciseSchema, name('exercise.yaml')),
    quiz: texts.quizYaml === null ? null : parseYamlText(texts.quizYaml, quizSchema, name('quiz.yaml')),
    pages: { ko: texts.pageKo, en: texts.pageEn },
  }
}

/**
 * The catalog of these file courses and these parsed studio lessons (by course id), then of the studio courses that
 * have a published lesson (one whose id a file course took since is left out: the file course wins). Pure.
 */
export function buildCatalog(
  fileCourses: readonly Course[],
  studioByCourse: ReadonlyMap<string, readonly ParsedStudioLesson[]>,
  studioCourses: readonly StudioCourseRecord[] = [],
): CourseCatalog {
  const fileCourseIds = new Set(fileCourses.map((c) => c.id))
  const listed = [
    ...fileCourses.map((course) => ({ kind: 'file' as const, course })),
    ...studioCourses
      .filter((c) => !fileCourseIds.has(c.id) && (studioByCourse.get(c.id)?.length ?? 0) > 0)
      .map((c) => ({ kind: 'studio' as const, course: { ...c, dir: null, lessons: [] as Lesson[], glossary: [] } })),
  ]
  const courses = listed.map(({ kind, course }): CatalogCourse => {
    const fileIds = new Set(course.lessons.map((l) => l.id))
    // a file lesson added later with a studio lesson's id wins: the studio lesson stays hidden until renamed
    const studio = (studioByCourse.get(course.id) ?? []).filter((s) => !fileIds.has(s.lessonId))
    const lessons = orderLessons(course.lessons, studio).map((entry, index): CatalogLesson => {
      if ('dir' in entry) {
        const { dir, ...lesson } = entry
        return { ...lesson, number: index + 1, source: { kind: 'file', dir } }
      }
      return {
        ...entry.meta,
        id: entry.lessonId,
        courseId: course.id,
        number: index + 1,
        exercise: entry.exercise,
        quiz: entry.quiz,
        source: { kind: 'studio', version: entry.version, pages: entry.pages },
      }
    })
    return { ...course, kind, lessons }
  })
  const byCourse = new Map(courses.map((c) => [c.id, c]))
  const byLesson = new Map<string, CatalogEntry>()
  const byExercise = new Map<string, CatalogEntry & { exercise: Exercise }>()
  const byQuiz = new Map<string, CatalogEntry & { quiz: Quiz }>()
  for (const course of courses) {
    course.lessons.forEach((lesson, index) => {
      const entry = { course, lesson, index }
      byLesson.set(`${course.id}/${lesson.id}`, entry)
      // the first lesson to claim an id keeps it (file lessons come first in a course, the gate refuses taken ids)
      if (lesson.exercise && !byExercise.has(lesson.exercise.id))
        byExercise.set(lesson.exercise.id, { ...entry, exercise: lesson.exercise })
      if (lesson.quiz && !byQuiz.has(lesson.quiz.id)) byQuiz.set(lesson.quiz.id, { ...entry, quiz: lesson.quiz })
    })
  }
  return {
    courses,
    course: (courseId) => byCourse.get(courseId),
    lesson: (courseId, lessonId) => byLesson.get(`${courseId}/${lessonId}`),
    exercise: (exerciseId) => byExercise.get(exerciseId),
    quiz: (quizId) => byQuiz.get(quizId),
  }
}

type PublishedSource = (courseId: string) => Promise<PublishedStudioLesson[]>
type StudioCourseSource = () => Promise<StudioCourseRecord[]>

interface Holder {
  catalog: CourseCatalog | null
  /** the last catalog read with its studio lessons, kept through a drop: served while the database is away */
  lastRead: CourseCatalog | null
  loadedAt: number
  loading: Promise<CourseCatalog> | null
  /** bumped by studioCatalogChanged: a load that began before it is not kept */
  generation: number
  /** parsed versions by course/lesson@version, so a reload parses only what was newly published */
  parsed: Map<string, ParsedStudioLesson | null>
  source: PublishedSource | null
  studioCourseSource: StudioCourseSource | null
}

// On globalThis: Next.js may load this module once per server bundle, and the studio's actions must drop the same
// cache the learners' routes read.
const holder: Holder = ((globalThis as { __kubelabCourseCatalog?: Holder }).__kubelabCourseCatalog ??= {
  catalog: null,
  lastRead: null,
  loadedAt: 0,
  loading: null,
  generation: 0,
  parsed: new Map(),
  source: null,
  studioCourseSource: null,
})

const publishedFromDatabase: PublishedSource = (courseId) => dal().studioLessons.published(courseId)
const studioCoursesFromDatabase: StudioCourseSource = () => dal().studioCourses.all()

function parsedOnce(
  courseId: string,
  published: PublishedStudioLesson,
  seen: Map<string, ParsedStudioLesson | null>,
): ParsedStudioLesson | null {
  const key = `${courseId}/${published.lessonId}@${published.number}`
  if (!holder.parsed.has(key)) {
    try {
      holder.parsed.set(key, parseStudioLesson(courseId, published))
    } catch (error) {
      // a version that passed the gate but no longer parses (a schema changed since): left out, the rest is served
      log().error(
        { event: 'catalog.studio-lesson-unreadable', course: courseId, lesson: published.lessonId, version: published.number, err: error },
        `studio lesson ${courseId}/${published.lessonId} version ${published.number} does not parse; it is not shown`,
      )
      holder.parsed.set(key, null)
    }
  }
  const parsed = holder.parsed.get(key) ?? null
  seen.set(key, parsed)
  return parsed
}

async function load(): Promise<CourseCatalog> {
  const generation = holder.generation
  const files = loadCourses()
  const source = holder.source ?? publishedFromDatabase
  let catalog: CourseCatalog
  try {
    const studioCourses = await (holder.studioCourseSource ?? studioCoursesFromDatabase)()
    const courseIds = [...files.map((c) => c.id), ...studioCourses.map((c) => c.id)]
    const published = await Promise.all(courseIds.map(async (courseId) => [courseId, await source(courseId)] as const))
    const seen = new Map<string, ParsedStudioLesson | null>()
    const studio = new Map(published.map(([courseId, lessons]) => [courseId, lessons.flatMap((l) => parsedOnce(courseId, l, seen) ?? [])]))
    holder.parsed = seen
    catalog = buildCatalog(files, studio, studioCourses)
    if (generation === holder.generation) holder.lastRead = catalog
  } catch (error) {
    // the database is away: file lessons stay available; what was known of studio lessons too, until it is back
    log().warn(
      { event: 'catalog.studio-unavailable', err: error },
      'published studio lessons could not be read; serving the last known catalog',
    )
    catalog = holder.lastRead ?? buildCatalog(files, new Map())
  }
  if (generation === holder.generation) {
    holder.catalog = catalog
    holder.loadedAt = Date.now()
  }
  return catalog
}

/** The catalog; read again from the database after `catalogTtlMs` or a `studioCatalogChanged()`. */
export async function courseCatalog(): Promise<CourseCatalog> {
  if (holder.catalog && Date.now() - holder.loadedAt < catalogTtlMs) return holder.catalog
  if (!holder.loading) {
    const loading = load().finally(() => {
      if (holder.loading === loading) holder.loading = null
    })
    holder.loading = loading
  }
  return holder.loading
}

/**
 * Drops this process's catalog: the next lookup reads the published studio lessons again. The studio calls it after
 * a publish, unpublish, restore or move; other instances see the change when their copy expires (`catalogTtlMs`).
 */
export function studioCatalogChanged(): void {
  holder.generation++
  holder.catalog = null
  holder.loading = null
}

/**
 * Tests: read published studio lessons (and studio courses, none when not given) from here instead of the server's
 * database (null: the database again).
 */
export function usePublishedStudioLessons(source: PublishedSource | null, studioCourses: StudioCourseSource = async () => []): void {
  holder.source = source
  holder.studioCourseSource = source ? studioCourses : null
  holder.lastRead = null
  studioCatalogChanged()
}

export const findCatalogCourse = async (courseId: string) => (await courseCatalog()).course(courseId)
export const findCatalogLesson = async (courseId: string, lessonId: string) => (await courseCatalog()).lesson(courseId, lessonId)
export const findCatalogExercise = async (exerciseId: string) => (await courseCatalog()).exercise(exerciseId)
export const findCatalogQuiz = async (quizId: string) => (await courseCatalog()).quiz(quizId)
