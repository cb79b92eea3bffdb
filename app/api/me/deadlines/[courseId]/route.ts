import { NextResponse } from 'next/server'
import { deadlineState, type LearnerDeadlinesAnswer, type LearnerDue } from '@/lib/classes/deadlines'
import { dal } from '@/lib/server/dal'
import { currentViewer } from '@/lib/server/viewer'

export const dynamic = 'force-dynamic'

/**
 * What is due for me in a course (issue 17), for the course page, which is prerendered and the same for everyone
 * (ADR 0018): the due dates of my classes of that course, each with its state now. A visitor has none.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params
  const viewer = await currentViewer()
  const headers = { 'cache-control': 'private, no-store' }
  if (!viewer) return NextResponse.json({ signedIn: false, due: [] } satisfies LearnerDeadlinesAnswer, { headers })
  const now = new Date()
  const due: LearnerDue[] = (await dal().deadlines.dueForLearner(viewer, courseId)).map((d) => ({
    lessonId: d.lessonId,
    dueAt: d.dueAt.toISOString(),
    classId: d.classId,
    className: d.className,
    completedAt: d.completedAt?.toISOString() ?? null,
    state: deadlineState(d.dueAt, d, now) as LearnerDue['state'], // never 'none': every row has a due date
  }))
  return NextResponse.json({ signedIn: true, due } satisfies LearnerDeadlinesAnswer, { headers })
}
