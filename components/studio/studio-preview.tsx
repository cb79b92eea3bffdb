import 'server-only'
import type { ReactNode } from 'react'
import { parse } from 'yaml'
import { quizSchema, type Localized, type Quiz } from '@/lib/content/schemas'
import { compileStudioPage } from '@/lib/server/studio-gate'
import { LessonMdx } from '@/components/mdx/LessonMdx'
import type { Locale } from '@/i18n/locales'

export type StudioPreview =
  { status: 'ok'; page: ReactNode } | { status: 'problems'; problems: Array<{ line?: number; column?: number; message: Localized }> }

function quizOf(quizYaml: string | null): Quiz | null {
  if (!quizYaml) return null
  try {
    return quizSchema.parse(parse(quizYaml))
  } catch {
    return null // the gate lists why; meanwhile the page shows no quiz
  }
}

/**
 * A studio page as learners will see it: checked as untrusted and compiled in the studio's worker, then rendered
 * with the lessons' own components, the course's diagrams (a studio course has none: a Diagram or Demo shows its
 * "missing" notice) and the draft's quiz. `course`: the lesson's course (`authoringCourse`), null when there is none.
 */
export async function renderStudioPage(
  input: { courseId: string; lessonId: string; page: Locale; source: string; quizYaml: string | null },
  course: { dir: string | null } | null,
): Promise<StudioPreview> {
  if (!course) return { status: 'problems', problems: [{ message: { ko: '이 코스가 없습니다.', en: 'There is no such course.' } }] }
  const compiled = await compileStudioPage(input.source)
  if (!compiled.ok) return { status: 'problems', problems: compiled.problems }
  const lesson = { id: input.lessonId, courseId: input.courseId, quiz: quizOf(input.quizYaml) }
  return { status: 'ok', page: <LessonMdx code={compiled.code} lesson={lesson} courseDir={course.dir} locale={input.page} /> }
}
