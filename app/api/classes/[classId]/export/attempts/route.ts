import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { attemptsCsv } from '@/lib/classes/csv'
import { findCatalogCourse } from '@/lib/server/course-catalog'
import { dal } from '@/lib/server/dal'
import { classExport, csvDownloadHeaders } from '@/lib/server/teach/class-export'

export const dynamic = 'force-dynamic'

/**
 * Every attempt of the class's learners as CSV (issue 17), for its teachers (an admin too), with headers in the
 * teacher's interface language. Written to the response a page of attempts at a time: a class with 20,000
 * submissions never becomes one string in memory.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params
  const { found, refusal } = await classExport('Only teachers export class attempts.', (viewer) =>
    dal().classAttempts.attempts(viewer, classId),
  )
  if (refusal) return refusal
  const locale = await currentLang()
  const course = await findCatalogCourse(found.courseId)
  const lessonLabel = new Map((course?.lessons ?? []).map((l) => [l.id, `${l.number}. ${l.title[locale]}`]))
  const t = await getTranslations('deadlines.csv')
  const chunks = attemptsCsv(found.pages, found.learners, (id) => lessonLabel.get(id) ?? id, {
    learner: t('learner'),
    email: t('email'),
    lesson: t('lesson'),
    exercise: t('exercise'),
    attempt: t('attempt'),
    passed: t('passed'),
    score: t('score'),
    failingChecks: t('failingChecks'),
    failingMessages: t('failingMessages'),
    time: t('time'),
    yes: t('yes'),
    no: t('no'),
  })
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next()
        if (next.done) controller.close()
        else controller.enqueue(encoder.encode(next.value))
      } catch (error) {
        controller.error(error) // a failed read ends the download broken rather than looking complete
      }
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
  return new Response(body, { headers: csvDownloadHeaders(found.className, 'attempts') })
}
