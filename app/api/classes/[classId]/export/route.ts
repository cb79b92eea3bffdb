import { NextResponse } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { progressCsv } from '@/lib/classes/csv'
import { classProgress } from '@/lib/server/class-progress'
import { hasRole } from '@/lib/server/auth/roles'
import { currentViewer } from '@/lib/server/viewer'

export const dynamic = 'force-dynamic'

/** The class's progress matrix as CSV, for its teacher (an admin too); in the teacher's interface language. */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params
  const viewer = await currentViewer()
  if (!viewer) return NextResponse.json({ error: 'unauthorized', message: 'Sign in first.' }, { status: 401 })
  if (!hasRole(viewer, ['teacher'])) return NextResponse.json({ error: 'forbidden', message: 'Only teachers export class progress.' }, { status: 403 })
  const locale = await currentLang()
  const found = await classProgress(viewer, classId, locale)
  if (!found) return NextResponse.json({ error: 'not_found', message: 'No such class among yours.' }, { status: 404 })
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
  const slug = found.detail.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'class'
  return new NextResponse(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="class-progress.csv"; filename*=UTF-8''${encodeURIComponent(`${slug}-progress.csv`)}`,
      'Cache-Control': 'no-store',
    },
  })
}
