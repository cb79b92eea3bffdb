import { NextResponse } from 'next/server'
import { AccessDeniedError, UnstorableTextError, dal } from '@/lib/server/dal'
import { readJsonBody } from '@/lib/server/http/json-body'
import { tooManyRequests } from '@/lib/server/http/too-many-requests'
import { limits } from '@/lib/server/rate-limit'
import { unstorableTextResponse } from '@/lib/server/rate-limit/responses'
import { ImportBusyError, importLimits, importVisitorWork, visitorImportSchema } from '@/lib/server/visitor-import'
import { currentViewer } from '@/lib/server/viewer'

export const dynamic = 'force-dynamic'

/** Adds what this browser did before signing in to the signed-in account; every answer is graded again here. */
export async function POST(request: Request) {
  const viewer = await currentViewer()
  if (!viewer) return NextResponse.json({ error: 'unauthorized', message: 'Sign in to add your work to an account.' }, { status: 401 })
  const body = await readJsonBody(request, visitorImportSchema, importLimits.bodyBytes)
  if (!body.ok) return body.response
  const wait = await limits().import.consume(viewer.id)
  if (wait > 0) return tooManyRequests(request, wait)
  try {
    return NextResponse.json(await importVisitorWork(dal(), viewer, body.data))
  } catch (error) {
    if (error instanceof AccessDeniedError)
      return NextResponse.json({ error: 'unauthorized', message: error.message }, { status: error.status })
    // nothing was added; the browser keeps its record (importing again counts nothing twice)
    if (error instanceof ImportBusyError)
      return NextResponse.json({ error: 'busy', message: error.message }, { status: 503, headers: { 'retry-after': '5' } })
    if (error instanceof UnstorableTextError) return unstorableTextResponse(error)
    throw error
  }
}
