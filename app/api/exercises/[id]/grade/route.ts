import { NextResponse } from 'next/server'
import { z } from 'zod'
import { readJsonBody } from '@/lib/server/http/json-body'
import { gradeResponseBody, gradeSubmission } from '@/lib/server/grading-service'
import { currentViewer } from '@/lib/server/viewer'

export const dynamic = 'force-dynamic'

const bodySchema = z
  .object({
    yaml: z.string().max(256 * 1024).optional(),
    commands: z.array(z.string().max(4096)).max(200).optional(),
    lang: z.enum(['ko', 'en']).default('ko'),
  })
  .strict()
  .refine((b) => (b.yaml === undefined) !== (b.commands === undefined), { message: 'send either "yaml" or "commands"' })

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const body = await readJsonBody(request, bodySchema)
  if (!body.ok) return body.response
  const outcome = await gradeSubmission(await currentViewer(), id, body.data, body.data.lang)
  if (outcome.status === 'not_found') return NextResponse.json({ error: 'not_found', message: `No exercise "${id}".` }, { status: 404 })
  if (outcome.status === 'wrong_kind') return NextResponse.json({ error: 'invalid_input', message: outcome.message }, { status: 422 })
  // A limit of the simulator or of the grader: the learner's input asked for too much (nothing was stored).
  if (outcome.status === 'over_budget') return NextResponse.json({ error: 'over_budget', message: outcome.message, limit: outcome.limit }, { status: 422 })
  if (outcome.status !== 'graded') return NextResponse.json({ error: outcome.status, message: outcome.message }, { status: 503, headers: { 'retry-after': '2' } })
  return new Response(gradeResponseBody(outcome), { headers: { 'content-type': 'application/json' } })
}
