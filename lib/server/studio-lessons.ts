/**
 * What the studio's routes and actions call for studio lessons (issue 14, ADR 0020): the data-access layer (who may,
 * drafts, versions) joined with the course's files (which ids are taken) and the publish gate (what may go to
 * learners). A publish runs the gate on the draft version the author saw and publishes that version only.
 */
import { parse } from 'yaml'
import { loadCourses } from '../content/load.ts'
import type { LessonTexts } from '../content/lesson-folder.ts'
import { publishProblems, type GateResult, type PageCheck } from '../content/publish-gate.ts'
import type { Dal } from './dal/index.ts'
import { StudioLessonExistsError, type PublishOutcome, type StudioLessonDraft, type StudioTexts } from './dal/studio-lessons.ts'
import { requireRole, type Viewer } from './dal/viewer.ts'
import { runStudioGate } from './studio-gate/index.ts'

export type CreateOutcome = { status: 'created'; lesson: StudioLessonDraft } | { status: 'no_course' } | { status: 'file_lesson' } | { status: 'exists' }

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
export function studioLessonService(dal: Dal, checkPage?: PageCheck, gate: StudioGate = checkPage ? (texts, context) => publishProblems(texts, { ...context, checkPage }) : runStudioGate) {
  /** Exercise and quiz ids of every file lesson and every other studio lesson's published version. */
  async function takenIds(courseId: string, lessonId: string): Promise<Set<string>> {
    const taken = new Set<string>()
    for (const course of loadCourses()) {
      for (const lesson of course.lessons) {
        if (lesson.exercise) taken.add(lesson.exercise.id)
        if (lesson.quiz) taken.add(lesson.quiz.id)
      }
      for (const other of await dal.studioLessons.published(course.id)) {
        if (course.id === courseId && other.lessonId === lessonId) continue
        for (const id of [declaredId(other.texts.exerciseYaml), declaredId(other.texts.quizYaml)]) if (id) taken.add(id)
      }
    }
    return taken
  }

  return {
    /** A new studio lesson in a course that exists, with an id no file lesson of that course has. */
    async create(viewer: Viewer | null, input: { courseId: string; lessonId: string; afterLessonId: string | null; texts: StudioTexts }): Promise<CreateOutcome> {
      requireRole(viewer, ['author'])
      const course = loadCourses().find((c) => c.id === input.courseId)
      if (!course) return { status: 'no_course' }
      if (course.lessons.some((l) => l.id === input.lessonId)) return { status: 'file_lesson' }
      try {
        return { status: 'created', lesson: await dal.studioLessons.create(viewer, input) }
      } catch (error) {
        if (error instanceof StudioLessonExistsError) return { status: 'exists' }
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
    async publish(viewer: Viewer | null, courseId: string, lessonId: string, draftVersion: number, note: string | null): Promise<PublishAttempt> {
      const draft = await dal.studioLessons.get(viewer, courseId, lessonId)
      if (!draft) return { status: 'missing' }
      if (draft.draftVersion !== draftVersion) return { status: 'conflict', current: draft }
      const verdict = await gate(draft.texts, { lessonId, takenIds: await takenIds(courseId, lessonId) })
      if (!verdict.ok) return { status: 'refused', gate: verdict }
      return dal.studioLessons.publish(viewer, courseId, lessonId, draftVersion, note)
    },
  }
}
