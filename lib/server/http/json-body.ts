import 'server-only'
import { NextResponse } from 'next/server'
import type { ZodType } from 'zod'
import { env } from '../env.ts'
import { checkSameOrigin } from './same-origin.ts'

export const maxBodyBytes = 256 * 1024

export type ParsedBody<T> = { ok: true; data: T } | { ok: false; response: NextResponse }

/**
 * Reads a JSON body of at most `limit` bytes and validates it. Every JSON route goes through here, so these are
 * the request checks of the whole API (ADR 0012):
 * - 415 unless `Content-Type: application/json`: a cross-site HTML form can only send text/plain,
 *   form-urlencoded or multipart, and a fetch that sends JSON needs a CORS preflight Kubelab never grants;
 * - 403 unless the request comes from a Kubelab page (same origin; see same-origin.ts);
 * - 413 when too large (read no further), 400 when not JSON, 422 with zod's issues when the shape is wrong.
 */
export async function readJsonBody<T>(request: Request, schema: ZodType<T>, limit = maxBodyBytes): Promise<ParsedBody<T>> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return {
      ok: false,
      response: NextResponse.json(
        { error: 'unsupported_media_type', message: 'Send the body as JSON with Content-Type: application/json.' },
        { status: 415 },
      ),
    }
  }
  const origin = checkSameOrigin(request.headers, env().PUBLIC_URL)
  if (!origin.ok) {
    return {
      ok: false,
      response: NextResponse.json(
        { error: 'cross_origin', message: `Only Kubelab's own pages may send this request (${origin.reason}).` },
        { status: 403 },
      ),
    }
  }
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
    return {
      ok: false,
      response: NextResponse.json({ error: 'invalid_json', message: 'The request body is not valid JSON.' }, { status: 400 }),
    }
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    return {
      ok: false,
      response: NextResponse.json(
        { error: 'invalid_input', issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
        { status: 422 },
      ),
    }
  }
  return { ok: true, data: parsed.data }
}

/** `application/json`, optionally with `charset=utf-8` (the only charset JSON has). */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false
  const [type, ...params] = value.split(';').map((part) => part.trim().toLowerCase())
  if (type !== 'application/json') return false
  return params.every((param) => !param.startsWith('charset=') || /^charset="?utf-8"?$/.test(param))
}

function tooLarge(limit: number): NextResponse {
  return NextResponse.json({ error: 'too_large', message: `The request body is larger than ${limit / 1024} KiB.` }, { status: 413 })
}
