import { NextResponse } from 'next/server'
import { findCourse } from '@/lib/content/load'
import { courseState } from '@/lib/server/learner-state'
import { currentViewer } from '@/lib/server/viewer'

export const dynamic = 'force-dynamic'

/** My progress in a course, for the course page (prerendered, the same for everyone: ADR 0018). */
export async function GET(_request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  const course = findCourse((await params).courseId)
  if (!course) return NextResponse.json({ error: 'not_found', message: 'No such course.' }, { status: 404 })
  return NextResponse.json(await courseState(await currentViewer(), course), { headers: { 'cache-control': 'private, no-store' } })
}
