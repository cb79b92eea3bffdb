import { NextResponse } from 'next/server'
import { findCatalogCourse } from '@/lib/server/course-catalog'
import { courseState } from '@/lib/server/learner-state'
import { currentViewer } from '@/lib/server/viewer'

export const dynamic = 'force-dynamic'

/**
 * My progress in a course, for the course page (prerendered, the same for everyone: ADR 0018), with the course's
 * lessons in order when published studio lessons join its files (ADR 0020).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  const course = await findCatalogCourse((await params).courseId)
  if (!course) return NextResponse.json({ error: 'not_found', message: 'No such course.' }, { status: 404 })
  return NextResponse.json(await courseState(await currentViewer(), course), { headers: { 'cache-control': 'private, no-store' } })
}
