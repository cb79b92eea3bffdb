'use server'
/**
 * The studio's server actions (issue 14): each parses its input with zod and calls the data-access layer, which
 * checks that the viewer is an author or an admin; a refused or malformed call changes nothing and says so.
 */
import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { currentLang } from '@/i18n/current-lang'
import { z } from 'zod'
import { idSchema } from '@/lib/content/schemas'
import { renderStudioPage, type StudioPreview } from '@/components/studio/studio-preview'
import { NEW_COURSE } from '@/components/studio/new-course-choice'
import { formFields } from '@/lib/server/action-input'
import { AccessDeniedError, dal, UnstorableTextError } from '@/lib/server/dal'
import { studioCourseLimits } from '@/lib/server/dal/studio-courses'
import { studioTextsSchema, type StudioLessonDraft } from '@/lib/server/dal/studio-lessons'
import { gradingPool } from '@/lib/server/grading-pool'
import { studioEditor, tryAnswerSchema, type TryOutcome } from '@/lib/server/studio-editor'
import { authoringCourse, studioLessonService } from '@/lib/server/studio-lessons'
import type { GateResult } from '@/lib/content/publish-gate'
import { currentViewer } from '@/lib/server/viewer'
import { studioCatalogChanged } from '@/lib/server/course-catalog'

const editor = () => studioEditor(dal(), async (task) => (await gradingPool()).grade(task))
const service = () => studioLessonService(dal())
const lessonKey = z.object({ courseId: idSchema, lessonId: idSchema }).strict()

/** A draft as the editor needs it (dates as ISO strings, the same on both sides of the wire). */
export interface DraftView {
  draftVersion: number
  savedAt: string
  savedBy: string
  publishedNumber: number | null
  texts: StudioLessonDraft['texts']
}
const viewOf = (draft: StudioLessonDraft): DraftView => ({
  draftVersion: draft.draftVersion,
  savedAt: draft.draftSavedAt.toISOString(),
  savedBy: draft.draftSavedBy,
  publishedNumber: draft.publishedNumber,
  texts: draft.texts,
})

type Refusal = { status: 'forbidden' } | { status: 'invalid'; message?: string }

/** Runs a studio call; signed out or not an author → forbidden, bad input → invalid, nothing changed either way. */
async function guarded<T>(run: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof AccessDeniedError) return { status: 'forbidden' }
    if (error instanceof z.ZodError) return { status: 'invalid' }
    if (error instanceof UnstorableTextError) return { status: 'invalid', message: error.message }
    throw error
  }
}

export interface CreateStudioLessonState {
  error:
    | 'invalid'
    | 'forbidden'
    | 'no_course'
    | 'file_lesson'
    | 'exists'
    | 'no_source'
    /** a new course: its id is not kebab-case, a title or description is missing or too long, the id is taken */
    | 'course_id'
    | 'course_text'
    | 'file_course'
    | 'course_exists'
    | null
  /** what a refused new course was given, so the author does not type it again */
  course?: Record<NewCourseField, string>
}

type NewCourseTexts = { title: { ko: string; en: string }; description: { ko: string; en: string } }
const newCourseFields = ['newCourseId', 'titleKo', 'titleEn', 'descriptionKo', 'descriptionEn'] as const
type NewCourseField = (typeof newCourseFields)[number]
const newCourseText = (max: number) => z.string().trim().min(1).max(max)
const newCourseSchema = z.object({
  newCourseId: idSchema.max(60),
  titleKo: newCourseText(studioCourseLimits.title),
  titleEn: newCourseText(studioCourseLimits.title),
  descriptionKo: newCourseText(studioCourseLimits.description),
  descriptionEn: newCourseText(studioCourseLimits.description),
})
/** A file lesson to copy: its id in the lesson's own course, or `course/lesson` from another (a studio course has none). */
const copySource = z.union([z.literal(''), idSchema, z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/)])

/**
 * A new studio lesson from the template that passes the gate, or a copy of a file lesson; with the course choice
 * `NEW_COURSE`, in a new studio course (id, ko/en titles and descriptions) made with it. Then its editor.
 */
export async function createStudioLessonAction(_prev: CreateStudioLessonState, form: FormData): Promise<CreateStudioLessonState> {
  const parsed = z
    .object({
      courseId: z.union([idSchema, z.literal(NEW_COURSE)]),
      lessonId: idSchema,
      after: z.union([idSchema, z.literal('')]).optional(),
      from: copySource,
    })
    .safeParse(formFields(form, ['courseId', 'lessonId', 'after', 'from']) ?? {})
  if (!parsed.success) return { error: 'invalid' }
  const { lessonId, after, from } = parsed.data
  let courseId = parsed.data.courseId
  if (courseId === NEW_COURSE) {
    const given = formFields(form, newCourseFields)!
    const echo = Object.fromEntries(newCourseFields.map((f) => [f, given[f] ?? ''])) as Record<NewCourseField, string>
    const course = newCourseSchema.safeParse(given)
    if (!course.success)
      return { error: course.error.issues.some((i) => i.path[0] === 'newCourseId') ? 'course_id' : 'course_text', course: echo }
    courseId = course.data.newCourseId
    const newCourse = {
      title: { ko: course.data.titleKo, en: course.data.titleEn },
      description: { ko: course.data.descriptionKo, en: course.data.descriptionEn },
    }
    const refused = await createLesson(courseId, lessonId, null, from, newCourse)
    // the lesson's texts are ours (template or a file lesson's copy): text that cannot be stored is the course's
    if (refused) return { error: refused.error === 'invalid' ? 'course_text' : refused.error, course: echo }
  } else {
    const refused = await createLesson(courseId, lessonId, after || null, from, undefined)
    if (refused) return refused
  }
  revalidatePath('/studio')
  redirect(`/studio/lessons/${courseId}/${lessonId}`)
}

/** Creates the lesson (and its new course); the refusal to show, or null once created. */
async function createLesson(
  courseId: string,
  lessonId: string,
  afterLessonId: string | null,
  from: string,
  newCourse: NewCourseTexts | undefined,
): Promise<CreateStudioLessonState | null> {
  const [fromCourse, copyOf] = from.includes('/') ? from.split('/') : [undefined, from]
  const texts = editor().startingTexts(courseId, lessonId, copyOf ? { copyOf, fromCourse } : { template: true })
  if (!texts) return { error: 'no_source' }
  const outcome = await guarded(async () =>
    service().create(await currentViewer(), { courseId, lessonId, afterLessonId, texts, newCourse }),
  )
  if (outcome.status === 'created') return null
  return { error: outcome.status }
}

export type SaveDraftResult =
  { status: 'saved'; draftVersion: number; savedAt: string } | { status: 'conflict'; current: DraftView } | { status: 'missing' } | Refusal

/** Saves the editor's texts if nobody saved since `baseVersion`; otherwise returns what the other author saved. */
export async function saveStudioDraftAction(input: unknown): Promise<SaveDraftResult> {
  const parsed = lessonKey
    .extend({ baseVersion: z.number().int().min(1), texts: studioTextsSchema })
    .strict()
    .safeParse(input)
  if (!parsed.success) return { status: 'invalid' }
  const { courseId, lessonId, baseVersion, texts } = parsed.data
  return guarded(async () => {
    const outcome = await dal().studioLessons.saveDraft(await currentViewer(), courseId, lessonId, baseVersion, texts)
    if (outcome.status === 'saved')
      return { status: 'saved', draftVersion: outcome.draftVersion, savedAt: outcome.savedAt.toISOString() } as const
    if (outcome.status === 'conflict') return { status: 'conflict', current: viewOf(outcome.current) } as const
    return outcome
  })
}

export type PreviewResult = StudioPreview | Refusal

/** The page as learners will see it, from the editor's text (components/studio/studio-preview.tsx). */
export async function previewStudioPageAction(input: unknown): Promise<PreviewResult> {
  const parsed = lessonKey
    .extend({ page: z.enum(['ko', 'en']), source: studioTextsSchema.shape.pageKo, quizYaml: studioTextsSchema.shape.quizYaml })
    .strict()
    .safeParse(input)
  if (!parsed.success) return { status: 'invalid' }
  return guarded(async () => {
    const course = await authoringCourse(dal(), await currentViewer(), parsed.data.courseId) // authors and admins only
    return renderStudioPage(parsed.data, course)
  })
}

export type CheckResult = { status: 'checked'; draftVersion: number; gate: GateResult } | { status: 'missing' } | Refusal

/** The publish gate on the saved draft: every problem, and the proof case by case. */
export async function checkStudioLessonAction(input: unknown): Promise<CheckResult> {
  const parsed = lessonKey.safeParse(input)
  if (!parsed.success) return { status: 'invalid' }
  return guarded(async () => {
    const checked = await service().check(await currentViewer(), parsed.data.courseId, parsed.data.lessonId)
    return checked
      ? ({ status: 'checked', draftVersion: checked.draft.draftVersion, gate: checked.gate } as const)
      : ({ status: 'missing' } as const)
  })
}

/** Grades any answer against the exercise the editor has now, as a learner's would be graded. */
export async function tryStudioAnswerAction(input: unknown): Promise<TryOutcome | Refusal> {
  const parsed = tryAnswerSchema.safeParse(input)
  if (!parsed.success) return { status: 'invalid' }
  const language = await currentLang()
  return guarded(async () => editor().tryAnswer(await currentViewer(), parsed.data, language))
}

export type PublishResult =
  | { status: 'published'; number: number }
  | { status: 'refused'; gate: GateResult }
  | { status: 'conflict'; current: DraftView }
  | { status: 'missing' }
  | Refusal

/** Publishes the saved draft version `draftVersion` if it passes the gate. */
export async function publishStudioLessonAction(input: unknown): Promise<PublishResult> {
  const parsed = lessonKey
    .extend({ draftVersion: z.number().int().min(1), note: z.string().max(200).nullable() })
    .strict()
    .safeParse(input)
  if (!parsed.success) return { status: 'invalid' }
  const { courseId, lessonId, draftVersion, note } = parsed.data
  return guarded(async () => {
    const outcome = await service().publish(await currentViewer(), courseId, lessonId, draftVersion, note)
    changed(courseId, lessonId)
    return outcome.status === 'conflict' ? { status: 'conflict', current: viewOf(outcome.current) } : outcome
  })
}

/** Hides the lesson from learners; nothing is deleted and their progress stays. */
export async function unpublishStudioLessonAction(input: unknown): Promise<{ status: 'unpublished' | 'not_published' } | Refusal> {
  const parsed = lessonKey.safeParse(input)
  if (!parsed.success) return { status: 'invalid' }
  return guarded(async () => {
    const done = await dal().studioLessons.unpublish(await currentViewer(), parsed.data.courseId, parsed.data.lessonId)
    changed(parsed.data.courseId, parsed.data.lessonId)
    return { status: done ? 'unpublished' : 'not_published' } as const
  })
}

/** Publishes a copy of an earlier version (and makes it the draft), if nobody saved since `baseVersion`. */
export async function restoreStudioVersionAction(input: unknown): Promise<PublishResult> {
  const parsed = lessonKey
    .extend({ number: z.number().int().min(1), baseVersion: z.number().int().min(1) })
    .strict()
    .safeParse(input)
  if (!parsed.success) return { status: 'invalid' }
  const { courseId, lessonId, number, baseVersion } = parsed.data
  return guarded(async () => {
    const outcome = await dal().studioLessons.restore(await currentViewer(), courseId, lessonId, number, baseVersion)
    changed(courseId, lessonId)
    return outcome.status === 'conflict' ? { status: 'conflict', current: viewOf(outcome.current) } : outcome
  })
}

/** Moves a studio lesson one place up or down among the course's lessons (a form on /studio). */
export async function moveStudioLessonAction(form: FormData): Promise<void> {
  const parsed = lessonKey
    .extend({ direction: z.enum(['up', 'down']) })
    .safeParse(formFields(form, ['courseId', 'lessonId', 'direction']) ?? {})
  if (!parsed.success) return
  const { courseId, lessonId, direction } = parsed.data
  await guarded(async () => editor().move(await currentViewer(), courseId, lessonId, direction))
  changed(courseId, lessonId)
}

/** Learners' pages of the course show the change (this process now; other instances within the catalog's TTL). */
function changed(courseId: string, lessonId: string): void {
  studioCatalogChanged()
  revalidatePath('/studio')
  revalidatePath(`/studio/lessons/${courseId}/${lessonId}`)
}
