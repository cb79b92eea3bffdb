import { NextResponse } from 'next/server'
import { z } from 'zod'
import { findCatalogExercise } from '@/lib/server/course-catalog'
import { UnstorableTextError, dal } from '@/lib/server/dal'
import { maxDraftBytes } from '@/lib/server/dal/drafts'
import { storableText } from '@/lib/server/dal/text'
import { readJsonBody } from '@/lib/server/http/json-body'
import { unstorableTextResponse } from '@/lib/server/rate-limit/responses'
import { currentViewer } from '@/lib/server/viewer'

export const dynamic = 'force-dynamic'

const bodySchema = z.object({ source: storableText(z.string().max(maxDraftBytes)) }).strict()

export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const viewer = await currentViewer()
  if (!viewer) return NextResponse.json({ error: 'unauthorized', message: 'Sign in to save drafts on the server.' }, { status: 401 })
  if (!(await findCatalogExercise(id))) return NextResponse.json({ error: 'not_found', message: `No exercise "${id}".` }, { status: 404 })
  const body = await readJsonBody(request, bodySchema, maxDraftBytes + 1024)
  if (!body.ok) return body.response
  try {
    await dal().drafts.save(viewer, id, body.data.source)
  } catch (error) {
    if (error instanceof UnstorableTextError) return unstorableTextResponse(error)
    throw error
  }
  return new NextResponse(null, { status: 204 })
}
