/**
 * The compiled MDX of a lesson's page. A file lesson's is cached by file and modification time (lib/content/mdx.ts);
 * a studio lesson's by course, lesson, published version and language: a published version never changes, so an
 * entry is never stale, only unused once a newer version is published (the oldest entries go past `maxEntries`).
 */
import 'server-only'
import { join } from 'node:path'
import { compileMdx, compileMdxFile } from '../content/mdx.ts'
import type { CatalogLesson } from './course-catalog.ts'
import type { Locale } from '../../i18n/locales.ts'

const maxEntries = 200
const studioPages: Map<string, Promise<string>> = ((
  globalThis as { __kubelabStudioPages?: Map<string, Promise<string>> }
).__kubelabStudioPages ??= new Map())

export function lessonPageCode(courseId: string, lesson: Pick<CatalogLesson, 'id' | 'source'>, locale: Locale): Promise<string> {
  const { source } = lesson
  if (source.kind === 'file') return compileMdxFile(join(source.dir, `${locale}.mdx`))
  const key = `${courseId}/${lesson.id}@${source.version}/${locale}`
  let code = studioPages.get(key)
  if (!code) {
    // one compile for concurrent first requests; a failed one is not kept, so the next request tries again
    code = compileMdx(source.pages[locale])
    code.catch(() => studioPages.delete(key))
    studioPages.set(key, code)
    if (studioPages.size > maxEntries) studioPages.delete(studioPages.keys().next().value!)
  }
  return code
}
