import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { authoringJsonSchema } from '@/lib/content/authoring-json-schema'
import { dal } from '@/lib/server/dal'
import { authoringCourse } from '@/lib/server/studio-lessons'
import { studioViewer } from '@/components/studio/studio-viewer'
import { StudioLessonEditor } from '@/components/studio/StudioLessonEditor'
import { renderStudioPage } from '@/components/studio/studio-preview'
import {
  checkStudioLessonAction,
  previewStudioPageAction,
  publishStudioLessonAction,
  restoreStudioVersionAction,
  saveStudioDraftAction,
  tryStudioAnswerAction,
  unpublishStudioLessonAction,
} from '../../../actions'
import '../../../studio.css'

type Params = Promise<{ courseId: string; lessonId: string }>

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: { params: Params }) {
  const { lessonId } = await params
  const t = await getTranslations('studio.editor')
  return { title: t('title', { id: lessonId }) }
}

/** The studio's editor for one studio lesson: its five files, the live preview in both languages, proof, publish, versions. */
export default async function StudioLessonPage({ params }: { params: Params }) {
  const { courseId, lessonId } = await params
  const { viewer, refusal } = await studioViewer(`/studio/lessons/${courseId}/${lessonId}`)
  if (!viewer) return refusal
  const t = await getTranslations('studio')
  const course = await authoringCourse(dal(), viewer, courseId)
  const draft = course ? await dal().studioLessons.get(viewer, courseId, lessonId) : null
  if (!course || !draft) notFound()
  const locale = await currentLang()
  const versions = await dal().studioLessons.versions(viewer, courseId, lessonId)
  const [ko, en] = await Promise.all(
    (['ko', 'en'] as const).map((page) =>
      renderStudioPage(
        { courseId, lessonId, page, source: page === 'ko' ? draft.texts.pageKo : draft.texts.pageEn, quizYaml: draft.texts.quizYaml },
        course,
      ),
    ),
  )
  const first = (preview: typeof ko) =>
    preview!.status === 'ok' ? { page: preview!.page, problems: [] } : { page: null, problems: preview!.problems }
  return (
    <div className="page studio-page-wide">
      <p className="muted">
        <Link href="/studio">{t('title')}</Link> · {course.title[locale]}
      </p>
      <h1>
        {t('editor.heading')} <code data-testid="studio-lesson-id">{lessonId}</code>
      </h1>
      <StudioLessonEditor
        actions={{
          checkStudioLessonAction,
          previewStudioPageAction,
          publishStudioLessonAction,
          restoreStudioVersionAction,
          saveStudioDraftAction,
          tryStudioAnswerAction,
          unpublishStudioLessonAction,
        }}
        courseId={courseId}
        lessonId={lessonId}
        initial={{
          draftVersion: draft.draftVersion,
          savedAt: draft.draftSavedAt.toISOString(),
          savedBy: draft.draftSavedBy,
          publishedNumber: draft.publishedNumber,
          texts: draft.texts,
        }}
        versions={versions.map((v) => ({
          number: v.number,
          note: v.note,
          author: v.author,
          publishedAt: v.publishedAt.toISOString(),
          texts: v.texts,
        }))}
        schemas={{ exercise: authoringJsonSchema('exercise'), quiz: authoringJsonSchema('quiz'), lesson: authoringJsonSchema('lesson') }}
        initialPreviews={{ ko: first(ko), en: first(en) }}
      />
    </div>
  )
}
