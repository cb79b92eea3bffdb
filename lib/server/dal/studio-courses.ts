/**
 * Courses written in the studio (issue 14, ADR 0020): an id and ko/en titles and descriptions; their lessons are
 * studio lessons with the course's id. Authors and admins create them, usually with their first lesson in the same
 * transaction. An id a file course has is refused, so `/courses/<id>` always names one course. Learners read them
 * through the course catalog (`all`, no viewer: public like file courses), which lists one once a lesson is published.
 */
import { z } from 'zod'
import type { Db } from '../db/client.ts'
import { idSchema, type Localized } from '../../content/schemas.ts'
import { loadCourses } from '../../content/load.ts'
import { recordAudit } from './audit.ts'
import { checkedNewLesson, insertStudioLesson, type NewStudioLesson, type StudioLessonDraft } from './studio-lessons.ts'
import { assertStorable } from './text.ts'
import { requireRole, type Viewer } from './viewer.ts'

/** Bounds on a course's texts (course.yaml's are a few words and a sentence or two). */
export const studioCourseLimits = { title: 120, description: 600 } as const

const localized = (max: number) => z.object({ ko: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) }).strict()

export const studioCourseInputSchema = z
  .object({ id: idSchema.max(60), title: localized(studioCourseLimits.title), description: localized(studioCourseLimits.description) })
  .strict()

export type StudioCourseInput = z.infer<typeof studioCourseInputSchema>

export interface StudioCourse {
  id: string
  title: Localized
  description: Localized
  createdAt: Date
  createdBy: string
}

export class StudioCourseExistsError extends Error {}
/** The id is a file course's (content/); a studio course may not take it. */
export class FileCourseIdError extends Error {}

type Row = {
  id: string
  titleKo: string
  titleEn: string
  descriptionKo: string
  descriptionEn: string
  createdAt: Date
  createdByLabel: string
}

const toCourse = (row: Row): StudioCourse => ({
  id: row.id,
  title: { ko: row.titleKo, en: row.titleEn },
  description: { ko: row.descriptionKo, en: row.descriptionEn },
  createdAt: row.createdAt,
  createdBy: row.createdByLabel,
})

/** `fileCourseIds`: the ids of the courses under content/ (tests give their own). */
export function studioCoursesDal(db: Db, fileCourseIds: () => readonly string[] = () => loadCourses().map((c) => c.id)) {
  async function label(viewer: Viewer): Promise<string> {
    return (await db.user.findUnique({ where: { id: viewer.id }, select: { email: true } }))?.email ?? viewer.id
  }

  return {
    /**
     * A new studio course, and its first lesson when given (both or neither). Refused when a file course or another
     * studio course has the id, and when the lesson is refused (studio-lessons.ts).
     */
    async create(
      viewer: Viewer | null,
      input: StudioCourseInput,
      firstLesson?: Omit<NewStudioLesson, 'courseId'>,
    ): Promise<{ course: StudioCourse; lesson: StudioLessonDraft | null }> {
      const author = requireRole(viewer, ['author'])
      const course = studioCourseInputSchema.parse(input)
      assertStorable({
        titleKo: course.title.ko,
        titleEn: course.title.en,
        descriptionKo: course.description.ko,
        descriptionEn: course.description.en,
      })
      if (fileCourseIds().includes(course.id)) throw new FileCourseIdError(`A file course already has the id "${course.id}".`)
      const lesson = firstLesson ? checkedNewLesson({ ...firstLesson, courseId: course.id }) : null
      const actor = { kind: 'user' as const, id: author.id, email: await label(author) }
      try {
        return await db.$transaction(async (tx) => {
          if (await tx.studioCourse.findUnique({ where: { id: course.id }, select: { id: true } }))
            throw new StudioCourseExistsError(`There is already a studio course "${course.id}".`)
          const row = await tx.studioCourse.create({
            data: {
              id: course.id,
              titleKo: course.title.ko,
              titleEn: course.title.en,
              descriptionKo: course.description.ko,
              descriptionEn: course.description.en,
              createdById: author.id,
              createdByLabel: actor.email,
            },
          })
          await recordAudit(tx, actor, {
            action: 'studio.course_created',
            targetType: 'course',
            targetId: course.id,
            targetLabel: course.id,
            detail: { titleKo: course.title.ko, titleEn: course.title.en },
          })
          return { course: toCourse(row), lesson: lesson ? await insertStudioLesson(tx, actor, lesson) : null }
        })
      } catch (error) {
        // two authors at once: the second course insert meets the first one's row (a lesson's own clash is mapped
        // where it is inserted)
        if ((error as { code?: string }).code === 'P2002')
          throw new StudioCourseExistsError(`There is already a studio course "${course.id}".`)
        throw error
      }
    },

    /** Every studio course, oldest first. */
    async list(viewer: Viewer | null): Promise<StudioCourse[]> {
      requireRole(viewer, ['author'])
      return (await db.studioCourse.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map(toCourse)
    },

    async get(viewer: Viewer | null, id: string): Promise<StudioCourse | null> {
      requireRole(viewer, ['author'])
      const row = await db.studioCourse.findUnique({ where: { id } })
      return row ? toCourse(row) : null
    },

    /** What the course catalog reads: every studio course (it shows those with a published lesson). */
    async all(): Promise<StudioCourse[]> {
      return (await db.studioCourse.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map(toCourse)
    },
  }
}
