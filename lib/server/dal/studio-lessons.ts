/**
 * Lessons written in the studio (issue 14, ADR 0020): authors and admins create them, save drafts, publish proven
 * versions, look at and restore earlier ones, unpublish. Every version stays. Two authors saving the same draft are
 * told so (the draft's version number), never silently overwritten. What makes a draft publishable — both pages
 * safe and compiling, the exercise proven — is decided before these functions are called (lib/server/studio.ts);
 * here a publish records exactly the draft version that was checked, or refuses because it changed meanwhile.
 * Learners read only published versions (`published`), without a viewer: they are public like file lessons.
 */
import { z } from 'zod'
import type { Db } from '../db/client.ts'
import { idSchema } from '../../content/schemas.ts'
import type { LessonTexts } from '../../content/lesson-folder.ts'
import { orderLessonIds, visibleAnchor } from '../../content/lesson-order.ts'
import { recordAudit, type Actor } from './audit.ts'
import type { Tx } from './progress.ts'
import { assertStorable } from './text.ts'
import { requireRole, type Viewer } from './viewer.ts'

const STUDIO_ROLES = ['author'] as const

/** The five texts of a lesson, in the file format and exactly as written (a lesson folder's, lesson-folder.ts). */
export type StudioTexts = LessonTexts

const KIB = 1024
/** Bounds on what one draft may hold (a lesson's page is ~10 KB; the untrusted-page check refuses past 256 KiB). */
export const studioTextLimits = { page: 256 * KIB, yaml: 64 * KIB } as const

export const studioTextsSchema = z
  .object({
    lessonYaml: z.string().max(studioTextLimits.yaml),
    pageKo: z.string().max(studioTextLimits.page),
    pageEn: z.string().max(studioTextLimits.page),
    exerciseYaml: z.string().max(studioTextLimits.yaml).nullable(),
    quizYaml: z.string().max(studioTextLimits.yaml).nullable(),
  })
  .strict()

export interface StudioLessonSummary {
  courseId: string
  lessonId: string
  afterLessonId: string | null
  draftVersion: number
  draftSavedAt: Date
  draftSavedBy: string
  publishedNumber: number | null
}

export interface StudioLessonDraft extends StudioLessonSummary {
  texts: StudioTexts
}

export interface StudioVersion {
  number: number
  note: string | null
  author: string
  publishedAt: Date
  texts: StudioTexts
}

export type SaveOutcome =
  | { status: 'saved'; draftVersion: number; savedAt: Date }
  /** someone saved since `baseVersion`: nothing was written; the caller shows who and when, and their text */
  | { status: 'conflict'; current: StudioLessonDraft }
  | { status: 'missing' }

export type PublishOutcome =
  { status: 'published'; number: number } | { status: 'conflict'; current: StudioLessonDraft } | { status: 'missing' }

export class StudioLessonExistsError extends Error {}

type Row = {
  courseId: string
  lessonId: string
  afterLessonId: string | null
  lessonYaml: string
  pageKo: string
  pageEn: string
  exerciseYaml: string | null
  quizYaml: string | null
  draftVersion: number
  draftSavedAt: Date
  draftSavedByLabel: string
  publishedNumber: number | null
}

const textsOf = (row: StudioTexts): StudioTexts => ({
  lessonYaml: row.lessonYaml,
  pageKo: row.pageKo,
  pageEn: row.pageEn,
  exerciseYaml: row.exerciseYaml,
  quizYaml: row.quizYaml,
})

function toDraft(row: Row): StudioLessonDraft {
  return {
    courseId: row.courseId,
    lessonId: row.lessonId,
    afterLessonId: row.afterLessonId,
    draftVersion: row.draftVersion,
    draftSavedAt: row.draftSavedAt,
    draftSavedBy: row.draftSavedByLabel,
    publishedNumber: row.publishedNumber,
    texts: textsOf(row),
  }
}

/** What a new studio lesson is made of. */
export interface NewStudioLesson {
  courseId: string
  lessonId: string
  afterLessonId: string | null
  texts: StudioTexts
}

/** The new lesson's ids and texts, checked before any transaction starts (zod and storable text). */
export function checkedNewLesson(input: NewStudioLesson): NewStudioLesson {
  return {
    courseId: idSchema.parse(input.courseId),
    lessonId: idSchema.parse(input.lessonId),
    afterLessonId: input.afterLessonId === null ? null : idSchema.parse(input.afterLessonId),
    texts: checkedTexts(input.texts),
  }
}

/**
 * Writes a checked new lesson and its audit event with the caller's transaction, so a studio course and its first
 * lesson (studio-courses.ts) are made together or not at all.
 */
export async function insertStudioLesson(tx: Tx, author: Actor & { kind: 'user' }, lesson: NewStudioLesson): Promise<StudioLessonDraft> {
  const { courseId, lessonId, afterLessonId, texts } = lesson
  const savedBy = author.email ?? author.id
  if (await tx.studioLesson.findUnique({ where: key(courseId, lessonId), select: { lessonId: true } }))
    throw new StudioLessonExistsError(`The course already has a studio lesson "${lessonId}".`)
  try {
    const created = await tx.studioLesson.create({
      data: { courseId, lessonId, afterLessonId, ...texts, draftSavedById: author.id, draftSavedByLabel: savedBy },
    })
    await recordAudit(tx, author, {
      action: 'studio.lesson_created',
      targetType: 'lesson',
      targetId: `${courseId}/${lessonId}`,
      targetLabel: lessonId,
    })
    return toDraft(created)
  } catch (error) {
    // two authors at once: the second insert meets the first one's row
    if ((error as { code?: string }).code === 'P2002')
      throw new StudioLessonExistsError(`The course already has a studio lesson "${lessonId}".`)
    throw error
  }
}

/** A studio lesson's primary key, as Prisma names it. */
const key = (courseId: string, lessonId: string) => ({ courseId_lessonId: { courseId, lessonId } })

function checkedTexts(texts: StudioTexts): StudioTexts {
  const parsed = studioTextsSchema.parse(texts)
  assertStorable({
    lessonYaml: parsed.lessonYaml,
    pageKo: parsed.pageKo,
    pageEn: parsed.pageEn,
    exerciseYaml: parsed.exerciseYaml,
    quizYaml: parsed.quizYaml,
  })
  return parsed
}

export function studioLessonsDal(db: Db) {
  async function label(viewer: Viewer): Promise<string> {
    return (await db.user.findUnique({ where: { id: viewer.id }, select: { email: true } }))?.email ?? viewer.id
  }
  const find = async (courseId: string, lessonId: string) => {
    const row = await db.studioLesson.findUnique({ where: key(courseId, lessonId) })
    return row ? toDraft(row) : null
  }

  return {
    /** A new draft lesson; refused when the course already has a studio lesson with this id. */
    async create(viewer: Viewer | null, input: NewStudioLesson): Promise<StudioLessonDraft> {
      const author = requireRole(viewer, STUDIO_ROLES)
      const lesson = checkedNewLesson(input)
      const savedBy = await label(author)
      return db.$transaction((tx) => insertStudioLesson(tx, { kind: 'user', id: author.id, email: savedBy }, lesson))
    },

    async list(viewer: Viewer | null, courseId?: string): Promise<StudioLessonSummary[]> {
      requireRole(viewer, STUDIO_ROLES)
      const rows = await db.studioLesson.findMany({
        where: courseId ? { courseId } : {},
        orderBy: [{ courseId: 'asc' }, { createdAt: 'asc' }],
      })
      return rows.map((row) => {
        const { texts: _texts, ...summary } = toDraft(row)
        return summary
      })
    },

    async get(viewer: Viewer | null, courseId: string, lessonId: string): Promise<StudioLessonDraft | null> {
      requireRole(viewer, STUDIO_ROLES)
      return find(courseId, lessonId)
    },

    /** Saves the draft if nobody saved since `baseVersion`; another author's save is reported, not overwritten. */
    async saveDraft(
      viewer: Viewer | null,
      courseId: string,
      lessonId: string,
      baseVersion: number,
      texts: StudioTexts,
    ): Promise<SaveOutcome> {
      const author = requireRole(viewer, STUDIO_ROLES)
      const checked = checkedTexts(texts)
      const savedAt = new Date()
      const { count } = await db.studioLesson.updateMany({
        where: { courseId, lessonId, draftVersion: baseVersion },
        data: {
          ...checked,
          draftVersion: { increment: 1 },
          draftSavedAt: savedAt,
          draftSavedById: author.id,
          draftSavedByLabel: await label(author),
        },
      })
      if (count === 1) return { status: 'saved', draftVersion: baseVersion + 1, savedAt }
      const current = await find(courseId, lessonId)
      return current ? { status: 'conflict', current } : { status: 'missing' }
    },

    /** Moves the lesson after another one in the course's order (null: first). */
    async move(viewer: Viewer | null, courseId: string, lessonId: string, afterLessonId: string | null): Promise<boolean> {
      requireRole(viewer, STUDIO_ROLES)
      const after = afterLessonId === null ? null : idSchema.parse(afterLessonId)
      if (after === lessonId) return false
      const { count } = await db.studioLesson.updateMany({ where: { courseId, lessonId }, data: { afterLessonId: after } })
      return count === 1
    },

    /**
     * Publishes draft version `checkedVersion` — the one the publish gate checked — as the next version. Refused as a
     * conflict when the draft changed since, so what learners get is always what was proven.
     */
    async publish(
      viewer: Viewer | null,
      courseId: string,
      lessonId: string,
      checkedVersion: number,
      note: string | null,
    ): Promise<PublishOutcome> {
      const author = requireRole(viewer, STUDIO_ROLES)
      const cleanNote = note?.trim().slice(0, 200) || null
      if (cleanNote) assertStorable({ note: cleanNote })
      const authorLabel = await label(author)
      return db.$transaction(async (tx) => {
        const row = await tx.studioLesson.findUnique({ where: key(courseId, lessonId) })
        if (!row) return { status: 'missing' } as const
        if (row.draftVersion !== checkedVersion) return { status: 'conflict', current: toDraft(row) } as const
        const last = await tx.studioLessonVersion.findFirst({
          where: { courseId, lessonId },
          orderBy: { number: 'desc' },
          select: { number: true },
        })
        const number = (last?.number ?? 0) + 1
        await tx.studioLessonVersion.create({
          data: { courseId, lessonId, number, ...textsOf(row), note: cleanNote, authorId: author.id, authorLabel },
        })
        await tx.studioLesson.update({ where: key(courseId, lessonId), data: { publishedNumber: number } })
        await recordAudit(
          tx,
          { kind: 'user', id: author.id, email: authorLabel },
          {
            action: 'studio.lesson_published',
            targetType: 'lesson',
            targetId: `${courseId}/${lessonId}`,
            targetLabel: lessonId,
            detail: { version: number, note: cleanNote },
          },
        )
        return { status: 'published', number } as const
      })
    },

    /** Hides the lesson from learners; their attempts stay attached to the exercise id, and publishing again shows it. */
    async unpublish(viewer: Viewer | null, courseId: string, lessonId: string): Promise<boolean> {
      const author = requireRole(viewer, STUDIO_ROLES)
      const authorLabel = await label(author)
      return db.$transaction(async (tx) => {
        const { count } = await tx.studioLesson.updateMany({
          where: { courseId, lessonId, publishedNumber: { not: null } },
          data: { publishedNumber: null },
        })
        if (count === 1)
          await recordAudit(
            tx,
            { kind: 'user', id: author.id, email: authorLabel },
            { action: 'studio.lesson_unpublished', targetType: 'lesson', targetId: `${courseId}/${lessonId}`, targetLabel: lessonId },
          )
        return count === 1
      })
    },

    /** Every published version, newest first. */
    async versions(viewer: Viewer | null, courseId: string, lessonId: string): Promise<StudioVersion[]> {
      requireRole(viewer, STUDIO_ROLES)
      const rows = await db.studioLessonVersion.findMany({ where: { courseId, lessonId }, orderBy: { number: 'desc' } })
      return rows.map((row) => ({
        number: row.number,
        note: row.note,
        author: row.authorLabel,
        publishedAt: row.publishedAt,
        texts: textsOf(row),
      }))
    },

    /**
     * Makes an earlier version current again: the draft takes its texts (if nobody saved since `baseVersion`) and is
     * published as a new version noting where it came from. History is never rewritten.
     */
    async restore(viewer: Viewer | null, courseId: string, lessonId: string, number: number, baseVersion: number): Promise<PublishOutcome> {
      const author = requireRole(viewer, STUDIO_ROLES)
      const authorLabel = await label(author)
      return db.$transaction(async (tx) => {
        const row = await tx.studioLesson.findUnique({ where: key(courseId, lessonId) })
        const earlier = await tx.studioLessonVersion.findUnique({ where: { courseId_lessonId_number: { courseId, lessonId, number } } })
        if (!row || !earlier) return { status: 'missing' } as const
        if (row.draftVersion !== baseVersion) return { status: 'conflict', current: toDraft(row) } as const
        const last = await tx.studioLessonVersion.findFirst({
          where: { courseId, lessonId },
          orderBy: { number: 'desc' },
          select: { number: true },
        })
        const next = (last?.number ?? 0) + 1
        const texts = textsOf(earlier)
        await tx.studioLessonVersion.create({
          data: { courseId, lessonId, number: next, ...texts, note: `restored version ${number}`, authorId: author.id, authorLabel },
        })
        await tx.studioLesson.update({
          where: key(courseId, lessonId),
          data: {
            ...texts,
            draftVersion: { increment: 1 },
            draftSavedAt: new Date(),
            draftSavedById: author.id,
            draftSavedByLabel: authorLabel,
            publishedNumber: next,
          },
        })
        await recordAudit(
          tx,
          { kind: 'user', id: author.id, email: authorLabel },
          {
            action: 'studio.lesson_restored',
            targetType: 'lesson',
            targetId: `${courseId}/${lessonId}`,
            targetLabel: lessonId,
            detail: { from: number, version: next },
          },
        )
        return { status: 'published', number: next } as const
      })
    },

    /**
     * What learners see: each published studio lesson of the course, in its published version, anchored where
     * learners see it (past any unpublished lesson it was placed after, lesson-order.ts).
     */
    async published(
      courseId: string,
    ): Promise<Array<{ lessonId: string; afterLessonId: string | null; number: number; texts: StudioTexts }>> {
      const all = await db.studioLesson.findMany({
        where: { courseId },
        orderBy: { createdAt: 'asc' },
        select: { lessonId: true, afterLessonId: true, publishedNumber: true },
      })
      const anchors = new Map(
        all.map((r) => [r.lessonId, { lessonId: r.lessonId, afterLessonId: r.afterLessonId, published: r.publishedNumber !== null }]),
      )
      const rows = all.filter((r) => r.publishedNumber !== null).map((r) => ({ ...r, afterLessonId: visibleAnchor(r.lessonId, anchors) }))
      if (rows.length === 0) return []
      const versions = await db.studioLessonVersion.findMany({
        where: { OR: rows.map((r) => ({ courseId, lessonId: r.lessonId, number: r.publishedNumber! })) },
      })
      const byLesson = new Map(versions.map((v) => [v.lessonId, v]))
      return rows.flatMap((r) => {
        const version = byLesson.get(r.lessonId)
        return version ? [{ lessonId: r.lessonId, afterLessonId: r.afterLessonId, number: version.number, texts: textsOf(version) }] : []
      })
    },
  }
}

/**
 * What the command line does on the server (`kubelab content import` / `export`): trusted like the operator who runs
 * it, so no viewer; imports are audited as the command line's.
 */
export function studioLessonOperations(db: Db) {
  return {
    /**
     * Loads a lesson folder as a draft: a new studio lesson, last in the course (after `fileLessonIds` and the studio
     * lessons), or with `replace` a new draft version of one, where it was.
     */
    async importDraft(
      actor: Actor,
      input: { courseId: string; lessonId: string; texts: StudioTexts; replace: boolean; fileLessonIds: readonly string[] },
    ): Promise<'created' | 'replaced' | 'exists'> {
      const courseId = idSchema.parse(input.courseId)
      const lessonId = idSchema.parse(input.lessonId)
      const texts = checkedTexts(input.texts)
      const label = actor.kind === 'cli' ? 'cli' : (actor.email ?? actor.id)
      const by = { draftSavedById: actor.kind === 'user' ? actor.id : null, draftSavedByLabel: label }
      return db.$transaction(async (tx) => {
        const existing = await tx.studioLesson.findUnique({ where: key(courseId, lessonId), select: { draftVersion: true } })
        if (existing && !input.replace) return 'exists'
        if (existing)
          await tx.studioLesson.update({
            where: key(courseId, lessonId),
            data: { ...texts, ...by, draftVersion: { increment: 1 }, draftSavedAt: new Date() },
          })
        else {
          const studio = await tx.studioLesson.findMany({
            where: { courseId },
            orderBy: { createdAt: 'asc' },
            select: { lessonId: true, afterLessonId: true },
          })
          const last = orderLessonIds(input.fileLessonIds, studio).at(-1) ?? null
          await tx.studioLesson.create({ data: { courseId, lessonId, afterLessonId: last, ...texts, ...by } })
          await recordAudit(tx, actor, {
            action: 'studio.lesson_created',
            targetType: 'lesson',
            targetId: `${courseId}/${lessonId}`,
            targetLabel: lessonId,
          })
        }
        return existing ? 'replaced' : 'created'
      })
    },

    /** The draft's texts, or the published version's; null when there is none. */
    async texts(courseId: string, lessonId: string, which: 'draft' | 'published'): Promise<StudioTexts | null> {
      const row = await db.studioLesson.findUnique({ where: key(courseId, lessonId) })
      if (!row) return null
      if (which === 'draft') return textsOf(row)
      if (row.publishedNumber === null) return null
      const version = await db.studioLessonVersion.findUnique({
        where: { courseId_lessonId_number: { courseId, lessonId, number: row.publishedNumber } },
      })
      return version ? textsOf(version) : null
    },

    /** The courses that have a studio lesson with this id. */
    async coursesWith(lessonId: string): Promise<string[]> {
      return (await db.studioLesson.findMany({ where: { lessonId }, select: { courseId: true }, orderBy: { courseId: 'asc' } })).map(
        (r) => r.courseId,
      )
    },
  }
}
