import { NextResponse } from 'next/server'
import { z } from 'zod'
import { readJsonBody } from '@/lib/server/http/json-body'
import { gradeSubmission } from '@/lib/server/grading-service'
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
  return NextResponse.json(outcome.response)
}
