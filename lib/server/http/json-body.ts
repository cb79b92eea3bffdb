import 'server-only'
import { NextResponse } from 'next/server'
import type { ZodType } from 'zod'

export const maxBodyBytes = 256 * 1024

export type ParsedBody<T> = { ok: true; data: T } | { ok: false; response: NextResponse }

/**
 * Reads a JSON body of at most `limit` bytes and validates it: 413 when too large (read no further),
 * 400 when not JSON, 422 with zod's issues when the shape is wrong.
 */
export async function readJsonBody<T>(request: Request, schema: ZodType<T>, limit = maxBodyBytes): Promise<ParsedBody<T>> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > limit) return { ok: false, response: tooLarge(limit) }
  const reader = request.body?.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel()
        return { ok: false, response: tooLarge(limit) }
      }
      chunks.push(value)
    }
  }
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)))
  } catch {
    return { ok: false, response: NextResponse.json({ error: 'invalid_json', message: 'The request body is not valid JSON.' }, { status: 400 }) }
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    return {
      ok: false,
      response: NextResponse.json({ error: 'invalid_input', issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }, { status: 422 }),
    }
  }
  return { ok: true, data: parsed.data }
}

function tooLarge(limit: number): NextResponse {
  return NextResponse.json({ error: 'too_large', message: `The request body is larger than ${limit / 1024} KiB.` }, { status: 413 })
}
