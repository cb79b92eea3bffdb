import { NextResponse } from 'next/server'
import { AccessDeniedError, dal } from '@/lib/server/dal'
import { readJsonBody } from '@/lib/server/http/json-body'
import { importLimits, importVisitorWork, visitorImportSchema } from '@/lib/server/visitor-import'
import { currentViewer } from '@/lib/server/viewer'

export const dynamic = 'force-dynamic'

/** Adds what this browser did before signing in to the signed-in account; every answer is graded again here. */
export async function POST(request: Request) {
  const viewer = await currentViewer()
  if (!viewer) return NextResponse.json({ error: 'unauthorized', message: 'Sign in to add your work to an account.' }, { status: 401 })
  const body = await readJsonBody(request, visitorImportSchema, importLimits.bodyBytes)
  if (!body.ok) return body.response
  try {
    return NextResponse.json(await importVisitorWork(dal(), viewer, body.data))
  } catch (error) {
    if (error instanceof AccessDeniedError) return NextResponse.json({ error: 'unauthorized', message: error.message }, { status: error.status })
    throw error
  }
}
