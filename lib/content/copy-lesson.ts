/**
 * A file lesson copied into a studio draft (issue 14): the same texts under the new lesson's ids, so the copy can be
 * published beside the original (a lesson may not take another lesson's exercise or quiz id). Comments, order and
 * quoting of the YAML stay as the author of the original wrote them.
 */
import { parseDocument } from 'yaml'
import type { LessonTexts } from './lesson-folder.ts'

function withId(text: string, id: string): string {
  const doc = parseDocument(text)
  doc.set('id', id)
  return doc.toString({ lineWidth: 0 })
}

const quizTag = (id: string) => new RegExp(`(<Quiz\\s+id=)(["'])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2`, 'g')

export function copyLessonTexts(texts: LessonTexts, lessonId: string): LessonTexts {
  const oldQuizId = texts.quizYaml === null ? null : (parseDocument(texts.quizYaml).get('id') as string | undefined)
  const quizId = `${lessonId}-quiz`
  const page = (text: string) => (oldQuizId ? text.replace(quizTag(oldQuizId), `$1$2${quizId}$2`) : text)
  return {
    lessonYaml: withId(texts.lessonYaml, lessonId),
    pageKo: page(texts.pageKo),
    pageEn: page(texts.pageEn),
    exerciseYaml: texts.exerciseYaml === null ? null : withId(texts.exerciseYaml, `${lessonId}-exercise`),
    quizYaml: texts.quizYaml === null ? null : withId(texts.quizYaml, quizId),
  }
}
