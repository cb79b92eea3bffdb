import { NextResponse } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { progressCsv } from '@/lib/classes/csv'
import { classProgress } from '@/lib/server/class-progress'
import { classExport, csvDownloadHeaders } from '@/lib/server/teach/class-export'

export const dynamic = 'force-dynamic'

/** The class's progress matrix as CSV, for its teacher (an admin too); in the teacher's interface language. */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params
  const { found, refusal } = await classExport('Only teachers export class progress.', async (viewer) =>
    classProgress(viewer, classId, await currentLang()),
  )
  if (refusal) return refusal
  const t = await getTranslations('teach')
  const td = await getTranslations('deadlines')
  const csv = progressCsv(found.matrix, {
    name: t('csv.name'),
    email: t('csv.email'),
    joined: t('csv.joined'),
    completed: t('csv.completed'),
    stuckOn: t('csv.stuckOn'),
    lateOn: td('csv.lateOn'),
    overdueOn: td('csv.overdueOn'),
    lastActivity: t('csv.lastActivity'),
    state: { none: '', started: t('cell.started'), completed: t('cell.completed'), stuck: t('cell.stuck') },
    deadline: { late: td('csv.late'), overdue: td('csv.overdue') },
    due: (date) => td('csv.due', { date }),
    quiz: ({ best, first }) => (first === best ? t('cell.quiz', { score: best }) : t('cell.quizFirstBest', { first, best })),
  })
  return new NextResponse(csv, { headers: csvDownloadHeaders(found.detail.name, 'progress') })
}
