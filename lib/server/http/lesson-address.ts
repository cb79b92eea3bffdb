/**
 * Where a course's or lesson's address goes inside app/[locale]/ (ADR 0018, 0020). Learners see one shape for
 * every course and lesson, `/courses/<course>` and `/courses/<course>/<lesson>`. File courses and their lessons are
 * prerendered at app/[locale]/courses/…; a studio lesson is rendered per request at app/[locale]/studio-lesson/…,
 * and a studio course's page at app/[locale]/studio-course/[courseId]. Those routes have no address of their own:
 * asked for directly, they are a 404. No server-only imports: proxy.ts uses it.
 */
import type { Locale } from '../../../i18n/locales.ts'
import { localizedPath } from './page-locale.ts'

export const studioLessonRoute = '/studio-lesson'
export const studioCourseRoute = '/studio-course'
/** Any address no page answers (app/[locale]/[...missing]). */
const missingPage = '/no-such-page'

/** A file course's glossary page, `/courses/<course>/glossary` (prerendered beside its lessons). */
export const glossarySegment = 'glossary'

const courseAddressPattern = /^\/courses\/([^/]+)\/?$/
const lessonAddressPattern = /^\/courses\/([^/]+)\/([^/]+)\/?$/

/** What the files under content/ hold (the proxy cannot ask the database). */
export interface FileContent {
  isFileCourse(courseId: string): boolean
  isFileLesson(courseId: string, lessonId: string): boolean
}

const isRoute = (pathname: string, route: string) => pathname === route || pathname.startsWith(`${route}/`)

/** The internal path of a page request: the locale's copy of the address, or a studio course or lesson route. */
export function internalPagePath(locale: Locale, pathname: string, files: FileContent): string {
  if (isRoute(pathname, studioLessonRoute) || isRoute(pathname, studioCourseRoute)) return localizedPath(locale, missingPage)
  const course = courseAddressPattern.exec(pathname)
  if (course && !files.isFileCourse(course[1]!)) return localizedPath(locale, `${studioCourseRoute}/${course[1]}`)
  const lesson = lessonAddressPattern.exec(pathname)
  if (lesson && lesson[2] === glossarySegment && files.isFileCourse(lesson[1]!)) return localizedPath(locale, pathname)
  if (lesson && !files.isFileLesson(lesson[1]!, lesson[2]!)) return localizedPath(locale, `${studioLessonRoute}/${lesson[1]}/${lesson[2]}`)
  return localizedPath(locale, pathname)
}
