/**
 * What the studio's routes and actions call for studio lessons (issue 14, ADR 0020): the data-access layer (who may,
 * drafts, versions) joined with the course's files (which ids are taken) and the publish gate (what may go to
 * learners). A publish runs the gate on the draft version the author saw and publishes that version only.
 */
import { parse } from 'yaml'
import { loadCourses, type Lesson } from '../content/load.ts'
import type { Localized } from '../content/schemas.ts'
import type { LessonTexts } from '../content/lesson-folder.ts'
import { publishProblems, type GateResult, type PageCheck } from '../content/publish-gate.ts'
import type { Dal } from './dal/index.ts'
import { FileCourseIdError, StudioCourseExistsError, type StudioCourseInput } from './dal/studio-courses.ts'
import { StudioLessonExistsError, type PublishOutcome, type StudioLessonDraft, type StudioTexts } from './dal/studio-lessons.ts'
import { requireRole, type Viewer } from './dal/viewer.ts'
import { runStudioGate } from './studio-gate/index.ts'

export type CreateOutcome =
  | { status: 'created'; lesson: StudioLessonDraft }
  | { status: 'no_course' }
  | { status: 'file_lesson' }
  | { status: 'exists' }
  /** a new course was asked for under an id a file course has, or another studio course */
  | { status: 'file_course' }
  | { status: 'course_exists' }

/**
 * A course an author writes lessons in: a file course (content/, whose lessons the studio's lessons sit among and may
 * copy; its folder holds the diagrams and demos) or a studio course (no files, no folder).
 */
export interface AuthoringCourse {
  kind: 'file' | 'studio'
  id: string
  title: Localized
  fileLessons: readonly Lesson[]
  dir: string | null
}

/** The file course or studio course with this id, as the viewer (an author or admin) may see it; null when neither. */
export async function authoringCourse(dal: Dal, viewer: Viewer | null, courseId: string): Promise<AuthoringCourse | null> {
  requireRole(viewer, ['author']) // also for a file course, which needs no query: the studio's callers rely on it
  const file = loadCourses().find((c) => c.id === courseId)
  if (file) return { kind: 'file', id: file.id, title: file.title, fileLessons: file.lessons, dir: file.dir }
  const studio = await dal.studioCourses.get(viewer, courseId)
  return studio ? { kind: 'studio', id: studio.id, title: studio.title, fileLessons: [], dir: null } : null
}

/** Every course an author may write in: the file courses, then the studio courses (oldest first). */
export async function authoringCourses(dal: Dal, viewer: Viewer | null): Promise<AuthoringCourse[]> {
  const files = loadCourses().map((c): AuthoringCourse => ({ kind: 'file', id: c.id, title: c.title, fileLessons: c.lessons, dir: c.dir }))
  const studio = (await dal.studioCourses.list(viewer)).map((c): AuthoringCourse => ({
    kind: 'studio',
    id: c.id,
    title: c.title,
    fileLessons: [],
    dir: null,
  }))
  return [...files, ...studio]
}

export type PublishAttempt = PublishOutcome | { status: 'refused'; gate: GateResult }

/** The `id:` a YAML text declares at its top level, if it parses. */
function declaredId(text: string | null): string | null {
  if (text === null) return null
  try {
    const id = (parse(text) as { id?: unknown } | null)?.id
    return typeof id === 'string' ? id : null
  } catch {
    return null
  }
}

/** The publish gate as the service runs it on a draft's texts. */
export type StudioGate = (texts: LessonTexts, context: { lessonId: string; takenIds: ReadonlySet<string> }) => Promise<GateResult>

/**
 * By default the gate runs in the studio's worker thread with its time limits (lib/server/studio-gate), with the
 * untrusted-page check (lib/content/untrusted-mdx.ts). Tests pass their own `checkPage` (the gate then runs
 * in-process with it, as it did before the worker) or their own `gate`.
 */
export function studioLessonService(
  dal: Dal,
  checkPage?: PageCheck,
  gate: StudioGate = checkPage ? (texts, context) => publishProblems(texts, { ...context, checkPage }) : runStudioGate,
) {
  /** Exercise and quiz ids of every file lesson and every other studio lesson's published version, in any course. */
  async function takenIds(courseId: string, lessonId: string): Promise<Set<string>> {
    const taken = new Set<string>()
    const files = loadCourses()
    for (const course of files) {
      for (const lesson of course.lessons) {
        if (lesson.exercise) taken.add(lesson.exercise.id)
        if (lesson.quiz) taken.add(lesson.quiz.id)
      }
    }
    const courseIds = [...files.map((c) => c.id), ...(await dal.studioCourses.all()).map((c) => c.id)]
    for (const id of courseIds) {
      for (const other of await dal.studioLessons.published(id)) {
        if (id === courseId && other.lessonId === lessonId) continue
        for (const declared of [declaredId(other.texts.exerciseYaml), declaredId(other.texts.quizYaml)]) if (declared) taken.add(declared)
      }
    }
    return taken
  }

  return {
    /**
     * A new studio lesson in a course that exists (a file or a studio course), under an id no file lesson of it has;
     * or, with `newCourse`, a new studio course (an id no file or studio course has) and this lesson as its first.
     */
    async create(
      viewer: Viewer | null,
      input: {
        courseId: string
        lessonId: string
        afterLessonId: string | null
        texts: StudioTexts
        newCourse?: Omit<StudioCourseInput, 'id'>
      },
    ): Promise<CreateOutcome> {
      requireRole(viewer, ['author'])
      const { courseId, newCourse, ...lesson } = input
      try {
        if (newCourse) {
          const made = await dal.studioCourses.create(viewer, { id: courseId, ...newCourse }, { ...lesson, afterLessonId: null })
          return { status: 'created', lesson: made.lesson! }
        }
        const course = await authoringCourse(dal, viewer, courseId)
        if (!course) return { status: 'no_course' }
        if (course.fileLessons.some((l) => l.id === lesson.lessonId)) return { status: 'file_lesson' }
        return { status: 'created', lesson: await dal.studioLessons.create(viewer, { courseId, ...lesson }) }
      } catch (error) {
        if (error instanceof StudioLessonExistsError) return { status: 'exists' }
        if (error instanceof FileCourseIdError) return { status: 'file_course' }
        if (error instanceof StudioCourseExistsError) return { status: 'course_exists' }
        throw error
      }
    },

    /** The gate's verdict on the current draft, without publishing (the studio's "check" button). */
    async check(viewer: Viewer | null, courseId: string, lessonId: string): Promise<{ draft: StudioLessonDraft; gate: GateResult } | null> {
      const draft = await dal.studioLessons.get(viewer, courseId, lessonId)
      if (!draft) return null
      return { draft, gate: await gate(draft.texts, { lessonId, takenIds: await takenIds(courseId, lessonId) }) }
    },

    /**
     * Publishes draft version `draftVersion` if it passes the gate; refused with every reason otherwise, or a
     * conflict when another author saved since (then nothing is published).
     */
    async publish(
      viewer: Viewer | null,
      courseId: string,
      lessonId: string,
      draftVersion: number,
      note: string | null,
    ): Promise<PublishAttempt> {
      const draft = await dal.studioLessons.get(viewer, courseId, lessonId)
      if (!draft) return { status: 'missing' }
      if (draft.draftVersion !== draftVersion) return { status: 'conflict', current: draft }
      const verdict = await gate(draft.texts, { lessonId, takenIds: await takenIds(courseId, lessonId) })
      if (!verdict.ok) return { status: 'refused', gate: verdict }
      return dal.studioLessons.publish(viewer, courseId, lessonId, draftVersion, note)
    },
  }
}
