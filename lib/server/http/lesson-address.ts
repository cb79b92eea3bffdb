/**
 * Where a lesson's address goes inside app/[locale]/ (ADR 0018, 0020). Learners see one shape for every lesson,
 * `/courses/<course>/<lesson>`; a file lesson is prerendered at app/[locale]/courses/[courseId]/[lessonId], a studio
 * lesson is rendered per request at app/[locale]/studio-lesson/[courseId]/[lessonId]. That second route has no
 * address of its own: asked for directly, it is a 404. No server-only imports: proxy.ts uses it.
 */
import type { Locale } from '@/i18n/locales'
import { localizedPath } from './page-locale.ts'

export const studioLessonRoute = '/studio-lesson'
/** Any address no page answers (app/[locale]/[...missing]). */
const missingPage = '/no-such-page'

const lessonAddressPattern = /^\/courses\/([^/]+)\/([^/]+)\/?$/

/** The internal path of a page request: the locale's copy of the address, or the studio lesson route. */
export function internalPagePath(locale: Locale, pathname: string, isFileLesson: (courseId: string, lessonId: string) => boolean): string {
  if (pathname === studioLessonRoute || pathname.startsWith(`${studioLessonRoute}/`)) return localizedPath(locale, missingPage)
  const lesson = lessonAddressPattern.exec(pathname)
  if (lesson && !isFileLesson(lesson[1]!, lesson[2]!)) return localizedPath(locale, `${studioLessonRoute}/${lesson[1]}/${lesson[2]}`)
  return localizedPath(locale, pathname)
}
