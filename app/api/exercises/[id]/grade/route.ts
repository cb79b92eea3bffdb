import { NextResponse } from 'next/server'
import { z } from 'zod'
import { QuotaExceededError, UnstorableTextError, dal } from '@/lib/server/dal'
import { storableText } from '@/lib/server/dal/text'
import { readJsonBody } from '@/lib/server/http/json-body'
import { tooManyRequests } from '@/lib/server/http/too-many-requests'
import { gradeResponseBody, gradeSubmission } from '@/lib/server/grading-service'
import { addressOf, limits } from '@/lib/server/rate-limit'
import { quotaExceededResponse, unstorableTextResponse } from '@/lib/server/rate-limit/responses'
import { currentViewer } from '@/lib/server/viewer'

export const dynamic = 'force-dynamic'

/** A command may carry a here-document (a whole manifest after `kubectl apply -f - <<EOF`); all of them together are
 * bounded by the body's size (json-body.ts, 256 KiB), as a YAML answer is. */
const answerLimits = { yamlChars: 256 * 1024, commands: 200, commandChars: 64 * 1024 } as const

const bodySchema = z
  .object({
    yaml: storableText(z.string().max(answerLimits.yamlChars)).optional(),
    commands: z
      .array(storableText(z.string().max(answerLimits.commandChars)))
      .max(answerLimits.commands)
      .optional(),
    lang: z.enum(['ko', 'en']).default('ko'),
  })
  .strict()
  .refine((b) => (b.yaml === undefined) !== (b.commands === undefined), { message: 'send either "yaml" or "commands"' })

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const body = await readJsonBody(request, bodySchema)
  if (!body.ok) return body.response
  const viewer = await currentViewer()
  // grades per signed-in user, visitors' per address; then a learner's storage quota, before any grading is spent
  const wait = await limits().grade.consume(viewer, addressOf(request))
  if (wait > 0) return tooManyRequests(request, wait)
  if (viewer) {
    const exceeded = await dal().progress.submissionQuota(viewer)
    if (exceeded) return quotaExceededResponse(request, exceeded, viewer.id, body.data.lang)
  }
  let outcome: Awaited<ReturnType<typeof gradeSubmission>>
  try {
    outcome = await gradeSubmission(viewer, id, body.data, body.data.lang)
  } catch (error) {
    // concurrent grades may use up the quota between the check above and the write
    if (error instanceof QuotaExceededError && viewer) return quotaExceededResponse(request, error, viewer.id, body.data.lang)
    if (error instanceof UnstorableTextError) return unstorableTextResponse(error)
    throw error
  }
  if (outcome.status === 'not_found') return NextResponse.json({ error: 'not_found', message: `No exercise "${id}".` }, { status: 404 })
  if (outcome.status === 'wrong_kind') return NextResponse.json({ error: 'invalid_input', message: outcome.message }, { status: 422 })
  // A limit of the simulator or of the grader: the learner's input asked for too much (nothing was stored).
  if (outcome.status === 'over_budget')
    return NextResponse.json({ error: 'over_budget', message: outcome.message, limit: outcome.limit }, { status: 422 })
  if (outcome.status !== 'graded')
    return NextResponse.json({ error: outcome.status, message: outcome.message }, { status: 503, headers: { 'retry-after': '2' } })
  return new Response(gradeResponseBody(outcome), { headers: { 'content-type': 'application/json' } })
}
