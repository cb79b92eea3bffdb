import { NextResponse } from 'next/server'
import { z } from 'zod'
import { findCatalogLesson } from '@/lib/server/course-catalog'
import { readJsonBody } from '@/lib/server/http/json-body'
import { openLesson } from '@/lib/server/learner-state'
import { currentViewer } from '@/lib/server/viewer'

export const dynamic = 'force-dynamic'

const bodySchema = z.object({}).strict()

/**
 * "I opened this lesson": marks it started for a signed-in learner and answers with what the lesson shows of them
 * (attempts, draft, last pass, quiz score, the course map; the course's order when it has studio lessons). A POST
 * because it records something; a file lesson's page itself is prerendered (ADR 0018).
 */
export async function POST(request: Request, { params }: { params: Promise<{ courseId: string; lessonId: string }> }) {
  const { courseId, lessonId } = await params
  const found = await findCatalogLesson(courseId, lessonId)
  if (!found) return NextResponse.json({ error: 'not_found', message: 'No such lesson.' }, { status: 404 })
  const body = await readJsonBody(request, bodySchema, 1024)
  if (!body.ok) return body.response
  return NextResponse.json(await openLesson(await currentViewer(), found.course, found.lesson), {
    headers: { 'cache-control': 'private, no-store' },
  })
}
